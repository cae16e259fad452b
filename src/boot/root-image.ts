// The host's own root filesystem on first boot: a small Debian-like layout (merged /usr, the
// account files, /etc/hostname) and an executable file for every program in the registry.
// Later boots only add executables for programs that are new since the last one, so a command
// a user deleted stays deleted, as it would on a real disk.

import { programFile } from '../abi/program.ts';
import { utf8Decode, utf8Encode } from '../base/text.ts';
import type { FsContext, Vfs } from '../kernel/fs/vfs/vfs.ts';

const DIRS: Array<[string, number]> = [
  ['/usr', 0o755], ['/usr/bin', 0o755], ['/usr/sbin', 0o755], ['/usr/lib', 0o755], ['/usr/local', 0o755],
  ['/usr/local/bin', 0o755], ['/usr/share', 0o755], ['/etc', 0o755], ['/root', 0o700], ['/home', 0o755],
  ['/tmp', 0o1777], ['/var', 0o755], ['/var/lib', 0o755], ['/var/lib/cowbox', 0o755], ['/var/log', 0o755],
  ['/var/tmp', 0o1777], ['/proc', 0o555], ['/sys', 0o555], ['/dev', 0o755], ['/run', 0o755], ['/mnt', 0o755],
  ['/opt', 0o755], ['/srv', 0o755],
];

const LINKS: Array<[string, string]> = [['/bin', 'usr/bin'], ['/sbin', 'usr/sbin'], ['/lib', 'usr/lib']];

const FILES: Array<[string, string, number]> = [
  ['/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n', 0o644],
  ['/etc/group', 'root:x:0:\ndaemon:x:1:\ntty:x:5:\nnogroup:x:65534:\n', 0o644],
  ['/etc/shadow', 'root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n', 0o640],
  ['/etc/os-release', 'PRETTY_NAME="cowbox"\nNAME="cowbox"\nID=cowbox\nHOME_URL="https://github.com/"\n', 0o644],
  ['/etc/profile', [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    'export PATH',
    '# user@host:dir, green and blue, as Debian\'s root prompt looks with colours on',
    "PS1='\\[\\e[1;32m\\]\\u@\\h\\[\\e[0m\\]:\\[\\e[1;34m\\]\\w\\[\\e[0m\\]\\$ '",
    '',
  ].join('\n'), 0o644],
];

/**
 * Commands Debian reaches through update-alternatives, by the program whose postinst registers
 * them: /usr/bin/vi -> /etc/alternatives/vi -> /usr/bin/vim.tiny; nano's editor and pico lead to
 * /bin/nano. Laid down when the program is first installed (a link a user removed stays removed,
 * as the program file does).
 */
const ALTERNATIVES: Record<string, Array<[link: string, target: string]>> = {
  'vim.tiny': [['vi', '/usr/bin/vim.tiny']],
  nano: [['editor', '/bin/nano'], ['pico', '/bin/nano']],
};

async function installAlternative(vfs: Vfs, ctx: FsContext, link: string, target: string): Promise<void> {
  if (!(await vfs.exists(ctx, '/etc/alternatives'))) await vfs.mkdir(ctx, '/etc/alternatives', 0o755);
  if (!(await vfs.exists(ctx, `/etc/alternatives/${link}`))) await vfs.symlink(ctx, target, `/etc/alternatives/${link}`);
  if (!(await vfs.exists(ctx, `/usr/bin/${link}`))) await vfs.symlink(ctx, `/etc/alternatives/${link}`, `/usr/bin/${link}`);
}

const INSTALLED = '/var/lib/cowbox/programs';
/**
 * The installed list's digest, kept in an extended attribute of that file: attributes live in the
 * disk's tree, which a boot reads anyway, so a boot that changes nothing compares the digest and
 * never waits to read the file's bytes from storage.
 */
const INSTALLED_DIGEST = 'user.cowbox.digest';

/** FNV-1a over the names, as hex: enough to tell one program set from another. */
function digestOf(programs: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const name of programs) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return `${programs.length}-${(h >>> 0).toString(16)}`;
}


/** Lay out a fresh root, or bring an existing one's program set up to date; true if it was fresh. */
export async function prepareRoot(vfs: Vfs, ctx: FsContext, hostname: string, programs: string[]): Promise<boolean> {
  const fresh = !(await vfs.exists(ctx, INSTALLED));
  if (fresh) {
    for (const [dir, mode] of DIRS) {
      if (!(await vfs.exists(ctx, dir))) await vfs.mkdir(ctx, dir, mode);
      await vfs.chmod(ctx, dir, mode);
    }
    for (const [link, target] of LINKS) if (!(await vfs.exists(ctx, link))) await vfs.symlink(ctx, target, link);
    for (const [path, text, mode] of FILES) {
      await vfs.writeFile(ctx, path, text);
      await vfs.chmod(ctx, path, mode);
    }
    await vfs.writeFile(ctx, '/etc/hostname', `${hostname}\n`);
  }
  const digest = digestOf(programs);
  if (!fresh) {
    const stored = await vfs.getxattr(ctx, INSTALLED, INSTALLED_DIGEST).then(utf8Decode, () => null);
    if (stored === digest) return false;
  }
  const known = fresh ? new Set<string>() : new Set(utf8Decode(await vfs.readFile(ctx, INSTALLED)).split('\n').filter(Boolean));
  // A boot that adds nothing writes nothing: the disk (and its tree image) stays as it was.
  if (!fresh && programs.every((name) => known.has(name)) && known.size === programs.length) {
    // The same set, on a disk from before the digest was kept: keep it now, once.
    await vfs.setxattr(ctx, INSTALLED, INSTALLED_DIGEST, utf8Encode(digest));
    return false;
  }
  for (const name of programs) {
    if (known.has(name)) continue;
    const dir = name === 'init' ? '/usr/sbin' : '/usr/bin';
    // A new file is made 0755 at once (the boot's umask is 022), one call per program on a fresh
    // disk; one already there (an update) keeps its inode, so its mode is set after.
    await vfs.writeFile(ctx, `${dir}/${name}`, programFile(name), 0o755);
    if (!fresh) await vfs.chmod(ctx, `${dir}/${name}`, 0o755);
    for (const [link, target] of ALTERNATIVES[name] ?? []) await installAlternative(vfs, ctx, link, target);
  }
  await vfs.writeFile(ctx, INSTALLED, programs.join('\n') + '\n');
  await vfs.setxattr(ctx, INSTALLED, INSTALLED_DIGEST, utf8Encode(digest));
  return fresh;
}

// What mount(8) and umount(8) share, as util-linux's libmount does it: the mount table read from
// /proc/self/mountinfo (or /proc/self/mounts), paths made canonical the way the table writes them,
// /etc/fstab, and the sentences libmount 2.38 turns a failed mount(2)/umount2(2) into.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFLNK, S_IFMT } from '../../abi/stat.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

/** util-linux's mount exit codes. */
export const MNT_EX = { SUCCESS: 0, USAGE: 1, SYSERR: 2, SOFTWARE: 4, USER: 8, FILEIO: 16, FAIL: 32, SOMEOK: 64 } as const;

export const DMESG_HINT = '       dmesg(1) may have more information after failed mount system call.\n';

export interface MountEntry {
  id: number;
  parent: number;
  /** The directory of the filesystem this mount shows (bind mounts: not "/"). */
  root: string;
  target: string;
  vfsOptions: string;
  fstype: string;
  source: string;
  superOptions: string;
}

/** The kernel's escapes in mount tables (\040 for a space...) undone. */
export function unmangle(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

async function readText(sys: Sys, path: string): Promise<string> {
  const fd = await sys.open(path, O_RDONLY);
  try {
    return utf8Decode(await sys.readAll(fd));
  } finally {
    await sys.close(fd);
  }
}

/**
 * The mount table of this process's mount namespace, in mount order: mountinfo, or the older
 * /proc/self/mounts when that is all there is. Throws the SysError of the last file tried.
 */
export async function readMountTable(sys: Sys): Promise<MountEntry[]> {
  let text: string;
  try {
    text = await readText(sys, '/proc/self/mountinfo');
  } catch (e) {
    if (!isSysError(e)) throw e;
    const mounts = await readText(sys, '/proc/self/mounts');
    return mounts.split('\n').filter((l) => l.trim() !== '').map((line, i) => {
      const [source = '', target = '', fstype = '', options = ''] = line.split(' ');
      const [vfs, ...rest] = options.split(',');
      return { id: i + 1, parent: 0, root: '/', target: unmangle(target), vfsOptions: vfs ?? 'rw', fstype, source: unmangle(source), superOptions: rest.join(',') };
    });
  }
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const f = line.split(' ');
    const dash = f.indexOf('-', 6);
    if (dash < 0) continue;
    out.push({
      id: Number(f[0]), parent: Number(f[1]), root: unmangle(f[3] ?? '/'), target: unmangle(f[4] ?? ''), vfsOptions: f[5] ?? 'rw',
      fstype: f[dash + 1] ?? '', source: unmangle(f[dash + 2] ?? ''), superOptions: f[dash + 3] ?? '',
    });
  }
  return out;
}

/** The options mount(8) lists: the mount's own flags, then the filesystem's (its rw/ro dropped). */
export function optionsText(e: MountEntry): string {
  const fs = e.superOptions.split(',').filter((o) => o !== '' && o !== 'rw' && o !== 'ro');
  return [e.vfsOptions, ...fs].join(',');
}

/** The last mount on `target` (a canonical path): the one a path walk sees. */
export function mountAt(table: MountEntry[], target: string): MountEntry | undefined {
  for (let i = table.length - 1; i >= 0; i--) if (table[i]!.target === target) return table[i];
  return undefined;
}

function normalize(parts: string[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

/** realpath(3): an absolute path without `.`, `..` or symlinks; null (with the error) if it fails. */
export async function canonicalize(sys: Sys, path: string): Promise<{ path: string } | { error: ErrnoName }> {
  let rest = path.split('/');
  let done: string[] = [];
  if (!path.startsWith('/')) {
    try {
      done = (await sys.getcwd()).split('/').filter((p) => p !== '');
    } catch (e) {
      if (!isSysError(e)) throw e;
      return { error: e.code };
    }
  }
  let links = 0;
  while (rest.length > 0) {
    const name = rest.shift()!;
    if (name === '' || name === '.') continue;
    if (name === '..') {
      done.pop();
      continue;
    }
    const here = normalize([...done, name]);
    try {
      const st = await sys.lstat(here);
      if ((st.mode & S_IFMT) === S_IFLNK) {
        if (++links > 40) return { error: 'ELOOP' };
        const target = await sys.readlink(here);
        if (target.startsWith('/')) done = [];
        rest = [...target.split('/'), ...rest];
        continue;
      }
      if (rest.some((r) => r !== '' && r !== '.') && (st.mode & S_IFMT) !== S_IFDIR) return { error: 'ENOTDIR' };
    } catch (e) {
      if (!isSysError(e)) throw e;
      return { error: e.code };
    }
    done.push(name);
  }
  return { path: normalize(done) };
}

/** A path as libmount shows it in messages: canonical when it exists, else as written. */
export async function shownPath(sys: Sys, path: string): Promise<string> {
  const c = await canonicalize(sys, path);
  return 'path' in c ? c.path : path;
}

export interface FstabEntry {
  source: string;
  target: string;
  fstype: string;
  options: string;
}

/** /etc/fstab (or the -T file): one mount a line, `#` comments; none when it cannot be read. */
export async function readFstab(sys: Sys, file = '/etc/fstab'): Promise<FstabEntry[]> {
  let text: string;
  try {
    text = await readText(sys, file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return [];
  }
  const out: FstabEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [source, target, fstype = 'auto', options = 'defaults'] = line.split(/\s+/);
    if (!source || !target) continue;
    out.push({ source: unmangle(source), target: unmangle(target), fstype, options });
  }
  return out;
}

/** Filesystems with no device behind them: libmount leaves their source as written. */
export const PSEUDO_FS = new Set(['tmpfs', 'proc', 'sysfs', 'cgroup', 'cgroup2', 'overlay', 'devpts', 'devtmpfs', 'mqueue', 'ramfs', 'none', 'nsfs', 'debugfs', 'tracefs', 'securityfs', 'bpf', 'fusectl', 'hugetlbfs', 'pstore', 'configfs', 'binfmt_misc', 'autofs']);

async function statOk(sys: Sys, path: string): Promise<{ mode: number } | null> {
  try {
    return await sys.stat(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
}

async function lstatOk(sys: Sys, path: string): Promise<boolean> {
  try {
    await sys.lstat(path);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

export interface MountAttempt {
  /** As given, and as messages show them. */
  target: string;
  source: string | null;
  fstype: string | null;
  readOnly: boolean;
  remount: boolean;
  bind: boolean;
}

/** libmount's sentence for a mount(2) that failed with `code` (mnt_context_get_mount_excode). */
export async function mountErrorText(sys: Sys, code: ErrnoName, m: MountAttempt): Promise<string> {
  const src = m.source ?? '';
  switch (code) {
    case 'EPERM': {
      if ((await sys.geteuid()) !== 0) return 'must be superuser to use mount';
      const st = await statOk(sys, m.target);
      return !st || (st.mode & S_IFMT) !== S_IFDIR ? 'mount point is not a directory' : 'permission denied';
    }
    case 'EBUSY':
      return m.remount ? 'mount point is busy' : `${src} already mounted or mount point busy`;
    case 'ENOENT':
      if (!(await lstatOk(sys, m.target))) return 'mount point does not exist';
      if (!(await statOk(sys, m.target))) return 'mount point is a symbolic link to nowhere';
      if (m.source && !(await statOk(sys, m.source))) return `special device ${src} does not exist`;
      return `mount(2) system call failed: ${strerror(code)}`;
    case 'ENOTDIR': {
      const st = await statOk(sys, m.target);
      if (!st || (st.mode & S_IFMT) !== S_IFDIR) return 'mount point is not a directory';
      return `mount(2) system call failed: ${strerror(code)}`;
    }
    case 'EINVAL':
      if (m.remount) return 'mount point not mounted or bad option';
      return `wrong fs type, bad option, bad superblock on ${src}, missing codepage or helper program, or other error`;
    case 'EMFILE':
      return 'mount table full';
    case 'EIO':
      return `can't read superblock on ${src}`;
    case 'ENODEV':
      if (m.remount) return `mount(2) system call failed: ${strerror(code)}`;
      return m.fstype ? `unknown filesystem type '${m.fstype}'` : 'unknown filesystem type';
    case 'ENXIO':
      return `${src} is not a valid block device`;
    case 'EACCES':
    case 'EROFS':
      if (m.readOnly) return `cannot mount ${src} read-only`;
      if (m.remount) return `cannot remount ${src} read-write, is write-protected`;
      if (m.bind) return `bind ${src} failed`;
      return `mount(2) system call failed: ${strerror(code)}`;
    default:
      return `mount(2) system call failed: ${strerror(code)}`;
  }
}

/** libmount's sentence for a failed umount2(2). */
export function umountErrorText(code: ErrnoName): string {
  switch (code) {
    case 'ENXIO': return 'invalid block device';
    case 'EINVAL': return 'not mounted';
    case 'EIO': return "can't write superblock";
    case 'EBUSY': return 'target is busy';
    case 'ENOENT': return 'no mount point specified';
    case 'EPERM': return 'must be superuser to unmount';
    case 'EACCES': return 'block devices are not permitted on filesystem';
    default: return `umount(2) system call failed: ${strerror(code)}`;
  }
}

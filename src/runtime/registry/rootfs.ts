// The root filesystem of each bundled base image as file entries: a distribution's base packages
// from its catalog (so the image's package database and what apk/apt/yum later write agree), the
// layout details the real image has on top (merged /usr links on Debian and Ubuntu, busybox's
// applet links on Alpine, the mount-point directories), or busybox's own small tree.

import { programFile } from '../../abi/program.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import { BUSYBOX, BUSYBOX_USR } from '../distro/alpine.ts';
import type { FileEntry } from '../distro/expand.ts';
import { imageEntries } from '../distro/image.ts';
import { catalogFor } from '../distro/index.ts';

/** A file entry, or a hard link to an earlier one (busybox's applets). */
export type RootEntry = FileEntry | { path: string; type: 'hardlink'; target: string; mode: number; owner: string; group: string };

const dir = (path: string, mode = 0o755): FileEntry => ({ path, type: 'dir', mode, owner: 'root', group: 'root' });
const file = (path: string, text: string, mode = 0o644): FileEntry => ({ path, type: 'file', mode, owner: 'root', group: 'root', text });
const link = (path: string, target: string): FileEntry => ({ path, type: 'symlink', mode: 0o777, owner: 'root', group: 'root', target });

/** The entries of a distribution image: catalog id as in src/runtime/distro (DISTRIBUTIONS). */
export async function distroRootfs(distro: string, time: number): Promise<RootEntry[]> {
  const catalog = await catalogFor(distro);
  let entries: FileEntry[] = imageEntries(catalog, { time });
  if (catalog.family === 'deb') entries = mergeUsr(entries);
  if (catalog.family === 'apk') entries = busyboxApplets(entries);
  // Mount points every image carries, empty: the runtime mounts over them.
  const have = new Set(entries.map((e) => e.path));
  const extra = ['/dev', '/proc', '/sys', '/tmp', '/root', '/home', '/mnt', '/opt', '/srv'].filter((p) => !have.has(p))
    .map((p) => dir(p, p === '/tmp' ? 0o1777 : p === '/root' ? 0o700 : 0o755));
  if (distro === 'ubi8') extra.push(...UBI_BUILDINFO);
  return sortTree([...extra, ...entries]);
}

/** What Red Hat's build system leaves in a UBI image: the Dockerfile it built from. */
const UBI_BUILDINFO: FileEntry[] = [
  dir('/root/buildinfo'),
  file('/root/buildinfo/Dockerfile-ubi8-8.1-328', [
    'FROM sha256:ed11f485244a1f1a1a9a6ed4f1c3a9ee1e16e4f1df8a1a63e2c4aa4f9d4e7c21', '',
    'LABEL maintainer="Red Hat, Inc."', 'LABEL com.redhat.component="ubi8-container" \\', '      name="ubi8" \\', '      version="8.1"', '',
    '#label for EULA', 'LABEL com.redhat.license_terms="https://www.redhat.com/en/about/red-hat-end-user-license-agreements#UBI"', '',
    'ENV container oci', 'ENV PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '', 'CMD ["/bin/bash"]', '',
    'RUN rm -rf /var/log/*', '', 'ADD ubi8-container-8.1-328.json /root/buildinfo/content_manifests/ubi8-container-8.1-328.json',
    'LABEL "release"="328" "distribution-scope"="public" "vendor"="Red Hat, Inc." "build-date"="2020-01-14T11:31:34.281473" "architecture"="x86_64" "vcs-type"="git" "vcs-ref"="b10b3dbc0a4e0bb2ba1cea1bd5b0dc4ba0e4ae1d" "com.redhat.build-host"="cpt-1005.osbs.prod.upshift.rdu2.redhat.com" "url"="https://access.redhat.com/containers/#/registry.access.redhat.com/ubi8/images/8.1-328"',
    '',
  ].join('\n')),
  dir('/root/buildinfo/content_manifests'),
  file('/root/buildinfo/content_manifests/ubi8-container-8.1-328.json', '{"metadata": {"icm_version": 1, "icm_spec": "https://raw.githubusercontent.com/containerbuildsystem/atomic-reactor/master/atomic_reactor/schemas/content_manifest.json", "image_layer_index": 1}, "content_sets": ["rhel-8-for-x86_64-baseos-rpms", "rhel-8-for-x86_64-appstream-rpms"], "image_contents": []}\n'),
];

/**
 * Debian 12 and Ubuntu 24.04 have merged /usr: /bin, /sbin and /lib are links into /usr and
 * what the packages ship under them lies in /usr's directories.
 */
function mergeUsr(entries: FileEntry[]): FileEntry[] {
  const moved = /^\/(bin|sbin|lib|lib64)(\/|$)/;
  const out: FileEntry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const path = moved.test(e.path) ? `/usr${e.path}` : e.path;
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ ...e, path });
  }
  for (const d of ['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64']) {
    if (!seen.has(d)) out.push(dir(d));
  }
  out.push(link('/bin', 'usr/bin'), link('/sbin', 'usr/sbin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64'));
  return out;
}

/**
 * Alpine's busybox package is one binary, /bin/busybox, and its trigger links every applet to
 * it (`/bin/ls -> /bin/busybox`); the catalog gives each applet its own program file, so here
 * the applets become links and /bin/busybox names the busybox program.
 */
function busyboxApplets(entries: FileEntry[]): FileEntry[] {
  const applets = new Map<string, string>();
  for (const c of [...BUSYBOX, ...ALPINE_BIN_EXTRA]) applets.set(`/bin/${c}`, c);
  for (const c of BUSYBOX_USR) applets.set(`/usr/bin/${c}`, c);
  const out: FileEntry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.path === '/bin/busybox' && e.type === 'file') {
      const version = /from busybox (\S+) /.exec(utf8Decode(e.fill?.head ?? new Uint8Array(0)))?.[1] ?? '';
      const head = utf8Encode(`${programFile('busybox')}package: busybox ${version}\n`);
      out.push({ ...e, text: undefined, fill: { seed: e.path, size: e.fill?.size ?? head.length, head } });
      seen.add(e.path);
      continue;
    }
    if (applets.has(e.path) && e.type === 'file') continue;
    seen.add(e.path);
    out.push(e);
  }
  for (const [path] of applets) {
    if (seen.has(path)) continue;
    // busybox-binsh ships /bin/sh as a relative link; the trigger makes the rest absolute.
    out.push(link(path, path === '/bin/sh' ? 'busybox' : '/bin/busybox'));
  }
  return out;
}

/** Applets alpine links in /bin that the catalog's busybox list leaves out (no cowbox tool of that name). */
const ALPINE_BIN_EXTRA = ['hostname'];

/** Parents before children, siblings by name, as a tar made by walking the tree lists them. */
function sortTree<T extends { path: string }>(entries: T[]): T[] {
  const key = (p: string): string => p.split('/').join('\0');
  return entries.sort((a, b) => (key(a.path) < key(b.path) ? -1 : key(a.path) > key(b.path) ? 1 : 0));
}

// ---- busybox:latest (BusyBox 1.37.0 built against glibc, on Debian 12) ----

const BUSYBOX_APPLETS = `[ [[ acpid adjtimex ar arch arp arping ash awk base32 base64 basename bc blkid bunzip2 bzcat bzip2 cal cat chgrp
  chmod chown chroot chvt clear cmp cp cpio crc32 cut date dc dd df diff dirname dmesg dnsdomainname dos2unix du dumpkmap echo
  ed egrep env expand expr factor fallocate false fgrep find fold free fsync ftpget ftpput getopt grep groups gunzip gzip halt
  hd head hexdump hostid hostname httpd hwclock id ifconfig init insmod install ip ipcalc kill killall less link ln loadkmap
  logger login logname losetup ls lsmod lsof lzcat lzma md5sum mkdir mkfifo mknod mktemp modprobe more mount mv nc netstat
  nice nl nohup nproc nslookup nsenter od passwd paste patch pidof ping pivot_root poweroff printenv printf ps pwd readlink
  realpath reboot renice reset rev rm rmdir rmmod route sed seq sh sha1sum sha256sum sha512sum shuf sleep sort split stat
  strings stty su swapoff swapon switch_root sync sysctl tac tail tar tee telnet test time timeout top touch tr traceroute
  true truncate tty udhcpc umount uname uniq unix2dos unlink unshare unxz unzip uptime usleep uudecode uuencode vi watch wc
  wget which whoami xargs xxd xz xzcat yes zcat`.split(/\s+/).filter(Boolean);

const BUSYBOX_PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const BUSYBOX_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:daemon
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nogroup:x:65534:
`;

const bulk = (path: string, size: number, what: string, mode = 0o755): FileEntry => {
  const head = utf8Encode(`cowbox: the bytes of ${path} from ${what} stand here; their content is not simulated.\n`);
  return { path, type: 'file', mode, owner: 'root', group: 'root', fill: { seed: path, size, head } };
};

/** busybox:latest: one static-looking tree, /bin/busybox with every applet hard-linked to it. */
export function busyboxRootfs(): RootEntry[] {
  const head = utf8Encode(`${programFile('busybox')}package: busybox 1.37.0\n`);
  const entries: RootEntry[] = [
    dir('/bin'),
    { path: '/bin/busybox', type: 'file', mode: 0o755, owner: 'root', group: 'root', fill: { seed: '/bin/busybox', size: 1_127_928, head } },
    dir('/dev'), dir('/etc'), file('/etc/group', BUSYBOX_GROUP), file('/etc/localtime', 'TZif2\n'), dir('/etc/network'),
    dir('/etc/network/if-down.d'), dir('/etc/network/if-post-down.d'), dir('/etc/network/if-pre-up.d'), dir('/etc/network/if-up.d'),
    file('/etc/nsswitch.conf', 'hosts:\t\tfiles dns\nnetworks:\tfiles\npasswd:\t\tfiles\ngroup:\t\tfiles\nshadow:\t\tfiles\n'),
    file('/etc/passwd', BUSYBOX_PASSWD), file('/etc/shadow', BUSYBOX_PASSWD.split('\n').filter(Boolean).map((l) => `${l.split(':')[0]}:*:10933:0:99999:7:::`).join('\n') + '\n', 0o640),
    dir('/home'), dir('/lib'), bulk('/lib/ld-linux-x86-64.so.2', 210_968, 'glibc 2.36'), bulk('/lib/libc.so.6', 1_922_136, 'glibc 2.36'),
    bulk('/lib/libm.so.6', 907_784, 'glibc 2.36'), bulk('/lib/libresolv.so.2', 68_104, 'glibc 2.36'),
    bulk('/lib/libnss_dns.so.2', 14_480, 'glibc 2.36'), bulk('/lib/libnss_files.so.2', 14_480, 'glibc 2.36'),
    link('/lib64', 'lib'), dir('/proc'), dir('/root', 0o700), dir('/sys'), dir('/tmp', 0o1777), dir('/usr'), dir('/usr/sbin'),
    dir('/var'), dir('/var/spool'), dir('/var/spool/mail'), dir('/var/www'),
  ];
  // The links follow the file they link to, as tar must list them.
  const sorted = sortTree(entries);
  const links: RootEntry[] = BUSYBOX_APPLETS.map((a) => ({ path: `/bin/${a}`, type: 'hardlink', target: '/bin/busybox', mode: 0o755, owner: 'root', group: 'root' }));
  sorted.splice(sorted.findIndex((e) => e.path === '/bin/busybox') + 1, 0, ...links);
  return sorted;
}

// The container's filesystem, built inside its new mount namespace before pivot_root, as runc
// builds it (moby oci/defaults.go): the overlay of the RW layer on merged/, proc, a tmpfs /dev
// with the usual nodes, its own devpts, shm and mqueue, a read-only sysfs and cgroup2, the
// container's hostname/hosts/resolv.conf bound over /etc's, the volumes and binds (`:ro`
// remounted read-only, a new volume first filled from the image), Docker's masked and read-only
// paths; then pivot_root into merged/.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { mkdirAll, writeFile } from '../sys-files.ts';
import { overlayOptions } from '../layers/layer-store.ts';
import type { TaskSpec } from './task-spec.ts';
import { copyImageContent } from '../volumes/copy-up.ts';
import type { TaskMount } from '../volumes/mounts.ts';
import { TaskStartError } from './task-spec.ts';

const S_IFCHR = 0o020000;
const makedev = (major: number, minor: number): number => (major << 8) | minor;

/** The character devices every container's /dev has (runc's default device list). */
const DEVICES: Array<[string, number, number]> = [
  ['null', 1, 3], ['zero', 1, 5], ['full', 1, 7], ['random', 1, 8], ['urandom', 1, 9], ['tty', 5, 0], ['console', 5, 1],
];

async function exists(sys: Sys, path: string): Promise<boolean> {
  try {
    await sys.lstat(path);
    return true;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

/** A file to bind over (made when the image lacks it, as the init layer normally provides). */
async function ensureFile(sys: Sys, path: string): Promise<void> {
  if (await exists(sys, path)) return;
  await mkdirAll(sys, path.slice(0, path.lastIndexOf('/')) || '/');
  await writeFile(sys, path, '');
}

async function tryMount(sys: Sys, source: string, target: string, type: string, options: string): Promise<boolean> {
  try {
    await sys.mount(source, target, type, options);
    return true;
  } catch (e) {
    if (isSysError(e, 'ENODEV')) return false;
    throw e;
  }
}

async function setupDev(sys: Sys, dev: string): Promise<void> {
  await sys.mount('tmpfs', dev, 'tmpfs', 'nosuid,strictatime,mode=755,size=65536k');
  // Made with no umask in the way, as runc makes them, so each gets its mode in one call.
  const umask = await sys.umask(0);
  try {
    for (const [name, major, minor] of DEVICES) {
      await sys.mknod(`${dev}/${name}`, S_IFCHR | (name === 'console' ? 0o620 : 0o666), makedev(major, minor));
    }
  } finally {
    await sys.umask(umask);
  }
  await sys.mkdir(`${dev}/pts`, 0o755);
  await sys.mkdir(`${dev}/shm`, 0o1777);
  await sys.mkdir(`${dev}/mqueue`, 0o755);
  await sys.symlink('pts/ptmx', `${dev}/ptmx`);
  await sys.symlink('/proc/self/fd', `${dev}/fd`);
  await sys.symlink('/proc/self/fd/0', `${dev}/stdin`);
  await sys.symlink('/proc/self/fd/1', `${dev}/stdout`);
  await sys.symlink('/proc/self/fd/2', `${dev}/stderr`);
  await tryMount(sys, 'devpts', `${dev}/pts`, 'devpts', 'nosuid,noexec,newinstance,ptmxmode=0666,mode=0620,gid=5');
  await sys.mount('shm', `${dev}/shm`, 'tmpfs', 'nosuid,nodev,noexec,relatime,mode=1777,size=65536k');
  await sys.mount('mqueue', `${dev}/mqueue`, 'mqueue', 'nosuid,nodev,noexec,relatime');
}

async function setupSys(sys: Sys, root: string): Promise<void> {
  await mkdirAll(sys, `${root}/sys`);
  await sys.mount('sysfs', `${root}/sys`, 'sysfs', 'ro,nosuid,nodev,noexec,relatime');
  // Mounted from inside the new cgroup namespace: its root is the container's cgroup.
  await tryMount(sys, 'cgroup', `${root}/sys/fs/cgroup`, 'cgroup2', 'ro,nosuid,nodev,noexec,relatime');
}

/** A bind mount made read-only, as mount(8) does it: bind, then remount the new mount. */
async function remountReadOnly(sys: Sys, target: string, flags = ''): Promise<void> {
  await sys.mount('none', target, '', `remount,bind,ro${flags ? `,${flags}` : ''}`);
}

/** Docker's read-only paths: each bound over itself and remounted read-only (skipped when absent). */
async function readonlyPaths(sys: Sys, root: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    try {
      await sys.lstat(`${root}${p}`);
      await sys.bindMount(`${root}${p}`, `${root}${p}`);
      await remountReadOnly(sys, `${root}${p}`, 'nosuid,nodev,noexec,relatime');
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

/**
 * Docker's masked paths: a directory gets an empty read-only tmpfs over it, a file /dev/null
 * bound over it; paths this kernel's /proc or /sys do not have are skipped, as runc skips them.
 */
async function maskPaths(sys: Sys, root: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    let st;
    try {
      st = await sys.lstat(`${root}${p}`);
    } catch (e) {
      if (isSysError(e)) continue;
      throw e;
    }
    try {
      if ((st.mode & 0o170000) === 0o040000) await sys.mount('tmpfs', `${root}${p}`, 'tmpfs', 'ro');
      else await sys.bindMount(`${root}/dev/null`, `${root}${p}`);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

/** Parse `-v SRC:DST[:ro|rw]`. */
export function parseBind(bind: string): { source: string; target: string; readOnly: boolean } {
  const parts = bind.split(':');
  const readOnly = parts[2] === 'ro';
  return { source: parts[0]!, target: parts[1] ?? parts[0]!, readOnly };
}

/**
 * One volume, bind or tmpfs at its target under the new root. A volume's _data is bound (so
 * writes go straight to the volume, past the overlay), after being filled from the image when
 * it is new; `ro` is a read-only remount of the new mount, as mount(8) makes it.
 */
async function mountOne(sys: Sys, root: string, m: TaskMount): Promise<void> {
  const dst = `${root}${m.target.startsWith('/') ? m.target : `/${m.target}`}`;
  try {
    if (m.kind === 'tmpfs') {
      await mkdirAll(sys, dst);
      const opts = [m.readOnly ? 'ro' : '', m.options ?? ''].filter((o) => o !== '').join(',');
      await sys.mount(m.source, dst, 'tmpfs', opts);
      return;
    }
    let st;
    try {
      st = await sys.stat(m.source);
    } catch (e) {
      if (!isSysError(e, 'ENOENT')) throw e;
      // Docker makes a missing bind source as a directory.
      await mkdirAll(sys, m.source);
      st = await sys.stat(m.source);
    }
    if ((st.mode & 0o170000) === 0o040000) {
      if (m.copyUp) await copyImageContent(sys, dst, m.source);
      await mkdirAll(sys, dst);
    } else await ensureFile(sys, dst);
    await sys.bindMount(m.source, dst);
    if (m.readOnly) await remountReadOnly(sys, dst);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new TaskStartError(`error mounting "${m.source}" to rootfs at "${m.target}": ${e.code}`, 126);
  }
}

/** Mount everything under the RW layer's merged dir and pivot into it. Runs in the new mount namespace. */
export async function setupRootfs(sys: Sys, spec: TaskSpec): Promise<void> {
  const root = spec.rootfs.mergedDir;
  await sys.mount('overlay', root, 'overlay', overlayOptions(spec.rootfs));
  await mkdirAll(sys, `${root}/proc`);
  await sys.mount('proc', `${root}/proc`, 'proc', 'nosuid,nodev,noexec,relatime');
  await mkdirAll(sys, `${root}/dev`);
  await setupDev(sys, `${root}/dev`);
  await setupSys(sys, root);
  // The container's mounts go first, as Docker sorts them by depth: a volume on /etc is under
  // the hostname, hosts and resolv.conf binds, not over them.
  const mounts = spec.mounts ?? (spec.hostConfig.Binds ?? []).map((b): TaskMount => {
    const { source, target, readOnly } = parseBind(b);
    return { kind: 'bind', source, target, readOnly, copyUp: false };
  });
  const depth = (p: string): number => p.split('/').filter((x) => x !== '').length;
  for (const m of [...mounts].sort((a, b) => depth(a.target) - depth(b.target))) await mountOne(sys, root, m);
  if (spec.containerDir) {
    for (const [file, name] of [['resolv.conf', 'resolv.conf'], ['hostname', 'hostname'], ['hosts', 'hosts']] as const) {
      // a mount of the user's own at that path wins, as in Docker
      if (mounts.some((m) => m.target === `/etc/${name}`)) continue;
      await ensureFile(sys, `${root}/etc/${name}`);
      await sys.bindMount(`${spec.containerDir}/${file}`, `${root}/etc/${name}`);
    }
  }
  await maskPaths(sys, root, spec.hostConfig.MaskedPaths ?? []);
  await readonlyPaths(sys, root, spec.hostConfig.ReadonlyPaths ?? []);
  // pivot_root(".", ".") is not modelled: the old root goes on a directory of the new /dev tmpfs.
  const putOld = `${root}/dev/.pivot_root`;
  await sys.mkdir(putOld, 0o700);
  await sys.chdir(root);
  await sys.pivotRoot(root, putOld);
  await sys.chdir('/');
  await sys.umount('/dev/.pivot_root', true);
  await sys.rmdir('/dev/.pivot_root');
}

// File system calls: descriptors, paths and metadata, mapped onto the VFS with the calling
// task's root, cwd, credentials and umask. Paths are relative to a directory descriptor
// (the *at calls) or to the cwd (AT_FDCWD).

import { SysError } from '../../abi/errno.ts';
import { AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_NOFOLLOW, O_CLOEXEC } from '../../abi/open-flags.ts';
import type { Stat } from '../../abi/stat.ts';
import { fsTypeCode } from '../fs/filesystems.ts';
import { OpenFile, type FsContext } from '../fs/vfs/vfs.ts';
import type { FileSizeLimit } from '../fs/vfs/open-file.ts';
import { RLIMIT } from '../../abi/rlimit.ts';
import { SIG } from '../../abi/signals.ts';
import type { Kernel } from '../kernel.ts';
import type { Task } from '../task/task.ts';
import type { FileDescription } from '../task/file.ts';
import { chargeGrowth, unchargeShrink } from '../task/page-charges.ts';
import type { VNode } from '../fs/vfs/types.ts';
import { idFromKernel, idToKernel } from '../ns/namespaces.ts';
import { mountCtx } from './privilege.ts';
import type { SyscallSpec } from './table.ts';
import { onDemand } from '../../base/on-demand.ts';

// Loaded on the first pipe: a machine reaches its prompt without one.
const loadPipes = onDemand(() => import('../fs/pipefs/pipe.ts'));

const MNT_DETACH = 2;
const F_DUPFD = 0;
const F_GETFD = 1;
const F_SETFD = 2;
const F_GETFL = 3;
const F_DUPFD_CLOEXEC = 1030;
const FD_CLOEXEC = 1;

/** The context a path is resolved in: the task's, with cwd moved to `dirfd` for *at calls. */
function at(t: Task, dirfd: number, path: string): FsContext {
  if (dirfd === AT_FDCWD || path.startsWith('/')) return t.fs;
  const f = t.fds.get(dirfd);
  if (!(f instanceof OpenFile)) throw new SysError('ENOTDIR');
  if (f.ref.node.type !== 'dir') throw new SysError('ENOTDIR');
  return { ...t.fs, cwd: f.ref };
}


const str = (v: unknown): string => {
  if (typeof v !== 'string') throw new SysError('EFAULT');
  return v;
};
const int = (v: unknown): number => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new SysError('EINVAL');
  return v;
};

/** A stat result's owners as the caller's user namespace sees them (65534 when unmapped). */
function owners(t: Task, st: Stat): Stat {
  if (t.ns.user.parent === null) return st;
  return { ...st, uid: idFromKernel(t.ns.user, st.uid, 'uid'), gid: idFromKernel(t.ns.user, st.gid, 'gid') };
}

function regularFile(f: FileDescription): f is OpenFile {
  return f instanceof OpenFile && f.ref.node.type === 'file';
}

/** A write to a regular file: what it adds to the file's size is charged to the writer's cgroup. */
async function chargedWrite(k: Kernel, t: Task, f: OpenFile, write: () => Promise<number>): Promise<number> {
  const before = (await f.stat()).size;
  const n = await write();
  chargeGrowth(k, t, f.ref.node, before, (await f.stat()).size);
  return n;
}

/** RLIMIT_FSIZE for `t`'s writes to regular files: none when unlimited; passing it sends SIGXFSZ. */
function fileSizeLimit(k: Kernel, t: Task): FileSizeLimit | undefined {
  const max = t.rlimits[RLIMIT.FSIZE]!.soft;
  return max === Infinity ? undefined : { max, exceeded: () => k.signal(t, SIG.SIGXFSZ, null) };
}

/** A truncate to `size` past RLIMIT_FSIZE fails with EFBIG after a SIGXFSZ (Linux's inode_newsize_ok). */
function checkNewSize(k: Kernel, t: Task, size: number): void {
  if (size > t.rlimits[RLIMIT.FSIZE]!.soft) {
    k.signal(t, SIG.SIGXFSZ, null);
    throw new SysError('EFBIG');
  }
}

function resized(k: Kernel, t: Task, node: VNode, before: number, after: number): void {
  if (after > before) chargeGrowth(k, t, node, before, after);
  else if (after < before) unchargeShrink(k, node, before - after);
}

/** fsync(2): files and directories write back; pipes, terminals and character devices have no
 *  fsync operation, so Linux answers EINVAL (`dd conv=fsync of=/dev/null` reports it). */
async function fsyncFile(f: FileDescription): Promise<void> {
  if (!(f instanceof OpenFile) || (f.ref.node.type !== 'file' && f.ref.node.type !== 'dir')) throw new SysError('EINVAL');
  await f.sync();
}

/** Flush every open file's buffered data (`fs`: only those on that filesystem; undefined: none). */
async function syncOpenFiles(k: Kernel, fs: unknown): Promise<void> {
  if (fs === undefined) return;
  const seen = new Set<OpenFile>();
  for (const task of k.tasks.values()) {
    for (const fd of task.fds.list()) {
      const f = task.fds.get(fd);
      if (!(f instanceof OpenFile) || seen.has(f) || (fs !== null && f.ref.mount.fs !== fs)) continue;
      seen.add(f);
      await f.sync().catch(() => undefined);
    }
  }
}

export const FS_SYSCALLS: Record<string, SyscallSpec> = {
  openat: {
    handler: async (k: Kernel, t: Task, dirfd: number, path: string, flags: number, mode = 0o666) => {
      const ctx = at(t, dirfd, str(path));
      const f = await k.vfs.open(ctx, path, int(flags), mode);
      return t.fds.install(f, (flags & O_CLOEXEC) !== 0);
    },
  },
  close: { handler: async (_k, t, fd: number) => t.fds.close(int(fd)) },
  read: { handler: async (_k, t, fd: number, count: number) => t.fds.get(int(fd)).read(int(count), t.interrupt) },
  write: {
    handler: async (k, t, fd: number, data: Uint8Array) => {
      if (!(data instanceof Uint8Array)) throw new SysError('EFAULT');
      const f = t.fds.get(int(fd));
      return regularFile(f) ? chargedWrite(k, t, f, () => f.write(data, t.interrupt, fileSizeLimit(k, t))) : f.write(data, t.interrupt);
    },
  },
  pread64: {
    handler: async (_k, t, fd: number, count: number, pos: number) => {
      const f = t.fds.get(int(fd));
      if (!f.pread) throw new SysError('ESPIPE');
      return f.pread(int(pos), int(count));
    },
  },
  pwrite64: {
    handler: async (k, t, fd: number, data: Uint8Array, pos: number) => {
      const f = t.fds.get(int(fd));
      if (!f.pwrite) throw new SysError('ESPIPE');
      return regularFile(f) ? chargedWrite(k, t, f, () => f.pwrite(int(pos), data, fileSizeLimit(k, t))) : f.pwrite(int(pos), data);
    },
  },
  lseek: {
    handler: async (_k, t, fd: number, offset: number, whence: number) => {
      const f = t.fds.get(int(fd));
      if (!f.seek) throw new SysError('ESPIPE');
      return f.seek(int(offset), int(whence));
    },
  },
  fstat: { handler: async (_k, t, fd: number): Promise<Stat> => owners(t, await t.fds.get(int(fd)).stat()) },
  newfstatat: {
    handler: async (k, t, dirfd: number, path: string, flags = 0): Promise<Stat> => {
      const ctx = at(t, dirfd, str(path));
      return owners(t, await (flags & AT_SYMLINK_NOFOLLOW ? k.vfs.lstat(ctx, path) : k.vfs.stat(ctx, path)));
    },
  },
  ftruncate: {
    handler: async (k, t, fd: number, size: number) => {
      const f = t.fds.get(int(fd));
      if (!f.truncate) throw new SysError('EINVAL');
      if (!regularFile(f)) return f.truncate(int(size));
      checkNewSize(k, t, int(size));
      const before = (await f.stat()).size;
      await f.truncate(int(size));
      resized(k, t, f.ref.node, before, int(size));
    },
  },
  truncate: {
    handler: async (k, t, path: string, size: number) => {
      const ref = await k.vfs.lookup(t.fs, str(path));
      const before = (await ref.node.stat()).size;
      if (ref.node.type === 'file') checkNewSize(k, t, int(size));
      await k.vfs.truncate(t.fs, path, int(size));
      resized(k, t, ref.node, before, int(size));
    },
  },
  getdents64: {
    handler: async (_k, t, fd: number) => {
      const f = t.fds.get(int(fd));
      if (!(f instanceof OpenFile)) throw new SysError('ENOTDIR');
      if (f.ref.node.type !== 'dir') throw new SysError('ENOTDIR');
      // A directory that was removed while open lists nothing: Linux's iterate_dir says ENOENT.
      if ((await f.ref.node.stat()).nlink === 0) throw new SysError('ENOENT');
      return f.readdir();
    },
    support: 'partial',
    note: 'returns every entry at once',
  },
  mkdirat: { handler: async (k, t, dirfd: number, path: string, mode = 0o777) => k.vfs.mkdir(at(t, dirfd, str(path)), path, mode) },
  mknodat: { handler: async (k, t, dirfd: number, path: string, mode: number, dev = 0) => k.vfs.mknod(at(t, dirfd, str(path)), path, int(mode), int(dev)) },
  symlinkat: { handler: async (k, t, target: string, dirfd: number, path: string) => k.vfs.symlink(at(t, dirfd, str(path)), str(target), path) },
  linkat: { handler: async (k, t, oldpath: string, newpath: string, flags = 0) => k.vfs.link(t.fs, str(oldpath), str(newpath), flags) },
  unlinkat: {
    handler: async (k, t, dirfd: number, path: string, flags = 0) => {
      const ctx = at(t, dirfd, str(path));
      if (flags & AT_REMOVEDIR) return k.vfs.rmdir(ctx, path);
      const victim = await k.vfs.lookup(ctx, path, false).catch(() => null);
      const last = victim?.node.type === 'file' && (await victim.node.stat()).nlink === 1;
      await k.vfs.unlink(ctx, path);
      // The last name of a file is gone: its pages go back to the cgroups that paid for them.
      if (last) unchargeShrink(k, victim!.node);
    },
  },
  renameat2: { handler: async (k, t, oldpath: string, newpath: string, flags = 0) => k.vfs.rename(t.fs, str(oldpath), str(newpath), int(flags)) },
  fchmodat: { handler: async (k, t, path: string, mode: number) => k.vfs.chmod(t.fs, str(path), int(mode)) },
  fchownat: {
    handler: async (k, t, path: string, uid: number, gid: number, flags = 0) => {
      // The ids are the caller's user namespace's; the file keeps kernel ids.
      const ku = uid === -1 ? -1 : idToKernel(t.ns.user, int(uid), 'uid');
      const kg = gid === -1 ? -1 : idToKernel(t.ns.user, int(gid), 'gid');
      if ((uid !== -1 && ku === -1) || (gid !== -1 && kg === -1)) throw new SysError('EINVAL');
      return flags & AT_SYMLINK_NOFOLLOW ? k.vfs.lchown(t.fs, str(path), ku, kg) : k.vfs.chown(t.fs, str(path), ku, kg);
    },
  },
  utimensat: {
    handler: async (k, t, path: string, atimeNs?: bigint, mtimeNs?: bigint, flags = 0) =>
      k.vfs.utimens(t.fs, str(path), atimeNs, mtimeNs, !(flags & AT_SYMLINK_NOFOLLOW)),
  },
  statfs: {
    // The numbers df prints: the filesystem under the path, whatever mount reached it.
    handler: async (k, t, path: string) => (await k.vfs.lookup(t.fs, str(path))).mount.fs.statfs(),
  },
  readlinkat: { handler: async (k, t, dirfd: number, path: string) => k.vfs.readlink(at(t, dirfd, str(path)), path) },
  faccessat: { handler: async (k, t, path: string, mode: number) => k.vfs.access(t.fs, str(path), int(mode)) },
  setxattr: { handler: async (k, t, path: string, name: string, value: Uint8Array, flags = 0) => k.vfs.setxattr(t.fs, str(path), str(name), value, flags) },
  lsetxattr: { handler: async (k, t, path: string, name: string, value: Uint8Array, flags = 0) => k.vfs.lsetxattr(t.fs, str(path), str(name), value, flags) },
  getxattr: { handler: async (k, t, path: string, name: string) => k.vfs.getxattr(t.fs, str(path), str(name)) },
  lgetxattr: { handler: async (k, t, path: string, name: string) => k.vfs.lgetxattr(t.fs, str(path), str(name)) },
  listxattr: { handler: async (k, t, path: string) => k.vfs.listxattr(t.fs, str(path)) },
  llistxattr: { handler: async (k, t, path: string) => k.vfs.llistxattr(t.fs, str(path)) },
  removexattr: { handler: async (k, t, path: string, name: string) => k.vfs.removexattr(t.fs, str(path), str(name)) },
  lremovexattr: { handler: async (k, t, path: string, name: string) => k.vfs.lremovexattr(t.fs, str(path), str(name)) },
  chdir: { handler: async (k, t, path: string) => { t.fs = await k.vfs.chdir(t.fs, str(path)); } },
  getcwd: { handler: async (k, t) => k.vfs.getcwd(t.fs) },
  chroot: { handler: async (k, t, path: string) => { t.fs = await k.vfs.chroot(t.fs, str(path)); } },
  umask: {
    handler: async (_k, t, mask: number) => {
      const old = t.fs.umask;
      t.fs = { ...t.fs, umask: int(mask) & 0o777 };
      return old;
    },
  },
  mount: {
    handler: async (k, t, source: string, target: string, fstype: string, options = '', bind = false) => {
      const ctx = mountCtx(k, t);
      const code = bind ? null : fsTypeCode(str(fstype));
      if (code) await k.offCpu(t, code);
      return bind ? k.vfs.bindMount(ctx, str(source), str(target)) : k.vfs.mount(ctx, str(source), str(target), str(fstype), options);
    },
    support: 'partial',
    note: 'options are the -o string; remount and per-mount flags (ro, nosuid, nodev, noexec, atime) are kept per mount; propagation flags are not modelled',
  },
  umount2: { handler: async (k, t, target: string, flags = 0) => k.vfs.umount(mountCtx(k, t), str(target), (flags & MNT_DETACH) !== 0) },
  pipe2: {
    handler: async (k, t, flags = 0) => {
      // The wait for the first pipe's code is nobody's CPU time.
      const { makePipe } = await k.offCpu(t, loadPipes());
      const [r, w] = makePipe(k.vfs.allocDev(), () => k.clock.nowNs(), flags, t.fs.cred);
      const cloexec = (flags & O_CLOEXEC) !== 0;
      return [t.fds.install(r, cloexec), t.fds.install(w, cloexec)];
    },
  },
  dup: { handler: async (_k, t, fd: number) => t.fds.dup(int(fd)) },
  dup3: {
    handler: async (_k, t, fd: number, to: number, flags = 0) => {
      if (fd === to) throw new SysError('EINVAL');
      await t.fds.dup2(int(fd), int(to));
      if (flags & O_CLOEXEC) t.fds.setCloexec(to, true);
      return to;
    },
  },
  fcntl: {
    handler: async (_k, t, fd: number, cmd: number, arg = 0) => {
      switch (cmd) {
        case F_DUPFD: return t.fds.dup(int(fd), int(arg));
        case F_DUPFD_CLOEXEC: return t.fds.dup(int(fd), int(arg), true);
        case F_GETFD: return t.fds.getCloexec(int(fd)) ? FD_CLOEXEC : 0;
        case F_SETFD: return t.fds.setCloexec(int(fd), (arg & FD_CLOEXEC) !== 0);
        case F_GETFL: return t.fds.get(int(fd)).flags;
        default: throw new SysError('EINVAL');
      }
    },
    support: 'partial',
    note: 'F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL',
  },
  fsync: { handler: async (_k, t, fd: number) => fsyncFile(t.fds.get(int(fd))) },
  // Data and metadata reach the store together here, so fdatasync is fsync.
  fdatasync: { handler: async (_k, t, fd: number) => fsyncFile(t.fds.get(int(fd))) },
  // sync(2) writes back what every open file still buffers; syncfs(2) only the files on the
  // filesystem `fd` is on. What is closed was written back at its close.
  sync: { handler: async (k) => syncOpenFiles(k, null) },
  syncfs: {
    handler: async (k, t, fd: number) => {
      const f = t.fds.get(int(fd));
      await syncOpenFiles(k, f instanceof OpenFile ? f.ref.mount.fs : undefined);
    },
  },
};

// The VFS: path-level file system calls (open, mkdir, rename, mount, ...) with Linux's order
// of checks, over whatever filesystems are mounted. It never names a concrete filesystem:
// filesystem types are registered at boot as factories.
//
// Order of checks follows fs/namei.c: resolve the parent, then for creations EEXIST before
// EROFS before EACCES; for removals and renames EROFS before the final lookup.

import { SysError, isSysError } from '../../../abi/errno.ts';
import {
  AT_SYMLINK_FOLLOW, F_OK, O_ACCMODE, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_PATH, O_RDONLY, O_TRUNC, O_WRONLY,
  RENAME_EXCHANGE, RENAME_NOREPLACE, RENAME_WHITEOUT, XATTR_CREATE, XATTR_REPLACE, wantsRead, wantsWrite,
} from '../../../abi/open-flags.ts';
import { S_IALLUGO, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID, isDir, makedev, type Stat } from '../../../abi/stat.ts';
import { concatBytes } from '../../../base/bytes.ts';
import { utf8Encode } from '../../../base/text.ts';
import type { EmitFn } from '../../events.ts';
import { MOUNT_FLAG_NEGATIONS, Mount, MountNamespace, PER_MOUNT_FLAGS, type PathRef, noteBindRoot, noteRename, parentOf, refPath, sameRef, sharedOptions } from './mount.ts';
import type { ObjectNode } from './object-node.ts';
import { OpenFile } from './open-file.ts';
import { R_OK, W_OK, X_OK, inGroup, mayAccess, mayDeleteSticky } from './permission.ts';
import type { Caller, Clock, Cred, DirEntry, FileHandle, FileSystem, VNode } from './types.ts';
import { type WalkContext, jumpOf, lookupChild, lookupFast, resolve, resolveLinkTarget, resolveParent } from './walk.ts';

export { OpenFile };

/** A node standing for an object no filesystem holds (object-node.ts; known by shape, so its code loads with procfs's fd links). */
const isObjectNode = (node: VNode): node is ObjectNode => typeof (node as Partial<ObjectNode>).openObject === 'function';

/** Owner and mode of a new object in a directory with attributes `dir`. */
function ownerFor(ctx: FsContext, dir: Stat, mode: number, forDir: boolean): { owner: Cred; mode: number } {
  let m = mode & ~ctx.umask;
  let gid = ctx.cred.gid;
  if (dir.mode & S_ISGID) {
    gid = dir.gid;
    if (forDir) m |= S_ISGID;
  }
  return { owner: { uid: ctx.cred.uid, gid, groups: [] }, mode: m };
}

/** A node's attributes, at once when its filesystem holds them in memory. */
function statOf(node: VNode): Promise<Stat> {
  const st = node.statCached?.();
  return st ? Promise.resolve(st) : node.stat();
}

/** `ref` with its chain of names cut at `top` (the same place as a new root); null if not below it. */
function rebase(ref: PathRef, top: PathRef, memo: Map<PathRef, PathRef | null>): PathRef | null {
  if (sameRef(ref, top)) return top;
  if (!ref.parent) return null;
  let done = memo.get(ref);
  if (done !== undefined) return done;
  const parent = rebase(ref.parent, top, memo);
  done = parent ? { mount: ref.mount, node: ref.node, parent, name: ref.name } : null;
  memo.set(ref, done);
  return done;
}

/** Whether `ref` is `ancestor` or lies below it. */
function isBelow(ref: PathRef, ancestor: PathRef): boolean {
  for (let r: PathRef | null = ref; r; r = parentOf(r)) if (sameRef(r, ancestor)) return true;
  return false;
}

/** What a process brings to every file system call. Copied on fork; replaced, never mutated. */
export interface FsContext extends WalkContext {
  readonly umask: number;
}

export interface FsMountRequest {
  source: string;
  /** The -o string, minus the options the VFS itself takes (ro, rw). */
  options: string;
  readOnly: boolean;
  dev: number;
  clock: Clock;
  emit: EmitFn;
  mountId: number;
  /** The mounting process (procfs shows its PID namespace, cgroup2 its cgroup namespace). */
  caller?: Caller;
  /** Resolve a path (an overlay's lowerdir, say) in the mounting process's view. */
  resolveDir(path: string): Promise<{ node: VNode; path: string; mount: Mount }>;
}

export type FsFactory = (req: FsMountRequest) => Promise<FileSystem>;

/** Opens character devices and fifos; the kernel installs one (devfs drivers, pipes). */
export type SpecialOpener = (ref: PathRef, st: Stat, flags: number, caller?: Caller) => Promise<FileHandle>;

const XATTR_NAMESPACES = ['user.', 'trusted.', 'security.', 'system.'];
const MAX_XATTR_VALUE = 65536;

export class Vfs {
  readonly clock: Clock;
  private readonly emit: EmitFn;
  private readonly types = new Map<string, FsFactory>();
  private nextMinor = 40;
  openSpecial: SpecialOpener | null = null;

  constructor(opts: { clock: Clock; emit?: EmitFn }) {
    this.clock = opts.clock;
    this.emit = opts.emit ?? (() => {});
  }

  registerFsType(name: string, factory: FsFactory): void {
    this.types.set(name, factory);
  }

  /** An anonymous device number (major 0), as Linux gives tmpfs, overlay and proc. */
  allocDev(): number {
    return makedev(0, this.nextMinor++);
  }

  async newRootContext(rootFs: FileSystem, source = rootFs.type): Promise<FsContext> {
    const mount = new Mount(rootFs, await rootFs.root(), null, { readOnly: false, source, fsType: rootFs.type });
    const root: PathRef = { mount, node: mount.root, parent: null, name: '/' };
    return { mounts: new MountNamespace(mount), root, cwd: root, cred: { uid: 0, gid: 0, groups: [] }, umask: 0o022 };
  }

  // ---- mounts ---------------------------------------------------------------------------

  async mount(ctx: FsContext, source: string, target: string, fsType: string, options = ''): Promise<void> {
    if (ctx.cred.uid !== 0) throw new SysError('EPERM');
    const words = options.split(',').filter((o) => o.length > 0);
    if (words.includes('remount')) return this.remount(ctx, target, words);
    const factory = this.types.get(fsType);
    if (!factory) throw new SysError('ENODEV', `unknown filesystem type '${fsType}'`);
    const at = await resolve(ctx, target, true);
    const opts = options.split(',').filter((o) => o.length > 0);
    const readOnly = opts.includes('ro');
    // Per-mount flags are the VFS's to keep (see attach below); the filesystem gets the rest.
    const fsOptions = opts.filter((o) => o !== 'ro' && o !== 'rw' && !PER_MOUNT_FLAGS.includes(o) && !MOUNT_FLAG_NEGATIONS.includes(o)).join(',');
    const fs = await factory({
      source, options: fsOptions, readOnly, dev: this.allocDev(), clock: this.clock, emit: this.emit,
      mountId: 0, caller: ctx.caller,
      resolveDir: async (p) => {
        const ref = await resolve(ctx, p, true);
        if (ref.node.type !== 'dir') throw new SysError('ENOTDIR', p);
        return { node: ref.node, path: refPath(ref, ctx.root), mount: ref.mount };
      },
    });
    if (at.node.type !== 'dir') throw new SysError('ENOTDIR', target);
    // Per-mount flags asked for, plus those the filesystem mounts with of itself (cgroup2's nosuid...).
    const own = fs.mountOptions().split(',');
    const flags = PER_MOUNT_FLAGS.filter((f) => opts.includes(f) || own.includes(f));
    await this.attach(ctx, at, fs, await fs.root(), { readOnly, flags, source, fsType });
  }

  /** Mount a filesystem the host built (a hostfs, say) rather than one made from a type name. */
  async mountFs(ctx: FsContext, fs: FileSystem, target: string, source: string): Promise<void> {
    const at = await resolve(ctx, target, true);
    if (at.node.type !== 'dir') throw new SysError('ENOTDIR', target);
    await this.attach(ctx, at, fs, await fs.root(), { readOnly: fs.readOnly, source, fsType: fs.type });
  }

  async bindMount(ctx: FsContext, source: string, target: string, readOnly = false): Promise<void> {
    if (ctx.cred.uid !== 0) throw new SysError('EPERM');
    const from = await resolve(ctx, source, true);
    const at = await resolve(ctx, target, true);
    if ((from.node.type === 'dir') !== (at.node.type === 'dir')) throw new SysError('ENOTDIR');
    // A bind mount starts with the source mount's own flags, read-only included.
    const flags = from.mount.options.flags;
    noteBindRoot(from);
    await this.attach(ctx, at, from.mount.fs, from.node, { readOnly: readOnly || from.mount.options.readOnly, flags, source: from.mount.options.source, fsType: from.mount.fs.type });
  }

  /**
   * mount(2) with MS_REMOUNT: change the flags of the mount at `target` in place (with `bind`,
   * only the per-mount ones, as `mount -o remount,bind,ro` does; without, this model changes the
   * same per-mount state, since filesystems here keep no superblock flags apart from their own).
   * The flags given replace the old ones; relatime stays the atime default.
   */
  private async remount(ctx: FsContext, target: string, words: string[]): Promise<void> {
    const ref = await resolve(ctx, target, true);
    if (ref.node !== ref.mount.root) throw new SysError('EINVAL', 'not a mount point');
    const m = ref.mount;
    m.options = sharedOptions({ ...m.options, readOnly: words.includes('ro'), flags: PER_MOUNT_FLAGS.filter((f) => words.includes(f)) });
    this.emit({ type: 'mount.add', mountId: m.id, fsType: m.options.fsType, source: m.options.source, target: refPath(ref, ctx.root), options: this.optionsOf(m) });
  }

  /** The per-mount flags in force on a mount (nosuid, nodev, noexec, the atime mode...). */
  mountFlags(m: Mount): readonly string[] {
    if (m.options.flags) return m.options.flags;
    return m.fs.mountOptions().split(',').filter((o) => PER_MOUNT_FLAGS.includes(o));
  }

  private async attach(ctx: FsContext, at: PathRef, fs: FileSystem, root: VNode, options: Mount['options']): Promise<Mount> {
    const m = new Mount(fs, root, at, sharedOptions(options));
    ctx.mounts.add(m);
    this.emit({ type: 'mount.add', mountId: m.id, fsType: options.fsType, source: options.source, target: refPath(at, ctx.root), options: this.optionsOf(m) });
    return m;
  }

  /** The options column of /proc/mounts for a mount. */
  optionsOf(m: Mount): string {
    const fsOpts = m.fs.mountOptions().split(',').filter((o) => o !== 'rw' && o !== 'ro' && !PER_MOUNT_FLAGS.includes(o));
    return [m.readOnly ? 'ro' : 'rw', ...this.mountFlags(m), ...fsOpts].join(',');
  }

  /** umount2(2); `detach` is MNT_DETACH (umount -l): the mounts below go too. */
  async umount(ctx: FsContext, target: string, detach = false): Promise<void> {
    if (ctx.cred.uid !== 0) throw new SysError('EPERM');
    const ref = await resolve(ctx, target, true);
    if (ref.node !== ref.mount.root || !ref.mount.mountpoint) throw new SysError('EINVAL', 'not a mount point');
    const gone = detach ? ctx.mounts.detach(ref.mount) : (ctx.mounts.remove(ref.mount), [ref.mount]);
    const path = refPath(ref, ctx.root);
    for (const m of gone) {
      await m.fs.sync();
      this.emit({ type: 'mount.remove', mountId: m.id, fsType: m.options.fsType, source: m.options.source, target: m === ref.mount ? path : `${path}/…`, options: this.optionsOf(m) });
    }
  }

  /**
   * pivot_root(2): the mount at `newRoot` becomes the namespace's root and the old root moves to
   * `putOld` below it. Returns the caller's context with root and cwd on the new root.
   */
  async pivotRoot(ctx: FsContext, newRoot: string, putOld: string): Promise<FsContext> {
    if (ctx.cred.uid !== 0) throw new SysError('EPERM');
    const nr = await resolve(ctx, newRoot, true);
    const po = await resolve(ctx, putOld, true);
    if (nr.node.type !== 'dir' || po.node.type !== 'dir') throw new SysError('ENOTDIR');
    const ns = ctx.mounts;
    // The caller must not be chrooted, new_root must be a mount point other than the root.
    if (ctx.root.mount !== ns.rootMount || ctx.root.node !== ns.rootMount.root) throw new SysError('EINVAL');
    if (nr.node !== nr.mount.root || !nr.mount.mountpoint) throw new SysError('EINVAL', 'new_root is not a mount point');
    if (nr.mount === ns.rootMount) throw new SysError('EBUSY');
    if (ns.mountedOn(po.mount, po.node)) throw new SysError('EBUSY');
    // put_old must lie at or below new_root: rebuild its path from the new root down.
    const names: PathRef[] = [];
    let r: PathRef | null = po;
    for (; r && !sameRef(r, nr); r = r.parent) names.push(r);
    if (!r) throw new SysError('EINVAL', 'put_old is not below new_root');
    const top: PathRef = { mount: nr.mount, node: nr.mount.root, parent: null, name: '/' };
    let at = top;
    for (const step of names.reverse()) at = { mount: step.mount, node: step.node, parent: at, name: step.name };
    // The mount points below new_root get their chains of names from it too, sharing common
    // steps. Paths read the same (they stop at the root anyway), but a container's dozen mounts
    // no longer each keep their own copy of /var/lib/docker/overlay2/ID/merged and, through it,
    // the old root's mounts.
    const memo = new Map<PathRef, PathRef | null>();
    for (const m of ns.list()) {
      if (m === nr.mount || !m.mountpoint) continue;
      const rebased = rebase(m.mountpoint, top, memo);
      if (rebased) m.mountpoint = rebased;
    }
    ns.pivot(nr.mount, at);
    return { ...ctx, root: top, cwd: top };
  }

  // ---- helpers --------------------------------------------------------------------------

  private writableMount(ref: PathRef): void {
    if (ref.mount.readOnly) throw new SysError('EROFS');
  }

  /** Root may change any directory: only others wait for the directory's inode. */
  private mayWriteDir(ctx: FsContext, dir: PathRef): Promise<void> | undefined {
    if (ctx.cred.uid === 0) return undefined;
    return statOf(dir.node).then((st) => {
      if (!mayAccess(st, ctx.cred, W_OK | X_OK)) throw new SysError('EACCES');
    });
  }

  /** Owner and mode of a new object: umask, and a setgid directory's group (and bit, for dirs). */
  private async newOwner(ctx: FsContext, dir: PathRef, mode: number, forDir: boolean): Promise<{ owner: Cred; mode: number }> {
    return ownerFor(ctx, dir.node.statCached?.() ?? (await dir.node.stat()), mode, forDir);
  }

  private isMountpoint(ctx: FsContext, ref: PathRef): boolean {
    return ref.node === ref.mount.root && ref.mount.mountpoint !== null || ctx.mounts.mountedOn(ref.mount, ref.node) !== undefined;
  }

  /** Where a name is about to be created: its parent, refusing what exists already. */
  private async createTarget(ctx: FsContext, path: string): Promise<{ dir: PathRef; name: string }> {
    const { dir, name } = await resolveParent(ctx, path);
    if (name === '' || name === '.' || name === '..') throw new SysError('EEXIST');
    if (await lookupChild(ctx, dir, name)) throw new SysError('EEXIST', name);
    this.writableMount(dir);
    await this.mayWriteDir(ctx, dir);
    return { dir, name };
  }

  private async stickyCheck(ctx: FsContext, dir: PathRef, victim: PathRef): Promise<void> {
    if (ctx.cred.uid === 0) return;
    if (!mayDeleteSticky(await dir.node.stat(), await victim.node.stat(), ctx.cred)) throw new SysError('EPERM');
  }

  // ---- files ----------------------------------------------------------------------------

  /** open(2). */
  async open(ctx: FsContext, path: string, flags: number, mode = 0o666): Promise<OpenFile> {
    const { ref, handle } = await this.openNode(ctx, path, flags, mode, 0);
    return new OpenFile(ref, flags, handle, ctx.caller);
  }

  /**
   * Everything open(2) does but making the file description: the object opened and its handle
   * (null for directories and O_PATH). `depth` counts symlinks followed by O_CREAT.
   */
  private async openNode(ctx: FsContext, path: string, flags: number, mode: number, depth: number): Promise<{ ref: PathRef; handle: FileHandle | null; created: boolean }> {
    let ref: PathRef;
    let created = false;
    if (flags & O_CREAT) {
      const { dir, name, trailingSlash } = await resolveParent(ctx, path);
      if (name === '' || name === '.' || name === '..') throw new SysError('EISDIR');
      let existing = lookupFast(ctx, dir, name);
      if (existing === undefined) existing = await lookupChild(ctx, dir, name);
      if (existing) {
        if (flags & O_EXCL) throw new SysError('EEXIST', name);
        if (existing.node.type === 'symlink') {
          if (flags & O_NOFOLLOW) throw new SysError('ELOOP');
          if (depth >= 40) throw new SysError('ELOOP');
          // A magic link (`> /dev/stderr`) opens what it stands for; it exists, so nothing is made.
          const jumped = existing.node.jump ? await jumpOf(ctx, existing) : null;
          // O_CREAT through a symlink creates (or opens) its target.
          if (!jumped) return this.openNode(ctx, await resolveLinkTarget(ctx, dir, existing), flags, mode, depth + 1);
          ref = jumped;
        } else {
          ref = existing;
        }
      } else {
        if (trailingSlash) throw new SysError('EISDIR');
        this.writableMount(dir);
        const check = this.mayWriteDir(ctx, dir);
        if (check) await check;
        const o = ownerFor(ctx, dir.node.statCached?.() ?? (await dir.node.stat()), mode & S_IALLUGO, false);
        let node: VNode;
        try {
          node = await dir.node.mknod(name, S_IFREG | o.mode, 0, o.owner);
        } catch (e) {
          // Another process made the name while this one waited above (Linux holds the directory
          // lock from lookup to create): open what it made, as if it had been there all along.
          if (isSysError(e) && e.code === 'EEXIST' && !(flags & O_EXCL) && depth < 40) return this.openNode(ctx, path, flags, mode, depth + 1);
          throw e;
        }
        ref = { mount: dir.mount, node, parent: dir, name };
        created = true;
      }
    } else {
      ref = await resolve(ctx, path, !(flags & O_NOFOLLOW));
    }
    const node = ref.node;
    if (node.type === 'symlink' && !(flags & O_PATH)) throw new SysError('ELOOP');
    if (flags & O_DIRECTORY && node.type !== 'dir') throw new SysError('ENOTDIR');
    if (flags & O_PATH) return { ref, handle: null, created };
    const write = wantsWrite(flags);
    if (node.type === 'dir') {
      if (write || (flags & O_CREAT)) throw new SysError('EISDIR');
    }
    // Root may read and write any file or directory, so only others and devices need the inode.
    const plain = node.type === 'file' || node.type === 'dir';
    const st = ctx.cred.uid === 0 && plain ? null : await node.stat();
    if (!created && st) {
      const mask = (wantsRead(flags) ? R_OK : 0) | (write ? W_OK : 0) | (flags & O_TRUNC && !write ? W_OK : 0);
      if (!mayAccess(st, ctx.cred, mask)) throw new SysError('EACCES');
    }
    if ((write || flags & O_TRUNC) && (node.type === 'file' || node.type === 'dir')) this.writableMount(ref);
    if (node.type === 'dir') return { ref, handle: null, created };
    let handle: FileHandle;
    if (isObjectNode(node)) {
      handle = await node.openObject(flags);
    } else if (node.type === 'file') {
      handle = await node.open(flags, ctx.caller);
      if (flags & O_TRUNC && !created && (write || (flags & O_ACCMODE) === O_RDONLY)) await handle.truncate(0);
    } else if (node.type === 'symlink') {
      throw new SysError('ELOOP');
    } else {
      if ((node.type === 'chardev' || node.type === 'blockdev') && this.mountFlags(ref.mount).includes('nodev')) throw new SysError('EACCES');
      if (!this.openSpecial) throw new SysError('ENXIO');
      handle = await this.openSpecial(ref, st!, flags, ctx.caller);
    }
    return { ref, handle, created };
  }

  async stat(ctx: FsContext, path: string): Promise<Stat> {
    return (await resolve(ctx, path, true)).node.stat();
  }

  async lstat(ctx: FsContext, path: string): Promise<Stat> {
    return (await resolve(ctx, path, false)).node.stat();
  }

  /** The ref a path names: for the kernel's own users (chdir, exec, /proc links). */
  lookup(ctx: FsContext, path: string, follow = true): Promise<PathRef> {
    return resolve(ctx, path, follow);
  }

  async mkdir(ctx: FsContext, path: string, mode = 0o777): Promise<void> {
    const { dir, name } = await this.createTarget(ctx, path);
    const o = await this.newOwner(ctx, dir, mode & (S_IALLUGO & ~S_ISUID & ~S_ISGID), true);
    await dir.node.mkdir(name, o.mode, o.owner);
  }

  async mknod(ctx: FsContext, path: string, mode: number, rdev = 0): Promise<void> {
    const type = mode & S_IFMT || S_IFREG;
    if (type === S_IFDIR) throw new SysError('EINVAL');
    if (type !== S_IFREG && type !== S_IFIFO && type !== S_IFSOCK && ctx.cred.uid !== 0) throw new SysError('EPERM');
    const { dir, name } = await this.createTarget(ctx, path);
    const o = await this.newOwner(ctx, dir, mode & S_IALLUGO, false);
    await dir.node.mknod(name, type | o.mode, rdev, o.owner);
  }

  async symlink(ctx: FsContext, target: string, linkpath: string): Promise<void> {
    if (target.length === 0) throw new SysError('ENOENT');
    const { dir, name } = await this.createTarget(ctx, linkpath);
    const o = await this.newOwner(ctx, dir, 0o777, false);
    await dir.node.symlink(name, target, o.owner);
  }

  async link(ctx: FsContext, oldpath: string, newpath: string, flags = 0): Promise<void> {
    const old = await resolve(ctx, oldpath, (flags & AT_SYMLINK_FOLLOW) !== 0);
    if (old.node.type === 'dir') throw new SysError('EPERM');
    const { dir, name } = await resolveParent(ctx, newpath);
    if (name === '' || name === '.' || name === '..') throw new SysError('EEXIST');
    if (await lookupChild(ctx, dir, name)) throw new SysError('EEXIST', name);
    if (dir.mount !== old.mount) throw new SysError('EXDEV');
    this.writableMount(dir);
    await this.mayWriteDir(ctx, dir);
    // An unlinked file (reached through /proc/self/fd/N) may not get a name back (vfs_link).
    if ((await statOf(old.node)).nlink === 0) throw new SysError('ENOENT');
    await dir.node.link(name, old.node);
  }

  async unlink(ctx: FsContext, path: string): Promise<void> {
    const { dir, name, trailingSlash } = await resolveParent(ctx, path);
    if (name === '' || name === '.' || name === '..') throw new SysError('EISDIR');
    this.writableMount(dir);
    const victim = await lookupChild(ctx, dir, name);
    if (!victim) throw new SysError('ENOENT', name);
    if (victim.node.type === 'dir') throw new SysError('EISDIR');
    if (trailingSlash) throw new SysError('ENOTDIR');
    if (this.isMountpoint(ctx, victim)) throw new SysError('EBUSY');
    await this.mayWriteDir(ctx, dir);
    await this.stickyCheck(ctx, dir, victim);
    await dir.node.unlink(name);
  }

  async rmdir(ctx: FsContext, path: string): Promise<void> {
    const { dir, name } = await resolveParent(ctx, path);
    if (name === '.') throw new SysError('EINVAL');
    if (name === '..') throw new SysError('ENOTEMPTY');
    if (name === '') throw new SysError('EBUSY');
    this.writableMount(dir);
    const victim = await lookupChild(ctx, dir, name);
    if (!victim) throw new SysError('ENOENT', name);
    if (victim.node.type !== 'dir') throw new SysError('ENOTDIR');
    if (this.isMountpoint(ctx, victim) || sameRef(victim, ctx.root)) throw new SysError('EBUSY');
    await this.mayWriteDir(ctx, dir);
    await this.stickyCheck(ctx, dir, victim);
    await dir.node.rmdir(name);
  }

  async rename(ctx: FsContext, oldpath: string, newpath: string, flags = 0): Promise<void> {
    if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) throw new SysError('EINVAL');
    if (flags & RENAME_NOREPLACE && flags & RENAME_EXCHANGE) throw new SysError('EINVAL');
    if (flags & RENAME_WHITEOUT && ctx.cred.uid !== 0) throw new SysError('EPERM');
    const from = await resolveParent(ctx, oldpath);
    const to = await resolveParent(ctx, newpath);
    const bad = (n: string): boolean => n === '' || n === '.' || n === '..';
    if (bad(from.name) || bad(to.name)) throw new SysError('EBUSY');
    if (from.dir.mount !== to.dir.mount) throw new SysError('EXDEV');
    this.writableMount(from.dir);
    const src = await lookupChild(ctx, from.dir, from.name);
    if (!src) throw new SysError('ENOENT', from.name);
    const exchange = (flags & RENAME_EXCHANGE) !== 0;
    const srcIsDir = src.node.type === 'dir';
    if (!exchange && !srcIsDir && (from.trailingSlash || to.trailingSlash)) throw new SysError('ENOTDIR');
    // A directory may not be moved below itself.
    if (srcIsDir && isBelow(to.dir, src)) throw new SysError('EINVAL');
    const dst = await lookupChild(ctx, to.dir, to.name);
    if (dst) {
      if (flags & RENAME_NOREPLACE) throw new SysError('EEXIST');
      if (dst.node === src.node) return;
      // The target must not be an ancestor of the source (nor, when swapping, move below itself).
      if (isBelow(from.dir, dst)) throw new SysError(exchange ? 'EINVAL' : 'ENOTEMPTY');
      const dstIsDir = dst.node.type === 'dir';
      if (!exchange && srcIsDir && !dstIsDir) throw new SysError('ENOTDIR');
      if (!exchange && !srcIsDir && dstIsDir) throw new SysError('EISDIR');
      if (this.isMountpoint(ctx, dst)) throw new SysError('EBUSY');
    } else if (exchange) {
      throw new SysError('ENOENT', to.name);
    }
    if (this.isMountpoint(ctx, src)) throw new SysError('EBUSY');
    await this.mayWriteDir(ctx, from.dir);
    await this.mayWriteDir(ctx, to.dir);
    if (srcIsDir && from.dir !== to.dir && ctx.cred.uid !== 0 && !mayAccess(await src.node.stat(), ctx.cred, W_OK)) {
      throw new SysError('EACCES');
    }
    await this.stickyCheck(ctx, from.dir, src);
    if (dst) await this.stickyCheck(ctx, to.dir, dst);
    await from.dir.node.rename(from.name, to.dir.node, to.name, flags);
    if (srcIsDir) noteRename(src.node, to.dir, to.name);
    if (exchange && dst?.node.type === 'dir') noteRename(dst.node, from.dir, from.name);
  }

  // ---- attributes -----------------------------------------------------------------------

  private async ownerOrRoot(ctx: FsContext, ref: PathRef): Promise<Stat> {
    const st = await ref.node.stat();
    if (ctx.cred.uid !== 0 && ctx.cred.uid !== st.uid) throw new SysError('EPERM');
    return st;
  }

  async chmod(ctx: FsContext, path: string, mode: number): Promise<void> {
    const ref = await resolve(ctx, path, true);
    this.writableMount(ref);
    const st = await this.ownerOrRoot(ctx, ref);
    let m = mode & S_IALLUGO;
    // An unprivileged owner outside the file's group cannot set its setgid bit.
    if (ctx.cred.uid !== 0 && !isDir(st.mode) && !inGroup(ctx.cred, st.gid)) m &= ~S_ISGID;
    await ref.node.setattr({ mode: m });
  }

  async chown(ctx: FsContext, path: string, uid: number, gid: number): Promise<void> {
    await this.chownRef(ctx, await resolve(ctx, path, true), uid, gid);
  }

  async lchown(ctx: FsContext, path: string, uid: number, gid: number): Promise<void> {
    await this.chownRef(ctx, await resolve(ctx, path, false), uid, gid);
  }

  private async chownRef(ctx: FsContext, ref: PathRef, uid: number, gid: number): Promise<void> {
    this.writableMount(ref);
    const st = await ref.node.stat();
    const newUid = uid === -1 ? st.uid : uid;
    const newGid = gid === -1 ? st.gid : gid;
    if (ctx.cred.uid !== 0) {
      if (newUid !== st.uid || ctx.cred.uid !== st.uid) throw new SysError('EPERM');
      if (newGid !== st.gid && !inGroup(ctx.cred, newGid)) throw new SysError('EPERM');
    }
    const attrs: { uid: number; gid: number; mode?: number } = { uid: newUid, gid: newGid };
    // chown clears set-user-ID, and set-group-ID when group execute is set, on non-directories.
    if (!isDir(st.mode) && ref.node.type !== 'symlink') {
      let m = st.mode & S_IALLUGO;
      m &= ~S_ISUID;
      if (m & 0o010) m &= ~S_ISGID;
      if (m !== (st.mode & S_IALLUGO)) attrs.mode = m;
    }
    await ref.node.setattr(attrs);
  }

  async truncate(ctx: FsContext, path: string, size: number): Promise<void> {
    if (size < 0) throw new SysError('EINVAL');
    const ref = await resolve(ctx, path, true);
    if (ref.node.type === 'dir') throw new SysError('EISDIR');
    if (ref.node.type !== 'file') throw new SysError('EINVAL');
    this.writableMount(ref);
    if (!mayAccess(await ref.node.stat(), ctx.cred, W_OK)) throw new SysError('EACCES');
    await ref.node.setattr({ size });
  }

  async utimens(ctx: FsContext, path: string, atimeNs?: bigint, mtimeNs?: bigint, follow = true): Promise<void> {
    const ref = await resolve(ctx, path, follow);
    this.writableMount(ref);
    const st = await ref.node.stat();
    const now = this.clock.nowNs();
    if (ctx.cred.uid !== 0 && ctx.cred.uid !== st.uid) {
      // Setting "now" needs only write permission; explicit times need ownership.
      if (atimeNs !== undefined || mtimeNs !== undefined) throw new SysError('EPERM');
      if (!mayAccess(st, ctx.cred, W_OK)) throw new SysError('EACCES');
    }
    await ref.node.setattr({ atimeNs: atimeNs ?? now, mtimeNs: mtimeNs ?? now });
  }

  async readlink(ctx: FsContext, path: string): Promise<string> {
    const ref = await resolve(ctx, path, false);
    if (ref.node.type !== 'symlink') throw new SysError('EINVAL');
    return ref.node.readlink(ctx.caller);
  }

  async readdir(ctx: FsContext, path: string): Promise<DirEntry[]> {
    const ref = await resolve(ctx, path, true);
    if (ref.node.type !== 'dir') throw new SysError('ENOTDIR');
    if (!mayAccess(await ref.node.stat(), ctx.cred, R_OK)) throw new SysError('EACCES');
    return ref.node.readdir(ctx.caller);
  }

  async access(ctx: FsContext, path: string, mode: number): Promise<void> {
    const ref = await resolve(ctx, path, true);
    if (mode === F_OK) return;
    if (mode & W_OK && ref.mount.readOnly && ref.node.type !== 'chardev' && ref.node.type !== 'fifo') throw new SysError('EROFS');
    if (!mayAccess(await ref.node.stat(), ctx.cred, mode)) throw new SysError('EACCES');
  }

  async chdir(ctx: FsContext, path: string): Promise<FsContext> {
    const ref = await resolve(ctx, path, true);
    if (ref.node.type !== 'dir') throw new SysError('ENOTDIR');
    if (!mayAccess(await ref.node.stat(), ctx.cred, X_OK)) throw new SysError('EACCES');
    return { ...ctx, cwd: ref };
  }

  async chroot(ctx: FsContext, path: string): Promise<FsContext> {
    const ref = await resolve(ctx, path, true);
    if (ref.node.type !== 'dir') throw new SysError('ENOTDIR');
    if (ctx.cred.uid !== 0) throw new SysError('EPERM');
    return { ...ctx, root: ref };
  }

  /** getcwd(2): the cwd's path from the process root. */
  getcwd(ctx: FsContext): string {
    return refPath(ctx.cwd, ctx.root);
  }

  // ---- extended attributes ----------------------------------------------------------------

  private async xattrTarget(ctx: FsContext, path: string, follow: boolean, name: string, write: boolean): Promise<PathRef> {
    if (name.length === 0 || name.length > 255) throw new SysError(name.length ? 'ERANGE' : 'EINVAL');
    if (!XATTR_NAMESPACES.some((p) => name.startsWith(p) && name.length > p.length)) throw new SysError('EOPNOTSUPP');
    const ref = await resolve(ctx, path, follow);
    if (write) this.writableMount(ref);
    if (name.startsWith('trusted.') && ctx.cred.uid !== 0) throw new SysError(write ? 'EPERM' : 'ENODATA');
    if (name.startsWith('user.')) {
      const t = ref.node.type;
      // user.* attributes exist on regular files and directories only.
      if (t !== 'file' && t !== 'dir') throw new SysError(write ? 'EPERM' : 'ENODATA');
      if (!mayAccess(await ref.node.stat(), ctx.cred, write ? W_OK : R_OK)) throw new SysError('EACCES');
    }
    return ref;
  }

  async setxattr(ctx: FsContext, path: string, name: string, value: Uint8Array, flags = 0, follow = true): Promise<void> {
    if (flags & ~(XATTR_CREATE | XATTR_REPLACE)) throw new SysError('EINVAL');
    if (value.length > MAX_XATTR_VALUE) throw new SysError('E2BIG');
    const ref = await this.xattrTarget(ctx, path, follow, name, true);
    await ref.node.setxattr(name, value, flags);
  }

  lsetxattr(ctx: FsContext, path: string, name: string, value: Uint8Array, flags = 0): Promise<void> {
    return this.setxattr(ctx, path, name, value, flags, false);
  }

  async getxattr(ctx: FsContext, path: string, name: string, follow = true): Promise<Uint8Array> {
    const ref = await this.xattrTarget(ctx, path, follow, name, false);
    return ref.node.getxattr(name);
  }

  lgetxattr(ctx: FsContext, path: string, name: string): Promise<Uint8Array> {
    return this.getxattr(ctx, path, name, false);
  }

  async listxattr(ctx: FsContext, path: string, follow = true): Promise<string[]> {
    const ref = await resolve(ctx, path, follow);
    const names = await ref.node.listxattr();
    return ctx.cred.uid === 0 ? names : names.filter((n) => !n.startsWith('trusted.'));
  }

  llistxattr(ctx: FsContext, path: string): Promise<string[]> {
    return this.listxattr(ctx, path, false);
  }

  async removexattr(ctx: FsContext, path: string, name: string, follow = true): Promise<void> {
    const ref = await this.xattrTarget(ctx, path, follow, name, true);
    await ref.node.removexattr(name);
  }

  lremovexattr(ctx: FsContext, path: string, name: string): Promise<void> {
    return this.removexattr(ctx, path, name, false);
  }

  // ---- conveniences for the kernel and tests ----------------------------------------------

  /** Whether `path` names anything (the last component is not followed). */
  async exists(ctx: FsContext, path: string): Promise<boolean> {
    try {
      await resolve(ctx, path, false);
      return true;
    } catch (e) {
      if (isSysError(e, 'ENOENT')) return false;
      throw e;
    }
  }

  /** The whole content of a file, as open + read to the end + close would give it. */
  async readFile(ctx: FsContext, path: string): Promise<Uint8Array> {
    const ref = await resolve(ctx, path, true);
    if (ref.node.type === 'dir') throw new SysError('EISDIR');
    if (ref.node.type !== 'file') return this.readAll(await this.open(ctx, path, O_RDONLY));
    if (ctx.cred.uid !== 0 && !mayAccess(await ref.node.stat(), ctx.cred, R_OK)) throw new SysError('EACCES');
    const h = await ref.node.open(O_RDONLY, ctx.caller);
    try {
      // One read of everything there is: a regular file ends where its data does.
      return await h.read(0, Number.MAX_SAFE_INTEGER);
    } finally {
      await h.close();
    }
  }

  private async readAll(f: OpenFile): Promise<Uint8Array> {
    try {
      const parts: Uint8Array[] = [];
      for (let chunk = await f.read(65536); chunk.length > 0; chunk = await f.read(65536)) parts.push(chunk);
      return concatBytes(parts);
    } finally {
      await f.close();
    }
  }

  /** open(O_CREAT|O_TRUNC|O_WRONLY), one write of everything, close; no file description needed. */
  async writeFile(ctx: FsContext, path: string, data: Uint8Array | string, mode = 0o666): Promise<void> {
    const { handle } = await this.openNode(ctx, path, O_CREAT | O_TRUNC | O_WRONLY, mode, 0);
    if (!handle) throw new SysError('EISDIR');
    try {
      await handle.write(0, typeof data === 'string' ? utf8Encode(data) : data);
    } finally {
      await handle.close();
    }
  }
}

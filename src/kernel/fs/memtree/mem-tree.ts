// An inode tree kept in memory with Linux's rules for link counts, times, rename and xattrs.
// It is the engine of tmpfs (which is just this) and of diskfs (this plus a Store underneath):
// subclasses hear of every change through the `changed*` hooks and persist it in endOp().
// It keeps the blocks and inodes in use as running counts (statfs reads them, never walking the
// tree) and enforces a subclass's limits (tmpfs's size= and nr_inodes=) with ENOSPC.
//
// Invariants: a directory's nlink is 2 + its subdirectories; a directory has exactly one parent;
// an inode is released when its link count and its open-handle count both reach zero.

import { SysError } from '../../../abi/errno.ts';
import { utf8Length } from '../../../base/text.ts';
import { RENAME_EXCHANGE, RENAME_NOREPLACE, RENAME_WHITEOUT, XATTR_CREATE, XATTR_REPLACE } from '../../../abi/open-flags.ts';
import { S_IALLUGO, S_IFBLK, S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, fileTypeOf, type FileType, type Stat } from '../../../abi/stat.ts';
import type { Clock, Cred, DirEntry, FileHandle, FileSystem, SetAttrs, StatFs, VNode } from '../vfs/types.ts';
import { BLOCK_SIZE, type FileData } from './file-data.ts';
import { type Children, childCount, childDelete, childEntries, childGet, childSet, noChildren } from './dir-entries.ts';

/** Linux tmpfs counts each directory entry as 20 bytes of directory size (BOGO_DIRENT_SIZE). */
const DIRENT_SIZE = 20;
const BLOCK = BLOCK_SIZE;

export interface MemTreeOptions {
  type: string;
  dev: number;
  clock: Clock;
  readOnly?: boolean;
  /** statfs f_type. */
  magic: number;
}

export interface InodeRecord {
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  rdev: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  xattrs: ReadonlyMap<string, Uint8Array>;
  target: string;
}

const NO_XATTRS: ReadonlyMap<string, Uint8Array> = new Map();

/**
 * A directory's names not yet in memory: a filesystem that loads its tree from storage (diskfs)
 * makes each directory's names on its first use, so a boot builds only what is looked at.
 */
export abstract class DeferredChildren {
  /** The names, made now; called once, on the directory's first use. */
  abstract make(dir: MemInode): Children<MemInode>;
}

/** What an inode holds besides its attributes, by type: a directory's names (or the promise of
 *  them), a file's data, a symlink's target, a device's number. One field for all. */
type Body = Children<MemInode> | DeferredChildren | FileData | string | number | null;

export class MemInode implements VNode, InodeRecord {
  nlink = 0;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  /** Most inodes never get an extended attribute, so the map is made on the first one. */
  private xattrMap: Map<string, Uint8Array> | null = null;
  private body: Body = null;
  /** The one parent of a directory (itself for the root). */
  parent: MemInode | null = null;
  openCount = 0;
  /** The 4 KiB blocks this inode is counted for in its filesystem's usage (MemTree.account). */
  blocksCounted = 0;

  constructor(
    readonly fs: MemTree,
    readonly ino: number,
    public mode: number,
    public uid: number,
    public gid: number,
    now: bigint,
  ) {
    this.atimeNs = this.mtimeNs = this.ctimeNs = now;
    switch (mode & S_IFMT) {
      case S_IFDIR: this.body = noChildren(); break;
      case S_IFLNK: this.body = ''; break;
      case S_IFCHR: case S_IFBLK: this.body = 0; break;
    }
  }

  /** The file type never changes (chmod keeps the type bits), so it is read from the mode. */
  get type(): FileType {
    return fileTypeOf(this.mode);
  }

  /** Device number (character and block devices only; 0 for the rest). */
  get rdev(): number {
    return typeof this.body === 'number' ? this.body : 0;
  }
  set rdev(v: number) {
    if (typeof this.body === 'number') this.body = v;
  }

  /** Symlink target ('' for the rest). */
  get target(): string {
    return typeof this.body === 'string' ? this.body : '';
  }
  set target(v: string) {
    if (typeof this.body === 'string') this.body = v;
  }

  /** Regular file data. */
  get data(): FileData | null {
    return this.type === 'file' ? (this.body as FileData | null) : null;
  }
  set data(v: FileData | null) {
    if (this.type === 'file') this.body = v;
  }

  /** Directory entries, as a Map-like view (null for non-directories). */
  get entries(): DirEntries | null {
    return (this.mode & S_IFMT) === S_IFDIR ? new DirEntries(this) : null;
  }

  // ---- a directory's names (callers check dir() first) ----------------------------------
  /** Names made on first use: until then the directory holds only how to make them. */
  deferChildren(deferred: DeferredChildren): void {
    this.body = deferred;
  }
  private names(): Children<MemInode> {
    const b = this.body;
    return b instanceof DeferredChildren ? (this.body = b.make(this)) : (b as Children<MemInode>);
  }
  child(name: string): MemInode | undefined {
    return childGet(this.names(), name);
  }
  setChild(name: string, n: MemInode): void {
    this.body = childSet(this.names(), name, n);
  }
  deleteChild(name: string): boolean {
    const next = childDelete(this.names(), name);
    if (!next) return false;
    this.body = next;
    return true;
  }
  get childCount(): number {
    return childCount(this.names());
  }
  children(): IterableIterator<[string, MemInode]> {
    return childEntries(this.names());
  }

  get size(): number {
    switch (this.type) {
      case 'file': return this.data!.size;
      case 'dir': return this.fs.directorySize(this);
      case 'symlink': return utf8Length(this.target);
      default: return 0;
    }
  }

  async stat(): Promise<Stat> {
    return this.fs.statOf(this);
  }
  statCached(): Stat {
    return this.fs.statOf(this);
  }
  setattr(attrs: SetAttrs): Promise<void> {
    return this.fs.setattr(this, attrs);
  }
  async lookup(name: string): Promise<VNode | null> {
    return this.dir().child(name) ?? null;
  }
  lookupCached(name: string): VNode | null {
    return this.dir().child(name) ?? null;
  }
  async readdir(): Promise<DirEntry[]> {
    const out: DirEntry[] = [];
    for (const [name, child] of this.dir().children()) out.push({ name, type: child.type, ino: child.ino });
    return out;
  }
  mknod(name: string, mode: number, rdev: number, owner: Cred): Promise<VNode> {
    // Type bits 0 mean a regular file, as mknod(2) says.
    const typed = (mode & S_IFMT) === 0 ? mode | S_IFREG : mode;
    if ((typed & S_IFMT) === S_IFDIR || (typed & S_IFMT) === S_IFLNK) throw new SysError('EINVAL');
    return this.fs.create(this, name, typed, owner, (n) => { n.rdev = rdev; });
  }
  mkdir(name: string, mode: number, owner: Cred): Promise<VNode> {
    return this.fs.create(this, name, S_IFDIR | (mode & S_IALLUGO), owner);
  }
  symlink(name: string, target: string, owner: Cred): Promise<VNode> {
    return this.fs.create(this, name, S_IFLNK | 0o777, owner, (n) => { n.target = target; });
  }
  link(name: string, target: VNode): Promise<void> {
    return this.fs.link(this, name, target);
  }
  unlink(name: string): Promise<void> {
    return this.fs.remove(this, name, false);
  }
  rmdir(name: string): Promise<void> {
    return this.fs.remove(this, name, true);
  }
  rename(oldName: string, newDir: VNode, newName: string, flags: number): Promise<void> {
    return this.fs.rename(this, oldName, newDir, newName, flags);
  }
  async readlink(): Promise<string> {
    if (this.type !== 'symlink') throw new SysError('EINVAL');
    return this.target;
  }
  async getxattr(name: string): Promise<Uint8Array> {
    const v = this.xattrMap?.get(name);
    if (!v) throw new SysError('ENODATA', name);
    return v.slice();
  }
  setxattr(name: string, value: Uint8Array, flags: number): Promise<void> {
    return this.fs.setxattr(this, name, value, flags);
  }
  async listxattr(): Promise<string[]> {
    return this.xattrMap ? [...this.xattrMap.keys()] : [];
  }
  removexattr(name: string): Promise<void> {
    return this.fs.removexattr(this, name);
  }
  open(flags: number): Promise<FileHandle> {
    return this.fs.open(this, flags);
  }
  cloneDataFrom(source: VNode): Promise<boolean> {
    return this.fs.cloneData(this, source);
  }

  get xattrs(): ReadonlyMap<string, Uint8Array> {
    return this.xattrMap ?? NO_XATTRS;
  }

  /** The attribute map to change (made on first use). */
  writableXattrs(): Map<string, Uint8Array> {
    return (this.xattrMap ??= new Map());
  }

  /** This inode, checked to be a directory. */
  dir(): MemInode {
    if ((this.mode & S_IFMT) !== S_IFDIR) throw new SysError('ENOTDIR');
    return this;
  }
}

/** A Map-like view of a directory's names, for code that fills a tree (diskfs loading). */
export class DirEntries {
  constructor(private readonly n: MemInode) {}
  get size(): number {
    return this.n.childCount;
  }
  get(name: string): MemInode | undefined {
    return this.n.child(name);
  }
  has(name: string): boolean {
    return this.n.child(name) !== undefined;
  }
  set(name: string, child: MemInode): this {
    this.n.setChild(name, child);
    return this;
  }
  delete(name: string): boolean {
    return this.n.deleteChild(name);
  }
  [Symbol.iterator](): IterableIterator<[string, MemInode]> {
    return this.n.children();
  }
}

export abstract class MemTree implements FileSystem {
  readonly type: string;
  readonly dev: number;
  /** Writable so a filesystem can be laid out before it turns read-only (sysfs mounted ro). */
  readOnly: boolean;
  readonly clock: Clock;
  private readonly magic: number;
  protected nextIno = 1;
  protected rootInode!: MemInode;
  protected inodeCount = 0;
  /**
   * 4 KiB blocks in use: file data, directories and symlinks that take a block. A running count,
   * moved wherever data grows or shrinks and inodes come and go, so statfs never walks the tree.
   */
  protected usedBlocks = 0;
  /** Names beyond an inode's first, on a filesystem where each costs an inode (tmpfs). */
  private extraLinks = 0;
  /** size= and nr_inodes= as enforced: a write past the blocks or a create past the inodes fails
   *  with ENOSPC. 0: no limit (what statfs then reports as 0, as Linux does). */
  protected blockLimit = 0;
  protected inodeLimit = 0;
  /** tmpfs charges each hard link as an inode (shmem_link), so many names cannot pin memory freely. */
  protected readonly linksUseInodes: boolean = false;
  /** A symlink target of this many bytes or more takes a block (tmpfs keeps up to 127 in the inode). */
  protected readonly symlinkBlockAt: number = 128;

  constructor(opts: MemTreeOptions) {
    this.type = opts.type;
    this.dev = opts.dev;
    this.clock = opts.clock;
    this.readOnly = opts.readOnly ?? false;
    this.magic = opts.magic;
  }

  /** A fresh root directory, for a filesystem made from nothing. */
  protected makeRoot(mode = 0o1777, owner: Cred = { uid: 0, gid: 0, groups: [] }): MemInode {
    const root = this.newInode(S_IFDIR | mode, owner.uid, owner.gid);
    root.nlink = 2;
    root.parent = root;
    this.rootInode = root;
    this.account(root);
    this.changedInode(root);
    return root;
  }

  /** A new, unlinked inode of the given mode; subclasses restoring from storage pass `ino`. */
  newInode(mode: number, uid: number, gid: number, ino?: number): MemInode {
    const id = ino ?? this.nextIno++;
    if (id >= this.nextIno) this.nextIno = id + 1;
    const n = new MemInode(this, id, mode, uid, gid, this.clock.nowNs());
    if (n.type === 'file') n.data = this.newData(n);
    this.inodeCount++;
    return n;
  }

  // ---- subclass hooks -------------------------------------------------------------------

  protected abstract newData(inode: MemInode): FileData;
  /** An inode's attributes (not its entries) changed. */
  protected changedInode(_n: MemInode): void {}
  /** Entry `name` of `dir` now points at `child`, or was removed (null). */
  protected changedEntry(_dir: MemInode, _name: string, _child: MemInode | null): void {}
  /** The inode is gone: no names and no open handles. */
  protected releasedInode(_n: MemInode): void {}
  /** Called at the end of every change; diskfs writes its changes out here (tmpfs: nothing to wait for). */
  protected endOp(): Promise<void> | void {}
  /** Data sharing between files (diskfs shares chunks); tmpfs cannot. */
  async cloneData(_dest: MemInode, _source: VNode): Promise<boolean> {
    return false;
  }

  /**
   * Whether a directory takes blocks: on tmpfs, devtmpfs and sysfs it lives in memory only and
   * stat shows 0 (measured); a block filesystem's directory takes whole blocks.
   */
  protected readonly directoryUsesBlocks: boolean = false;

  /** The 4 KiB blocks `n` takes now (what st_blocks shows, in 512-byte units, times 8). */
  blocksOf(n: MemInode): number {
    switch (n.type) {
      case 'file': return n.data!.blocks;
      case 'dir': return this.directoryUsesBlocks ? Math.ceil(this.directorySize(n) / BLOCK) : 0;
      case 'symlink': return utf8Length(n.target) >= this.symlinkBlockAt ? 1 : 0;
      default: return 0;
    }
  }

  /** Bring the used-block count up to date with what `n` takes now: O(1), idempotent. */
  protected account(n: MemInode): void {
    const b = this.blocksOf(n);
    if (b === n.blocksCounted) return;
    this.usedBlocks += b - n.blocksCounted;
    n.blocksCounted = b;
  }

  /** Inodes in use as statfs counts them. */
  protected get inodesUsed(): number {
    return this.inodeCount + this.extraLinks;
  }

  /** One more inode (or, on tmpfs, one more name), or ENOSPC past nr_inodes. */
  private reserveInode(): void {
    if (this.inodeLimit > 0 && this.inodesUsed >= this.inodeLimit) throw new SysError('ENOSPC');
  }

  /** How many of `length` bytes written at `pos` into `n` fit under the block limit. */
  fitWrite(n: MemInode, pos: number, length: number): number {
    if (this.blockLimit === 0) return length;
    return n.data!.fit(pos, length, Math.max(0, this.blockLimit - this.usedBlocks));
  }

  /** st_size of a directory: tmpfs counts 20 bytes an entry; block filesystems override. */
  directorySize(dir: MemInode): number {
    return (dir.childCount + 2) * DIRENT_SIZE;
  }

  // ---- FileSystem -----------------------------------------------------------------------

  async root(): Promise<VNode> {
    return this.rootInode;
  }

  /** tmpfs's figures (shmem_statfs): the limits, and what is left under them; 0 where there is none. */
  async statfs(): Promise<StatFs> {
    const bfree = this.blockLimit > 0 ? Math.max(0, this.blockLimit - this.usedBlocks) : 0;
    return {
      type: this.magic, bsize: BLOCK, blocks: this.blockLimit, bfree, bavail: bfree,
      files: this.inodeLimit, ffree: this.inodeLimit > 0 ? Math.max(0, this.inodeLimit - this.inodesUsed) : 0, namelen: 255,
    };
  }

  async sync(): Promise<void> {
    const written = this.endOp();
    if (written) await written;
  }

  mountOptions(): string {
    return this.readOnly ? 'ro' : 'rw';
  }

  statOf(n: MemInode): Stat {
    const size = n.size;
    return {
      dev: this.dev, ino: n.ino, mode: n.mode, nlink: n.nlink, uid: n.uid, gid: n.gid, rdev: n.rdev,
      size, blksize: BLOCK,
      blocks: this.blocksOf(n) * (BLOCK / 512),
      atimeNs: n.atimeNs, mtimeNs: n.mtimeNs, ctimeNs: n.ctimeNs,
    };
  }

  // ---- operations -----------------------------------------------------------------------

  protected writable(): void {
    if (this.readOnly) throw new SysError('EROFS');
  }

  private own(n: VNode): MemInode {
    if (!(n instanceof MemInode) || n.fs !== this) throw new SysError('EXDEV');
    return n;
  }

  /** Stamp a directory whose entries changed. */
  private touchDir(dir: MemInode, now: bigint): void {
    dir.mtimeNs = dir.ctimeNs = now;
    this.changedInode(dir);
  }

  /** Every creation ends here; no async frame of its own, since most of the time nothing waits. */
  create(dir: MemInode, name: string, mode: number, owner: Cred, init?: (n: MemInode) => void): Promise<MemInode> {
    try {
      const n = this.createNow(dir, name, mode, owner, init);
      const written = this.endOp();
      return written ? written.then(() => n) : Promise.resolve(n);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private createNow(dir: MemInode, name: string, mode: number, owner: Cred, init?: (n: MemInode) => void): MemInode {
    dir.dir();
    this.writable();
    if (dir.child(name)) throw new SysError('EEXIST', name);
    if (dir.nlink === 0) throw new SysError('ENOENT', 'directory was removed');
    this.reserveInode();
    const n = this.newInode(mode, owner.uid, owner.gid);
    init?.(n);
    const blocks = this.blocksOf(n);
    if (blocks > 0 && this.blockLimit > 0 && this.usedBlocks + blocks > this.blockLimit) {
      // A long symlink's block is taken before the name exists: no room, no inode.
      this.inodeCount--;
      throw new SysError('ENOSPC');
    }
    this.account(n);
    n.nlink = n.type === 'dir' ? 2 : 1;
    if (n.type === 'dir') {
      n.parent = dir;
      dir.nlink++;
    }
    dir.setChild(name, n);
    this.touchDir(dir, n.ctimeNs);
    this.changedInode(n);
    this.changedEntry(dir, name, n);
    return n;
  }

  async link(dir: MemInode, name: string, target: VNode): Promise<void> {
    dir.dir();
    const t = this.own(target);
    this.writable();
    if (t.type === 'dir') throw new SysError('EPERM', 'hard link to a directory');
    if (dir.child(name)) throw new SysError('EEXIST', name);
    if (t.nlink === 0 && t.openCount === 0) throw new SysError('ENOENT');
    // linkat of an O_TMPFILE file gives it its first name, which its inode already paid for.
    const extra = this.linksUseInodes && t.nlink > 0;
    if (extra) {
      this.reserveInode();
      this.extraLinks++;
    }
    const now = this.clock.nowNs();
    t.nlink++;
    t.ctimeNs = now;
    dir.setChild(name, t);
    this.touchDir(dir, now);
    this.changedInode(t);
    this.changedEntry(dir, name, t);
    const written = this.endOp();
    if (written) await written;
  }

  async remove(dir: MemInode, name: string, wantDir: boolean): Promise<void> {
    const n = dir.dir().child(name);
    if (!n) throw new SysError('ENOENT', name);
    this.writable();
    if (wantDir) {
      if (n.type !== 'dir') throw new SysError('ENOTDIR', name);
      if (n.childCount > 0) throw new SysError('ENOTEMPTY', name);
    } else if (n.type === 'dir') {
      throw new SysError('EISDIR', name);
    }
    const now = this.clock.nowNs();
    dir.deleteChild(name);
    this.unlinkInode(dir, n, now);
    this.touchDir(dir, now);
    this.changedEntry(dir, name, null);
    const written = this.endOp();
    if (written) await written;
  }

  /** Drop one name of `n` (which was in `dir`): link counts, and release when unused. */
  private unlinkInode(dir: MemInode, n: MemInode, now: bigint): void {
    if (n.type === 'dir') {
      n.nlink = 0;
      dir.nlink--;
    } else {
      if (this.linksUseInodes && n.nlink > 1) this.extraLinks--;
      n.nlink--;
    }
    n.ctimeNs = now;
    this.changedInode(n);
    if (n.nlink === 0 && n.openCount === 0) this.release(n);
  }

  /** The inode is gone: its inode and its blocks are free again. */
  protected release(n: MemInode): void {
    this.inodeCount--;
    this.usedBlocks -= n.blocksCounted;
    n.blocksCounted = 0;
    this.releasedInode(n);
  }

  async rename(oldDir: MemInode, oldName: string, newDirNode: VNode, newName: string, flags: number): Promise<void> {
    const newDir = this.own(newDirNode);
    const from = oldDir.dir();
    const to = newDir.dir();
    const n = from.child(oldName);
    if (!n) throw new SysError('ENOENT', oldName);
    this.writable();
    const victim = to.child(newName);
    if (flags & RENAME_EXCHANGE) return this.exchange(oldDir, oldName, n, newDir, newName, victim);
    if (victim && flags & RENAME_NOREPLACE) throw new SysError('EEXIST', newName);
    if (victim === n) {
      // Two names of one inode: POSIX says do nothing and succeed.
      if (flags & RENAME_WHITEOUT) throw new SysError('EINVAL');
      return;
    }
    if (isBelow(newDir, n)) throw new SysError('EINVAL', 'a directory cannot move into itself');
    // The whiteout left behind is a new inode: checked before anything moves.
    if (flags & RENAME_WHITEOUT) this.reserveInode();
    if (victim) {
      if (n.type === 'dir' && victim.type !== 'dir') throw new SysError('ENOTDIR', newName);
      if (n.type !== 'dir' && victim.type === 'dir') throw new SysError('EISDIR', newName);
      if (victim.type === 'dir' && victim.childCount > 0) throw new SysError('ENOTEMPTY', newName);
    }
    const now = this.clock.nowNs();
    if (victim) this.unlinkInode(newDir, victim, now);
    from.deleteChild(oldName);
    to.setChild(newName, n);
    if (n.type === 'dir' && oldDir !== newDir) {
      oldDir.nlink--;
      newDir.nlink++;
      n.parent = newDir;
    }
    n.ctimeNs = now;
    this.changedInode(n);
    this.touchDir(oldDir, now);
    this.touchDir(newDir, now);
    this.changedEntry(oldDir, oldName, null);
    this.changedEntry(newDir, newName, n);
    if (flags & RENAME_WHITEOUT) {
      // The old name becomes a whiteout (character device 0:0) in the same step.
      const wh = this.newInode(S_IFCHR, 0, 0);
      wh.nlink = 1;
      from.setChild(oldName, wh);
      this.changedInode(wh);
      this.changedEntry(oldDir, oldName, wh);
    }
    const written = this.endOp();
    if (written) await written;
  }

  /** renameat2(RENAME_EXCHANGE): the two names swap objects in one step. */
  private async exchange(oldDir: MemInode, oldName: string, a: MemInode, newDir: MemInode, newName: string, b: MemInode | undefined): Promise<void> {
    if (!b) throw new SysError('ENOENT', newName);
    if (a === b) return;
    if (isBelow(newDir, a) || isBelow(oldDir, b)) throw new SysError('EINVAL');
    oldDir.dir().setChild(oldName, b);
    newDir.dir().setChild(newName, a);
    if (oldDir !== newDir) {
      for (const [moved, from, to] of [[a, oldDir, newDir], [b, newDir, oldDir]] as const) {
        if (moved.type !== 'dir') continue;
        from.nlink--;
        to.nlink++;
        moved.parent = to;
      }
    }
    const now = this.clock.nowNs();
    for (const n of [a, b]) {
      n.ctimeNs = now;
      this.changedInode(n);
    }
    this.touchDir(oldDir, now);
    this.touchDir(newDir, now);
    this.changedEntry(oldDir, oldName, b);
    this.changedEntry(newDir, newName, a);
    const written = this.endOp();
    if (written) await written;
  }

  async setattr(n: MemInode, attrs: SetAttrs): Promise<void> {
    this.writable();
    const now = this.clock.nowNs();
    if (attrs.size !== undefined) {
      if (n.type === 'dir') throw new SysError('EISDIR');
      if (n.type !== 'file') throw new SysError('EINVAL');
      if (attrs.size < 0) throw new SysError('EINVAL');
      if (attrs.size !== n.data!.size) await n.data!.truncate(attrs.size);
      this.account(n);
      // truncate(2) stamps mtime even when the size does not change.
      n.mtimeNs = now;
    }
    if (attrs.mode !== undefined) n.mode = (n.mode & S_IFMT) | (attrs.mode & S_IALLUGO);
    if (attrs.uid !== undefined) n.uid = attrs.uid;
    if (attrs.gid !== undefined) n.gid = attrs.gid;
    if (attrs.atimeNs !== undefined) n.atimeNs = attrs.atimeNs;
    if (attrs.mtimeNs !== undefined) n.mtimeNs = attrs.mtimeNs;
    n.ctimeNs = attrs.ctimeNs ?? now;
    this.changedInode(n);
    const written = this.endOp();
    if (written) await written;
  }

  async setxattr(n: MemInode, name: string, value: Uint8Array, flags: number): Promise<void> {
    this.writable();
    const has = n.xattrs.has(name);
    if (flags & XATTR_CREATE && has) throw new SysError('EEXIST', name);
    if (flags & XATTR_REPLACE && !has) throw new SysError('ENODATA', name);
    n.writableXattrs().set(name, value.slice());
    n.ctimeNs = this.clock.nowNs();
    this.changedInode(n);
    const written = this.endOp();
    if (written) await written;
  }

  async removexattr(n: MemInode, name: string): Promise<void> {
    this.writable();
    if (!n.writableXattrs().delete(name)) throw new SysError('ENODATA', name);
    n.ctimeNs = this.clock.nowNs();
    this.changedInode(n);
    const written = this.endOp();
    if (written) await written;
  }

  open(n: MemInode, _flags: number): Promise<FileHandle> {
    if (n.type === 'dir') return Promise.reject(new SysError('EISDIR'));
    if (n.type !== 'file') return Promise.reject(new SysError('ENXIO', 'no driver for this special file'));
    n.openCount++;
    return Promise.resolve(new MemFileHandle(this, n));
  }

  /** A handle closed: an unlinked file may now be released. */
  closed(n: MemInode): Promise<void> {
    n.openCount--;
    if (n.nlink === 0 && n.openCount === 0) this.release(n);
    return this.endOp() ?? Promise.resolve();
  }

  /** Data changed through a handle: stamp mtime/ctime. Subclasses persist at flush. */
  dataWritten(n: MemInode): void {
    n.mtimeNs = n.ctimeNs = this.clock.nowNs();
    this.account(n);
    this.changedInode(n);
  }
}

/** Whether `dir` is `n` or lies below it (directories have one parent each). */
function isBelow(dir: MemInode, n: MemInode): boolean {
  if (n.type !== 'dir') return false;
  for (let p: MemInode | null = dir; p; p = p.parent === p ? null : p.parent) if (p === n) return true;
  return false;
}

class MemFileHandle implements FileHandle {
  private closed = false;
  constructor(private readonly tree: MemTree, private readonly n: MemInode) {}

  private live(): FileData {
    if (this.closed) throw new SysError('EBADF');
    return this.n.data!;
  }
  // read, size and close answer without an async frame of their own: they are the hot path of
  // every file read, and a rejected promise (never a synchronous throw) still reports errors.
  read(pos: number, length: number): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new SysError('EBADF'));
    return this.n.data!.read(pos, length);
  }
  write(pos: number, data: Uint8Array): Promise<number> {
    if (this.closed) return Promise.reject(new SysError('EBADF'));
    if (this.tree.readOnly) return Promise.reject(new SysError('EROFS'));
    // Past size= a write stops at the first block it cannot get, as tmpfs's does: a partial write
    // returns what fit, and one that fits nothing fails.
    const fits = this.tree.fitWrite(this.n, pos, data.length);
    if (fits < data.length) {
      if (fits === 0) return Promise.reject(new SysError('ENOSPC'));
      data = data.subarray(0, fits);
    }
    const pending = this.n.data!.write(pos, data);
    if (pending) {
      return pending.then(() => {
        this.tree.dataWritten(this.n);
        return data.length;
      });
    }
    this.tree.dataWritten(this.n);
    return Promise.resolve(data.length);
  }
  size(): Promise<number> {
    if (this.closed) return Promise.reject(new SysError('EBADF'));
    return Promise.resolve(this.n.data!.size);
  }
  async truncate(size: number): Promise<void> {
    this.live();
    await this.tree.setattr(this.n, { size });
  }
  async flush(): Promise<void> {
    this.live();
    await this.tree.sync();
  }
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return this.tree.closed(this.n);
  }
}

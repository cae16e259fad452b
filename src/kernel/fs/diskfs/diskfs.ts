// diskfs: the persistent filesystem. The whole inode tree lives in memory (the in-memory tree
// gives it Linux's rules) and every change is written to a Store in one transaction at the end
// of the operation that made it; file data goes to content-addressed chunks, written back
// when a file is closed or synced. A reload opens the same Store and finds the same tree.
//
// Store layout (keys are strings, values structured data):
//
//   sb                      { version, rootIno, nextIno }
//   i/<ino>                 inode: { mode, uid, gid, nlink, rdev, atime, mtime, ctime,
//                                    target, xattrs: { name: bytes }, size, chunks: [ref|null] }
//   e/<dir ino>/<name>      directory entry -> child ino
//   (blob store keys)       chunk bytes and reference counts, see storage/blob-store.ts

import { SysError, isSysError } from '../../../abi/errno.ts';
import { makedev } from '../../../abi/stat.ts';
import type { Clock, VNode } from '../vfs/types.ts';
import type { FileData } from '../memtree/file-data.ts';
import { MemInode, MemTree } from '../memtree/mem-tree.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Store, StoreValue, Transaction } from '../storage/store.ts';
import { ChunkedData } from './chunked-data.ts';

export const EXT4_SUPER_MAGIC = 0xef53;
const FORMAT_VERSION = 1;

export interface DiskFsOptions {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  dev?: number;
  readOnly?: boolean;
  /** Key prefix, so several filesystems can share one Store. */
  prefix?: string;
}

interface InodeRow {
  [key: string]: StoreValue;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  rdev: number;
  atime: string;
  mtime: string;
  ctime: string;
  target: string;
  xattrs: { [name: string]: Uint8Array };
  size: number;
  chunks: Array<string | null>;
}

export class DiskFs extends MemTree {
  private readonly store: Store;
  private readonly blobs: BlobStore;
  private readonly prefix: string;
  private dirtyInodes = new Set<MemInode>();
  private dirtyEntries = new Map<string, number | null>();
  private released: MemInode[] = [];
  private writing: Promise<void> = Promise.resolve();
  /** Depth of batch() calls in progress: while above 0, operations do not write back. */
  private batching = 0;
  private loading = false;

  private constructor(opts: DiskFsOptions) {
    super({ type: 'ext4', dev: opts.dev ?? makedev(254, 1), clock: opts.clock, magic: EXT4_SUPER_MAGIC, readOnly: opts.readOnly });
    this.store = opts.store;
    this.blobs = opts.blobs;
    this.prefix = opts.prefix ?? '';
  }

  /** Open the filesystem kept in `store`, making a fresh one (root 0755) if there is none. */
  static async open(opts: DiskFsOptions): Promise<DiskFs> {
    const fs = new DiskFs(opts);
    const sb = (await opts.store.get(fs.key('sb'))) as { version: number; rootIno: number; nextIno: number } | undefined;
    if (!sb) {
      fs.makeRoot(0o755);
      await fs.endOp();
    } else {
      if (sb.version !== FORMAT_VERSION) throw new SysError('EINVAL', `diskfs format ${sb.version} is not known`);
      await fs.load(sb.rootIno, sb.nextIno);
    }
    return fs;
  }

  private key(k: string): string {
    return this.prefix + k;
  }

  private async load(rootIno: number, nextIno: number): Promise<void> {
    this.loading = true;
    const inodes = new Map<number, MemInode>();
    for (const [k, v] of await this.store.scan(this.key('i/'))) {
      const row = v as InodeRow;
      const n = this.newInode(row.mode, row.uid, row.gid, Number(k.slice(this.key('i/').length)));
      n.nlink = row.nlink;
      n.rdev = row.rdev;
      n.atimeNs = BigInt(row.atime);
      n.mtimeNs = BigInt(row.mtime);
      n.ctimeNs = BigInt(row.ctime);
      n.target = row.target;
      for (const [name, value] of Object.entries(row.xattrs)) n.writableXattrs().set(name, value);
      if (n.type === 'file') n.data = new ChunkedData(this.blobs, row.chunks, row.size);
      inodes.set(n.ino, n);
    }
    const root = inodes.get(rootIno);
    if (!root) throw new SysError('EIO', 'diskfs: root inode missing');
    root.parent = root;
    this.rootInode = root;
    const entryPrefix = this.key('e/');
    for (const [k, v] of await this.store.scan(entryPrefix)) {
      const rest = k.slice(entryPrefix.length);
      const slash = rest.indexOf('/');
      const dir = inodes.get(Number(rest.slice(0, slash)));
      const child = inodes.get(v as number);
      if (!dir?.entries || !child) throw new SysError('EIO', `diskfs: dangling entry ${k}`);
      dir.entries.set(rest.slice(slash + 1), child);
      if (child.type === 'dir') child.parent = dir;
    }
    this.nextIno = Math.max(this.nextIno, nextIno);
    this.loading = false;
    // Files unlinked while open when the machine stopped have no names left: free them now.
    for (const n of inodes.values()) if (n.nlink === 0) this.releasedInode(n);
    await this.endOp();
  }

  protected newData(): FileData {
    return new ChunkedData(this.blobs);
  }

  protected override changedInode(n: MemInode): void {
    if (!this.loading) this.dirtyInodes.add(n);
  }

  protected override changedEntry(dir: MemInode, name: string, child: MemInode | null): void {
    this.dirtyEntries.set(`${dir.ino}/${name}`, child ? child.ino : null);
  }

  protected override releasedInode(n: MemInode): void {
    this.dirtyInodes.delete(n);
    this.released.push(n);
  }

  /**
   * Run `work` as one write-back: the operations inside it are written out together at its end
   * (the host's first boot lays out hundreds of files; one transaction each made it slow). What
   * the work did is lost if the machine stops before the end, as with any unsynced write.
   */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    this.batching++;
    try {
      return await work();
    } finally {
      this.batching--;
      if (this.batching === 0) await this.endOp();
    }
  }

  /** Write out what changed since the last write-back, in one transaction, in order. */
  protected override endOp(): Promise<void> {
    return this.batching > 0 ? Promise.resolve() : this.writeOut();
  }

  private writeOut(): Promise<void> {
    const run = this.writing.then(() => this.writeBack());
    // A failed write-back must not stop the next one from trying.
    this.writing = run.catch(() => {});
    return run;
  }

  private async writeBack(): Promise<void> {
    if (this.dirtyInodes.size === 0 && this.dirtyEntries.size === 0 && this.released.length === 0) return;
    const inodes = this.dirtyInodes;
    const entries = this.dirtyEntries;
    const released = this.released;
    this.dirtyInodes = new Set();
    this.dirtyEntries = new Map();
    this.released = [];
    const tx = this.store.begin();
    const undo: Array<() => void> = [];
    try {
      tx.put(this.key('sb'), { version: FORMAT_VERSION, rootIno: this.rootInode.ino, nextIno: this.nextIno });
      for (const n of inodes) {
        if (n.data instanceof ChunkedData) undo.push(await n.data.writeBack(tx));
        tx.put(this.key(`i/${n.ino}`), this.row(n));
      }
      for (const [k, ino] of entries) {
        if (ino === null) tx.delete(this.key(`e/${k}`));
        else tx.put(this.key(`e/${k}`), ino);
      }
      for (const n of released) {
        if (n.data instanceof ChunkedData) await n.data.release(tx);
        tx.delete(this.key(`i/${n.ino}`));
      }
      await tx.commit();
    } catch (e) {
      tx.abort();
      // Keep the changes pending so the next write-back tries them again.
      for (const u of undo) u();
      for (const n of inodes) this.dirtyInodes.add(n);
      for (const [k, v] of entries) if (!this.dirtyEntries.has(k)) this.dirtyEntries.set(k, v);
      this.released.unshift(...released);
      throw isSysError(e) ? e : new SysError('EIO', String(e));
    }
  }

  private row(n: MemInode): InodeRow {
    const data = n.data instanceof ChunkedData ? n.data : null;
    return {
      mode: n.mode, uid: n.uid, gid: n.gid, nlink: n.nlink, rdev: n.rdev,
      atime: n.atimeNs.toString(), mtime: n.mtimeNs.toString(), ctime: n.ctimeNs.toString(),
      target: n.target, xattrs: Object.fromEntries(n.xattrs), size: data?.size ?? 0, chunks: data?.refs() ?? [],
    };
  }

  /** ext4 reports whole blocks for a directory. */
  override directorySize(): number {
    return 4096;
  }

  /** FICLONE within this filesystem: the destination shares the source's chunks. */
  override async cloneData(dest: MemInode, source: VNode): Promise<boolean> {
    if (!(source instanceof MemInode) || source.fs !== this) return false;
    const from = source.data;
    const to = dest.data;
    if (!(from instanceof ChunkedData) || !(to instanceof ChunkedData)) return false;
    // The source's unwritten chunks must be stored before they can be shared (even in a batch).
    if (from.isDirty) {
      this.changedInode(source);
      await this.writeOut();
    }
    to.shareFrom(from);
    this.dataWritten(dest);
    await this.endOp();
    return true;
  }
}

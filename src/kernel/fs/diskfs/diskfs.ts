// diskfs: the persistent filesystem. The whole inode tree lives in memory (the in-memory tree
// gives it Linux's rules) and every change is written to a Store in one transaction at the end
// of the operation that made it; file data goes to content-addressed chunks, written back
// when a file is closed or synced. A reload opens the same Store and finds the same tree.
// Write-backs land one after another, in order; batchBehind() lets the first boot's root layout
// land behind the boot while the machine already runs from memory.
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

/** Changes not yet written back: inodes to store, directory entries to set or delete, inodes to free. */
interface DirtySets {
  inodes: Set<MemInode>;
  entries: Map<string, number | null>;
  released: MemInode[];
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
  /** Files whose written data is in a write-back still landing: closing one waits for it. */
  private landing = new WeakMap<MemInode, Promise<void>>();
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
    // Both reads at once, side by side in the store (nothing writes while the disk loads).
    const entryPrefix = this.key('e/');
    const [rows, entryRows] = await Promise.all([this.store.scan(this.key('i/')), this.store.scan(entryPrefix)]);
    for (const [k, v] of rows) {
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
    for (const [k, v] of entryRows) {
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

  /**
   * Like batch(), but done once the work is done in memory: its changes are set aside as one
   * write-back that starts when `start` settles (at once without it) and goes on behind; `written`
   * settles when it has landed (or failed: then its changes are pending again and the next
   * write-back carries them). Every later write-back queues after this one, so nothing written
   * later reaches the Store without it, and one transaction means it lands whole or not at all.
   * Operations that change nothing do not wait for it. The first boot lays out its root this
   * way, so the shell starts from memory while IndexedDB is written after its first prompt.
   */
  async batchBehind<T>(work: () => Promise<T>, start?: Promise<unknown>): Promise<{ result: T; written: Promise<void> }> {
    this.batching++;
    const end = (): Promise<void> => {
      this.batching--;
      return this.batching > 0 || !this.dirty() ? Promise.resolve() : this.writeBehind(start ?? Promise.resolve());
    };
    let result: T;
    try {
      result = await work();
    } catch (e) {
      end().catch(() => undefined);
      throw e;
    }
    return { result, written: end() };
  }

  /**
   * Write out what changed since the last write-back, in one transaction, in order. An operation
   * that changed nothing has nothing to wait for (not even a write-back still landing): reads
   * and closes go on while the first boot's root is written behind.
   */
  protected override endOp(): Promise<void> {
    return this.batching > 0 || !this.dirty() ? Promise.resolve() : this.writeOut();
  }

  private dirty(): boolean {
    return this.dirtyInodes.size > 0 || this.dirtyEntries.size > 0 || this.released.length > 0;
  }

  /** Everything changed so far, and every write-back still landing, in the Store. */
  override async sync(): Promise<void> {
    if (this.batching === 0) await this.writeOut();
  }

  /**
   * close() returns once the file's written data is stored, as on a disk mounted `sync`: also when
   * the periodic sync took that data into a write-back that has not landed yet.
   */
  override closed(n: MemInode): Promise<void> {
    const done = super.closed(n);
    const landing = this.landing.get(n);
    return landing ? done.then(() => landing) : done;
  }

  private writeOut(): Promise<void> {
    return this.queue(() => (this.dirty() ? this.writeBack(this.takeDirty(), true) : Promise.resolve()));
  }

  /** What changed so far, taken now as one write-back that starts once `start` settles. */
  private writeBehind(start: Promise<unknown>): Promise<void> {
    const sets = this.takeDirty();
    // Its files were closed before it was queued: no close() waits for it.
    return this.queue(() => start.then(() => this.writeBack(sets, false), () => this.writeBack(sets, false)));
  }

  /** Run write-backs one after another, in the order they were asked for. */
  private queue(step: () => Promise<void>): Promise<void> {
    const run = this.writing.then(step);
    // A failed write-back must not stop the next one from trying.
    this.writing = run.catch(() => {});
    return run;
  }

  private takeDirty(): DirtySets {
    const sets = { inodes: this.dirtyInodes, entries: this.dirtyEntries, released: this.released };
    this.dirtyInodes = new Set();
    this.dirtyEntries = new Map();
    this.released = [];
    return sets;
  }

  /** `closable`: closing a file whose data this carries waits for it to land. */
  private async writeBack({ inodes, entries, released }: DirtySets, closable: boolean): Promise<void> {
    let landed!: () => void;
    const landing = new Promise<void>((resolve) => (landed = resolve));
    const carried: MemInode[] = [];
    if (closable) {
      for (const n of inodes) {
        if (n.data instanceof ChunkedData && n.data.isDirty) {
          this.landing.set(n, landing);
          carried.push(n);
        }
      }
    }
    try {
      await this.writeBackSets(inodes, entries, released);
    } finally {
      for (const n of carried) if (this.landing.get(n) === landing) this.landing.delete(n);
      landed();
    }
  }

  private async writeBackSets(inodes: Set<MemInode>, entries: Map<string, number | null>, released: MemInode[]): Promise<void> {
    const tx = this.store.begin();
    const undo: Array<() => void> = [];
    try {
      // Every chunk count this write-back changes, read in one go rather than one key at a time.
      const stored: string[] = [];
      const touched: string[] = [];
      for (const n of inodes) if (n.data instanceof ChunkedData) n.data.pendingRefs(stored, touched);
      for (const n of released) if (n.data instanceof ChunkedData) n.data.heldRefs(stored, touched);
      await this.blobs.prefetch(tx, stored, touched);
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

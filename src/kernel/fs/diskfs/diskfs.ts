// diskfs: the persistent filesystem. The whole inode tree lives in memory (the in-memory tree
// gives it Linux's rules) and every change is written to a Store in one transaction at the end
// of the operation that made it; file data goes to content-addressed chunks, written back
// when a file is closed or synced. A reload opens the same Store and finds the same tree.
// Write-backs land one after another, in order; batchBehind() lets the first boot's root layout
// land behind the boot while the machine already runs from memory.
//
// Store layout (keys are strings, values structured data):
//
//   sb                      { version, rootIno, nextIno, gen }   gen: bumped by every write-back
//   tree                    the whole tree as one value, valid while its gen is sb's (tree-image.ts)
//   i/<ino>                 inode: { mode, uid, gid, nlink, rdev, atime, mtime, ctime,
//                                    target, xattrs: { name: bytes }, size, chunks: [ref|null] }
//   e/<dir ino>/<name>      directory entry -> child ino
//   (blob store keys)       chunk bytes and reference counts, see storage/blob-store.ts

import { SysError, isSysError } from '../../../abi/errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, makedev } from '../../../abi/stat.ts';
import { utf8Length } from '../../../base/text.ts';
import type { Clock, StatFs, VNode } from '../vfs/types.ts';
import { BLOCK_SIZE, type FileData } from '../memtree/file-data.ts';
import { MemInode, MemTree } from '../memtree/mem-tree.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Store, StoreValue, Transaction } from '../storage/store.ts';
import { ChunkedData } from './chunked-data.ts';
import { loadChunkHash } from '../storage/chunk-hash.ts';
import type { InodeFields, TreeImage } from './tree-image.ts';

export const EXT4_SUPER_MAGIC = 0xef53;
const FORMAT_VERSION = 1;

/**
 * The disk's size as statfs reports it: 1 GiB of 4 KiB blocks, with the inodes mke2fs gives such
 * a disk (one per 16 KiB) and the 5% of blocks ext4 keeps for root (df's Available leaves them
 * out). Writes past the size still work: the real limit is the browser's storage quota.
 */
const DISK_BLOCKS = 262144;
const DISK_INODES = 65536;
const RESERVED_BLOCKS = Math.floor((DISK_BLOCKS * 5) / 100);

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

interface InodeRow extends InodeFields {
  [key: string]: StoreValue;
  xattrs: { [name: string]: Uint8Array };
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
  /** Starts the write-back set aside by writeBehind() now, if one still waits for its start. */
  private hurry: (() => void) | null = null;
  /** Depth of batch() calls in progress: while above 0, operations do not write back. */
  private batching = 0;
  private loading = false;
  /** The superblock generation on the disk: every write-back stores one more. */
  private gen = 0;
  /** The generation the stored tree image describes (-1: none, or one of another generation). */
  private imageGen = -1;
  /** Inodes stored with no names left (unlinked while open): a tree image must carry their rows. */
  private orphans = new Set<MemInode>();

  private constructor(opts: DiskFsOptions) {
    super({ type: 'ext4', dev: opts.dev ?? makedev(254, 1), clock: opts.clock, magic: EXT4_SUPER_MAGIC, readOnly: opts.readOnly });
    this.store = opts.store;
    this.blobs = opts.blobs;
    this.prefix = opts.prefix ?? '';
  }

  /** Open the filesystem kept in `store`, making a fresh one (root 0755) if there is none. */
  static async open(opts: DiskFsOptions): Promise<DiskFs> {
    const fs = new DiskFs(opts);
    // The tree image is read beside the superblock: one round trip when it is valid.
    const [sb, image] = (await Promise.all([opts.store.get(fs.key('sb')), opts.store.get(fs.key('tree'))])) as [
      { version: number; rootIno: number; nextIno: number; gen?: number } | undefined, StoreValue | undefined,
    ];
    if (!sb) {
      // A fresh disk's root is written with the first write-back, not waited for here: a boot lays
      // its files out behind (batchBehind), and a disk stopped before any write-back lands is
      // found empty again, as a fresh one.
      fs.makeRoot(0o755);
    } else {
      if (sb.version !== FORMAT_VERSION) throw new SysError('EINVAL', `diskfs format ${sb.version} is not known`);
      // Reading stored files checks their chunks' hashes: fetch that code while the tree is built.
      void loadChunkHash().catch(() => undefined);
      fs.gen = sb.gen ?? 0;
      // The image's code (checking it, reading it) comes with the reader, which only a disk that
      // was used before needs: a first boot does without it.
      const valid = fs.gen > 0 && image !== undefined ? (await import('./tree-image-reader.ts')).validImage(image, fs.gen) : null;
      if (valid) {
        fs.imageGen = fs.gen;
        try {
          await fs.load(sb.rootIno, sb.nextIno, valid);
          return fs;
        } catch {
          // The image is only a cache: one that does not hold together leaves the rows to decide.
        }
      }
      const fromRows = valid ? new DiskFs(opts) : fs;
      fromRows.gen = fs.gen;
      await fromRows.load(sb.rootIno, sb.nextIno, null);
      return fromRows;
    }
    return fs;
  }

  private key(k: string): string {
    return this.prefix + k;
  }

  /** Build the tree from its image when there is a valid one, else from the inode and entry rows. */
  private async load(rootIno: number, nextIno: number, image: TreeImage | null): Promise<void> {
    this.loading = true;
    const inodes = new Map<number, MemInode>();
    const make = (ino: number, mode: number, uid: number, gid: number, nlink: number, rdev: number, times: [bigint, bigint, bigint],
      target: string, xattrs: Iterable<[string, Uint8Array]>, size: number, chunks: Array<string | null>): void => {
      const n = this.newInode(mode, uid, gid, ino);
      n.nlink = nlink;
      n.rdev = rdev;
      [n.atimeNs, n.mtimeNs, n.ctimeNs] = times;
      n.target = target;
      for (const [name, value] of xattrs) n.writableXattrs().set(name, value);
      if (n.type === 'file') n.data = new ChunkedData(this.blobs, chunks, size);
      // An image's blocks were all counted at load (below), made or not; rows count as they come.
      if (image) n.blocksCounted = this.blocksOf(n);
      else this.account(n);
      inodes.set(n.ino, n);
    };
    const link = (dirIno: number, name: string, childIno: number, what: () => string): void => {
      const dir = inodes.get(dirIno);
      const child = inodes.get(childIno);
      if (!dir?.entries || !child) throw new SysError('EIO', `diskfs: dangling entry ${what()}`);
      dir.entries.set(name, child);
      if (child.type === 'dir') child.parent = dir;
    };
    const rootOf = (): MemInode => {
      const root = inodes.get(rootIno);
      if (!root) throw new SysError('EIO', 'diskfs: root inode missing');
      root.parent = root;
      this.rootInode = root;
      return root;
    };
    if (image) {
      // Checked whole now (a bad image leaves the rows to decide), built as it is used: an inode
      // when a directory naming it is first read, so a boot makes only the few it touches.
      const { ImageChildren, ImageTree } = await import('./tree-image-reader.ts');
      const tree = new ImageTree(image, rootIno);
      const made = (ino: number): MemInode => {
        let n = inodes.get(ino);
        if (n) return n;
        const i = tree.index.get(ino)!;
        make(ino, image.mode[i]!, image.uid[i]!, image.gid[i]!, image.nlink[i]!, image.rdev[i]!,
          tree.timesOf(i), image.target[i]!, tree.xattrs(i), image.size[i]!, tree.chunksOf(i));
        n = inodes.get(ino)!;
        // The disk's inode count took every inode of the image at load (see below).
        if (!this.loading) this.inodeCount--;
        const names = tree.names.get(ino);
        if (names) n.deferChildren(new ImageChildren(tree, names, made));
        return n;
      };
      made(rootIno);
      rootOf();
      // Inodes without a name (unlinked while open) are freed below: those are made now.
      for (let i = 0; i < image.ino.length; i++) if (image.nlink[i] === 0) made(image.ino[i]!);
      this.inodeCount += image.ino.length - inodes.size;
      this.usedBlocks += this.imageBlocks(image);
    } else {
      // Both reads at once, side by side in the store (nothing writes while the disk loads).
      const entryPrefix = this.key('e/');
      const [rows, entryRows] = await Promise.all([this.store.scan(this.key('i/')), this.store.scan(entryPrefix)]);
      for (const [k, v] of rows) {
        const row = v as InodeRow;
        make(Number(k.slice(this.key('i/').length)), row.mode, row.uid, row.gid, row.nlink, row.rdev, [BigInt(row.atime), BigInt(row.mtime), BigInt(row.ctime)],
          row.target, Object.entries(row.xattrs), row.size, row.chunks);
      }
      rootOf();
      for (const [k, v] of entryRows) {
        const rest = k.slice(entryPrefix.length);
        const slash = rest.indexOf('/');
        link(Number(rest.slice(0, slash)), rest.slice(slash + 1), v as number, () => k);
      }
    }
    this.nextIno = Math.max(this.nextIno, nextIno);
    this.loading = false;
    // Files unlinked while open when the machine stopped have no names left: free them now.
    for (const n of inodes.values()) if (n.nlink === 0) this.release(n);
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
    // A write-back waits for the one set aside behind the boot: that one starts now.
    this.hurry?.();
    return this.queue(() => (this.dirty() ? this.writeBack(this.takeDirty(), true) : Promise.resolve()));
  }

  /**
   * What changed so far, taken now as one write-back that starts once `start` settles, or at once
   * when a later write-back is asked for (which would wait for it anyway).
   */
  private writeBehind(start: Promise<unknown>): Promise<void> {
    const sets = this.takeDirty();
    const asked = new Promise<void>((resolve) => (this.hurry = resolve));
    const go = (): Promise<void> => {
      this.hurry = null;
      return this.writeBack(sets, false);
    };
    // Its files were closed before it was queued: no close() waits for it.
    return this.queue(() => Promise.race([start, asked]).then(go, go));
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
    // The new generation lands with the rows it describes, which makes any tree image older.
    const gen = this.gen + 1;
    const undo: Array<() => void> = [];
    try {
      // Every chunk count this write-back changes, read in one go rather than one key at a time.
      const stored: string[] = [];
      const touched: string[] = [];
      // Dirty data is hashed: its code loads for the first write-back that carries some.
      for (const n of inodes) {
        if (n.data instanceof ChunkedData && n.data.isDirty) {
          await loadChunkHash();
          break;
        }
      }
      for (const n of inodes) if (n.data instanceof ChunkedData) n.data.pendingRefs(stored, touched);
      for (const n of released) if (n.data instanceof ChunkedData) n.data.heldRefs(stored, touched);
      await this.blobs.prefetch(tx, stored, touched);
      tx.put(this.key('sb'), { version: FORMAT_VERSION, rootIno: this.rootInode.ino, nextIno: this.nextIno, gen });
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
      this.gen = gen;
      for (const n of inodes) {
        if (n.nlink === 0) this.orphans.add(n);
        else this.orphans.delete(n);
      }
      for (const n of released) this.orphans.delete(n);
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

  /**
   * Store the whole tree as one value, for the next boot to read in one go (see tree-image.ts).
   * Done only when memory holds exactly what the disk holds (nothing changed and unwritten, no
   * write-back in flight: it runs in the write-back queue) and the stored image is older; in its
   * own transaction, so a crash leaves the old image, which the generation check then refuses.
   * True if an image was stored.
   */
  saveTreeImage(): Promise<boolean> {
    let saved = false;
    return this.queue(async () => {
      const { takeImage } = await import('./tree-image-writer.ts');
      // Checked after that wait, and the image taken at once, with nothing awaited in between.
      if (this.batching > 0 || this.dirty() || this.gen === 0 || this.imageGen === this.gen) return;
      const image = takeImage(this.gen, this.rootInode, this.nextIno, this.orphans, (n) =>
        n.data instanceof ChunkedData && n.data.isDirty ? null : { ...this.row(n), xattrs: n.xattrs });
      if (!image) return;
      const tx = this.store.begin();
      try {
        tx.put(this.key('tree'), image);
        await tx.commit();
      } catch (e) {
        tx.abort();
        throw isSysError(e) ? e : new SysError('EIO', String(e));
      }
      this.imageGen = image.gen;
      saved = true;
    }).then(() => saved);
  }

  /** A stored tree image is older than the disk (a write-back landed since it was taken). */
  get treeImageStale(): boolean {
    return this.gen > 0 && this.imageGen !== this.gen;
  }

  /** How many write-backs the disk has taken: unchanged between two looks means it was quiet. */
  get generation(): number {
    return this.gen;
  }

  private row(n: MemInode): InodeRow {
    const data = n.data instanceof ChunkedData ? n.data : null;
    return {
      mode: n.mode, uid: n.uid, gid: n.gid, nlink: n.nlink, rdev: n.rdev,
      atime: n.atimeNs.toString(), mtime: n.mtimeNs.toString(), ctime: n.ctimeNs.toString(),
      target: n.target, xattrs: Object.fromEntries(n.xattrs), size: data?.size ?? 0, chunks: data?.refs() ?? [],
    };
  }

  protected override readonly directoryUsesBlocks = true;
  /** ext4 keeps a symlink target of up to 59 bytes in the inode (a fast symlink); longer takes a block. */
  protected override readonly symlinkBlockAt = 60;

  /** ext4's figures: the disk's size, less what its files, directories and long symlinks take. */
  override async statfs(): Promise<StatFs> {
    const bfree = Math.max(0, DISK_BLOCKS - this.usedBlocks);
    return {
      type: EXT4_SUPER_MAGIC, bsize: BLOCK_SIZE, blocks: DISK_BLOCKS, bfree, bavail: Math.max(0, bfree - RESERVED_BLOCKS),
      files: DISK_INODES, ffree: Math.max(0, DISK_INODES - this.inodesUsed), namelen: 255,
    };
  }

  /** The blocks an image's inodes take, by blocksOf()'s rules, from its columns alone (no inode made). */
  private imageBlocks(image: TreeImage): number {
    let blocks = 0;
    for (let i = 0; i < image.ino.length; i++) {
      const type = image.mode[i]! & S_IFMT;
      if (type === S_IFREG) blocks += Math.ceil(image.size[i]! / BLOCK_SIZE);
      else if (type === S_IFDIR) blocks += 1;
      else if (type === S_IFLNK && utf8Length(image.target[i]!) >= this.symlinkBlockAt) blocks += 1;
    }
    return blocks;
  }

  /**
   * Start reading these files' bytes into the chunk cache, all at once and without waiting: for
   * files that are about to be read one after another (the first shell's program and profile).
   * Paths are from this filesystem's root; symbolic links are not followed; missing files are skipped.
   */
  warm(paths: readonly string[]): void {
    const refs: string[] = [];
    for (const path of paths) {
      let n: MemInode | undefined = this.rootInode;
      for (const name of path.split('/').filter(Boolean)) n = n?.entries?.get(name);
      if (n?.data instanceof ChunkedData) for (const ref of n.data.refs()) if (ref) refs.push(ref);
    }
    this.blobs.warm(refs);
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

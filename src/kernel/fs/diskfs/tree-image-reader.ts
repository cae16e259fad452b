// Reads a diskfs tree image (tree-image.ts) as the disk is used rather than all at once: the
// image is checked whole when the disk opens (a broken one must leave the rows to decide, and
// later there is no going back), but a directory's names, and the inodes they name, are made only
// when the directory is first used. A reload of a disk holding a few images then builds the few
// dozen inodes the boot and the first shell touch, not every file of every layer.

import { S_IFDIR, S_IFMT } from '../../../abi/stat.ts';
import { SysError } from '../../../abi/errno.ts';
import { type Children, childSet, noChildren } from '../memtree/dir-entries.ts';
import { DeferredChildren, type MemInode } from '../memtree/mem-tree.ts';
import { TIME_BYTES, unpackTime, type TreeImage } from './tree-image.ts';

export { validImage } from './tree-image.ts';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Where each inode and each directory's names are in an image's columns. */
export class ImageTree {
  /** Inode number -> its index in the inode columns. */
  readonly index = new Map<number, number>();
  /** Directory inode number -> [first, end) of its names in the entry columns. */
  readonly names = new Map<number, [number, number]>();
  private readonly xattrAt = new Map<number, number[]>();
  /** Per inode, its first chunk slot and its first stored digest (prefix sums of the counts). */
  private readonly firstSlot: Uint32Array;
  private readonly firstDigest: Uint32Array;
  private readonly times: DataView;

  /** Throws EIO when the image does not hold together (a name for a missing inode, and so on). */
  constructor(readonly image: TreeImage, rootIno: number) {
    const bad = (why: string): never => {
      throw new SysError('EIO', `diskfs: tree image: ${why}`);
    };
    for (let i = 0; i < image.ino.length; i++) {
      if (this.index.has(image.ino[i]!)) bad(`inode ${image.ino[i]} twice`);
      this.index.set(image.ino[i]!, i);
    }
    const isDir = (ino: number): boolean => ((image.mode[this.index.get(ino) ?? -1] ?? 0) & S_IFMT) === S_IFDIR;
    if (!isDir(rootIno)) bad('no root directory');
    // The writer puts each directory's names together; every name must lead to an inode.
    for (let i = 0; i < image.entryDir.length; ) {
      const dir = image.entryDir[i]!;
      if (!isDir(dir) || this.names.has(dir)) bad(`names of ${dir} are not one directory's, together`);
      const first = i;
      for (; i < image.entryDir.length && image.entryDir[i] === dir; i++) {
        if (!this.index.has(image.entryChild[i]!)) bad(`dangling entry ${dir}/${image.entryName[i]}`);
      }
      this.names.set(dir, [first, i]);
    }
    const n = image.ino.length;
    const counts = new DataView(image.chunkCount.buffer, image.chunkCount.byteOffset, image.chunkCount.byteLength);
    this.firstSlot = new Uint32Array(n + 1);
    this.firstDigest = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const count = counts.getUint32(4 * i, true);
      this.firstSlot[i + 1] = this.firstSlot[i]! + count;
      let stored = 0;
      for (let slot = this.firstSlot[i]!; slot < this.firstSlot[i + 1]!; slot++) if (image.chunkHole[slot] === 0) stored++;
      this.firstDigest[i + 1] = this.firstDigest[i]! + stored;
    }
    this.times = new DataView(image.times.buffer, image.times.byteOffset, image.times.byteLength);
    for (let i = 0; i < image.xattrAt.length; i++) {
      const at = image.xattrAt[i]!;
      const list = this.xattrAt.get(at);
      if (list) list.push(i);
      else this.xattrAt.set(at, [i]);
    }
  }

  /** atime, mtime and ctime (nanoseconds) of the inode at index `i`. */
  timesOf(i: number): [bigint, bigint, bigint] {
    const at = 3 * i * TIME_BYTES;
    return [unpackTime(this.times, at), unpackTime(this.times, at + TIME_BYTES), unpackTime(this.times, at + 2 * TIME_BYTES)];
  }

  /** The chunk references of the inode at index `i`, hex digests and nulls for holes. */
  chunksOf(i: number): Array<string | null> {
    const { chunkHole, chunkDigest } = this.image;
    const out: Array<string | null> = [];
    let digest = this.firstDigest[i]!;
    for (let slot = this.firstSlot[i]!; slot < this.firstSlot[i + 1]!; slot++) {
      if (chunkHole[slot] !== 0) {
        out.push(null);
        continue;
      }
      let hex = '';
      for (let b = 32 * digest; b < 32 * digest + 32; b++) hex += HEX[chunkDigest[b]!];
      out.push(hex);
      digest++;
    }
    return out;
  }

  /** The extended attributes of the inode at index `i`. */
  xattrs(i: number): Array<[string, Uint8Array]> {
    return (this.xattrAt.get(i) ?? []).map((j) => [this.image.xattrName[j]!, this.image.xattrValue[j]!]);
  }
}

/** A directory's names from the image, made on the directory's first use. */
export class ImageChildren extends DeferredChildren {
  constructor(
    private readonly tree: ImageTree,
    private readonly range: [number, number],
    /** The disk's one inode for a number (made on first need; a hard link finds the same one). */
    private readonly inode: (ino: number) => MemInode,
  ) {
    super();
  }

  make(dir: MemInode): Children<MemInode> {
    const { entryName, entryChild } = this.tree.image;
    let names: Children<MemInode> = noChildren();
    for (let i = this.range[0]; i < this.range[1]; i++) {
      const child = this.inode(entryChild[i]!);
      if (child.type === 'dir') child.parent = dir;
      names = childSet(names, entryName[i]!, child);
    }
    return names;
  }
}

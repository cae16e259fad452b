// A diskfs's whole inode tree as one stored value (key `tree`), so a reload reads one record
// instead of an inode row and a directory entry row per name. It is a pure cache of those rows:
// it names the superblock generation it was taken at, and a boot uses it only when the
// superblock still has that generation (every write-back bumps it in the same transaction as
// the rows it writes), else it reads the rows. Columns of plain arrays, since one structured
// clone of a few arrays is far cheaper than thousands of small objects; times and chunk digests,
// most of the bytes, are packed into byte arrays (half the size of their text, and copied rather
// than parsed when read back).

import type { StoreValue } from '../storage/store.ts';

/** Bumped when the layout below changes: an image of another layout is ignored. */
export const TREE_IMAGE_FORMAT = 2;

/** An inode's fields as the disk keeps them, in its row and in the image alike. */
export interface InodeFields {
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  rdev: number;
  atime: string;
  mtime: string;
  ctime: string;
  target: string;
  size: number;
  chunks: Array<string | null>;
}

/** One inode as the image keeps it. */
export interface ImageInode extends InodeFields {
  ino: number;
  xattrs: ReadonlyMap<string, Uint8Array>;
}

export interface TreeImage {
  [key: string]: StoreValue;
  format: number;
  /** The superblock generation this image describes. */
  gen: number;
  rootIno: number;
  nextIno: number;
  /** Per inode, in the same order: */
  ino: number[];
  mode: number[];
  uid: number[];
  gid: number[];
  nlink: number[];
  rdev: number[];
  /** atime, mtime, ctime of each inode, TIME_BYTES each (see packTime). */
  times: Uint8Array;
  target: string[];
  size: number[];
  /** How many chunk slots each inode's data has (uint32, little-endian). */
  chunkCount: Uint8Array;
  /** Per slot, in inode order: 1 for a hole, 0 for a stored chunk. */
  chunkHole: Uint8Array;
  /** The SHA-256 of each stored chunk, 32 bytes each, in slot order. */
  chunkDigest: Uint8Array;
  /** Extended attributes: inode index, name, value, for each attribute. */
  xattrAt: number[];
  xattrName: string[];
  xattrValue: Uint8Array[];
  /** Directory entries: directory ino, name, child ino; each directory's names in key order. */
  entryDir: number[];
  entryName: string[];
  entryChild: number[];
}

/** A time as the image packs it: seconds as a float64 and nanoseconds as a uint32, little-endian. */
export const TIME_BYTES = 12;
const NS = 1_000_000_000n;

export function packTime(view: DataView, at: number, ns: bigint): void {
  let sec = ns / NS;
  let nsec = ns % NS;
  if (nsec < 0n) {
    nsec += NS;
    sec -= 1n;
  }
  view.setFloat64(at, Number(sec), true);
  view.setUint32(at + 8, Number(nsec), true);
}

export function unpackTime(view: DataView, at: number): bigint {
  return BigInt(view.getFloat64(at, true)) * NS + BigInt(view.getUint32(at + 8, true));
}

/** The image if `value` is one of this layout for generation `gen`, with columns that agree. */
export function validImage(value: StoreValue | undefined, gen: unknown): TreeImage | null {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) return null;
  const img = value as TreeImage;
  if (img.format !== TREE_IMAGE_FORMAT || typeof gen !== 'number' || img.gen !== gen) return null;
  const n = img.ino?.length;
  const columns = [img.mode, img.uid, img.gid, img.nlink, img.rdev, img.target, img.size];
  if (typeof n !== 'number' || columns.some((c) => !Array.isArray(c) || c.length !== n)) return null;
  const bytes = [img.times, img.chunkCount, img.chunkHole, img.chunkDigest];
  if (bytes.some((b) => !(b instanceof Uint8Array))) return null;
  if (img.times.length !== 3 * n * TIME_BYTES || img.chunkCount.length !== 4 * n) return null;
  const counts = new DataView(img.chunkCount.buffer, img.chunkCount.byteOffset, img.chunkCount.byteLength);
  let slots = 0;
  for (let i = 0; i < n; i++) slots += counts.getUint32(4 * i, true);
  if (img.chunkHole.length !== slots) return null;
  let stored = 0;
  for (const hole of img.chunkHole) if (hole === 0) stored++;
  if (img.chunkDigest.length !== 32 * stored) return null;
  if (img.xattrName?.length !== img.xattrAt?.length || img.xattrValue?.length !== img.xattrAt.length) return null;
  if (img.entryName?.length !== img.entryDir?.length || img.entryChild?.length !== img.entryDir.length) return null;
  return img;
}

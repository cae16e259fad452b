// A diskfs's whole inode tree as one stored value (key `tree`), so a reload reads one record
// instead of an inode row and a directory entry row per name. It is a pure cache of those rows:
// it names the superblock generation it was taken at, and a boot uses it only when the
// superblock still has that generation (every write-back bumps it in the same transaction as
// the rows it writes), else it reads the rows. Columns of plain arrays, since one structured
// clone of a few arrays is far cheaper than thousands of small objects.

import type { StoreValue } from '../storage/store.ts';

/** Bumped when the layout below changes: an image of another layout is ignored. */
export const TREE_IMAGE_FORMAT = 1;

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
  /** atime, mtime, ctime of each inode, three strings each (nanoseconds, as in the rows). */
  times: string[];
  target: string[];
  size: number[];
  chunks: Array<Array<string | null>>;
  /** Extended attributes: inode index, name, value, for each attribute. */
  xattrAt: number[];
  xattrName: string[];
  xattrValue: Uint8Array[];
  /** Directory entries: directory ino, name, child ino; each directory's names in key order. */
  entryDir: number[];
  entryName: string[];
  entryChild: number[];
}

/** The image if `value` is one of this layout for generation `gen`, with columns that agree. */
export function validImage(value: StoreValue | undefined, gen: unknown): TreeImage | null {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) return null;
  const img = value as TreeImage;
  if (img.format !== TREE_IMAGE_FORMAT || typeof gen !== 'number' || img.gen !== gen) return null;
  const n = img.ino?.length;
  const columns = [img.mode, img.uid, img.gid, img.nlink, img.rdev, img.target, img.size, img.chunks];
  if (typeof n !== 'number' || columns.some((c) => !Array.isArray(c) || c.length !== n) || img.times?.length !== 3 * n) return null;
  if (img.xattrName?.length !== img.xattrAt?.length || img.xattrValue?.length !== img.xattrAt.length) return null;
  if (img.entryName?.length !== img.entryDir?.length || img.entryChild?.length !== img.entryDir.length) return null;
  return img;
}

// Takes a diskfs's tree image (see tree-image.ts): loaded when the disk first stores one, after
// the boot, so the code that writes it is not on the way to a prompt.

import type { MemInode } from '../memtree/mem-tree.ts';
import { TIME_BYTES, TREE_IMAGE_FORMAT, packTime, type ImageInode, type TreeImage } from './tree-image.ts';

/** An image being taken: the plain columns as they grow, times and chunk slots kept aside to pack. */
interface Draft {
  image: TreeImage;
  times: bigint[];
  chunks: Array<Array<string | null>>;
}

function emptyDraft(gen: number, rootIno: number, nextIno: number): Draft {
  const none = new Uint8Array(0);
  return {
    image: {
      format: TREE_IMAGE_FORMAT, gen, rootIno, nextIno,
      ino: [], mode: [], uid: [], gid: [], nlink: [], rdev: [], times: none, target: [], size: [],
      chunkCount: none, chunkHole: none, chunkDigest: none,
      xattrAt: [], xattrName: [], xattrValue: [], entryDir: [], entryName: [], entryChild: [],
    },
    times: [],
    chunks: [],
  };
}

function addInode(d: Draft, n: ImageInode): void {
  const img = d.image;
  const at = img.ino.length;
  img.ino.push(n.ino);
  img.mode.push(n.mode);
  img.uid.push(n.uid);
  img.gid.push(n.gid);
  img.nlink.push(n.nlink);
  img.rdev.push(n.rdev);
  d.times.push(BigInt(n.atime), BigInt(n.mtime), BigInt(n.ctime));
  img.target.push(n.target);
  img.size.push(n.size);
  d.chunks.push(n.chunks);
  for (const [name, value] of n.xattrs) {
    img.xattrAt.push(at);
    img.xattrName.push(name);
    img.xattrValue.push(value);
  }
}

/** The hex digest as its 32 bytes. */
function digestBytes(out: Uint8Array, at: number, hex: string): void {
  for (let i = 0; i < 32; i++) out[at + i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
}

function pack(d: Draft): TreeImage {
  const img = d.image;
  img.times = new Uint8Array(d.times.length * TIME_BYTES);
  const times = new DataView(img.times.buffer);
  d.times.forEach((t, i) => packTime(times, i * TIME_BYTES, t));
  img.chunkCount = new Uint8Array(4 * d.chunks.length);
  const counts = new DataView(img.chunkCount.buffer);
  let slots = 0;
  let stored = 0;
  d.chunks.forEach((list, i) => {
    counts.setUint32(4 * i, list.length, true);
    slots += list.length;
    for (const ref of list) if (ref !== null) stored++;
  });
  img.chunkHole = new Uint8Array(slots);
  img.chunkDigest = new Uint8Array(32 * stored);
  let slot = 0;
  let digest = 0;
  for (const list of d.chunks) {
    for (const ref of list) {
      if (ref === null) img.chunkHole[slot] = 1;
      else digestBytes(img.chunkDigest, 32 * digest++, ref);
      slot++;
    }
  }
  return img;
}

/** A directory's names in the order a scan of its entry rows gives them (UTF-16 code units). */
function addEntries(img: TreeImage, dir: number, names: Array<[string, number]>): void {
  names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, child] of names) {
    img.entryDir.push(dir);
    img.entryName.push(name);
    img.entryChild.push(child);
  }
}

/**
 * The tree under `root`, plus `orphans` (stored inodes with no names left), as an image of
 * generation `gen`; null if `keep` refuses an inode (a file holding data not yet written).
 */
export function takeImage(gen: number, root: MemInode, nextIno: number, orphans: Iterable<MemInode>,
  keep: (n: MemInode) => Omit<ImageInode, 'ino'> | null): TreeImage | null {
  const draft = emptyDraft(gen, root.ino, nextIno);
  const image = draft.image;
  const seen = new Set<MemInode>();
  const add = (n: MemInode): boolean => {
    if (seen.has(n)) return true;
    seen.add(n);
    const row = keep(n);
    if (!row) return false;
    addInode(draft, { ...row, ino: n.ino });
    return true;
  };
  const dirs: MemInode[] = [root];
  if (!add(root)) return null;
  for (let d = dirs.pop(); d; d = dirs.pop()) {
    const names: Array<[string, number]> = [];
    for (const [name, child] of d.entries!) {
      names.push([name, child.ino]);
      if (!seen.has(child) && child.entries) dirs.push(child);
      if (!add(child)) return null;
    }
    addEntries(image, d.ino, names);
  }
  for (const n of orphans) if (!add(n)) return null;
  return pack(draft);
}

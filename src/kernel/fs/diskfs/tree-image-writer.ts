// Takes a diskfs's tree image (see tree-image.ts): loaded when the disk first stores one, after
// the boot, so the code that writes it is not on the way to a prompt.

import type { MemInode } from '../memtree/mem-tree.ts';
import { TREE_IMAGE_FORMAT, type ImageInode, type TreeImage } from './tree-image.ts';

function emptyImage(gen: number, rootIno: number, nextIno: number): TreeImage {
  return {
    format: TREE_IMAGE_FORMAT, gen, rootIno, nextIno,
    ino: [], mode: [], uid: [], gid: [], nlink: [], rdev: [], times: [], target: [], size: [], chunks: [],
    xattrAt: [], xattrName: [], xattrValue: [], entryDir: [], entryName: [], entryChild: [],
  };
}

function addInode(img: TreeImage, n: ImageInode): void {
  const at = img.ino.length;
  img.ino.push(n.ino);
  img.mode.push(n.mode);
  img.uid.push(n.uid);
  img.gid.push(n.gid);
  img.nlink.push(n.nlink);
  img.rdev.push(n.rdev);
  img.times.push(n.atime, n.mtime, n.ctime);
  img.target.push(n.target);
  img.size.push(n.size);
  img.chunks.push(n.chunks);
  for (const [name, value] of n.xattrs) {
    img.xattrAt.push(at);
    img.xattrName.push(name);
    img.xattrValue.push(value);
  }
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
  const image = emptyImage(gen, root.ino, nextIno);
  const seen = new Set<MemInode>();
  const add = (n: MemInode): boolean => {
    if (seen.has(n)) return true;
    seen.add(n);
    const row = keep(n);
    if (!row) return false;
    addInode(image, { ...row, ino: n.ino });
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
  return image;
}

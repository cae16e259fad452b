// Applying a layer tar to a layer's diff dir, as Docker's archive.UnpackLayer does with the
// overlay whiteout format: `.wh.NAME` becomes a 0/0 char device NAME (owned as the marker),
// `.wh..wh..opq` sets trusted.overlay.opaque=y on its dir, the root entry is skipped, a missing
// parent is made 0755, an entry replaces what is there unless both are dirs, and directory
// times are set last (creating children would change them). Files are written sparse, as
// `tar --sparse` and `cp --sparse=auto` do: 64 KiB blocks of zeros are left as holes, so the bulk
// files of an image (a head and zeros) cost the disk only their heads.

import { isSysError } from '../../abi/errno.ts';
import { makedev, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFMT } from '../../abi/stat.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { iterateTar, type TarEntry } from '../archive/tar.ts';
import { OPAQUE_MARKER, OPAQUE_XATTR, WHITEOUT_PREFIX } from './diff-tar.ts';
import { exists, lstatOrNull, mkdirAll, removeAll, writeFile } from '../sys-files.ts';
import { cleanName } from './tar-split.ts';

/** Unpack `tar` (uncompressed) into `dest`; returns the layer's size as Docker counts it. */
export function applyLayerTar(sys: Sys, dest: string, tar: Uint8Array): Promise<number> {
  return applyLayerEntries(sys, dest, iterateTar(tar));
}

/**
 * Unpack tar entries into `dest`. A file's `data` may be shorter than its `size`: the rest of it
 * is zeros (a sparse tar, ./sparse-tar.ts). Returns the layer's size as Docker counts it.
 */
export async function applyLayerEntries(sys: Sys, dest: string, entries: Iterable<TarEntry>): Promise<number> {
  const dirTimes: [string, number][] = [];
  let size = 0;
  for (const e of entries) {
    const rel = cleanName(e.name);
    if (rel === '') continue;
    const slash = rel.lastIndexOf('/');
    const parentRel = slash < 0 ? '' : rel.slice(0, slash);
    const base = slash < 0 ? rel : rel.slice(slash + 1);
    const parent = parentRel ? `${dest}/${parentRel}` : dest;
    if (parentRel && !(await exists(sys, parent))) await mkdirAll(sys, parent, 0o755);
    if (base.startsWith(WHITEOUT_PREFIX)) {
      if (base === OPAQUE_MARKER) {
        await sys.setxattr(parent, OPAQUE_XATTR, utf8Encode('y'), 0, false);
      } else {
        const target = `${parent}/${base.slice(WHITEOUT_PREFIX.length)}`;
        await removeAll(sys, target);
        await sys.mknod(target, S_IFCHR, makedev(0, 0));
        await sys.lchown(target, e.uid, e.gid);
      }
      continue;
    }
    const path = `${dest}/${rel}`;
    const old = await lstatOrNull(sys, path);
    if (old && !((old.mode & S_IFMT) === S_IFDIR && e.type === 'dir')) await removeAll(sys, path);
    switch (e.type) {
      case 'dir':
        if (!old || (old.mode & S_IFMT) !== S_IFDIR) await sys.mkdir(path, e.mode);
        break;
      case 'file':
        await writeSparse(sys, path, e.data ?? new Uint8Array(0), e.size, e.mode);
        size += e.size;
        break;
      case 'symlink':
        await sys.symlink(e.linkname, path);
        size += utf8Encode(e.linkname).length;
        break;
      case 'hardlink':
        await sys.link(`${dest}/${cleanName(e.linkname)}`, path);
        break;
      case 'chardev':
        await sys.mknod(path, S_IFCHR | e.mode, makedev(e.devmajor, e.devminor));
        break;
      case 'blockdev':
        await sys.mknod(path, S_IFBLK | e.mode, makedev(e.devmajor, e.devminor));
        break;
      case 'fifo':
        await sys.mknod(path, S_IFIFO | e.mode, 0);
        break;
    }
    await sys.lchown(path, e.uid, e.gid);
    // A hard link keeps its target's mode and times: Docker's handleLChmod looks the target up
    // relative to the daemon's cwd, so in practice it never changes them.
    if (e.type === 'hardlink') continue;
    if (e.type !== 'symlink') await sys.chmod(path, e.mode);
    const ns = BigInt(e.mtime) * 1_000_000_000n;
    if (e.type === 'dir') dirTimes.push([path, e.mtime]);
    else if (e.type === 'symlink') await ignoreUnsupported(sys.utimensat(path, ns, ns, false));
    else await sys.utimensat(path, ns, ns);
  }
  for (const [path, mtime] of dirTimes) {
    const ns = BigInt(mtime) * 1_000_000_000n;
    await sys.utimensat(path, ns, ns);
  }
  return size;
}

async function ignoreUnsupported(p: Promise<void>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

const SPARSE_BLOCK = 65536;

/** Whether every byte of `b` is zero (a word at a time when the view is aligned). */
function allZero(b: Uint8Array): boolean {
  if (b.byteOffset % 4 === 0 && b.length % 4 === 0) {
    const words = new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
    return true;
  }
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/**
 * Write a file of `size` bytes that starts with `data` (zeros after it): the runs of non-zero
 * 64 KiB blocks with pwrite, then truncate up to the size, so zero blocks stay holes.
 */
async function writeSparse(sys: Sys, path: string, data: Uint8Array, size: number, mode: number): Promise<void> {
  if (size <= SPARSE_BLOCK && data.length >= size) {
    await writeFile(sys, path, data.subarray(0, size), mode);
    return;
  }
  // Writable by its owner until the truncate below; the caller sets the entry's mode afterwards.
  const fd = await sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600);
  let end = 0;
  try {
    const limit = Math.min(data.length, size);
    for (let at = 0; at < limit; ) {
      if (allZero(data.subarray(at, Math.min(limit, at + SPARSE_BLOCK)))) {
        at += SPARSE_BLOCK;
        continue;
      }
      let to = Math.min(limit, at + SPARSE_BLOCK);
      while (to < limit && !allZero(data.subarray(to, Math.min(limit, to + SPARSE_BLOCK)))) to = Math.min(limit, to + SPARSE_BLOCK);
      for (let pos = at; pos < to; ) pos += await sys.pwrite(fd, data.subarray(pos, to), pos);
      end = to;
      at = to;
    }
  } finally {
    await sys.close(fd);
  }
  if (end < size) await sys.truncate(path, size);
}

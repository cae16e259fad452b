// `docker export`: a container's whole filesystem as one tar, the merged view of its layers
// (upper, -init, image layers) computed in the library the way overlayfs merges them: the
// topmost layer holding a name wins, a whiteout hides the name below, an opaque dir hides the
// dirs below it. No whiteouts appear in the result. Order and headers as Docker's archive.Tar.
// The tar is produced piece by piece (headers from lstat, bodies read in pieces), so exporting a
// container of a 200 MB image never holds the image.

import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, major, minor } from '../../abi/stat.ts';
import type { Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { isOpaque, isWhiteoutStat } from '../layers/diff-tar.ts';
import { listEntriesOrEmpty, lstatOrNull } from '../sys-files.ts';
import { readFileChunks } from '../layers/read-chunks.ts';
import { byteCompare } from '../go-style.ts';
import { concatBytes } from '../../base/bytes.ts';
import { type GoTarHeader, goTarHeader } from '../archive/go-tar.ts';

const BLOCK = 512;
const ZERO_BLOCKS = new Uint8Array(2 * BLOCK);

/** The merged tree of `dirs` (top first) as one tar array (tests, small trees). */
export async function tarOfMerged(sys: Sys, dirs: string[]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of tarOfMergedChunks(sys, dirs)) parts.push(p.slice());
  return concatBytes(parts);
}

/**
 * The merged tree of `dirs` (top first) as a tar, in pieces as tar.Writer writes them. Padding
 * pieces are views on one shared zero block: write or hash them, never keep them.
 */
export async function* tarOfMergedChunks(sys: Sys, dirs: string[]): AsyncGenerator<Uint8Array> {
  const seen = new Map<string, string>();
  // `layers`: the dirs (top first) that contribute to directory `rel`.
  const walk = async function* (rel: string, layers: string[]): AsyncGenerator<Uint8Array> {
    const names = new Set<string>();
    for (const d of layers) for (const e of await listEntriesOrEmpty(sys, `${d}${rel}`)) names.add(e.name);
    for (const name of [...names].sort(byteCompare)) {
      const path = `${rel}/${name}`;
      let top: { dir: string; st: Stat } | null = null;
      const below: string[] = [];
      for (const d of layers) {
        const st = await lstatOrNull(sys, `${d}${path}`);
        if (!st) continue;
        if (!top) {
          if (isWhiteoutStat(st.mode, st.rdev)) break;
          top = { dir: d, st };
          if ((st.mode & S_IFMT) !== S_IFDIR) break;
          below.push(d);
          if (await isOpaque(sys, `${d}${path}`)) break;
          continue;
        }
        if (isWhiteoutStat(st.mode, st.rdev) || (st.mode & S_IFMT) !== S_IFDIR) break;
        below.push(d);
        if (await isOpaque(sys, `${d}${path}`)) break;
      }
      if (!top) continue;
      const { st, dir } = top;
      const fmt = st.mode & S_IFMT;
      const rname = path.slice(1);
      const h: GoTarHeader = {
        name: rname, typeflag: '0', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: 0,
        mtime: Number(st.mtimeNs / 1_000_000_000n), linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0,
      };
      switch (fmt) {
        case S_IFDIR: h.typeflag = '5'; h.name = `${rname}/`; break;
        case S_IFLNK: h.typeflag = '2'; h.linkname = await sys.readlink(`${dir}${path}`); break;
        case S_IFCHR: h.typeflag = '3'; h.devmajor = major(st.rdev); h.devminor = minor(st.rdev); break;
        case S_IFBLK: h.typeflag = '4'; h.devmajor = major(st.rdev); h.devminor = minor(st.rdev); break;
        case S_IFIFO: h.typeflag = '6'; break;
        case S_IFREG: h.size = st.size; break;
        default: continue;
      }
      if (fmt !== S_IFDIR && st.nlink > 1) {
        const key = `${st.dev}:${st.ino}`;
        const first = seen.get(key);
        if (first !== undefined) {
          h.typeflag = '1';
          h.linkname = first;
          h.size = 0;
        } else {
          seen.set(key, rname);
        }
      }
      yield goTarHeader(h);
      if (h.typeflag === '0' && h.size > 0) {
        yield* readFileChunks(sys, `${dir}${path}`, h.size);
        const pad = (BLOCK - (h.size % BLOCK)) % BLOCK;
        if (pad) yield ZERO_BLOCKS.subarray(0, pad);
      }
      if (fmt === S_IFDIR) yield* walk(path, below);
    }
  };
  yield* walk('', dirs);
  yield ZERO_BLOCKS;
}

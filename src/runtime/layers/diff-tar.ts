// A layer directory (an overlay upper dir) as a layer tar, as Docker's overlay2 Diff makes it
// (pkg/archive TarWithOptions with the overlay whiteout format): a walk in Go's WalkDir order
// (each directory's names sorted, parents before children, the root itself left out), headers
// from lstat with mtime in whole seconds, no user/group names, hard links to the first name
// seen, a 0/0 char device written as an empty `.wh.NAME` file (mode 0600), and an opaque directory
// followed by an empty `DIR/.wh..wh..opq` (the dir's permissions and owner, mtime 0).

import { isSysError } from '../../abi/errno.ts';
import { major, minor, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { listEntries, readFile } from '../sys-files.ts';
import { type GoTarHeader, GoTarWriter } from '../archive/go-tar.ts';

export const OPAQUE_XATTR = 'trusted.overlay.opaque';
export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

export async function isOpaque(sys: Sys, path: string): Promise<boolean> {
  try {
    const v = await sys.getxattr(path, OPAQUE_XATTR, false);
    return v.length === 1 && v[0] === 0x79;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

export function isWhiteoutStat(mode: number, rdev: number): boolean {
  return (mode & S_IFMT) === S_IFCHR && major(rdev) === 0 && minor(rdev) === 0;
}

/** The tar of directory `dir` in Docker's layer format. */
export async function tarOfDir(sys: Sys, dir: string): Promise<Uint8Array> {
  const w = new GoTarWriter();
  const seen = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    for (const ent of await listEntries(sys, rel ? `${dir}/${rel}` : dir)) {
      const name = rel ? `${rel}/${ent.name}` : ent.name;
      const path = `${dir}/${name}`;
      const st = await sys.lstat(path);
      const fmt = st.mode & S_IFMT;
      const h: GoTarHeader = {
        name, typeflag: '0', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, size: 0,
        mtime: Number(st.mtimeNs / 1_000_000_000n), linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0,
      };
      let data: Uint8Array | undefined;
      switch (fmt) {
        case S_IFDIR: h.typeflag = '5'; h.name = `${name}/`; break;
        case S_IFLNK: h.typeflag = '2'; h.linkname = await sys.readlink(path); break;
        case S_IFCHR: h.typeflag = '3'; h.devmajor = major(st.rdev); h.devminor = minor(st.rdev); break;
        case S_IFBLK: h.typeflag = '4'; h.devmajor = major(st.rdev); h.devminor = minor(st.rdev); break;
        case S_IFIFO: h.typeflag = '6'; break;
        case S_IFREG: h.size = st.size; break;
        default: continue; // sockets are not archived
      }
      if (fmt !== S_IFDIR && st.nlink > 1) {
        const key = `${st.dev}:${st.ino}`;
        const first = seen.get(key);
        if (first !== undefined) {
          h.typeflag = '1';
          h.linkname = first;
          h.size = 0;
        } else {
          seen.set(key, name);
        }
      }
      if (isWhiteoutStat(st.mode, st.rdev)) {
        const slash = name.lastIndexOf('/');
        h.name = slash < 0 ? `${WHITEOUT_PREFIX}${name}` : `${name.slice(0, slash + 1)}${WHITEOUT_PREFIX}${name.slice(slash + 1)}`;
        h.typeflag = '0';
        h.mode = 0o600;
        h.size = 0;
        h.linkname = '';
      }
      if (h.typeflag === '0' && h.size > 0) data = await readFile(sys, path);
      w.add(h, data);
      if (fmt === S_IFDIR) {
        if (await isOpaque(sys, path)) {
          w.add({
            name: `${name}/${OPAQUE_MARKER}`, typeflag: '0', mode: h.mode & 0o777, uid: h.uid, gid: h.gid, size: 0,
            mtime: 0, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0,
          });
        }
        await walk(name);
      }
    }
  };
  await walk('');
  return w.finish();
}

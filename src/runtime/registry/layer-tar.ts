// A bundled image's layer as bytes: root entries -> a tar (Docker's layer form: names without a
// leading "/", directories with a trailing one, numeric owners from the image's own passwd and
// group) -> gzip. Everything is fixed (mtimes, gzip header without a name or time, compression
// level), so the same description gives the same digests on every machine and every run.
//
// Bulk files (the parts of a package cowbox does not simulate: libraries, data) are written at
// 1/BULK_SCALE of their catalog size. Every byte of a layer is hashed twice (diff id, blob
// digest) and inflated on pull; at full size Debian's 120 MB and UBI's 217 MB would take
// seconds in a browser tab. The scaled images keep their shape (which files are large) and
// stay in the megabytes.

import { utf8Encode } from '../../base/text.ts';
import { gzipCompress } from '../archive/gzip.ts';
import { packTar, type TarEntry } from '../archive/tar.ts';
import { fillerChunks, type Filler } from '../distro/filler.ts';
import type { RootEntry } from './rootfs.ts';

export const BULK_SCALE = 100;

/** Seconds since the epoch of an RFC 3339 time. */
export function epochOf(rfc3339: string): number {
  return Math.floor(Date.parse(rfc3339) / 1000);
}

function idMap(entries: readonly RootEntry[], path: string): Map<string, number> {
  const map = new Map<string, number>([['root', 0]]);
  const e = entries.find((x) => x.path === path);
  const text = e && e.type === 'file' ? e.text : undefined;
  for (const line of (text ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && /^\d+$/.test(f[2]!)) map.set(f[0]!, Number(f[2]));
  }
  return map;
}

function fillBytes(f: Filler): Uint8Array {
  const size = Math.max(f.head.length, Math.min(f.size, f.head.length + Math.round((f.size - f.head.length) / BULK_SCALE)));
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of fillerChunks({ ...f, size })) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The uncompressed layer tar of `entries`; `accounts` are the entries whose passwd/group name owners. */
export function layerTar(entries: readonly RootEntry[], mtime: number, accounts: readonly RootEntry[] = entries): Uint8Array {
  const users = idMap(accounts, '/etc/passwd');
  const groups = idMap(accounts, '/etc/group');
  const out: TarEntry[] = [];
  for (const e of entries) {
    const base = {
      name: e.path.slice(1), mode: e.mode & 0o7777, uid: users.get(e.owner) ?? 0, gid: groups.get(e.group) ?? 0,
      uname: '', gname: '', mtime, size: 0, linkname: '', devmajor: 0, devminor: 0,
    };
    if (e.type === 'dir') out.push({ ...base, type: 'dir' });
    else if (e.type === 'symlink') out.push({ ...base, type: 'symlink', linkname: e.target! });
    else if (e.type === 'hardlink') out.push({ ...base, type: 'hardlink', linkname: e.target.slice(1) });
    else {
      const data = e.fill ? fillBytes(e.fill) : utf8Encode(e.text ?? '');
      out.push({ ...base, type: 'file', size: data.length, data });
    }
  }
  return packTar(out);
}

/**
 * gzip with no name and no time, in stored deflate blocks: most of a layer is bulk bytes that do
 * not compress, and deflating them would cost more than the rest of building the image.
 */
export function gzipLayer(tar: Uint8Array): Uint8Array {
  return gzipCompress(tar, { level: 0, mtime: 0, name: null });
}

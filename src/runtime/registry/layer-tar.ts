// A bundled image's layer: root entries -> a tar (Docker's layer form: names without a leading
// "/", directories with a trailing one, numeric owners from the image's own passwd and group)
// -> gzip. Everything is fixed (mtimes, gzip header without a name or time, stored deflate
// blocks), so the same description gives the same digests on every machine and every run.
//
// Bulk files (the parts of a package cowbox does not simulate: libraries, data) have their real
// size, so the images weigh what Docker Hub's do (Debian 12 about 120 MB, UBI 8.1 about 210 MB).
// Their bodies are a head and zeros, so a layer is kept as a sparse tar (headers and heads,
// ../layers/sparse-tar.ts): the bytes are streamed when someone asks for them, and their digests
// come from ./bundled-digests.ts, worked out once when the catalogs change.

import { utf8Encode } from '../../base/text.ts';
import { crc32 } from '../archive/gzip.ts';
import { archiveEnd, entryHeader, type TarEntry } from '../archive/tar.ts';
import { fillerHead } from '../distro/filler.ts';
import { type SparseTar, sparseTar, sparseTarBytes, sparseTarChunks } from '../layers/sparse-tar.ts';
import type { RootEntry } from './rootfs.ts';
import { Sha256Stream } from '../../base/sha256.ts';

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

/** The layer tar of `entries` as a sparse tar; `accounts` are the entries whose passwd/group name owners. */
export function layerSparseTar(entries: readonly RootEntry[], mtime: number, accounts: readonly RootEntry[] = entries): SparseTar {
  const users = idMap(accounts, '/etc/passwd');
  const groups = idMap(accounts, '/etc/group');
  const out = entries.map((e) => {
    const base = {
      name: e.path.slice(1), mode: e.mode & 0o7777, uid: users.get(e.owner) ?? 0, gid: groups.get(e.group) ?? 0,
      uname: '', gname: '', mtime, size: 0, linkname: '', devmajor: 0, devminor: 0,
    };
    let entry: TarEntry;
    if (e.type === 'dir') entry = { ...base, type: 'dir' };
    else if (e.type === 'symlink') entry = { ...base, type: 'symlink', linkname: e.target! };
    else if (e.type === 'hardlink') entry = { ...base, type: 'hardlink', linkname: e.target.slice(1) };
    else if (e.fill) entry = { ...base, type: 'file', size: e.fill.size, data: fillerHead(e.fill) };
    else {
      const data = utf8Encode(e.text ?? '');
      entry = { ...base, type: 'file', size: data.length, data };
    }
    return { header: entryHeader(entry), entry };
  });
  return sparseTar(out, archiveEnd);
}

/** The uncompressed layer tar of `entries` as bytes (the bulk allocated: for tests and small images). */
export function layerTar(entries: readonly RootEntry[], mtime: number, accounts: readonly RootEntry[] = entries): Uint8Array {
  return sparseTarBytes(layerSparseTar(entries, mtime, accounts));
}

const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3);
/** The most a stored deflate block holds. */
const STORED = 65535;

/** Bytes of the gzip member gzipLayer makes of a tar of `size` bytes. */
export function gzipLayerSize(size: number): number {
  return GZIP_HEADER.length + Math.max(1, Math.ceil(size / STORED)) * 5 + size + 8;
}

/**
 * gzip with no name and no time, in stored deflate blocks, as pieces: most of a layer is bulk
 * that deflating would only slow down, and stored blocks let the member be streamed from the
 * tar's pieces (views on them, no copy) when the tar's length is known up front. `crc32Of` is
 * for a faster CRC where there is one (node's, when the digest table is generated).
 */
export function* gzipLayerChunks(tar: Iterable<Uint8Array>, size: number, crc32Of = crc32): Generator<Uint8Array> {
  yield GZIP_HEADER;
  const blocks = Math.max(1, Math.ceil(size / STORED));
  let block = 0;
  let left = 0; // bytes still to come in the current block
  let crc = 0;
  const openBlock = (): Uint8Array => {
    const len = Math.min(STORED, size - block * STORED);
    left = len;
    const final = ++block === blocks ? 1 : 0;
    return Uint8Array.of(final, len & 255, len >>> 8, ~len & 255, (~len >>> 8) & 255);
  };
  if (size === 0) yield openBlock();
  for (const piece of tar) {
    crc = crc32Of(piece, crc);
    for (let at = 0; at < piece.length; ) {
      if (left === 0) yield openBlock();
      const n = Math.min(left, piece.length - at);
      yield piece.subarray(at, at + n);
      left -= n;
      at += n;
    }
  }
  yield Uint8Array.of(crc & 255, (crc >>> 8) & 255, (crc >>> 16) & 255, crc >>> 24, size & 255, (size >>> 8) & 255, (size >>> 16) & 255, (size >>> 24) & 255);
}

/** The stored-gzip blob of a tar held as bytes (what `docker push` uploads). */
export function gzipLayer(tar: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipLayerSize(tar.length));
  let at = 0;
  for (const piece of gzipLayerChunks([tar], tar.length)) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** The gzip blob of a sparse tar as bytes (the bulk allocated). */
export function sparseLayerBlob(t: SparseTar): Uint8Array {
  const out = new Uint8Array(gzipLayerSize(t.size));
  let at = 0;
  for (const piece of gzipLayerChunks(sparseTarChunks(t), t.size)) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

export interface LayerDigests {
  /** sha256 of the uncompressed tar (config rootfs.diff_ids). */
  diffId: string;
  /** Digest and size of the gzip blob (the manifest's layer descriptor). */
  digest: string;
  size: number;
}

/**
 * The digests of a sparse tar's layer, by streaming its bytes through SHA-256 twice (tar and
 * blob) without holding them: about 30 ms a megabyte here, which is why bundled images take
 * them from ./bundled-digests.ts when it knows the layer.
 */
export function computeLayerDigests(t: SparseTar): LayerDigests {
  const tarHash = new Sha256Stream();
  const blobHash = new Sha256Stream();
  const teed = function* (): Generator<Uint8Array> {
    for (const piece of sparseTarChunks(t)) {
      tarHash.update(piece);
      yield piece;
    }
  };
  for (const piece of gzipLayerChunks(teed(), t.size)) blobHash.update(piece);
  return { diffId: tarHash.digest(), digest: blobHash.digest(), size: gzipLayerSize(t.size) };
}

/**
 * A cheap name for a sparse tar's bytes: sha256 of its headers, heads and end (the zeros follow
 * from the sizes in the headers). Equal fingerprints mean equal tars, so it keys the table of
 * digests worked out in advance.
 */
export function sparseTarFingerprint(t: SparseTar): string {
  const h = new Sha256Stream();
  h.update(utf8Encode('cowbox sparse tar v1\n'));
  for (const { header, entry } of t.entries) {
    h.update(header);
    if (entry.type !== 'file') continue;
    const head = entry.data ? entry.data.subarray(0, entry.size) : new Uint8Array(0);
    h.update(utf8Encode(`${head.length}\n`)).update(head);
  }
  h.update(t.end);
  return h.digest();
}

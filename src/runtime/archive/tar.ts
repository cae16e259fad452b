// The tar archive format as pure functions over bytes: 512-byte headers in GNU tar 1.34's
// default "gnu" layout (magic "ustar  ", names over 100 bytes in ././@LongLink 'L'/'K' entries,
// base-256 numbers when octal does not fit), data padded to blocks, two zero blocks at the end
// and the whole padded to 10240-byte records. Reading also takes ustar (prefix field), pax
// ('x'/'g' headers: path, linkpath, size, mtime, uid, gid, uname, gname) and old v7 headers.
// Used by tar and by the container engine to read layers and archives and to write the bundled
// images' layers; what the engine writes as Docker would is go-tar.ts's (Go's archive/tar).

import { concatBytes } from '../../base/bytes.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';

export type TarType = 'file' | 'hardlink' | 'symlink' | 'chardev' | 'blockdev' | 'dir' | 'fifo';

export interface TarEntry {
  name: string;
  type: TarType;
  /** Permission bits (07777). */
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** Modification time in seconds since the epoch. */
  mtime: number;
  /** Data size (files only; 0 for everything else). */
  size: number;
  /** Target of a symlink or hard link. */
  linkname: string;
  devmajor: number;
  devminor: number;
  /** The file's bytes (files only). */
  data?: Uint8Array;
}

export class TarError extends Error {}

export const BLOCK = 512;
export const RECORD = 10240;

const TYPEFLAG: Record<TarType, string> = { file: '0', hardlink: '1', symlink: '2', chardev: '3', blockdev: '4', dir: '5', fifo: '6' };

const utf8 = utf8Encode;
const fromUtf8 = utf8Decode;

/** A NUL-terminated field (or the whole field when it has no NUL). */
function field(b: Uint8Array, off: number, len: number): Uint8Array {
  const f = b.subarray(off, off + len);
  const nul = f.indexOf(0);
  return nul < 0 ? f : f.subarray(0, nul);
}

function putString(h: Uint8Array, off: number, len: number, s: Uint8Array): void {
  h.set(s.subarray(0, len), off);
}

/** An octal number in `len` bytes: len-1 digits and a NUL, or base-256 when it is too big. */
function putNumber(h: Uint8Array, off: number, len: number, v: number): void {
  const digits = len - 1;
  if (v >= 0 && v < 8 ** digits) {
    putString(h, off, len, utf8(`${v.toString(8).padStart(digits, '0')}\0`));
    return;
  }
  // GNU base-256: high bit of the first byte set, big-endian value in the rest.
  let x = BigInt(Math.trunc(v));
  for (let i = len - 1; i >= 1; i--) {
    h[off + i] = Number(x & 0xffn);
    x >>= 8n;
  }
  h[off] = 0x80;
}

function getNumber(b: Uint8Array, off: number, len: number): number {
  if (b[off]! & 0x80) {
    let x = BigInt(b[off]! & 0x7f);
    for (let i = 1; i < len; i++) x = (x << 8n) | BigInt(b[off + i]!);
    return Number(x);
  }
  const s = fromUtf8(field(b, off, len)).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError(`invalid number field`);
  return parseInt(s, 8);
}

function checksum(h: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum;
}

function header(name: Uint8Array, e: TarEntry, typeflag: string, size: number, linkname: Uint8Array): Uint8Array {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, name);
  putNumber(h, 100, 8, e.mode & 0o7777);
  putNumber(h, 108, 8, e.uid);
  putNumber(h, 116, 8, e.gid);
  putNumber(h, 124, 12, size);
  putNumber(h, 136, 12, e.mtime);
  h[156] = typeflag.charCodeAt(0);
  putString(h, 157, 100, linkname);
  putString(h, 257, 8, utf8('ustar  \0'));
  putString(h, 265, 32, utf8(e.uname));
  putString(h, 297, 32, utf8(e.gname));
  if (e.type === 'chardev' || e.type === 'blockdev') {
    putNumber(h, 329, 8, e.devmajor);
    putNumber(h, 337, 8, e.devminor);
  }
  putString(h, 148, 8, utf8(`${checksum(h).toString(8).padStart(6, '0')}\0 `));
  return h;
}

/** A ././@LongLink entry carrying a name (or link target) too long for its field. */
function longLink(kind: 'L' | 'K', value: Uint8Array): Uint8Array {
  const body = new Uint8Array(value.length + 1);
  body.set(value);
  const e: TarEntry = { name: '././@LongLink', type: 'file', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0, size: body.length, linkname: '', devmajor: 0, devminor: 0 };
  const h = header(utf8('././@LongLink'), e, kind, body.length, new Uint8Array(0));
  return concatBytes([h, body, new Uint8Array(padding(body.length))]);
}

/** Zero bytes needed after `size` bytes of data to reach a block boundary. */
export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/**
 * The header block(s) for an entry, long-name entries first: what precedes its data. A
 * directory's name gets its trailing slash here.
 */
export function entryHeader(e: TarEntry): Uint8Array {
  let name = e.name;
  if (e.type === 'dir' && !name.endsWith('/')) name += '/';
  const nameBytes = utf8(name);
  const linkBytes = utf8(e.linkname);
  const parts: Uint8Array[] = [];
  if (linkBytes.length > 100) parts.push(longLink('K', linkBytes));
  if (nameBytes.length > 100) parts.push(longLink('L', nameBytes));
  const size = e.type === 'file' ? e.size : 0;
  parts.push(header(nameBytes, e, TYPEFLAG[e.type], size, linkBytes));
  return parts.length === 1 ? parts[0]! : concatBytes(parts);
}

/** The end of an archive that has `written` bytes so far: two zero blocks, then record padding. */
export function archiveEnd(written: number): Uint8Array {
  const total = written + 2 * BLOCK;
  const padded = Math.ceil(total / RECORD) * RECORD;
  return new Uint8Array(padded - written);
}

/** A whole archive of `entries` (each file's bytes in `data`). */
export function packTar(entries: TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let written = 0;
  for (const e of entries) {
    const h = entryHeader(e);
    parts.push(h);
    written += h.length;
    if (e.type === 'file') {
      const data = e.data ?? new Uint8Array(e.size);
      parts.push(data);
      const pad = new Uint8Array(padding(data.length));
      parts.push(pad);
      written += data.length + pad.length;
    }
  }
  parts.push(archiveEnd(written));
  return concatBytes(parts);
}

export interface ReadEntry extends TarEntry {
  /** Offset of the entry's data in the archive. */
  offset: number;
}

/** Is this block all zeros (an end-of-archive marker)? */
function isZero(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]) return false;
  return true;
}

function parsePax(body: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let p = 0;
  while (p < body.length) {
    const sp = body.indexOf(32, p);
    if (sp < 0) break;
    const len = parseInt(fromUtf8(body.subarray(p, sp)), 10);
    if (!(len > 0)) break;
    const rec = fromUtf8(body.subarray(sp + 1, p + len - 1));
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    p += len;
  }
  return out;
}

/**
 * The entries of an archive, in order, with their data as subarrays. Stops at the first zero
 * block. Throws TarError when the first block is not a tar header ("does not look like a tar
 * archive") or a header's checksum is wrong.
 */
export function* iterateTar(data: Uint8Array): Generator<ReadEntry> {
  let p = 0;
  let longName: string | null = null;
  let longLinkName: string | null = null;
  let pax: Record<string, string> = {};
  let globalPax: Record<string, string> = {};
  let first = true;
  if (data.length === 0) throw new TarError('This does not look like a tar archive');
  while (p + BLOCK <= data.length) {
    const h = data.subarray(p, p + BLOCK);
    if (isZero(h)) return;
    const stored = getNumberSafe(h, 148, 8);
    if (stored === null || stored !== checksum(h)) {
      throw new TarError(first ? 'This does not look like a tar archive' : 'Skipping to next header');
    }
    first = false;
    const typeflag = String.fromCharCode(h[156]!);
    let size = getNumber(h, 124, 12);
    if (pax.size ?? globalPax.size) size = Number(pax.size ?? globalPax.size);
    const dataStart = p + BLOCK;
    const next = dataStart + size + padding(size);
    if (typeflag === 'L' || typeflag === 'K') {
      const v = fromUtf8(field(data, dataStart, size));
      if (typeflag === 'L') longName = v;
      else longLinkName = v;
      p = next;
      continue;
    }
    if (typeflag === 'x' || typeflag === 'g') {
      const rec = parsePax(data.subarray(dataStart, dataStart + size));
      if (typeflag === 'x') pax = rec;
      else globalPax = { ...globalPax, ...rec };
      p = next;
      continue;
    }
    const magic = fromUtf8(h.subarray(257, 263));
    let name = fromUtf8(field(h, 0, 100));
    if (magic === 'ustar\0' || magic === 'ustar') {
      const prefix = fromUtf8(field(h, 345, 155));
      if (prefix) name = `${prefix}/${name}`;
    }
    const px = { ...globalPax, ...pax };
    if (px.path) name = px.path;
    if (longName !== null) name = longName;
    let linkname = fromUtf8(field(h, 157, 100));
    if (px.linkpath) linkname = px.linkpath;
    if (longLinkName !== null) linkname = longLinkName;
    let type: TarType;
    switch (typeflag) {
      case '1': type = 'hardlink'; break;
      case '2': type = 'symlink'; break;
      case '3': type = 'chardev'; break;
      case '4': type = 'blockdev'; break;
      case '5': type = 'dir'; break;
      case '6': type = 'fifo'; break;
      default: type = name.endsWith('/') && (typeflag === '0' || typeflag === '\0') ? 'dir' : 'file';
    }
    const entry: ReadEntry = {
      name, type,
      mode: getNumber(h, 100, 8) & 0o7777,
      uid: px.uid ? Number(px.uid) : getNumber(h, 108, 8),
      gid: px.gid ? Number(px.gid) : getNumber(h, 116, 8),
      uname: px.uname ?? fromUtf8(field(h, 265, 32)),
      gname: px.gname ?? fromUtf8(field(h, 297, 32)),
      mtime: px.mtime ? Math.floor(Number(px.mtime)) : getNumber(h, 136, 12),
      size: type === 'file' ? size : 0,
      linkname,
      devmajor: type === 'chardev' || type === 'blockdev' ? getNumber(h, 329, 8) : 0,
      devminor: type === 'chardev' || type === 'blockdev' ? getNumber(h, 337, 8) : 0,
      offset: dataStart,
    };
    if (type === 'file') {
      if (dataStart + size > data.length) throw new TarError('Unexpected EOF in archive');
      entry.data = data.subarray(dataStart, dataStart + size);
    }
    longName = null;
    longLinkName = null;
    pax = {};
    yield entry;
    p = type === 'file' || typeflag === '7' ? next : dataStart + (size ? size + padding(size) : 0);
  }
  if (p < data.length) throw new TarError(first ? 'This does not look like a tar archive' : 'Unexpected EOF in archive');
}

function getNumberSafe(b: Uint8Array, off: number, len: number): number | null {
  try {
    return getNumber(b, off, len);
  } catch {
    return null;
  }
}

/** The archive's entries as a list (for callers that want them all). */
export function unpackTar(data: Uint8Array): ReadEntry[] {
  return [...iterateTar(data)];
}

// The gzip file format (RFC 1952) as pure functions over bytes: a member is a 10-byte header
// (magic 1f 8b, method 8, flags, mtime, extra flags, OS), optional name/comment/extra fields,
// raw DEFLATE data (fflate does the deflating), then CRC-32 and the input size mod 2^32.
// gzip, gunzip, zcat, tar -z and the container engine's image layers all use this.

import { deflateSync, Inflate } from 'fflate';

export class GzipError extends Error {
  constructor(readonly reason: 'format' | 'truncated' | 'corrupt' | 'crc' | 'length', message: string) {
    super(message);
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3) of `data`, continuing from `crc` when given. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export interface GzipHeader {
  /** Seconds since the epoch, 0 when not recorded. */
  mtime: number;
  /** The original file name (FNAME), if stored. */
  name: string | null;
  comment: string | null;
  os: number;
  xfl: number;
  /** Where the compressed data starts. */
  dataOffset: number;
}

export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

/** Parse the header of the member starting at `offset`. */
export function parseGzipHeader(data: Uint8Array, offset = 0): GzipHeader {
  if (data.length - offset < 2 || data[offset] !== 0x1f || data[offset + 1] !== 0x8b) throw new GzipError('format', 'not in gzip format');
  if (data.length - offset < 10) throw new GzipError('truncated', 'unexpected end of file');
  if (data[offset + 2] !== 8) throw new GzipError('format', `unknown method ${data[offset + 2]} -- not supported`);
  const flg = data[offset + 3]!;
  const mtime = (data[offset + 4]! | (data[offset + 5]! << 8) | (data[offset + 6]! << 16) | (data[offset + 7]! << 24)) >>> 0;
  const xfl = data[offset + 8]!;
  const os = data[offset + 9]!;
  let p = offset + 10;
  const need = (n: number): void => {
    if (p + n > data.length) throw new GzipError('truncated', 'unexpected end of file');
  };
  if (flg & 4) {
    need(2);
    const xlen = data[p]! | (data[p + 1]! << 8);
    p += 2;
    need(xlen);
    p += xlen;
  }
  const zstring = (): string => {
    const start = p;
    while (p < data.length && data[p] !== 0) p++;
    need(1);
    const s = latin1(data.subarray(start, p));
    p++;
    return s;
  };
  const name = flg & 8 ? zstring() : null;
  const comment = flg & 16 ? zstring() : null;
  if (flg & 2) {
    need(2);
    p += 2;
  }
  return { mtime, name, comment, os, xfl, dataOffset: p };
}

export interface GzipOptions {
  /** 1 (fastest) to 9 (best); gzip's default is 6. */
  level?: number;
  /** Seconds since the epoch for the header (0: none). */
  mtime?: number;
  /** Original file name to store (FNAME). */
  name?: string | null;
}

/** One gzip member holding `data`. */
export function gzipCompress(data: Uint8Array, opts: GzipOptions = {}): Uint8Array {
  const level = opts.level ?? 6;
  const body = deflateSync(data, { level: level as 6 });
  const nameBytes = opts.name ? Uint8Array.from(opts.name, (c) => c.charCodeAt(0) & 255) : null;
  const headLen = 10 + (nameBytes ? nameBytes.length + 1 : 0);
  const out = new Uint8Array(headLen + body.length + 8);
  const mtime = opts.mtime ?? 0;
  out.set([0x1f, 0x8b, 8, nameBytes ? 8 : 0, mtime & 255, (mtime >>> 8) & 255, (mtime >>> 16) & 255, (mtime >>> 24) & 255, level === 9 ? 2 : level === 1 ? 4 : 0, 3]);
  if (nameBytes) out.set(nameBytes, 10);
  out.set(body, headLen);
  const crc = crc32(data);
  const size = data.length >>> 0;
  const t = headLen + body.length;
  out.set([crc & 255, (crc >>> 8) & 255, (crc >>> 16) & 255, (crc >>> 24) & 255, size & 255, (size >>> 8) & 255, (size >>> 16) & 255, (size >>> 24) & 255], t);
  return out;
}

/** Inflate raw DEFLATE data starting at `offset`: the output and where the stream ended. */
function inflateAt(data: Uint8Array, offset: number): { out: Uint8Array; end: number } {
  const parts: Uint8Array[] = [];
  const inf = new Inflate((chunk) => {
    parts.push(chunk);
  });
  const input = data.subarray(offset);
  try {
    inf.push(input, true);
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/EOF/i.test(msg)) throw new GzipError('truncated', 'unexpected end of file');
    throw new GzipError('corrupt', 'invalid compressed data--format violated');
  }
  // fflate keeps what it has not consumed in `p` and the bit offset into its first byte in
  // `s.p`: the stream ends at the byte after that bit.
  const state = inf as unknown as { p: Uint8Array; s: { p?: number; f?: number; l?: unknown } };
  if (!state.s.f || state.s.l) throw new GzipError('truncated', 'unexpected end of file');
  const end = offset + (input.length - state.p.length) + Math.ceil((state.s.p ?? 0) / 8);
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { out, end };
}

export interface GunzipResult {
  data: Uint8Array;
  /** The first member's header. */
  header: GzipHeader;
  /** Bytes after the last member that are not another member (gzip warns about them). */
  trailingGarbage: boolean;
}

/** Decompress every member of a gzip file (concatenated members make one output). */
export function gzipDecompress(data: Uint8Array): GunzipResult {
  const outs: Uint8Array[] = [];
  let first: GzipHeader | null = null;
  let offset = 0;
  let trailingGarbage = false;
  for (;;) {
    const header = parseGzipHeader(data, offset);
    first ??= header;
    const { out, end } = inflateAt(data, header.dataOffset);
    if (end + 8 > data.length) throw new GzipError('truncated', 'unexpected end of file');
    const crc = (data[end]! | (data[end + 1]! << 8) | (data[end + 2]! << 16) | (data[end + 3]! << 24)) >>> 0;
    const size = (data[end + 4]! | (data[end + 5]! << 8) | (data[end + 6]! << 16) | (data[end + 7]! << 24)) >>> 0;
    if (crc !== crc32(out)) throw new GzipError('crc', 'invalid compressed data--crc error');
    if (size !== out.length >>> 0) throw new GzipError('length', 'invalid compressed data--length error');
    outs.push(out);
    offset = end + 8;
    if (offset >= data.length) break;
    if (!isGzip(data.subarray(offset))) {
      // Zero padding (as tape blocks leave) is silently ignored; anything else is garbage.
      trailingGarbage = data.subarray(offset).some((b) => b !== 0);
      break;
    }
  }
  let size = 0;
  for (const o of outs) size += o.length;
  const all = new Uint8Array(size);
  let at = 0;
  for (const o of outs) {
    all.set(o, at);
    at += o.length;
  }
  return { data: all, header: first!, trailingGarbage };
}

/** The uncompressed size a member's trailer records (mod 2^32), for `gzip -l`. */
export function gzipStoredSize(data: Uint8Array): number {
  if (data.length < 18) return 0;
  const e = data.length - 4;
  return (data[e]! | (data[e + 1]! << 8) | (data[e + 2]! << 16) | (data[e + 3]! << 24)) >>> 0;
}

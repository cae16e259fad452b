// Tar headers as Go's archive/tar writes them with Docker's settings (Format = PAX): a plain
// ustar header ("ustar\0" "00", zero-padded octal, devmajor/devminor always written) when the
// entry fits, the name split into prefix/name when that makes it fit, and otherwise a PAX 'x'
// header (records sorted by key, named <dir>/PaxHeaders.0/<base>) before it. The archive ends
// with two zero blocks and no record padding (tar.Writer.Close). What the engine writes as Docker
// would (layer diffs, docker save, docker export); tar.ts beside it is GNU tar's format.

import { concatBytes } from '../../base/bytes.ts';
import { utf8Encode } from '../../base/text.ts';

export interface GoTarHeader {
  name: string;
  typeflag: '0' | '1' | '2' | '3' | '4' | '5' | '6';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  /** Extra PAX records (e.g. SCHILY.xattr.security.capability). */
  pax?: Record<string, string>;
}

const BLOCK = 512;
const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);
const toAscii = (s: string): string => s.replace(/[^\x00-\x7f]/g, '');

function putString(b: Uint8Array, off: number, len: number, s: string): void {
  const bytes = utf8Encode(s);
  b.set(bytes.subarray(0, len), off);
}

function putOctal(b: Uint8Array, off: number, len: number, v: number): void {
  let s = Math.max(0, Math.trunc(v)).toString(8);
  if (s.length < len - 1) s = s.padStart(len - 1, '0');
  putString(b, off, len, s);
}

function fitsOctal(v: number, len: number): boolean {
  return v >= 0 && v < 8 ** (len - 1);
}

function setFormatAndChecksum(b: Uint8Array): void {
  putString(b, 257, 6, 'ustar\0');
  putString(b, 263, 2, '00');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : b[i]!;
  putOctal(b, 148, 7, sum);
  b[155] = 0x20;
}

/** Go's splitUSTARPath: a long ASCII name as prefix (<=155) and name (<=100) at a slash. */
function splitUstarPath(name: string): [string, string] | null {
  let length = name.length;
  if (length <= 100 || !isAscii(name)) return null;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const i = name.slice(0, length).lastIndexOf('/');
  const nlen = name.length - i - 1;
  const plen = i;
  if (i <= 0 || nlen > 100 || nlen === 0 || plen > 155) return null;
  return [name.slice(0, i), name.slice(i + 1)];
}

function v7Plus(h: GoTarHeader, name: string, ascii: boolean): Uint8Array {
  const b = new Uint8Array(BLOCK);
  const str = (off: number, len: number, s: string): void => putString(b, off, len, ascii ? toAscii(s) : s);
  b[156] = h.typeflag.charCodeAt(0);
  str(0, 100, name);
  str(157, 100, h.linkname);
  putOctal(b, 100, 8, h.mode);
  putOctal(b, 108, 8, fitsOctal(h.uid, 8) ? h.uid : 0);
  putOctal(b, 116, 8, fitsOctal(h.gid, 8) ? h.gid : 0);
  putOctal(b, 124, 12, fitsOctal(h.size, 12) ? h.size : 0);
  putOctal(b, 136, 12, fitsOctal(h.mtime, 12) ? h.mtime : 0);
  str(265, 32, h.uname);
  str(297, 32, h.gname);
  putOctal(b, 329, 8, h.devmajor);
  putOctal(b, 337, 8, h.devminor);
  return b;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const n = utf8Encode(body).length;
  let size = n + String(n).length;
  if (String(size).length !== String(n).length) size = n + String(size).length;
  return `${size}${body}`;
}

/** The header block(s) for one entry. */
export function goTarHeader(h: GoTarHeader): Uint8Array {
  const pax: Record<string, string> = { ...(h.pax ?? {}) };
  let name = h.name;
  let prefix = '';
  const nameFits = utf8Encode(h.name).length <= 100 && isAscii(h.name);
  if (!nameFits) {
    const split = splitUstarPath(h.name);
    if (split) [prefix, name] = split;
    else pax.path = h.name;
  }
  if (utf8Encode(h.linkname).length > 100 || !isAscii(h.linkname)) pax.linkpath = h.linkname;
  if (!fitsOctal(h.uid, 8)) pax.uid = String(h.uid);
  if (!fitsOctal(h.gid, 8)) pax.gid = String(h.gid);
  if (!fitsOctal(h.size, 12)) pax.size = String(h.size);
  if (!fitsOctal(h.mtime, 12)) pax.mtime = String(h.mtime);
  if (utf8Encode(h.uname).length > 32 || !isAscii(h.uname)) pax.uname = h.uname;
  if (utf8Encode(h.gname).length > 32 || !isAscii(h.gname)) pax.gname = h.gname;
  const keys = Object.keys(pax).sort();
  if (keys.length === 0) {
    const b = v7Plus(h, name, false);
    putString(b, 345, 155, prefix);
    setFormatAndChecksum(b);
    return b;
  }
  // PAX: the name is not split; the main header carries the truncated ASCII name.
  const data = utf8Encode(keys.map((k) => paxRecord(k, pax[k]!)).join(''));
  const slash = h.name.lastIndexOf('/');
  const dir = slash >= 0 ? h.name.slice(0, slash + 1) : '';
  const base = slash >= 0 ? h.name.slice(slash + 1) : h.name;
  let xname = `${dir}PaxHeaders.0${base ? `/${base}` : ''}`;
  xname = toAscii(xname).slice(0, 100).replace(/\/+$/, '');
  const x = new Uint8Array(BLOCK);
  x[156] = 'x'.charCodeAt(0);
  putString(x, 0, 100, xname);
  putOctal(x, 100, 8, 0);
  putOctal(x, 108, 8, 0);
  putOctal(x, 116, 8, 0);
  putOctal(x, 124, 12, data.length);
  putOctal(x, 136, 12, 0);
  setFormatAndChecksum(x);
  const main = v7Plus(h, h.name, true);
  setFormatAndChecksum(main);
  return concatBytes([x, data, new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK), main]);
}

/** Builds a tar stream the way tar.Writer does. */
export class GoTarWriter {
  private parts: Uint8Array[] = [];

  add(h: GoTarHeader, data?: Uint8Array): void {
    this.parts.push(goTarHeader(h));
    if (h.typeflag === '0' && h.size > 0) {
      const d = data ?? new Uint8Array(h.size);
      this.parts.push(d);
      const pad = (BLOCK - (d.length % BLOCK)) % BLOCK;
      if (pad) this.parts.push(new Uint8Array(pad));
    }
  }

  finish(): Uint8Array {
    this.parts.push(new Uint8Array(2 * BLOCK));
    return concatBytes(this.parts);
  }
}

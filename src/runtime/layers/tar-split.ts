// What Docker keeps as layerdb/.../tar-split.json.gz (vbatts/tar-split): a layer tar taken
// apart into raw segments (headers, padding, the end) and file entries (a name and a size whose
// bytes live in the layer's diff dir), so the exact tar can be put back together later and its
// digest still equals the layer's diff id. One JSON object a line:
//   {"type":2,"payload":"<base64 raw bytes>","position":N}
//   {"type":1,"name":"bin/sh","size":N,"payload":null,"position":N}

import { iterateTar } from '../archive/tar.ts';

export interface SplitEntry {
  type: 1 | 2;
  name?: string;
  size?: number;
  payload: string | null;
  position: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    s += i + 1 < b.length ? B64[(n >> 6) & 63]! : '=';
    s += i + 2 < b.length ? B64[n & 63]! : '=';
  }
  return s;
}

export function base64Decode(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of clean) {
    acc = (acc << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** Normalised layer path of a tar entry name ("./a/b/" -> "a/b"). */
export function cleanName(name: string): string {
  const parts: string[] = [];
  for (const p of name.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** Split an (uncompressed) tar into segments and file entries. */
export function splitTar(tar: Uint8Array): SplitEntry[] {
  const out: SplitEntry[] = [];
  let pos = 0;
  const segment = (end: number): void => {
    if (end > pos) out.push({ type: 2, payload: base64Encode(tar.subarray(pos, end)), position: out.length });
    pos = end;
  };
  for (const e of iterateTar(tar)) {
    if (e.type !== 'file') continue;
    segment(e.offset);
    out.push({ type: 1, name: cleanName(e.name), size: e.size, payload: null, position: out.length });
    pos = e.offset + e.size;
  }
  segment(tar.length);
  return out;
}

/** Put the tar back together, reading file bytes with `read(name, size)`. */
export async function assembleTar(entries: SplitEntry[], read: (name: string, size: number) => Promise<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (const e of entries) {
    let b: Uint8Array;
    if (e.type === 2) b = base64Decode(e.payload ?? '');
    else if ((e.size ?? 0) === 0) b = new Uint8Array(0);
    else {
      b = await read(e.name ?? '', e.size ?? 0);
      if (b.length !== e.size) throw new Error(`tar-split: ${e.name}: size ${b.length}, expected ${e.size}`);
    }
    parts.push(b);
    n += b.length;
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// What Docker keeps as layerdb/.../tar-split.json.gz (vbatts/tar-split): a layer tar taken
// apart into raw segments (headers, padding, the end) and file entries (a name and a size whose
// bytes live in the layer's diff dir), so the exact tar can be put back together later and its
// digest still equals the layer's diff id. One JSON object a line:
//   {"type":2,"payload":"<base64 raw bytes>","position":N}
//   {"type":1,"name":"bin/sh","size":N,"payload":null,"position":N}

import { iterateTar } from '../archive/tar.ts';
import { base64Decode, base64Encode } from '../base64.ts';

export interface SplitEntry {
  type: 1 | 2;
  name?: string;
  size?: number;
  payload: string | null;
  position: number;
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

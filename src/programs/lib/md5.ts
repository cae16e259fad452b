// MD5 (RFC 1321) in plain ECMAScript, incremental (update as data arrives, then digest), for
// md5sum. Only for checksums: MD5 is not a security measure.

import { BlockHash } from './block-hash.ts';

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;

export class Md5 extends BlockHash {
  private readonly h = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476]);
  private readonly m = new Int32Array(16);

  constructor() {
    super(64, true);
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(16);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out[i * 4 + j] = (this.h[i]! >>> (8 * j)) & 255;
    return out;
  }

  protected compress(b: Uint8Array, at: number): void {
    const m = this.m;
    for (let i = 0; i < 16; i++) {
      const p = at + i * 4;
      m[i] = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
    }
    let a = this.h[0]!;
    let bb = this.h[1]!;
    let c = this.h[2]!;
    let d = this.h[3]!;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) { f = (bb & c) | (~bb & d); g = i; }
      else if (i < 32) { f = (d & bb) | (~d & c); g = (5 * i + 1) & 15; }
      else if (i < 48) { f = bb ^ c ^ d; g = (3 * i + 5) & 15; }
      else { f = c ^ (bb | ~d); g = (7 * i) & 15; }
      const x = (a + f + K[i]! + m[g]!) | 0;
      a = d;
      d = c;
      c = bb;
      bb = (bb + ((x << S[i]!) | (x >>> (32 - S[i]!)))) | 0;
    }
    this.h[0] = (this.h[0]! + a) | 0;
    this.h[1] = (this.h[1]! + bb) | 0;
    this.h[2] = (this.h[2]! + c) | 0;
    this.h[3] = (this.h[3]! + d) | 0;
  }
}

export function md5(data: Uint8Array): Uint8Array {
  return new Md5().update(data).digest();
}

export function md5Hex(data: Uint8Array): string {
  return Array.from(md5(data), (b) => b.toString(16).padStart(2, '0')).join('');
}

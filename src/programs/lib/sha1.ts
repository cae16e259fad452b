// SHA-1 (FIPS 180-4, section 6.1) in plain ECMAScript, incremental (update as data arrives, then
// digest), for sha1sum and cksum -a sha1. Only for checksums: SHA-1 is broken for signatures.

import { BlockHash } from './block-hash.ts';

export class Sha1 extends BlockHash {
  private readonly h = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0]);
  /** The 80-word message schedule, reused for every block. */
  private readonly w = new Int32Array(80);

  constructor() {
    super(64);
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(20);
    for (let i = 0; i < 5; i++) {
      const v = this.h[i]!;
      out[i * 4] = v >>> 24; out[i * 4 + 1] = v >>> 16; out[i * 4 + 2] = v >>> 8; out[i * 4 + 3] = v;
    }
    return out;
  }

  protected compress(bytes: Uint8Array, pos: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++, pos += 4) {
      w[i] = (bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    const h = this.h;
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
    for (let t = 0; t < 80; t++) {
      // f and K change every 20 rounds: Ch, Parity, Maj, Parity (4.1.1, 4.2.1).
      let f: number;
      let k: number;
      if (t < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (t < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc | 0; }
      else { f = b ^ c ^ d; k = 0xca62c1d6 | 0; }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = temp;
    }
    h[0] = (h[0]! + a) | 0; h[1] = (h[1]! + b) | 0; h[2] = (h[2]! + c) | 0; h[3] = (h[3]! + d) | 0; h[4] = (h[4]! + e) | 0;
  }
}

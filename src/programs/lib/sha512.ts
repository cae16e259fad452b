// SHA-512 and SHA-384 (FIPS 180-4, sections 6.4 and 6.5) in plain ECMAScript, incremental, for
// sha512sum, sha384sum and cksum -a sha384/sha512. SHA-384 is SHA-512 started from other initial
// values and cut to 48 bytes. A 64-bit word is held as two int32 halves (hi, lo), since numbers
// hold only 53 bits and BigInt arithmetic would be far slower.

import { BlockHash } from './block-hash.ts';

/** floor(n^(1/k)) for a BigInt n, by Newton's method from an estimate above the root. */
function iroot(n: bigint, k: bigint): bigint {
  let x = 1n << (BigInt(n.toString(2).length) / k + 1n);
  for (;;) {
    const next = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (next >= x) return x;
    x = next;
  }
}

function primes(count: number): bigint[] {
  const out: bigint[] = [];
  for (let n = 2n; out.length < count; n++) if (out.every((p) => n % p !== 0n)) out.push(n);
  return out;
}

/**
 * The constants as the standard defines them (4.2.3, 5.3.4, 5.3.5): the first 64 bits of the
 * fractional parts of the cube roots of the first 80 primes (K) and of the square roots of the
 * first 8 primes (SHA-512) or the 9th to 16th (SHA-384), split into (hi, lo) int32 pairs.
 * Derived here rather than typed in, so no digit can be mistyped.
 */
function fractionWords(roots: bigint[], k: bigint): Int32Array {
  const out = new Int32Array(roots.length * 2);
  roots.forEach((p, i) => {
    const frac = iroot(p << (64n * k), k) & 0xffffffffffffffffn;
    out[i * 2] = Number(frac >> 32n) | 0;
    out[i * 2 + 1] = Number(frac & 0xffffffffn) | 0;
  });
  return out;
}

const PRIMES = primes(80);
const K = fractionWords(PRIMES, 3n);
const IV512 = fractionWords(PRIMES.slice(0, 8), 2n);
const IV384 = fractionWords(PRIMES.slice(8, 16), 2n);

// Rotate right by n (1..31) a 64-bit word given as (hi, lo): the new hi and lo halves. For n of 32
// or more, swap the halves and rotate by n - 32.
const rh = (h: number, l: number, n: number): number => (h >>> n) | (l << (32 - n));
const rl = (h: number, l: number, n: number): number => (l >>> n) | (h << (32 - n));
const CARRY = 2 ** 32;

export class Sha512 extends BlockHash {
  private readonly h: Int32Array;
  private readonly outLength: number;
  /** The 80-word schedule, (hi, lo) interleaved. */
  private readonly w = new Int32Array(160);

  /** `bits` 512 for SHA-512, 384 for SHA-384. */
  constructor(bits: 512 | 384 = 512) {
    super(128);
    this.h = Int32Array.from(bits === 512 ? IV512 : IV384);
    this.outLength = bits / 8;
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(this.outLength);
    for (let i = 0; i < this.outLength / 4; i++) {
      const v = this.h[i]!;
      out[i * 4] = v >>> 24; out[i * 4 + 1] = v >>> 16; out[i * 4 + 2] = v >>> 8; out[i * 4 + 3] = v;
    }
    return out;
  }

  protected compress(bytes: Uint8Array, pos: number): void {
    const w = this.w;
    for (let i = 0; i < 32; i++, pos += 4) {
      w[i] = (bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    }
    for (let t = 16; t < 80; t++) {
      // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]
      const xh = w[(t - 15) * 2]!, xl = w[(t - 15) * 2 + 1]!;
      const yh = w[(t - 2) * 2]!, yl = w[(t - 2) * 2 + 1]!;
      const s0h = rh(xh, xl, 1) ^ rh(xh, xl, 8) ^ (xh >>> 7);
      const s0l = rl(xh, xl, 1) ^ rl(xh, xl, 8) ^ ((xl >>> 7) | (xh << 25));
      const s1h = rh(yh, yl, 19) ^ rh(yl, yh, 29) ^ (yh >>> 6);
      const s1l = rl(yh, yl, 19) ^ rl(yl, yh, 29) ^ ((yl >>> 6) | (yh << 26));
      const lo = (s1l >>> 0) + (w[(t - 7) * 2 + 1]! >>> 0) + (s0l >>> 0) + (w[(t - 16) * 2 + 1]! >>> 0);
      w[t * 2] = s1h + w[(t - 7) * 2]! + s0h + w[(t - 16) * 2]! + Math.floor(lo / CARRY);
      w[t * 2 + 1] = lo;
    }
    const h = this.h;
    let ah = h[0]!, al = h[1]!, bh = h[2]!, bl = h[3]!, ch = h[4]!, cl = h[5]!, dh = h[6]!, dl = h[7]!;
    let eh = h[8]!, el = h[9]!, fh = h[10]!, fl = h[11]!, gh = h[12]!, gl = h[13]!, hh = h[14]!, hl = h[15]!;
    for (let t = 0; t < 80; t++) {
      // T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t]
      const S1h = rh(eh, el, 14) ^ rh(eh, el, 18) ^ rh(el, eh, 9);
      const S1l = rl(eh, el, 14) ^ rl(eh, el, 18) ^ rl(el, eh, 9);
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K[t * 2 + 1]! >>> 0) + (w[t * 2 + 1]! >>> 0);
      const t1h = (hh + S1h + chh + K[t * 2]! + w[t * 2]! + Math.floor(t1l / CARRY)) | 0;
      // T2 = Σ0(a) + Maj(a, b, c)
      const S0h = rh(ah, al, 28) ^ rh(al, ah, 2) ^ rh(al, ah, 7);
      const S0l = rl(ah, al, 28) ^ rl(al, ah, 2) ^ rl(al, ah, 7);
      const mh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const ml = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (S0l >>> 0) + (ml >>> 0);
      const t2h = (S0h + mh + Math.floor(t2l / CARRY)) | 0;
      hh = gh; hl = gl; gh = fh; gl = fl; fh = eh; fl = el;
      const el2 = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + Math.floor(el2 / CARRY)) | 0; el = el2 | 0;
      dh = ch; dl = cl; ch = bh; cl = bl; bh = ah; bl = al;
      const al2 = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + Math.floor(al2 / CARRY)) | 0; al = al2 | 0;
    }
    const add = (i: number, xh: number, xl: number): void => {
      const lo = (h[i + 1]! >>> 0) + (xl >>> 0);
      h[i] = h[i]! + xh + Math.floor(lo / CARRY);
      h[i + 1] = lo;
    };
    add(0, ah, al); add(2, bh, bl); add(4, ch, cl); add(6, dh, dl);
    add(8, eh, el); add(10, fh, fl); add(12, gh, gl); add(14, hh, hl);
  }
}

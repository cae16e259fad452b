// SHA-256 (FIPS 180-4) in plain ECMAScript, synchronous: one-shot for content-addressing file
// chunks, and fed in pieces (Sha256Stream) for digests of bytes never held whole (a bundled
// layer's tar, streamed from its sparse description). Works on 32-bit words in one preallocated
// schedule array; input bytes are never modified. Also SHA-224 (sha224sum), which is the same
// compression from other initial values, cut to 28 bytes.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
// SHA-224's initial hash value (FIPS 180-4, 5.3.2).
const H0_224 = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];

// Shared scratch: compress() is synchronous, so one schedule array serves every call, and one
// state serves every one-shot sha256().
const W = new Int32Array(64);
const oneShot = new Int32Array(8);

/** Mix the 64-byte blocks of `bytes[pos, end)` into `state`. `end - pos` is a multiple of 64. */
function compress(state: Int32Array, bytes: Uint8Array, pos: number, end: number): void {
  const w = W;
  const k = K;
  let h0 = state[0]!, h1 = state[1]!, h2 = state[2]!, h3 = state[3]!;
  let h4 = state[4]!, h5 = state[5]!, h6 = state[6]!, h7 = state[7]!;
  while (pos < end) {
    for (let i = 0; i < 16; i++, pos += 4) {
      w[i] = (bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + k[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0;
      d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  state[0] = h0; state[1] = h1; state[2] = h2; state[3] = h3;
  state[4] = h4; state[5] = h5; state[6] = h6; state[7] = h7;
}

/**
 * Compress the last block(s): the `rest` leftover bytes at the start of `tail` (64 or 128 bytes
 * long, zero past them), the 0x80 marker, and the 64-bit bit length of the `len` bytes hashed.
 */
function finish(state: Int32Array, tail: Uint8Array, rest: number, len: number): Uint8Array {
  tail[rest] = 0x80;
  const bitsHigh = Math.floor(len / 0x20000000);
  const bitsLow = (len << 3) >>> 0;
  const t = tail.length;
  tail[t - 8] = bitsHigh >>> 24; tail[t - 7] = bitsHigh >>> 16; tail[t - 6] = bitsHigh >>> 8; tail[t - 5] = bitsHigh;
  tail[t - 4] = bitsLow >>> 24; tail[t - 3] = bitsLow >>> 16; tail[t - 2] = bitsLow >>> 8; tail[t - 1] = bitsLow;
  compress(state, tail, 0, t);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = state[i]!;
    out[i * 4] = v >>> 24; out[i * 4 + 1] = v >>> 16; out[i * 4 + 2] = v >>> 8; out[i * 4 + 3] = v;
  }
  return out;
}

/** A tail buffer holding `pending`: one block when the marker and length fit after it, else two. */
function tailWith(pending: Uint8Array): Uint8Array {
  const tail = new Uint8Array(pending.length < 56 ? 64 : 128);
  tail.set(pending);
  return tail;
}

/** The 32-byte SHA-256 digest of `bytes`. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return oneShotDigest(bytes, H0);
}

/** The 28-byte SHA-224 digest of `bytes`. */
export function sha224(bytes: Uint8Array): Uint8Array {
  return oneShotDigest(bytes, H0_224).subarray(0, 28);
}

function oneShotDigest(bytes: Uint8Array, initial: number[]): Uint8Array {
  oneShot.set(initial);
  const len = bytes.length;
  const whole = len - (len % 64);
  compress(oneShot, bytes, 0, whole);
  return finish(oneShot, tailWith(bytes.subarray(whole)), len - whole, len);
}

/** SHA-256 fed in pieces, each stream with a state of its own (several can run side by side). */
export class Sha256Stream {
  private readonly state = Int32Array.from(H0);
  /** Bytes waiting for a whole 64-byte block. */
  private readonly pending = new Uint8Array(64);
  private pendingLength = 0;
  private length = 0;

  update(bytes: Uint8Array): this {
    this.length += bytes.length;
    let pos = 0;
    if (this.pendingLength > 0) {
      const n = Math.min(64 - this.pendingLength, bytes.length);
      this.pending.set(bytes.subarray(0, n), this.pendingLength);
      this.pendingLength += n;
      pos = n;
      if (this.pendingLength < 64) return this;
      compress(this.state, this.pending, 0, 64);
      this.pendingLength = 0;
    }
    const whole = pos + Math.floor((bytes.length - pos) / 64) * 64;
    compress(this.state, bytes, pos, whole);
    this.pending.set(bytes.subarray(whole));
    this.pendingLength = bytes.length - whole;
    return this;
  }

  /** "sha256:<hex>" of everything fed in (the stream is finished by it). */
  digest(): string {
    return `sha256:${hexOf(finish(this.state, tailWith(this.pending.subarray(0, this.pendingLength)), this.pendingLength, this.length))}`;
  }
}

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

/** The SHA-256 digest of `bytes` as 64 lowercase hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return hexOf(sha256(bytes));
}

function hexOf(digest: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += HEX[digest[i]!];
  return s;
}

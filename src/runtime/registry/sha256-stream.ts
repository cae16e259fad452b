// SHA-256 fed in pieces, for digests of bytes that are never held whole (a bundled layer's tar
// and gzip blob, streamed from its sparse description). src/base/sha256.ts hashes one array
// at a time only; this keeps its own state so several streams can be hashed side by side.

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

const W = new Int32Array(64);

export class Sha256Stream {
  private readonly h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
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
      this.compress(this.pending, 0, 64);
      this.pendingLength = 0;
    }
    const whole = pos + Math.floor((bytes.length - pos) / 64) * 64;
    this.compress(bytes, pos, whole);
    this.pending.set(bytes.subarray(whole));
    this.pendingLength = bytes.length - whole;
    return this;
  }

  /** "sha256:<hex>" of everything fed in. */
  digest(): string {
    const len = this.length;
    const rest = this.pendingLength;
    const tail = new Uint8Array(rest < 56 ? 64 : 128);
    tail.set(this.pending.subarray(0, rest));
    tail[rest] = 0x80;
    const high = Math.floor(len / 0x20000000);
    const low = (len << 3) >>> 0;
    const t = tail.length;
    tail[t - 8] = high >>> 24; tail[t - 7] = high >>> 16; tail[t - 6] = high >>> 8; tail[t - 5] = high;
    tail[t - 4] = low >>> 24; tail[t - 3] = low >>> 16; tail[t - 2] = low >>> 8; tail[t - 1] = low;
    this.compress(tail, 0, t);
    let hex = 'sha256:';
    for (let i = 0; i < 8; i++) hex += (this.h[i]! >>> 0).toString(16).padStart(8, '0');
    return hex;
  }

  /** Mix the 64-byte blocks of `bytes[pos, end)` into the state. */
  private compress(bytes: Uint8Array, pos: number, end: number): void {
    const w = W;
    const s = this.h;
    let h0 = s[0]!, h1 = s[1]!, h2 = s[2]!, h3 = s[3]!, h4 = s[4]!, h5 = s[5]!, h6 = s[6]!, h7 = s[7]!;
    while (pos < end) {
      for (let i = 0; i < 16; i++, pos += 4) w[i] = (bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
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
        const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0;
        d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    s[0] = h0; s[1] = h1; s[2] = h2; s[3] = h3; s[4] = h4; s[5] = h5; s[6] = h6; s[7] = h7;
  }
}

// What MD5, SHA-1 and SHA-512 share: bytes gathered into fixed blocks for the compression
// function, and the final padding (0x80, zeros, then the message's length in bits in the block's
// last 8 bytes, or 16 for 128-byte blocks; little-endian for MD5, big-endian for the SHAs).

export abstract class BlockHash {
  private readonly block: Uint8Array;
  private blockLen = 0;
  private length = 0;

  constructor(private readonly blockSize: 64 | 128, private readonly littleEndian = false) {
    this.block = new Uint8Array(blockSize);
  }

  /** Fold the block at `at` in `bytes` into the state. */
  protected abstract compress(bytes: Uint8Array, at: number): void;
  /** The digest, from the state once every block is folded in. */
  protected abstract output(): Uint8Array;

  update(data: Uint8Array): this {
    const size = this.blockSize;
    let at = 0;
    this.length += data.length;
    if (this.blockLen > 0) {
      const take = Math.min(size - this.blockLen, data.length);
      this.block.set(data.subarray(0, take), this.blockLen);
      this.blockLen += take;
      at = take;
      if (this.blockLen < size) return this;
      this.compress(this.block, 0);
      this.blockLen = 0;
    }
    for (; at + size <= data.length; at += size) this.compress(data, at);
    this.block.set(data.subarray(at), 0);
    this.blockLen = data.length - at;
    return this;
  }

  /** The digest of everything fed in; the object is spent afterwards. */
  digest(): Uint8Array {
    const size = this.blockSize;
    // The length field is 8 bytes for 64-byte blocks and 16 for 128-byte ones; its top bits are
    // zero for any length a number can count.
    const room = size - size / 8;
    const bits = this.length * 8;
    const pad = new Uint8Array((this.blockLen < room ? size : 2 * size) - this.blockLen);
    pad[0] = 0x80;
    const n = pad.length;
    const high = Math.floor(bits / 2 ** 32) >>> 0;
    const low = bits >>> 0;
    for (let i = 0; i < 4; i++) {
      if (this.littleEndian) {
        pad[n - 8 + i] = low >>> (8 * i);
        pad[n - 4 + i] = high >>> (8 * i);
      } else {
        pad[n - 8 + i] = high >>> (24 - 8 * i);
        pad[n - 4 + i] = low >>> (24 - 8 * i);
      }
    }
    this.update(pad);
    return this.output();
  }
}

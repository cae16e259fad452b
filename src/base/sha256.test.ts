// Checks sha256 against the FIPS 180-4 example vectors and against node:crypto on random inputs
// of every length around the 55/56/64-byte padding boundaries.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256Stream, sha256, sha256Hex } from './sha256.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
const nodeHex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  it('hashes the empty input', () => {
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes "abc"', () => {
    expect(sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the 448-bit two-block vector', () => {
    expect(sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes the 896-bit vector', () => {
    const msg =
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu';
    expect(sha256Hex(ascii(msg))).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
  });

  it("hashes one million 'a'", () => {
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('returns 32 raw bytes matching the hex form', () => {
    const d = sha256(ascii('abc'));
    expect(d).toBeInstanceOf(Uint8Array);
    expect(d.length).toBe(32);
    expect(Buffer.from(d).toString('hex')).toBe(sha256Hex(ascii('abc')));
  });

  it('agrees with node:crypto for every length 0..300', () => {
    for (let n = 0; n <= 300; n++) {
      const b = new Uint8Array(randomBytes(n));
      expect(sha256Hex(b), `length ${n}`).toBe(nodeHex(b));
    }
  });

  it('agrees with node:crypto on random large inputs and on subarray views', () => {
    for (const n of [4095, 65536, 65537, 200_001]) {
      const b = new Uint8Array(randomBytes(n));
      expect(sha256Hex(b)).toBe(nodeHex(b));
      const view = b.subarray(3, n - 5);
      expect(sha256Hex(view)).toBe(nodeHex(view));
    }
  });

  it('does not modify its input', () => {
    const b = new Uint8Array(randomBytes(130));
    const copy = b.slice();
    sha256(b);
    expect(b).toEqual(copy);
  });

  it('gives the same digest fed in pieces of any size, with two streams side by side', () => {
    const b = new Uint8Array(randomBytes(70_001));
    const a = new Sha256Stream();
    const c = new Sha256Stream();
    for (let pos = 0, step = 1; pos < b.length; pos += step, step = 1 + ((step * 7 + 3) % 997)) {
      a.update(b.subarray(pos, pos + step));
      c.update(b.subarray(pos, pos + step));
    }
    expect(a.digest()).toBe(`sha256:${nodeHex(b)}`);
    expect(c.digest()).toBe(`sha256:${nodeHex(b)}`);
    expect(new Sha256Stream().digest()).toBe(`sha256:${nodeHex(new Uint8Array(0))}`);
  });
});

// The hash functions behind sha1sum, sha224sum, sha384sum and sha512sum, and the old sums behind
// cksum and sum: FIPS 180-4's example messages, then random data of awkward lengths against this
// machine's real coreutils (skipped where a tool is missing).

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha224, sha256 } from '../../../src/base/sha256.ts';
import { LegacySum, type LegacyKind } from '../../../src/programs/lib/legacy-sum.ts';
import { Sha1 } from '../../../src/programs/lib/sha1.ts';
import { Sha512 } from '../../../src/programs/lib/sha512.ts';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (d: Uint8Array): string => Buffer.from(d).toString('hex');

type Hash = (data: Uint8Array) => Uint8Array;
/** Each hash fed in uneven pieces, so block boundaries fall inside update calls. */
function pieces<T extends { update(d: Uint8Array): T; digest(): Uint8Array }>(make: () => T): Hash {
  return (data) => {
    const h = make();
    for (let at = 0, step = 1; at < data.length; at += step, step = (step * 7 + 3) % 301) h.update(data.subarray(at, at + step));
    return h.digest();
  };
}

const HASHES: Record<string, Hash> = {
  sha1: pieces(() => new Sha1()),
  sha224: sha224,
  sha256: sha256,
  sha384: pieces(() => new Sha512(384)),
  sha512: pieces(() => new Sha512(512)),
};

const M448 = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
const M896 = 'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu';
const MESSAGES: [string, Uint8Array][] = [
  ['empty', text('')], ['abc', text('abc')], ['448-bit', text(M448)], ['896-bit', text(M896)],
  ['a million a', new Uint8Array(1_000_000).fill(0x61)],
];

// The published digests of the messages above, in that order.
const VECTORS: Record<string, string[]> = {
  sha1: [
    'da39a3ee5e6b4b0d3255bfef95601890afd80709', 'a9993e364706816aba3e25717850c26c9cd0d89d',
    '84983e441c3bd26ebaae4aa1f95129e5e54670f1', 'a49b2446a02c645bf419f995b67091253a04a259',
    '34aa973cd4c4daa4f61eeb2bdbad27316534016f',
  ],
  sha224: [
    'd14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f', '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
    '75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525', 'c97ca9a559850ce97a04a96def6d99a9e0e0e2ab14e6b8df265fc0b3',
    '20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67',
  ],
  sha256: [
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1', 'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  ],
  sha384: [
    '38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b',
    'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
    '3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b',
    '09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039',
    '9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985',
  ],
  sha512: [
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    '204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445',
    '8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909',
    'e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b',
  ],
};

function realTool(args: string[], input: Uint8Array): string | null {
  try {
    return execFileSync(args[0]!, args.slice(1), { input, encoding: 'utf8' });
  } catch {
    return null;
  }
}
const hasReal = realTool(['sha1sum'], new Uint8Array()) !== null;

// Lengths around the block and padding edges (55/56/64 for 64-byte blocks, 111/112/128 for 128).
const LENGTHS = [1, 55, 56, 63, 64, 65, 111, 112, 119, 127, 128, 129, 1000, 4096, 70_001];
const RANDOM = LENGTHS.map((n) => randomBytes(n));

describe('SHA family', () => {
  for (const [name, hash] of Object.entries(HASHES)) {
    it(`${name}: FIPS 180-4 example messages`, () => {
      expect(MESSAGES.map(([, m]) => hex(hash(m)))).toEqual(VECTORS[name]);
    });
    it.skipIf(!hasReal)(`${name}: random data against the real ${name}sum`, () => {
      for (const data of RANDOM) expect(hex(hash(data)), `${data.length} bytes`).toBe(realTool([`${name}sum`], data)!.slice(0, hash(new Uint8Array()).length * 2));
    });
  }
});

describe('the old sums', () => {
  const line = (kind: LegacyKind, data: Uint8Array): string => {
    const s = new LegacySum(kind);
    for (let at = 0; at < data.length; at += 999) s.update(data.subarray(at, at + 999));
    return `${s.line(null)}\n`;
  };
  it('POSIX CRC of known inputs', () => {
    expect(line('crc', text(''))).toBe('4294967295 0\n');
    expect(line('crc', text('abc'))).toBe('1219131554 3\n');
    expect(line('bsd', text('abc'))).toBe('16556     1\n');
    expect(line('sysv', text('abc'))).toBe('294 1\n');
  });
  it.skipIf(!hasReal)('crc, bsd and sysv against the real cksum and sum', () => {
    for (const data of [...RANDOM, new Uint8Array(300_000).fill(0xff)]) {
      expect(line('crc', data), `${data.length} bytes`).toBe(realTool(['cksum'], data));
      expect(line('bsd', data), `${data.length} bytes`).toBe(realTool(['sum', '-r'], data));
      expect(line('sysv', data), `${data.length} bytes`).toBe(realTool(['sum', '-s'], data));
    }
  });
});

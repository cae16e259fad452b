// A diskfs file's bytes in chunks: buffers for unwritten chunks grow with the writes (a small file
// does not take a whole chunk) and still store exactly the bytes the file holds; two writes into
// one stored chunk at the same time both land.

import { describe, expect, it } from 'vitest';
import { ChunkedData } from '../../src/kernel/fs/diskfs/chunked-data.ts';
import { BlobStore, CHUNK_SIZE } from '../../src/kernel/fs/storage/blob-store.ts';
import { loadChunkHash } from '../../src/kernel/fs/storage/chunk-hash.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { pattern } from '../helpers/bytes.ts';

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

async function writeBack(data: ChunkedData, store: MemoryStore): Promise<void> {
  await loadChunkHash();
  const tx = store.begin();
  await data.writeBack(tx);
  await tx.commit();
}

describe('chunked file data', () => {
  it('grows by small writes across a chunk boundary and stores exactly the file', async () => {
    const store = new MemoryStore();
    const blobs = new BlobStore(store);
    const data = new ChunkedData(blobs);
    const want = pattern(CHUNK_SIZE + 5000);
    for (let at = 0; at < want.length; at += 777) await data.write(at, want.subarray(at, Math.min(want.length, at + 777)));
    expect(same(await data.read(0, want.length), want)).toBe(true);
    await writeBack(data, store);
    const again = new ChunkedData(new BlobStore(store), data.refs(), data.size);
    expect(same(await again.read(0, want.length), want)).toBe(true);
  });

  it('reads zeros past what was written, and stores them as zeros', async () => {
    const store = new MemoryStore();
    const data = new ChunkedData(new BlobStore(store));
    await data.write(10, new Uint8Array([1, 2, 3]));
    await data.truncate(3000);
    await data.write(2000, new Uint8Array([9]));
    const want = new Uint8Array(3000);
    want.set([1, 2, 3], 10);
    want[2000] = 9;
    expect(same(await data.read(0, 3000), want)).toBe(true);
    await writeBack(data, store);
    const again = new ChunkedData(new BlobStore(store), data.refs(), data.size);
    expect(same(await again.read(0, 3000), want)).toBe(true);
    // The stored chunk is the file's 3000 bytes, zeros included: one chunk, named by those bytes.
    const stored = [...((store as unknown as { data: Map<string, unknown> }).data.keys())].filter((k) => k.startsWith('blob/chunk/'));
    expect(stored.length).toBe(1);
  });

  it('keeps both of two writes that load the same stored chunk at once', async () => {
    const store = new MemoryStore();
    const first = new ChunkedData(new BlobStore(store));
    await first.write(0, pattern(4000));
    await writeBack(first, store);
    const data = new ChunkedData(new BlobStore(store), first.refs(), first.size);
    await Promise.all([data.write(0, new Uint8Array([0xaa])), data.write(3999, new Uint8Array([0xbb]))]);
    const got = await data.read(0, 4000);
    expect([got[0], got[3999]]).toEqual([0xaa, 0xbb]);
  });
});

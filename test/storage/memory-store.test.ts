// Runs the shared Store and BlobStore contracts over MemoryStore, plus what only MemoryStore
// promises: its byte quota fails a commit whole with ENOSPC, and approximateBytes tracks data.

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import { BlobStore, CHUNK_SIZE } from '../../src/kernel/fs/storage/blob-store.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { blobContract, storeContract } from '../contract/store-contract.ts';

describe('MemoryStore: store contract', () => {
  const cases = storeContract(async () => new MemoryStore(), {
    makeQuotaStore: async (quotaBytes) => new MemoryStore({ quotaBytes }),
  });
  for (const c of cases) it(c.name, c.run);
});

describe('MemoryStore: blob contract', () => {
  for (const c of blobContract(async () => new MemoryStore())) it(c.name, c.run);
});

describe('MemoryStore specifics', () => {
  it('reports kind "memory"', () => {
    expect(new MemoryStore().kind).toBe('memory');
  });

  it('approximateBytes counts keys and values, and shrinks on delete', async () => {
    const store = new MemoryStore();
    expect(store.approximateBytes).toBe(0);
    const tx = store.begin();
    tx.put('ab', new Uint8Array(100)); // 4 + 100
    tx.put('n', 5); // 2 + 8
    await tx.commit();
    expect(store.approximateBytes).toBe(114);
    const tx2 = store.begin();
    tx2.put('ab', new Uint8Array(10)); // replaces 100 with 10
    tx2.delete('n');
    await tx2.commit();
    expect(store.approximateBytes).toBe(14);
  });

  it('ENOSPC from a blob-store commit leaves no chunk, count or counter half-applied', async () => {
    const store = new MemoryStore({ quotaBytes: 3 * CHUNK_SIZE });
    const blobs = new BlobStore(store);
    const first = new Uint8Array(CHUNK_SIZE).fill(1);
    const tx = store.begin();
    const ref = await blobs.putChunk(tx, first);
    await tx.commit();
    const before = await store.scan('');
    const bytesBefore = store.approximateBytes;

    const big = store.begin();
    await blobs.ref(big, ref);
    for (let i = 2; i < 6; i++) await blobs.putChunk(big, new Uint8Array(CHUNK_SIZE).fill(i));
    const err = await big.commit().catch((e: unknown) => e);
    expect(isSysError(err, 'ENOSPC')).toBe(true);
    expect(big.state).toBe('aborted');

    expect(await store.scan('')).toEqual(before);
    expect(store.approximateBytes).toBe(bytesBefore);
    expect(await blobs.physicalBytes()).toBe(CHUNK_SIZE);
    expect(await store.get(`blob/ref/${ref}`)).toEqual({ refs: 1, size: CHUNK_SIZE });
    // And the store still takes a commit that fits.
    const ok = store.begin();
    await blobs.putChunk(ok, new Uint8Array(CHUNK_SIZE).fill(9));
    await ok.commit();
    expect(await blobs.physicalBytes()).toBe(2 * CHUNK_SIZE);
  });

  it('a closed store refuses use with EINVAL', async () => {
    const store = new MemoryStore();
    await store.close();
    expect(() => store.begin()).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    await expect(store.get('x')).rejects.toMatchObject({ code: 'EINVAL' });
  });
});

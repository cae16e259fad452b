// Transaction.prefetch: many committed keys read in one round trip, answered from memory after;
// a hint that changes no result (own writes still win, values are still copies), over the memory
// store and over IndexedDB (fake-indexeddb), where it is one readonly transaction.

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { IdbStore } from '../../src/host/idb/idb-store.ts';
import { BlobStore } from '../../src/kernel/fs/storage/blob-store.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import type { Store } from '../../src/kernel/fs/storage/store.ts';

const stores: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => new MemoryStore()],
  ['indexeddb', () => IdbStore.open('prefetch', { indexedDB: new IDBFactory() })],
];

describe.each(stores)('prefetch over the %s store', (_kind, make) => {
  it('answers like get(), own writes first, with copies', async () => {
    const store = await make();
    const setup = store.begin();
    setup.put('a', new Uint8Array([1, 2]));
    setup.put('b', { n: 1 });
    await setup.commit();

    const tx = store.begin();
    tx.put('b', { n: 2 });
    await tx.prefetch!(['a', 'b', 'missing', 'a']);
    const a = (await tx.get('a')) as Uint8Array;
    expect([...a]).toEqual([1, 2]);
    a[0] = 9; // a copy: the next read is unchanged
    expect([...((await tx.get('a')) as Uint8Array)]).toEqual([1, 2]);
    expect(await tx.get('b')).toEqual({ n: 2 });
    expect(await tx.get('missing')).toBeUndefined();
    tx.delete('a');
    expect(await tx.get('a')).toBeUndefined();
    await tx.commit();
    expect(await store.get('a')).toBeUndefined();
    await store.close();
  });

  it('lets the blob store settle many counts with the same result', async () => {
    const store = await make();
    const blobs = new BlobStore(store);
    const chunks = Array.from({ length: 20 }, (_, i) => new TextEncoder().encode(`chunk ${i % 15}`));
    const first = store.begin();
    const refs = [];
    for (const c of chunks) refs.push(await blobs.putChunk(first, c));
    await first.commit();

    const tx = store.begin();
    await blobs.prefetch(tx, refs.slice(0, 5), refs.slice(5, 10));
    for (const r of refs.slice(0, 5)) await blobs.ref(tx, r);
    for (const r of refs.slice(5, 10)) await blobs.unref(tx, r);
    await tx.commit();
    // Each count is what the puts, refs and unrefs add up to (chunks 0..4 were put twice).
    const check = store.begin();
    for (const r of new Set(refs)) {
      const held = refs.filter((x) => x === r).length + (refs.slice(0, 5).includes(r) ? 1 : 0) - (refs.slice(5, 10).includes(r) ? 1 : 0);
      const rec = (await check.get(`blob/ref/${r}`)) as { refs: number } | undefined;
      expect(rec?.refs ?? 0).toBe(held);
    }
    check.abort();
    await store.close();
  });
});

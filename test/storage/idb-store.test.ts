// Runs the shared Store and BlobStore contracts over IdbStore on fake-indexeddb (a fresh
// IDBFactory per case), plus the IndexedDB specifics: schema creation, error mapping, and a
// commit that fails midway applying nothing.

import 'fake-indexeddb/auto'; // the IDB* classes idb's wrappers test against; each case still gets its own factory
import { IDBFactory, IDBObjectStore as FakeObjectStore, IDBTransaction as FakeTx } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import { IdbStore, storageError } from '../../src/host/idb/idb-store.ts';
import { KV, SCHEMA_VERSION } from '../../src/host/idb/schema.ts';
import type { Store } from '../../src/kernel/fs/storage/store.ts';
import { blobContract, storeContract } from '../contract/store-contract.ts';

// Each store gets a new in-memory IndexedDB; reopen() reaches the same one through its store.
const factories = new WeakMap<Store, IDBFactory>();
let counter = 0;

async function makeStore(): Promise<Store> {
  const factory = new IDBFactory();
  const store = await IdbStore.open(`contract-${++counter}`, { indexedDB: factory });
  factories.set(store, factory);
  return store;
}

async function reopen(old: Store): Promise<Store> {
  const factory = factories.get(old)!;
  await old.close();
  const store = await IdbStore.open((old as IdbStore).name, { indexedDB: factory });
  factories.set(store, factory);
  return store;
}

describe('IdbStore: store contract', () => {
  for (const c of storeContract(makeStore, { reopen })) it(c.name, c.run);
});

describe('IdbStore: blob contract', () => {
  for (const c of blobContract(makeStore)) it(c.name, c.run);
});

describe('IdbStore specifics', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('creates the schema: one kv object store at SCHEMA_VERSION', async () => {
    const factory = new IDBFactory();
    const store = await IdbStore.open('schema', { indexedDB: factory });
    expect(store.kind).toBe('indexeddb');
    await store.close();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('schema');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames]).toEqual([KV]);
    db.close();
  });

  it('maps QuotaExceededError to ENOSPC and other failures to EIO', () => {
    expect(storageError(new DOMException('full', 'QuotaExceededError'), 'x').code).toBe('ENOSPC');
    expect(storageError(new DOMException('gone', 'InvalidStateError'), 'x').code).toBe('EIO');
    expect(storageError(new Error('boom'), 'x').code).toBe('EIO');
    expect(storageError('weird', 'x').code).toBe('EIO');
  });

  it('a commit whose IndexedDB requests fail midway with quota applies nothing (ENOSPC)', async () => {
    const store = (await makeStore()) as IdbStore;
    const tx0 = store.begin();
    tx0.put('keep', 'k');
    tx0.put('gone', 'g');
    await tx0.commit();

    // The raw IDBObjectStore of fake-indexeddb: let two writes through, then report quota.
    const proto = FakeObjectStore.prototype;
    const realPut = proto.put;
    let calls = 0;
    vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls > 2) throw new DOMException('quota', 'QuotaExceededError');
      return realPut.apply(this, args);
    });

    const tx = store.begin();
    tx.delete('gone');
    tx.put('keep', 'changed');
    for (let i = 0; i < 5; i++) tx.put(`new/${i}`, i);
    const err = await tx.commit().catch((e: unknown) => e);
    expect(isSysError(err, 'ENOSPC')).toBe(true);
    expect(tx.state).toBe('aborted');
    expect(calls).toBe(3);
    vi.restoreAllMocks();

    expect(await store.scan('')).toEqual([
      ['gone', 'g'],
      ['keep', 'k'],
    ]);
    const again = store.begin();
    again.put('after', 1);
    await again.commit();
    expect(await store.get('after')).toBe(1);
    await store.close();
  });

  it('a transaction that IndexedDB aborts on its own reports EIO and applies nothing', async () => {
    const store = (await makeStore()) as IdbStore;
    const tx = store.begin();
    tx.put('a', 1);
    tx.put('b', 2);
    // Abort the readwrite transaction right after it is created, as a browser may.
    const realObjectStore = FakeTx.prototype.objectStore;
    let aborted = 0;
    vi.spyOn(FakeTx.prototype, 'objectStore').mockImplementation(function (this: IDBTransaction, name: string) {
      const os = realObjectStore.call(this, name);
      if (this.mode === 'readwrite') {
        aborted++;
        queueMicrotask(() => this.abort());
      }
      return os;
    });
    const err = await tx.commit().catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(aborted).toBe(1);
    expect(isSysError(err, 'EIO')).toBe(true);
    expect(await store.scan('')).toEqual([]);
    await store.close();
  });

  it('a closed store refuses use with EINVAL', async () => {
    const store = await makeStore();
    await store.close();
    expect(() => store.begin()).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    await expect(store.get('x')).rejects.toMatchObject({ code: 'EINVAL' });
  });

  it('fails to open with ENODEV when there is no IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a runtime without IndexedDB
    delete globalThis.indexedDB;
    try {
      await expect(IdbStore.open('none')).rejects.toMatchObject({ code: 'ENODEV' });
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

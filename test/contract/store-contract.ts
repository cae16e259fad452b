// The behaviour every Store (and the BlobStore over it) must show, as plain async cases with
// their own asserts, so the same suite runs under vitest in Node and on a bare page in Chromium.
// Each case gets a fresh store from makeStore() and closes it when done.

import { isSysError, type ErrnoName } from '../../src/abi/errno.ts';
import { sha256Hex } from '../../src/base/sha256.ts';
import { BlobStore, CHUNK_SIZE } from '../../src/kernel/fs/storage/blob-store.ts';
import type { Store, StoreValue } from '../../src/kernel/fs/storage/store.ts';

export interface ContractCase {
  name: string;
  run: () => Promise<void>;
}

export interface StoreContractOptions {
  /** For persistent stores: close `store` and open the same storage again. */
  reopen?: (store: Store) => Promise<Store>;
  /** A fresh store that refuses, with ENOSPC, commits that would take it past `quotaBytes`. */
  makeQuotaStore?: (quotaBytes: number) => Promise<Store>;
}

// ---------------------------------------------------------------------------------------------
// Tiny asserts: throw an Error that says what was expected and what came.

function show(v: unknown): string {
  if (v instanceof Uint8Array) {
    const head = Array.from(v.subarray(0, 16)).join(',');
    return `Uint8Array(${v.length})[${head}${v.length > 16 ? ',...' : ''}]`;
  }
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? show(x) : x));
  } catch {
    return String(v);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (!deepEqual(ka, kb)) return false;
    return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  if (!deepEqual(actual, expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

function assert(cond: boolean, what: string): void {
  if (!cond) throw new Error(`assertion failed: ${what}`);
}

async function assertFails(code: ErrnoName, fn: () => unknown, what: string): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (isSysError(e, code)) return;
    throw new Error(`${what}: expected SysError ${code}, got ${e instanceof Error ? `${e.name}: ${e.message}` : show(e)}`);
  }
  throw new Error(`${what}: expected SysError ${code}, but it succeeded`);
}

const bytesOf = (n: number, seed: number): Uint8Array => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 131 + seed * 7 + (i >> 8)) & 0xff;
  return b;
};

/** Sorted keys of a scan, for comparing against expectations. */
const keysOf = (entries: Array<[string, StoreValue]>) => entries.map(([k]) => k);

function withStore(makeStore: () => Promise<Store>, body: (store: Store) => Promise<void>): () => Promise<void> {
  return async () => {
    const store = await makeStore();
    try {
      await body(store);
    } finally {
      await store.close();
    }
  };
}

async function commitPuts(store: Store, entries: Record<string, StoreValue>): Promise<void> {
  const tx = store.begin();
  for (const [k, v] of Object.entries(entries)) tx.put(k, v);
  await tx.commit();
}

// ---------------------------------------------------------------------------------------------

export function storeContract(makeStore: () => Promise<Store>, opts: StoreContractOptions = {}): ContractCase[] {
  const cases: ContractCase[] = [];
  const test = (name: string, body: (store: Store) => Promise<void>) => cases.push({ name, run: withStore(makeStore, body) });

  test('a missing key reads as undefined, in and out of a transaction', async (store) => {
    assertEqual(await store.get('nothing'), undefined, 'store.get');
    const tx = store.begin();
    assertEqual(tx.state, 'open', 'new transaction state');
    assertEqual(await tx.get('nothing'), undefined, 'tx.get');
    assertEqual(await store.scan('nothing'), [], 'store.scan');
    tx.abort();
  });

  test('put, commit, get; delete, commit, gone', async (store) => {
    const tx = store.begin();
    tx.put('k', 'v1');
    await tx.commit();
    assertEqual(tx.state, 'committed', 'state after commit');
    assertEqual(await store.get('k'), 'v1', 'after commit');
    const tx2 = store.begin();
    assertEqual(await tx2.get('k'), 'v1', 'new transaction sees committed value');
    tx2.put('k', 'v2');
    await tx2.commit();
    assertEqual(await store.get('k'), 'v2', 'after overwrite');
    const tx3 = store.begin();
    tx3.delete('k');
    await tx3.commit();
    assertEqual(await store.get('k'), undefined, 'after delete');
    const tx4 = store.begin();
    tx4.delete('never-there');
    await tx4.commit();
    assertEqual(await store.get('never-there'), undefined, 'deleting a missing key is fine');
  });

  test('a transaction reads its own writes; others see them only after commit', async (store) => {
    await commitPuts(store, { a: 1, b: 2 });
    const tx = store.begin();
    tx.put('a', 10);
    tx.put('c', 30);
    tx.delete('b');
    assertEqual(await tx.get('a'), 10, 'own overwrite');
    assertEqual(await tx.get('c'), 30, 'own insert');
    assertEqual(await tx.get('b'), undefined, 'own delete');
    assertEqual(await store.get('a'), 1, 'store before commit');
    assertEqual(await store.get('b'), 2, 'store keeps deleted key before commit');
    assertEqual(await store.get('c'), undefined, 'store lacks insert before commit');
    const other = store.begin();
    assertEqual(await other.get('a'), 1, 'other transaction before commit');
    other.abort();
    tx.put('b', 'back');
    assertEqual(await tx.get('b'), 'back', 'put after delete');
    tx.delete('c');
    assertEqual(await tx.get('c'), undefined, 'delete after put');
    await tx.commit();
    assertEqual([await store.get('a'), await store.get('b'), await store.get('c')], [10, 'back', undefined], 'after commit');
  });

  test('scan returns exactly the prefix, sorted by UTF-16 code units', async (store) => {
    const keys = ['dir/b', 'dir/a', 'dir/A', 'dir/a/deep', 'dir/\u00e9', 'dir/\uff01', 'dir/\ud83d\ude00', 'dir0', 'di', 'dis/x', 'other/dir/a'];
    const tx = store.begin();
    keys.forEach((k, i) => tx.put(k, i));
    await tx.commit();
    const expected = ['dir/A', 'dir/a', 'dir/a/deep', 'dir/b', 'dir/\u00e9', 'dir/\ud83d\ude00', 'dir/\uff01'];
    const got = await store.scan('dir/');
    assertEqual(keysOf(got), expected, 'scan keys');
    assertEqual(got.map(([, v]) => v), expected.map((k) => keys.indexOf(k)), 'scan values');
    assertEqual(keysOf(await store.scan('dir')), [...expected, 'dir0'], 'scan without slash');
    assertEqual(keysOf(await store.scan('dir/a')), ['dir/a', 'dir/a/deep'], 'prefix equal to a key');
    assertEqual(keysOf(await store.scan('zzz')), [], 'empty scan');
    assertEqual(keysOf(await store.scan('')), [...keys].sort(), 'empty prefix scans everything');
  });

  test('scan inside a transaction merges own puts and deletes, in order', async (store) => {
    await commitPuts(store, { 'p/1': 'one', 'p/3': 'three', 'p/5': 'five', 'q/1': 'other' });
    const tx = store.begin();
    tx.put('p/1', 'ONE');
    tx.put('p/2', 'two');
    tx.delete('p/3');
    tx.put('p/0', 'zero');
    tx.put('q/2', 'not in prefix');
    tx.delete('p/9');
    assertEqual(await tx.scan('p/'), [['p/0', 'zero'], ['p/1', 'ONE'], ['p/2', 'two'], ['p/5', 'five']], 'merged scan');
    assertEqual(keysOf(await store.scan('p/')), ['p/1', 'p/3', 'p/5'], 'store scan before commit');
    await tx.commit();
    assertEqual(await store.scan('p/'), [['p/0', 'zero'], ['p/1', 'ONE'], ['p/2', 'two'], ['p/5', 'five']], 'store scan after commit');
  });

  test('commit applies every write together', async (store) => {
    await commitPuts(store, { keep: 'k', gone: 'g' });
    const tx = store.begin();
    for (let i = 0; i < 50; i++) tx.put(`batch/${String(i).padStart(2, '0')}`, i);
    tx.delete('gone');
    tx.put('keep', 'K');
    assertEqual(await store.scan('batch/'), [], 'nothing visible before commit');
    const committing = tx.commit();
    await committing;
    assertEqual((await store.scan('batch/')).length, 50, 'all 50 visible after commit');
    assertEqual([await store.get('keep'), await store.get('gone')], ['K', undefined], 'overwrite and delete applied');
  });

  test('abort drops every write and ends the transaction', async (store) => {
    await commitPuts(store, { a: 'A', b: 'B' });
    const tx = store.begin();
    tx.put('a', 'changed');
    tx.delete('b');
    tx.put('c', 'new');
    tx.abort();
    assertEqual(tx.state, 'aborted', 'state after abort');
    assertEqual([await store.get('a'), await store.get('b'), await store.get('c')], ['A', 'B', undefined], 'store unchanged');
    assertEqual(keysOf(await store.scan('')), ['a', 'b'], 'no new keys');
  });

  test('an ended transaction refuses use with EINVAL; abort is always safe', async (store) => {
    const tx = store.begin();
    tx.put('x', 1);
    await tx.commit();
    await assertFails('EINVAL', () => tx.commit(), 'second commit');
    await assertFails('EINVAL', () => tx.put('y', 2), 'put after commit');
    await assertFails('EINVAL', () => tx.delete('x'), 'delete after commit');
    await assertFails('EINVAL', () => tx.get('x'), 'get after commit');
    await assertFails('EINVAL', () => tx.scan(''), 'scan after commit');
    tx.abort();
    assertEqual(tx.state, 'committed', 'abort after commit changes nothing');
    assertEqual(await store.get('x'), 1, 'committed value stays');
    assertEqual(await store.get('y'), undefined, 'refused put left nothing');

    const ab = store.begin();
    ab.put('z', 1);
    ab.abort();
    ab.abort();
    assertEqual(ab.state, 'aborted', 'abort twice');
    await assertFails('EINVAL', () => ab.commit(), 'commit after abort');
    await assertFails('EINVAL', () => ab.put('z', 2), 'put after abort');
    await assertFails('EINVAL', () => ab.get('z'), 'get after abort');
    assertEqual(await store.get('z'), undefined, 'aborted put not applied');

    const busy = store.begin();
    busy.put('w', 1);
    const pending = busy.commit();
    await assertFails('EINVAL', () => busy.commit(), 'commit while committing');
    await assertFails('EINVAL', () => busy.put('w', 2), 'put while committing');
    await pending;
    assertEqual(await store.get('w'), 1, 'the first commit applied');
  });

  test('keys and values are checked: EINVAL for empty keys and unstorable values', async (store) => {
    const tx = store.begin();
    await assertFails('EINVAL', () => tx.put('', 1), 'empty key');
    await assertFails('EINVAL', () => tx.put('a\uffffb', 1), 'key with U+FFFF');
    await assertFails('EINVAL', () => tx.delete(''), 'delete of empty key');
    await assertFails('EINVAL', () => tx.put('u', undefined as unknown as StoreValue), 'undefined value');
    await assertFails('EINVAL', () => tx.put('f', (() => 1) as unknown as StoreValue), 'function value');
    await assertFails('EINVAL', () => tx.put('d', new Date(0) as unknown as StoreValue), 'Date value');
    await assertFails('EINVAL', () => tx.put('i', new Int32Array(2) as unknown as StoreValue), 'Int32Array value');
    await assertFails('EINVAL', () => tx.put('n', { deep: [undefined] } as unknown as StoreValue), 'nested undefined');
    tx.put('ok', 1);
    await tx.commit();
    assertEqual(keysOf(await store.scan('')), ['ok'], 'only the valid put landed');
  });

  test('values round-trip: bytes, strings, numbers, booleans, null, arrays, nested objects', async (store) => {
    const backing = bytesOf(300, 3);
    const values: Record<string, StoreValue> = {
      bytes: bytesOf(1000, 1),
      empty: new Uint8Array(0),
      view: backing.subarray(100, 150),
      text: 'h\u00e9llo \ud83d\ude00 \u0000 end',
      emptyText: '',
      int: 42,
      neg: -7.25,
      big: 2 ** 53 - 1,
      zero: 0,
      t: true,
      f: false,
      nil: null,
      list: [1, 'two', null, [3, [4]], new Uint8Array([5, 6])],
      nested: { name: 'x', attrs: { mode: 0o644, data: new Uint8Array([1, 2, 3]), list: [{ a: 1 }, { b: [] }] }, empty: {} },
    };
    await commitPuts(store, values);
    for (const [k, v] of Object.entries(values)) {
      const got = await store.get(k);
      assertEqual(got, k === 'view' ? backing.slice(100, 150) : v, `value ${k}`);
    }
    const view = await store.get('view');
    assert(view instanceof Uint8Array && view.byteLength === 50 && view.buffer.byteLength === 50, 'a view stores only its bytes');
    const nested = (await store.get('nested')) as { attrs: { data: unknown } };
    assert(nested.attrs.data instanceof Uint8Array, 'nested bytes come back as Uint8Array');
  });

  test('stored bytes never alias the caller’s arrays', async (store) => {
    const mine = new Uint8Array([1, 2, 3]);
    const obj = { data: new Uint8Array([7, 8]), list: [1] };
    const tx = store.begin();
    tx.put('b', mine);
    tx.put('o', obj);
    mine[0] = 99;
    obj.data[0] = 99;
    obj.list.push(2);
    assertEqual(await tx.get('b'), new Uint8Array([1, 2, 3]), 'buffered value unaffected by later mutation');
    const fromTx = (await tx.get('b')) as Uint8Array;
    fromTx[1] = 99;
    assertEqual(await tx.get('b'), new Uint8Array([1, 2, 3]), 'mutating a read of a buffered value');
    await tx.commit();
    mine[2] = 99;
    assertEqual(await store.get('b'), new Uint8Array([1, 2, 3]), 'stored bytes after commit');
    assertEqual(await store.get('o'), { data: new Uint8Array([7, 8]), list: [1] }, 'stored object');
    const read = (await store.get('b')) as Uint8Array;
    read[0] = 42;
    const [[, scanned]] = (await store.scan('b')) as Array<[string, Uint8Array]>;
    scanned![0] = 43;
    const tx2 = store.begin();
    const inTx = (await tx2.get('b')) as Uint8Array;
    inTx[0] = 44;
    tx2.abort();
    assertEqual(await store.get('b'), new Uint8Array([1, 2, 3]), 'mutating reads changes nothing');
  });

  test('10k keys in one transaction', async (store) => {
    const tx = store.begin();
    for (let i = 0; i < 10_000; i++) tx.put(`many/${String(i).padStart(5, '0')}`, { i, b: new Uint8Array([i & 0xff]) });
    assertEqual((await tx.scan('many/')).length, 10_000, 'own writes in scan');
    await tx.commit();
    const all = await store.scan('many/');
    assertEqual(all.length, 10_000, 'committed count');
    assertEqual(all[0]![0], 'many/00000', 'first key');
    assertEqual(all[9_999], ['many/09999', { i: 9_999, b: new Uint8Array([9_999 & 0xff]) }], 'last entry');
    for (let i = 1; i < all.length; i++) assert(all[i - 1]![0] < all[i]![0], 'scan sorted');
    assertEqual(await store.get('many/04321'), { i: 4321, b: new Uint8Array([4321 & 0xff]) }, 'spot read');
    const del = store.begin();
    for (let i = 0; i < 10_000; i += 2) del.delete(`many/${String(i).padStart(5, '0')}`);
    await del.commit();
    assertEqual((await store.scan('many/')).length, 5_000, 'after deleting half');
  });

  test('two sequential transactions build on each other', async (store) => {
    const t1 = store.begin();
    t1.put('counter', 1);
    t1.put('log/1', 'first');
    await t1.commit();
    const t2 = store.begin();
    const n = (await t2.get('counter')) as number;
    t2.put('counter', n + 1);
    t2.put('log/2', 'second');
    t2.delete('log/1');
    await t2.commit();
    assertEqual(await store.get('counter'), 2, 'counter');
    assertEqual(await store.scan('log/'), [['log/2', 'second']], 'log');
  });

  test('a commit with no writes succeeds', async (store) => {
    const tx = store.begin();
    await tx.commit();
    assertEqual(tx.state, 'committed', 'state');
    assertEqual(await store.scan(''), [], 'nothing stored');
  });

  if (opts.reopen) {
    const reopen = opts.reopen;
    cases.push({
      name: 'a reopened store keeps committed data only',
      run: async () => {
        let store = await makeStore();
        try {
          await commitPuts(store, { 'keep/a': 'A', 'keep/bytes': new Uint8Array([1, 2]), doomed: 'x' });
          const del = store.begin();
          del.delete('doomed');
          await del.commit();
          const aborted = store.begin();
          aborted.put('keep/b', 'B');
          aborted.delete('keep/a');
          aborted.abort();
          const open = store.begin();
          open.put('keep/c', 'never committed');
          store = await reopen(store);
          assertEqual(await store.scan(''), [['keep/a', 'A'], ['keep/bytes', new Uint8Array([1, 2])]], 'contents after reopen');
          const more = store.begin();
          more.put('keep/d', 'D');
          await more.commit();
          assertEqual(keysOf(await store.scan('keep/')), ['keep/a', 'keep/bytes', 'keep/d'], 'writable after reopen');
        } finally {
          await store.close();
        }
      },
    });
  }

  if (opts.makeQuotaStore) {
    const makeQuotaStore = opts.makeQuotaStore;
    cases.push({
      name: 'a commit past the quota fails with ENOSPC and applies nothing',
      run: withStore(
        () => makeQuotaStore(64 * 1024),
        async (store) => {
          await commitPuts(store, { base: bytesOf(10_000, 1), other: 'o' });
          const tx = store.begin();
          tx.put('small', 'fits');
          tx.delete('other');
          tx.put('base', 'replaced');
          tx.put('huge', bytesOf(100_000, 2));
          await assertFails('ENOSPC', () => tx.commit(), 'over-quota commit');
          assertEqual(tx.state, 'aborted', 'failed commit aborts');
          tx.abort();
          assertEqual(keysOf(await store.scan('')), ['base', 'other'], 'keys unchanged');
          assertEqual(await store.get('base'), bytesOf(10_000, 1), 'base unchanged');
          const ok = store.begin();
          ok.put('small', 'fits');
          await ok.commit();
          assertEqual(await store.get('small'), 'fits', 'store still usable');
        },
      ),
    });
  }

  return cases;
}

// ---------------------------------------------------------------------------------------------

export function blobContract(makeStore: () => Promise<Store>): ContractCase[] {
  const cases: ContractCase[] = [];
  const test = (name: string, body: (store: Store, blobs: BlobStore) => Promise<void>) =>
    cases.push({ name: `blob: ${name}`, run: withStore(makeStore, (store) => body(store, new BlobStore(store))) });

  const chunkKeys = async (store: Store) => keysOf(await store.scan('blob/chunk/'));

  test('a chunk is named by the sha256 of its bytes and reads back', async (store, blobs) => {
    const data = bytesOf(5000, 1);
    const tx = store.begin();
    const ref = await blobs.putChunk(tx, data);
    assertEqual(ref, sha256Hex(data), 'ref is sha256 hex');
    assertEqual(await blobs.getChunk(ref, tx), data, 'readable inside its transaction');
    await assertFails('EIO', () => blobs.getChunk(ref), 'not readable outside before commit');
    await tx.commit();
    assertEqual(await blobs.getChunk(ref), data, 'readable after commit');
    assertEqual(await blobs.physicalBytes(), 5000, 'physical bytes');
  });

  test('chunk sizes: empty and exactly CHUNK_SIZE are fine, larger is EINVAL', async (store, blobs) => {
    const tx = store.begin();
    const empty = await blobs.putChunk(tx, new Uint8Array(0));
    const full = await blobs.putChunk(tx, bytesOf(CHUNK_SIZE, 2));
    await assertFails('EINVAL', () => blobs.putChunk(tx, new Uint8Array(CHUNK_SIZE + 1)), 'oversized chunk');
    await tx.commit();
    assertEqual(await blobs.getChunk(empty), new Uint8Array(0), 'empty chunk');
    assertEqual(await blobs.getChunk(full), bytesOf(CHUNK_SIZE, 2), 'full chunk');
    assertEqual(await blobs.physicalBytes(), CHUNK_SIZE, 'physical');
    await assertFails('EINVAL', () => blobs.getChunk('not-a-ref'), 'malformed ref');
  });

  test('identical bytes are stored once and counted once', async (store, blobs) => {
    const data = bytesOf(CHUNK_SIZE, 5);
    const tx = store.begin();
    const r1 = await blobs.putChunk(tx, data);
    const r2 = await blobs.putChunk(tx, data.slice());
    await tx.commit();
    const tx2 = store.begin();
    const r3 = await blobs.putChunk(tx2, data);
    const other = await blobs.putChunk(tx2, bytesOf(100, 6));
    await tx2.commit();
    assert(r1 === r2 && r2 === r3, 'same ref for same bytes');
    assertEqual((await chunkKeys(store)).length, 2, 'two distinct chunks stored');
    assertEqual(await blobs.physicalBytes(), CHUNK_SIZE + 100, 'physical counts each distinct chunk once');
    assertEqual(await store.get(`blob/ref/${r1}`), { refs: 3, size: CHUNK_SIZE }, 'three references');
    assert(other !== r1, 'different bytes, different ref');
  });

  test('concurrent puts of the same bytes in one transaction count every reference', async (store, blobs) => {
    const data = bytesOf(777, 9);
    const tx = store.begin();
    const refs = await Promise.all([1, 2, 3, 4].map(() => blobs.putChunk(tx, data)));
    await tx.commit();
    assertEqual(new Set(refs).size, 1, 'one ref');
    assertEqual(await store.get(`blob/ref/${refs[0]}`), { refs: 4, size: 777 }, 'four references');
    assertEqual(await blobs.physicalBytes(), 777, 'stored once');
  });

  test('a chunk lives until its last reference goes', async (store, blobs) => {
    const data = bytesOf(4096, 3);
    const tx = store.begin();
    const ref = await blobs.putChunk(tx, data);
    await blobs.ref(tx, ref);
    await tx.commit();
    const t2 = store.begin();
    await blobs.unref(t2, ref);
    await t2.commit();
    assertEqual(await blobs.getChunk(ref), data, 'one reference left');
    assertEqual(await blobs.physicalBytes(), 4096, 'still counted');
    const t3 = store.begin();
    await blobs.unref(t3, ref);
    assertEqual(await blobs.physicalBytes(t3), 0, 'transaction sees the drop');
    await t3.commit();
    await assertFails('EIO', () => blobs.getChunk(ref), 'gone at zero');
    assertEqual(await blobs.physicalBytes(), 0, 'physical back to zero');
    assertEqual(keysOf(await store.scan('blob/chunk/')), [], 'no chunk keys');
    assertEqual(keysOf(await store.scan('blob/ref/')), [], 'no ref keys');
    const t4 = store.begin();
    await assertFails('EIO', () => blobs.unref(t4, ref), 'unref below zero');
    await assertFails('EIO', () => blobs.ref(t4, ref), 'ref of a deleted chunk');
    t4.abort();
  });

  test('put and unref in one transaction leave nothing behind', async (store, blobs) => {
    const tx = store.begin();
    const ref = await blobs.putChunk(tx, bytesOf(1000, 4));
    await blobs.unref(tx, ref);
    const again = await blobs.putChunk(tx, bytesOf(1000, 4));
    await blobs.unref(tx, again);
    await tx.commit();
    assertEqual(keysOf(await store.scan('blob/chunk/')), [], 'no chunk');
    assertEqual(await blobs.physicalBytes(), 0, 'physical');
  });

  test('an aborted transaction changes no counts and no chunks', async (store, blobs) => {
    const data = bytesOf(2000, 7);
    const tx = store.begin();
    const ref = await blobs.putChunk(tx, data);
    await tx.commit();
    const before = await store.scan('blob/');

    const t2 = store.begin();
    await blobs.unref(t2, ref);
    const fresh = await blobs.putChunk(t2, bytesOf(3000, 8));
    await blobs.ref(t2, fresh);
    t2.abort();
    assertEqual(await store.scan('blob/'), before, 'store unchanged by aborted unref/put');
    assertEqual(await blobs.getChunk(ref), data, 'chunk still readable');
    await assertFails('EIO', () => blobs.getChunk(fresh), 'aborted chunk absent');

    const t3 = store.begin();
    await blobs.unref(t3, ref);
    await t3.commit();
    await assertFails('EIO', () => blobs.getChunk(ref), 'a later real unref still frees it');
  });

  test('collect() removes orphans and fixes the byte counter, keeping live chunks', async (store, blobs) => {
    const live = bytesOf(1500, 1);
    const tx = store.begin();
    const liveRef = await blobs.putChunk(tx, live);
    await tx.commit();
    // Damage the layout by hand, as a crash or bug might: a chunk with no ref entry, a chunk
    // whose count is zero, and a dangling zero count.
    const orphanA = bytesOf(700, 2);
    const orphanB = bytesOf(800, 3);
    const bad = store.begin();
    bad.put(`blob/chunk/${sha256Hex(orphanA)}`, orphanA);
    bad.put(`blob/chunk/${sha256Hex(orphanB)}`, orphanB);
    bad.put(`blob/ref/${sha256Hex(orphanB)}`, { refs: 0, size: 800 });
    bad.put(`blob/ref/${sha256Hex(bytesOf(5, 5))}`, { refs: 0, size: 5 });
    bad.put('blob/meta/physical', 123456);
    await bad.commit();
    assertEqual(await blobs.collect(), 2, 'two orphans removed');
    assertEqual(await chunkKeys(store), [`blob/chunk/${liveRef}`], 'only the live chunk remains');
    assertEqual(keysOf(await store.scan('blob/ref/')), [`blob/ref/${liveRef}`], 'zero counts removed');
    assertEqual(await blobs.physicalBytes(), 1500, 'physical recomputed');
    assertEqual(await blobs.getChunk(liveRef), live, 'live chunk intact');
    assertEqual(await blobs.collect(), 0, 'nothing left to collect');
  });

  test('an orphan is adopted, not double counted, when its bytes are stored again', async (store, blobs) => {
    const data = bytesOf(900, 4);
    const ref = sha256Hex(data);
    const bad = store.begin();
    bad.put(`blob/chunk/${ref}`, data);
    bad.put('blob/meta/physical', 900);
    await bad.commit();
    const tx = store.begin();
    assertEqual(await blobs.putChunk(tx, data), ref, 'same ref');
    await tx.commit();
    assertEqual(await blobs.physicalBytes(), 900, 'counted once');
    assertEqual(await blobs.collect(), 0, 'adopted chunk is live');
  });

  test('the cache never serves a deleted chunk, nor lets callers change cached bytes', async (store, blobs) => {
    const data = bytesOf(CHUNK_SIZE, 11);
    const tx = store.begin();
    const ref = await blobs.putChunk(tx, data);
    await tx.commit();
    const first = await blobs.getChunk(ref);
    first[0] = first[0]! ^ 0xff;
    assertEqual(await blobs.getChunk(ref), data, 'cached copy unaffected by caller mutation');

    // Deleting in an open transaction: committed readers still see it; abort keeps it.
    const t2 = store.begin();
    await blobs.unref(t2, ref);
    assertEqual(await blobs.getChunk(ref), data, 'readable while deletion uncommitted');
    t2.abort();
    assertEqual(await blobs.getChunk(ref), data, 'readable after aborted deletion');

    // A read racing a committed deletion must not leave a stale cache entry behind.
    const t3 = store.begin();
    await blobs.unref(t3, ref);
    const racing = blobs.getChunk(ref).then(
      () => 'read',
      () => 'missing',
    );
    await t3.commit();
    await racing;
    await assertFails('EIO', () => blobs.getChunk(ref), 'deleted chunk not served from cache');

    // Rewritten: readable again, and deleting once more is seen.
    const t4 = store.begin();
    await blobs.putChunk(t4, data);
    await t4.commit();
    assertEqual(await blobs.getChunk(ref), data, 'rewritten chunk');
    const t5 = store.begin();
    await blobs.unref(t5, ref);
    await t5.commit();
    await assertFails('EIO', () => blobs.getChunk(ref), 'deleted again');
  });

  test('a read that began before a deletion does not refill the cache after it', async (store) => {
    // Committed reads wait at a gate, so one can be held across a whole unref-and-commit.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow: Store = {
      kind: store.kind,
      begin: () => store.begin(),
      get: async (key) => {
        const v = await store.get(key);
        await gate;
        return v;
      },
      scan: (prefix) => store.scan(prefix),
      close: async () => undefined,
    };
    const blobs = new BlobStore(slow);
    const data = bytesOf(2500, 14);
    const tx = store.begin();
    const ref = await blobs.putChunk(tx, data);
    await tx.commit();
    const early = blobs.getChunk(ref);
    const del = store.begin();
    await blobs.unref(del, ref);
    await del.commit();
    open();
    assertEqual(await early, data, 'the early read returns what it read');
    await assertFails('EIO', () => blobs.getChunk(ref), 'later read finds it deleted');
  });

  test('a chunk whose bytes no longer match its name reads as EIO', async (store, blobs) => {
    const data = bytesOf(1200, 13);
    const tx = store.begin();
    const ref = await blobs.putChunk(tx, data);
    await tx.commit();
    const corrupt = data.slice();
    corrupt[10] = corrupt[10]! ^ 1;
    const bad = store.begin();
    bad.put(`blob/chunk/${ref}`, corrupt);
    await bad.commit();
    await assertFails('EIO', () => new BlobStore(store).getChunk(ref), 'corrupt chunk');
  });

  return cases;
}

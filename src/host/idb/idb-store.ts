// IdbStore: the Store over IndexedDB, so a machine's disk survives reloads. Transactions buffer in
// memory (see BufferedTransaction) because an IndexedDB transaction auto-commits once idle; commit
// writes the whole buffer in ONE readwrite transaction. The raw API, with two small promise
// helpers below: a wrapper library's code would sit on the way to the first prompt.

import { SysError, isSysError } from '../../abi/errno.ts';
import { BufferedTransaction, type TransactionBackend, type WriteSet } from '../../kernel/fs/storage/buffered-transaction.ts';
import type { Store, StoreValue, Transaction } from '../../kernel/fs/storage/store.ts';
import { KV, SCHEMA_VERSION, upgradeSchema } from './schema.ts';

export interface IdbStoreOptions {
  /** The IndexedDB to use; defaults to the global one (Node tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory;
}

export class IdbStore implements Store {
  readonly kind = 'indexeddb';
  private closed = false;
  private readonly backend: TransactionBackend;

  private constructor(
    private readonly db: IDBDatabase,
    readonly name: string,
  ) {
    this.backend = {
      read: (key) => this.read(key),
      readMany: (keys) => this.readMany(keys),
      readPrefix: (prefix) => this.readPrefix(prefix),
      apply: (writes) => this.apply(writes),
    };
    // Let another tab's newer code upgrade the schema instead of blocking forever; this
    // connection then fails its requests with EIO.
    db.addEventListener('versionchange', () => {
      this.closed = true;
      db.close();
    });
  }

  /** Open (creating or upgrading as needed) the database `name`. */
  static async open(name: string, opts: IdbStoreOptions = {}): Promise<IdbStore> {
    const factory = opts.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) throw new SysError('ENODEV', 'IndexedDB is not available here');
    try {
      const request = factory.open(name, SCHEMA_VERSION);
      request.addEventListener('upgradeneeded', (event) => {
        upgradeSchema(request.result, event.oldVersion, event.newVersion ?? SCHEMA_VERSION, request.transaction!);
      });
      return new IdbStore(await requested(request), name);
    } catch (e) {
      throw storageError(e, `opening IndexedDB "${name}"`);
    }
  }

  begin(): Transaction {
    this.checkOpen();
    return new BufferedTransaction(this.backend);
  }

  get(key: string): Promise<StoreValue | undefined> {
    return this.read(key);
  }

  scan(prefix: string): Promise<Array<[string, StoreValue]>> {
    return this.readPrefix(prefix);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private async read(key: string): Promise<StoreValue | undefined> {
    this.checkOpen();
    try {
      const tx = this.db.transaction(KV, 'readonly');
      return (await requested(tx.objectStore(KV).get(key))) as StoreValue | undefined;
    } catch (e) {
      throw storageError(e, `reading ${key}`);
    }
  }

  /** Many keys in one readonly transaction: its requests run back to back in the database. */
  private async readMany(keys: readonly string[]): Promise<Array<StoreValue | undefined>> {
    this.checkOpen();
    try {
      const tx = this.db.transaction(KV, 'readonly');
      const os = tx.objectStore(KV);
      const [values] = await Promise.all([Promise.all(keys.map((k) => requested(os.get(k)))), finished(tx)]);
      return values as Array<StoreValue | undefined>;
    } catch (e) {
      throw storageError(e, `reading ${keys.length} keys`);
    }
  }

  private async readPrefix(prefix: string): Promise<Array<[string, StoreValue]>> {
    this.checkOpen();
    // Keys sort by UTF-16 code units in IndexedDB, as in the Store contract; the upper bound
    // assumes keys never contain U+FFFF after the prefix (our keys are paths and hex).
    const range = prefix === '' ? undefined : IDBKeyRange.bound(prefix, prefix + '\uffff');
    try {
      const tx = this.db.transaction(KV, 'readonly');
      const done = finished(tx);
      done.catch(() => undefined); // awaited below; a failed request rejects first
      const raw = tx.objectStore(KV) as IDBObjectStore & { getAllRecords?: GetAllRecords };
      if (typeof raw.getAllRecords === 'function') {
        // One pass over the range for keys and values (the two getAll calls below walk it twice).
        const records = await requested(raw.getAllRecords({ query: range ?? null }));
        await done;
        return records.map((r) => [r.key as string, r.value as StoreValue]);
      }
      const [keys, values] = await Promise.all([requested(raw.getAllKeys(range)), requested(raw.getAll(range)), done]);
      const out: Array<[string, StoreValue]> = new Array(keys.length);
      for (let i = 0; i < keys.length; i++) out[i] = [keys[i] as string, values[i] as StoreValue];
      return out;
    } catch (e) {
      throw storageError(e, `scanning ${prefix}`);
    }
  }

  private async apply(writes: WriteSet): Promise<void> {
    this.checkOpen();
    let tx: IDBTransaction;
    try {
      tx = this.db.transaction(KV, 'readwrite');
    } catch (e) {
      throw storageError(e, 'starting a commit');
    }
    const done = finished(tx);
    // A request that fails aborts the transaction, and `done` rejects with the reason; so
    // requests go out with no promise each and only `done` is awaited.
    const os = tx.objectStore(KV);
    try {
      for (const [key, value] of writes) {
        if (value === undefined) os.delete(key);
        else os.put(value, key);
      }
    } catch (e) {
      done.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request.
      }
      throw storageError(e, 'queueing a commit');
    }
    try {
      await done;
    } catch (e) {
      throw storageError(e, 'committing');
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new SysError('EINVAL', `IndexedDB store "${this.name}" is closed`);
  }
}

/** A request's result, or its error. */
function requested<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Settles when the transaction has committed; rejects with its error once it aborts. */
function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new DOMException('the transaction failed', 'AbortError'));
    tx.onabort = () => reject(tx.error ?? new DOMException('the transaction was aborted', 'AbortError'));
  });
}

/** IDBObjectStore.getAllRecords (Chromium 141 on): keys and values of a range in one request. */
type GetAllRecords = (options: { query: IDBKeyRange | null }) => IDBRequest<Array<{ key: IDBValidKey; value: unknown }>>;

/** The SysError a storage failure becomes: quota is ENOSPC, anything else EIO. */
export function storageError(e: unknown, doing: string): SysError {
  if (isSysError(e)) return e;
  const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
  const message = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as Error).message) : String(e);
  if (name === 'QuotaExceededError') return new SysError('ENOSPC', `${doing}: ${message}`);
  return new SysError('EIO', `${doing}: ${name || 'error'}: ${message}`);
}

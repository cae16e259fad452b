// IdbStore: the Store over IndexedDB (via the idb package), so a machine's disk survives reloads.
// Transactions buffer in memory (see BufferedTransaction) because an IndexedDB transaction
// auto-commits once idle; commit writes the whole buffer in ONE readwrite transaction.

import { type IDBPDatabase, type IDBPTransaction, unwrap, wrap } from 'idb';
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
    private readonly db: IDBPDatabase,
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
        const upgradeTx = wrap(request.transaction!) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
        upgradeSchema(wrap(request.result), event.oldVersion, event.newVersion ?? SCHEMA_VERSION, upgradeTx);
      });
      const db = (await wrap(request)) as IDBPDatabase;
      return new IdbStore(db, name);
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
      return (await this.db.get(KV, key)) as StoreValue | undefined;
    } catch (e) {
      throw storageError(e, `reading ${key}`);
    }
  }

  /** Many keys in one readonly transaction: its requests run back to back in the database. */
  private async readMany(keys: readonly string[]): Promise<Array<StoreValue | undefined>> {
    this.checkOpen();
    try {
      const tx = this.db.transaction(KV, 'readonly');
      const [values] = await Promise.all([Promise.all(keys.map((k) => tx.store.get(k))), tx.done]);
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
      const raw = unwrap(tx.store) as IDBObjectStore & { getAllRecords?: GetAllRecords };
      if (typeof raw.getAllRecords === 'function') {
        // One pass over the range for keys and values (the two getAll calls below walk it twice).
        const records = await new Promise<Array<{ key: IDBValidKey; value: unknown }>>((resolve, reject) => {
          const req = raw.getAllRecords!({ query: range ?? null });
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        await tx.done;
        return records.map((r) => [r.key as string, r.value as StoreValue]);
      }
      const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range), tx.done]);
      const out: Array<[string, StoreValue]> = new Array(keys.length);
      for (let i = 0; i < keys.length; i++) out[i] = [keys[i] as string, values[i] as StoreValue];
      return out;
    } catch (e) {
      throw storageError(e, `scanning ${prefix}`);
    }
  }

  private async apply(writes: WriteSet): Promise<void> {
    this.checkOpen();
    let tx;
    try {
      tx = this.db.transaction(KV, 'readwrite');
    } catch (e) {
      throw storageError(e, 'starting a commit');
    }
    const done = tx.done;
    // A request that fails aborts the transaction, and tx.done rejects with the reason; so
    // requests go out raw (no per-request promise) and only tx.done is awaited.
    const os = unwrap(tx.store);
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

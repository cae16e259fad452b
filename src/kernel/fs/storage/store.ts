// The persistence contract under every on-disk structure: a key-value Store with buffered,
// all-or-nothing transactions. Implementations: MemoryStore (here) and IdbStore (host/idb).
//
// A Transaction buffers its writes and applies them in one step at commit(), so it may stay
// open across any number of awaits (an IndexedDB transaction cannot: it auto-commits when its
// request queue drains). Reads inside a transaction see that transaction's own writes first.
// Isolation between concurrent transactions is not promised: the machine has one writer.
// Values are copied on put and on every read, so no caller ever aliases stored bytes.
// Keys are non-empty strings without U+FFFF (IndexedDB prefix scans bound on it).

/** What a Store can hold: structured-clonable data. */
export type StoreValue =
  | Uint8Array
  | string
  | number
  | boolean
  | null
  | StoreValue[]
  | { [key: string]: StoreValue };

export type TransactionState = 'open' | 'committed' | 'aborted';

/**
 * One batch of writes. Once committed or aborted, every method but abort() fails with
 * SysError EINVAL, as do calls made while commit() is still running.
 */
export interface Transaction {
  readonly state: TransactionState;
  get(key: string): Promise<StoreValue | undefined>;
  /**
   * Read these committed keys now, all at once, so later get()s of them answer from memory: one
   * round trip to the storage instead of one per key. Optional; a hint that changes no result.
   */
  prefetch?(keys: readonly string[]): Promise<void>;
  /** Buffer a write of a copy of `value`; EINVAL for an empty key or a value outside StoreValue. */
  put(key: string, value: StoreValue): void;
  delete(key: string): void;
  /** Every live key starting with `prefix`, sorted by key (UTF-16 code unit order), own writes included. */
  scan(prefix: string): Promise<Array<[string, StoreValue]>>;
  /**
   * Apply every write or none. Fails with SysError ENOSPC when the backing storage reports
   * its quota, EIO for other storage failures; the transaction is then aborted.
   */
  commit(): Promise<void>;
  /**
   * Drop every buffered write. Safe to call twice, after a failed commit, and after a
   * successful one (then it changes nothing), so cleanup code may always call it.
   */
  abort(): void;
}

export interface Store {
  /** "memory", "indexeddb", ...: for messages and benchmarks. */
  readonly kind: string;
  /** A new transaction; EINVAL once the store is closed. */
  begin(): Transaction;
  /** Reads outside a transaction, for convenience. */
  get(key: string): Promise<StoreValue | undefined>;
  scan(prefix: string): Promise<Array<[string, StoreValue]>>;
  close(): Promise<void>;
}

// The persistence contract under every on-disk structure: a key-value Store with buffered,
// all-or-nothing transactions. Implementations: MemoryStore (here) and IdbStore (host/idb).
//
// A Transaction buffers its writes and applies them in one step at commit(), so it may stay
// open across any number of awaits (an IndexedDB transaction cannot: it auto-commits when its
// request queue drains). Reads inside a transaction see that transaction's own writes first.
// Isolation between concurrent transactions is not promised: the machine has one writer.

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

export interface Transaction {
  readonly state: TransactionState;
  get(key: string): Promise<StoreValue | undefined>;
  put(key: string, value: StoreValue): void;
  delete(key: string): void;
  /** Every live key starting with `prefix`, sorted by key (UTF-16 code unit order), own writes included. */
  scan(prefix: string): Promise<Array<[string, StoreValue]>>;
  /**
   * Apply every write or none. Fails with SysError ENOSPC when the backing storage reports
   * its quota, EIO for other storage failures; the transaction is then aborted.
   */
  commit(): Promise<void>;
  /** Drop every buffered write. Safe to call twice, and after a failed commit. */
  abort(): void;
}

export interface Store {
  /** "memory", "indexeddb", ...: for messages and benchmarks. */
  readonly kind: string;
  begin(): Transaction;
  /** Reads outside a transaction, for convenience. */
  get(key: string): Promise<StoreValue | undefined>;
  scan(prefix: string): Promise<Array<[string, StoreValue]>>;
  close(): Promise<void>;
}

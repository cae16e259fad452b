// MemoryStore: a Store kept in a Map, for tests, benchmarks and machines that need no persistence.
// Values are copied in and out (no aliasing); commit applies a write set in one synchronous step
// or, when an optional byte quota would be exceeded, refuses it whole with ENOSPC.

import { SysError } from '../../../abi/errno.ts';
import { BufferedTransaction, type TransactionBackend, type WriteSet } from './buffered-transaction.ts';
import type { Store, StoreValue, Transaction } from './store.ts';
import { cloneValue, keySize, valueSize } from './store-value.ts';

export interface MemoryStoreOptions {
  /** Commits that would make approximateBytes exceed this fail with ENOSPC. */
  quotaBytes?: number;
}

export class MemoryStore implements Store {
  readonly kind = 'memory';
  private readonly data = new Map<string, StoreValue>();
  /** Keys in sorted order for prefix scans; rebuilt lazily after a commit adds or removes keys. */
  private sortedKeys: string[] | null = [];
  private bytes = 0;
  private closed = false;
  private readonly quotaBytes: number;
  private readonly backend: TransactionBackend;

  constructor(opts: MemoryStoreOptions = {}) {
    this.quotaBytes = opts.quotaBytes ?? Infinity;
    this.backend = {
      read: async (key) => this.read(key),
      readMany: async (keys) => keys.map((k) => this.read(k)),
      readPrefix: async (prefix) => this.readPrefix(prefix),
      apply: async (writes) => this.apply(writes),
    };
  }

  /** Sum of key and value sizes of everything committed (see valueSize). */
  get approximateBytes(): number {
    return this.bytes;
  }

  begin(): Transaction {
    this.checkOpen();
    return new BufferedTransaction(this.backend);
  }

  async get(key: string): Promise<StoreValue | undefined> {
    this.checkOpen();
    return this.read(key);
  }

  async scan(prefix: string): Promise<Array<[string, StoreValue]>> {
    this.checkOpen();
    return this.readPrefix(prefix);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private read(key: string): StoreValue | undefined {
    this.checkOpen();
    const v = this.data.get(key);
    return v === undefined ? undefined : cloneValue(v);
  }

  private readPrefix(prefix: string): Array<[string, StoreValue]> {
    this.checkOpen();
    const keys = this.keysInOrder();
    const out: Array<[string, StoreValue]> = [];
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) {
      out.push([keys[i]!, cloneValue(this.data.get(keys[i]!)!)]);
    }
    return out;
  }

  private apply(writes: WriteSet): void {
    this.checkOpen();
    // Size the whole write set before touching anything, so a refusal leaves the store as it was.
    let next = this.bytes;
    for (const [key, v] of writes) {
      const old = this.data.get(key);
      if (old !== undefined) next -= keySize(key) + valueSize(old);
      if (v !== undefined) next += keySize(key) + valueSize(v);
    }
    if (next > this.quotaBytes) {
      throw new SysError('ENOSPC', `memory store quota of ${this.quotaBytes} bytes`);
    }
    let keysChanged = false;
    for (const [key, v] of writes) {
      if (v === undefined) {
        keysChanged = this.data.delete(key) || keysChanged;
      } else {
        if (!this.data.has(key)) keysChanged = true;
        this.data.set(key, v);
      }
    }
    if (keysChanged) this.sortedKeys = null;
    this.bytes = next;
  }

  private keysInOrder(): string[] {
    this.sortedKeys ??= [...this.data.keys()].sort();
    return this.sortedKeys;
  }

  private checkOpen(): void {
    if (this.closed) throw new SysError('EINVAL', 'memory store is closed');
  }
}

/** First index whose key is >= `key` (keys sorted by UTF-16 code units, as Array.sort does). */
function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

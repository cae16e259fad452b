// The one Transaction implementation every Store shares: it buffers puts and deletes, answers
// reads from its own writes first, and hands the whole write set to its backend in one apply().
// Once ended (committed, aborted or failed) it refuses further use with EINVAL.

import { SysError, isSysError } from '../../../abi/errno.ts';
import type { StoreValue, Transaction, TransactionState } from './store.ts';
import { cloneValue } from './store-value.ts';

/** A buffered write: a value to put, or `undefined` for a delete. */
export type WriteSet = ReadonlyMap<string, StoreValue | undefined>;

/** What a Store provides to its transactions: committed reads and an all-or-nothing apply. */
export interface TransactionBackend {
  /** The committed value, as a copy the transaction may hand to its caller. */
  read(key: string): Promise<StoreValue | undefined>;
  /** Several committed values in one round trip, in the order asked; optional (else one read() each). */
  readMany?(keys: readonly string[]): Promise<Array<StoreValue | undefined>>;
  /** Committed entries under `prefix`, sorted by key, values copied as for read(). */
  readPrefix(prefix: string): Promise<Array<[string, StoreValue]>>;
  /**
   * Apply every write or none. The values are private copies owned from now on by the backend.
   * Throws SysError (ENOSPC / EIO); anything else is reported to the caller as EIO.
   */
  apply(writes: WriteSet): Promise<void>;
}

export class BufferedTransaction implements Transaction {
  private writes = new Map<string, StoreValue | undefined>();
  /** Committed values read ahead by prefetch(); handed out as copies, behind the own writes. */
  private prefetched = new Map<string, StoreValue | undefined>();
  private current: TransactionState = 'open';
  private committing = false;

  constructor(private readonly backend: TransactionBackend) {}

  get state(): TransactionState {
    return this.current;
  }

  async get(key: string): Promise<StoreValue | undefined> {
    this.checkUsable('get');
    if (this.writes.has(key)) return this.buffered(key);
    if (this.prefetched.has(key)) {
      const v = this.prefetched.get(key);
      return v === undefined ? undefined : cloneValue(v);
    }
    const committed = await this.backend.read(key);
    // A write made while the read was in flight still wins: reads see their own writes.
    return this.writes.has(key) ? this.buffered(key) : committed;
  }

  async prefetch(keys: readonly string[]): Promise<void> {
    this.checkUsable('prefetch');
    const wanted = [...new Set(keys)].filter((k) => !this.writes.has(k) && !this.prefetched.has(k));
    if (wanted.length === 0) return;
    const values = this.backend.readMany ? await this.backend.readMany(wanted) : await Promise.all(wanted.map((k) => this.backend.read(k)));
    for (let i = 0; i < wanted.length; i++) this.prefetched.set(wanted[i]!, values[i]);
  }

  private buffered(key: string): StoreValue | undefined {
    const v = this.writes.get(key);
    return v === undefined ? undefined : cloneValue(v);
  }

  put(key: string, value: StoreValue): void {
    this.checkUsable('put');
    checkKey(key);
    this.writes.set(key, cloneValue(value));
  }

  delete(key: string): void {
    this.checkUsable('delete');
    checkKey(key);
    this.writes.set(key, undefined);
  }

  async scan(prefix: string): Promise<Array<[string, StoreValue]>> {
    this.checkUsable('scan');
    const committed = await this.backend.readPrefix(prefix);
    // The caller may have written while the read was in flight; merge what is buffered now.
    let touched = false;
    for (const key of this.writes.keys()) {
      if (key.startsWith(prefix)) {
        touched = true;
        break;
      }
    }
    if (!touched) return committed;
    const merged = new Map(committed);
    for (const [key, v] of this.writes) {
      if (!key.startsWith(prefix)) continue;
      if (v === undefined) merged.delete(key);
      else merged.set(key, cloneValue(v));
    }
    return [...merged].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  async commit(): Promise<void> {
    this.checkUsable('commit');
    this.committing = true;
    const writes = this.writes;
    this.writes = new Map();
    this.prefetched = new Map();
    try {
      if (writes.size > 0) await this.backend.apply(writes);
      this.current = 'committed';
    } catch (e) {
      this.current = 'aborted';
      if (isSysError(e)) throw e;
      throw new SysError('EIO', `commit failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.committing = false;
    }
  }

  abort(): void {
    // Ending an ended transaction is harmless, so cleanup paths may always call abort().
    if (this.current !== 'open' || this.committing) return;
    this.writes.clear();
    this.prefetched.clear();
    this.current = 'aborted';
  }

  private checkUsable(op: string): void {
    if (this.current !== 'open') throw new SysError('EINVAL', `${op} on a ${this.current} transaction`);
    if (this.committing) throw new SysError('EINVAL', `${op} on a transaction that is committing`);
  }
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new SysError('EINVAL', 'store keys are non-empty strings');
  // IndexedDB prefix scans end at prefix + U+FFFF; a key holding it could fall outside its scan.
  if (key.includes('\uffff')) throw new SysError('EINVAL', 'store keys may not contain U+FFFF');
}

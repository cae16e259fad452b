// Content-addressed, reference-counted file chunks over a Store. A chunk is stored once per
// distinct content (its key is its SHA-256) and lives exactly as long as some reference to it;
// counts, chunks and the byte counter change only inside the caller's transaction.
//
// Key layout in the Store:
//
//   blob/
//   ├── chunk/<sha256 hex>   Uint8Array              the bytes, at most CHUNK_SIZE
//   ├── ref/<sha256 hex>     { refs, size }          references held; deleted with the chunk at 0
//   └── meta/physical        number                  sum of the sizes of all stored chunks
//
// Invariant kept by every transaction: a chunk exists exactly when its ref entry has refs >= 1,
// and meta/physical equals the sum of chunk sizes. collect() restores both if they ever drift.

import { SysError } from '../../../abi/errno.ts';
import { loadChunkHash } from './chunk-hash.ts';
import type { Store, StoreValue, Transaction } from './store.ts';

export const CHUNK_SIZE = 65536;

/** sha256 hex of the chunk bytes. */
export type ChunkRef = string;

const CHUNK = 'blob/chunk/';
const REF = 'blob/ref/';
const PHYSICAL = 'blob/meta/physical';

interface RefRecord {
  refs: number;
  size: number;
}

const HEX_DIGITS = '0123456789abcdef';
const DEFAULT_CACHE_BYTES = 8 * 1024 * 1024;
const REF_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The chunk store of one machine. Keep ONE BlobStore per Store: the read cache learns of
 * deletions only through this instance's unref() and collect().
 */
export class BlobStore {
  private readonly cache: ChunkCache;
  /** Per transaction, the tail of its queue of count updates (see serial()). */
  private readonly queues = new WeakMap<Transaction, Promise<unknown>>();
  /** Chunks some open transaction is deleting: reads of them must not enter the cache. */
  private readonly dying = new Map<ChunkRef, Set<Transaction>>();
  private dyingSweepAt = 1024;
  /** Chunk reads outside any transaction that are under way. */
  private readonly reading = new Map<ChunkRef, Promise<Uint8Array>>();

  constructor(
    private readonly store: Store,
    opts: { cacheBytes?: number } = {},
  ) {
    this.cache = new ChunkCache(opts.cacheBytes ?? DEFAULT_CACHE_BYTES);
  }

  /**
   * Read ahead, in one round trip where the store can, everything the coming count updates of
   * `tx` will read: the counts of `touched` and `stored` chunks, and for `stored` ones (about to
   * be put or referenced) without a live count, whether their bytes are there. Without this each
   * update reads its keys one at a time (a first boot writes hundreds of chunks).
   */
  async prefetch(tx: Transaction, stored: readonly ChunkRef[], touched: readonly ChunkRef[]): Promise<void> {
    if (!tx.prefetch || (stored.length === 0 && touched.length === 0)) return;
    await tx.prefetch([PHYSICAL, ...stored.map((r) => REF + r), ...touched.map((r) => REF + r)]);
    const bare: string[] = [];
    for (const ref of stored) {
      const rec = await readRef(tx, ref);
      if (!rec || rec.refs <= 0) bare.push(CHUNK + ref);
    }
    if (bare.length > 0) await tx.prefetch(bare);
  }

  /**
   * Store bytes (≤ CHUNK_SIZE) as a chunk if new, add one reference, return its ref. `hash` is
   * the bytes' sha256 when the caller has just computed it.
   */
  async putChunk(tx: Transaction, bytes: Uint8Array, hash?: ChunkRef): Promise<ChunkRef> {
    if (bytes.length > CHUNK_SIZE) {
      throw new SysError('EINVAL', `chunk of ${bytes.length} bytes exceeds ${CHUNK_SIZE}`);
    }
    const ref = hash ?? (await loadChunkHash())(bytes);
    await this.serial(tx, async () => {
      const rec = await readRef(tx, ref);
      if (rec && rec.refs > 0) {
        tx.put(REF + ref, { refs: rec.refs + 1, size: rec.size });
        return;
      }
      // No live reference: the chunk is normally absent, but an orphan left for collect() may
      // still be there, and it is already counted in meta/physical.
      if ((await tx.get(CHUNK + ref)) === undefined) {
        tx.put(CHUNK + ref, bytes);
        await addPhysical(tx, bytes.length);
      }
      tx.put(REF + ref, { refs: 1, size: bytes.length });
    });
    return ref;
  }

  /** One more reference to an existing chunk (sharing on copy-up / reflink). */
  async ref(tx: Transaction, ref: ChunkRef): Promise<void> {
    checkRef(ref);
    await this.serial(tx, async () => {
      const rec = await readRef(tx, ref);
      if (rec && rec.refs > 0) {
        tx.put(REF + ref, { refs: rec.refs + 1, size: rec.size });
        return;
      }
      const chunk = await tx.get(CHUNK + ref);
      if (!(chunk instanceof Uint8Array)) throw new SysError('EIO', `ref of missing chunk ${ref}`);
      tx.put(REF + ref, { refs: 1, size: chunk.length });
    });
  }

  /** One reference less; the chunk is deleted in the same transaction when none remain. */
  async unref(tx: Transaction, ref: ChunkRef): Promise<void> {
    checkRef(ref);
    await this.serial(tx, async () => {
      const rec = await readRef(tx, ref);
      if (!rec || rec.refs <= 0) throw new SysError('EIO', `unref of unreferenced chunk ${ref}`);
      if (rec.refs > 1) {
        tx.put(REF + ref, { refs: rec.refs - 1, size: rec.size });
        return;
      }
      this.markDying(ref, tx);
      tx.delete(REF + ref);
      tx.delete(CHUNK + ref);
      await addPhysical(tx, -rec.size);
    });
  }

  /**
   * The bytes of a chunk, as a fresh copy. EIO if it is missing or its content no longer
   * matches its hash. With `tx`, sees that transaction's own writes (and bypasses the cache).
   */
  async getChunk(ref: ChunkRef, tx?: Transaction): Promise<Uint8Array> {
    checkRef(ref);
    if (tx) return verified(ref, await tx.get(CHUNK + ref), await loadChunkHash());
    const hit = this.cache.get(ref);
    if (hit) return hit.slice();
    // A read of the same chunk already on its way (a warm()) answers this one too.
    // Each caller gets a copy of its own: the read's bytes stay untouched for the others.
    const coming = this.reading.get(ref);
    if (coming) return (await coming).slice();
    const read = this.readChunk(ref);
    this.reading.set(ref, read);
    try {
      return (await read).slice();
    } finally {
      this.reading.delete(ref);
    }
  }

  /**
   * Start reading these chunks into the cache, all at once, for reads that are sure to come (the
   * files a boot's first shell opens): they then wait on one round trip instead of one each in turn.
   */
  warm(refs: Iterable<ChunkRef>): void {
    for (const ref of new Set(refs)) {
      // A read that fails (a bad ref, a missing chunk) fails again, and says so, when it is made for real.
      if (!this.cache.get(ref) && !this.reading.has(ref)) void this.getChunk(ref).catch(() => undefined);
    }
  }

  private async readChunk(ref: ChunkRef): Promise<Uint8Array> {
    const hash = await loadChunkHash();
    const epoch = this.cache.epoch;
    const bytes = verified(ref, await this.store.get(CHUNK + ref), hash);
    // Cache only what is committed and not being deleted, and only if no deletion began meanwhile.
    if (!this.isDying(ref) && this.cache.epoch === epoch) this.cache.set(ref, bytes.slice());
    return bytes;
  }

  /**
   * Mark-and-sweep safety net: delete chunks whose refcount is 0 or missing (and ref entries
   * at 0), recompute meta/physical from what remains, and return how many chunks were deleted.
   * Runs its own transaction; the caller must not run writers at the same time.
   */
  async collect(): Promise<number> {
    const tx = this.store.begin();
    try {
      let removed = 0;
      let physical = 0;
      // Walk in 256 slices by the first two hex digits, so only a slice of chunk bytes is in memory.
      for (const a of HEX_DIGITS) {
        for (const b of HEX_DIGITS) {
          const slice = a + b;
          // Chunks before refs: a writer committing in between then shows a ref without its chunk
          // (harmless here), never a chunk without its ref.
          const chunks = await tx.scan(CHUNK + slice);
          const refs = new Map<string, RefRecord | undefined>();
          for (const [key, value] of await tx.scan(REF + slice)) refs.set(key.slice(REF.length), asRef(value));
          for (const [key, value] of chunks) {
            const ref = key.slice(CHUNK.length);
            const rec = refs.get(ref);
            if (rec && rec.refs > 0) {
              physical += value instanceof Uint8Array ? value.length : 0;
              continue;
            }
            this.markDying(ref, tx);
            tx.delete(key);
            if (refs.has(ref)) tx.delete(REF + ref);
            removed++;
          }
          for (const [ref, rec] of refs) {
            if (!rec || rec.refs <= 0) tx.delete(REF + ref);
          }
        }
      }
      if (((await tx.get(PHYSICAL)) ?? 0) !== physical) tx.put(PHYSICAL, physical);
      await tx.commit();
      return removed;
    } finally {
      tx.abort();
    }
  }

  /** Physical bytes of all stored chunks; with `tx`, as that transaction sees them. */
  async physicalBytes(tx?: Transaction): Promise<number> {
    const v = tx ? await tx.get(PHYSICAL) : await this.store.get(PHYSICAL);
    return typeof v === 'number' ? v : 0;
  }

  /**
   * Run count updates for one transaction one at a time: each is a read-modify-write of the
   * same keys, so two interleaved putChunk calls of equal bytes would otherwise count once.
   */
  private serial(tx: Transaction, step: () => Promise<void>): Promise<void> {
    const prev = this.queues.get(tx) ?? Promise.resolve();
    const next = prev.then(step);
    // The queue's tail never rejects, so one failed step does not fail the ones after it.
    this.queues.set(tx, next.catch(() => undefined));
    return next;
  }

  private markDying(ref: ChunkRef, tx: Transaction): void {
    this.cache.evict(ref);
    let txs = this.dying.get(ref);
    if (!txs) this.dying.set(ref, (txs = new Set()));
    txs.add(tx);
    // Ended transactions are forgotten when a read asks; sweep now and then so unread ones go too.
    if (this.dying.size > this.dyingSweepAt) {
      for (const r of [...this.dying.keys()]) this.isDying(r);
      this.dyingSweepAt = Math.max(1024, this.dying.size * 2);
    }
  }

  private isDying(ref: ChunkRef): boolean {
    const txs = this.dying.get(ref);
    if (!txs) return false;
    // A committed deletion is already visible in the store, an aborted one never happened:
    // only still-open transactions keep a chunk out of the cache.
    for (const tx of txs) if (tx.state !== 'open') txs.delete(tx);
    if (txs.size === 0) this.dying.delete(ref);
    return txs.size > 0;
  }
}

function checkRef(ref: ChunkRef): void {
  if (typeof ref !== 'string' || !REF_PATTERN.test(ref)) throw new SysError('EINVAL', `bad chunk ref ${String(ref)}`);
}

function verified(ref: ChunkRef, value: StoreValue | undefined, sha256Hex: (b: Uint8Array) => string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new SysError('EIO', `chunk ${ref} is missing`);
  if (sha256Hex(value) !== ref) throw new SysError('EIO', `chunk ${ref} is corrupt`);
  return value;
}

async function readRef(tx: Transaction, ref: ChunkRef): Promise<RefRecord | undefined> {
  return asRef(await tx.get(REF + ref));
}

function asRef(value: StoreValue | undefined): RefRecord | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
    const { refs, size } = value;
    if (typeof refs === 'number' && typeof size === 'number') return { refs, size };
  }
  return undefined;
}

async function addPhysical(tx: Transaction, delta: number): Promise<void> {
  const v = await tx.get(PHYSICAL);
  tx.put(PHYSICAL, (typeof v === 'number' ? v : 0) + delta);
}

/** An LRU of committed chunk bytes, bounded in bytes. */
class ChunkCache {
  private readonly entries = new Map<ChunkRef, Uint8Array>();
  private bytes = 0;
  /** Bumped by every eviction, so a read that raced a deletion knows not to fill the cache. */
  epoch = 0;

  constructor(private readonly limit: number) {}

  get(ref: ChunkRef): Uint8Array | undefined {
    const v = this.entries.get(ref);
    if (v) {
      // Re-insert to mark as most recently used.
      this.entries.delete(ref);
      this.entries.set(ref, v);
    }
    return v;
  }

  set(ref: ChunkRef, bytes: Uint8Array): void {
    if (bytes.length > this.limit) return;
    this.drop(ref);
    this.entries.set(ref, bytes);
    this.bytes += bytes.length;
    for (const [oldest, v] of this.entries) {
      if (this.bytes <= this.limit) break;
      this.entries.delete(oldest);
      this.bytes -= v.length;
    }
  }

  evict(ref: ChunkRef): void {
    this.drop(ref);
    this.epoch++;
  }

  private drop(ref: ChunkRef): void {
    const v = this.entries.get(ref);
    if (v) {
      this.entries.delete(ref);
      this.bytes -= v.length;
    }
  }
}

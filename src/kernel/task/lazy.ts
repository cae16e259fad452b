// Sets and maps that make their storage on the first insert. A process carries half a dozen of
// them (children, signal handlers, blocked and pending signals, mappings, waiters) and most
// processes never put anything in most of them; an empty Set or Map still costs 150-200 bytes,
// which a thousand containers' shims and init processes pay twice each. These wrappers cost a
// tenth of that until used. They offer the part of the Set and Map interfaces the kernel uses.

const NO_VALUES: ReadonlySet<unknown> = new Set<unknown>();
const NO_ENTRIES: ReadonlyMap<unknown, unknown> = new Map<unknown, unknown>();

export class LazySet<T> implements Iterable<T> {
  private store: Set<T> | null = null;

  constructor(values?: Iterable<T>) {
    if (values) for (const v of values) this.add(v);
  }

  get size(): number {
    return this.store?.size ?? 0;
  }
  has(value: T): boolean {
    return this.store !== null && this.store.has(value);
  }
  add(value: T): this {
    (this.store ??= new Set()).add(value);
    return this;
  }
  delete(value: T): boolean {
    return this.store !== null && this.store.delete(value);
  }
  /** Emptied, it gives its storage back. */
  clear(): void {
    this.store = null;
  }
  values(): IterableIterator<T> {
    return (this.store ?? (NO_VALUES as ReadonlySet<T>)).values();
  }
  [Symbol.iterator](): IterableIterator<T> {
    return this.values();
  }
}

export class LazyMap<K, V> implements Iterable<[K, V]> {
  private store: Map<K, V> | null = null;

  get size(): number {
    return this.store?.size ?? 0;
  }
  has(key: K): boolean {
    return this.store !== null && this.store.has(key);
  }
  get(key: K): V | undefined {
    return this.store?.get(key);
  }
  set(key: K, value: V): this {
    (this.store ??= new Map()).set(key, value);
    return this;
  }
  delete(key: K): boolean {
    return this.store !== null && this.store.delete(key);
  }
  clear(): void {
    this.store = null;
  }
  keys(): IterableIterator<K> {
    return (this.store ?? (NO_ENTRIES as ReadonlyMap<K, V>)).keys();
  }
  values(): IterableIterator<V> {
    return (this.store ?? (NO_ENTRIES as ReadonlyMap<K, V>)).values();
  }
  entries(): IterableIterator<[K, V]> {
    return (this.store ?? (NO_ENTRIES as ReadonlyMap<K, V>)).entries();
  }
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}

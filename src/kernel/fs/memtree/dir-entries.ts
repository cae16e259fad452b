// A directory's names in the order they were made (readdir's order, as a Map keeps it), stored
// as a flat [name, child, name, child...] array while the directory is small and as a Map past
// that: a Map costs about 200 bytes even holding one name, and most directories hold few.
// Empty directories share one frozen array. Every change returns the store to keep, since a
// small store grows into a Map (and the last name removed gives back the shared empty one).

export type Children<T> = ReadonlyArray<string | T> | Map<string, T>;

/** Past this many names a directory keeps a Map: lookups stay O(1) in big directories. */
const FLAT_MAX = 16;

const EMPTY: ReadonlyArray<never> = Object.freeze([]);

export function noChildren<T>(): Children<T> {
  return EMPTY;
}

export function childCount<T>(c: Children<T>): number {
  return c instanceof Map ? c.size : c.length >> 1;
}

function indexOf<T>(c: ReadonlyArray<string | T>, name: string): number {
  for (let i = 0; i < c.length; i += 2) if (c[i] === name) return i;
  return -1;
}

export function childGet<T>(c: Children<T>, name: string): T | undefined {
  if (c instanceof Map) return c.get(name);
  const i = indexOf(c, name);
  return i < 0 ? undefined : (c[i + 1] as T);
}

/** Set `name` to `child`: a name already there keeps its place, a new one goes last. */
export function childSet<T>(c: Children<T>, name: string, child: T): Children<T> {
  if (c instanceof Map) {
    c.set(name, child);
    return c;
  }
  const i = indexOf(c, name);
  if (i >= 0) {
    (c as Array<string | T>)[i + 1] = child;
    return c;
  }
  if (c.length >> 1 >= FLAT_MAX) {
    const m = new Map<string, T>();
    for (let j = 0; j < c.length; j += 2) m.set(c[j] as string, c[j + 1] as T);
    m.set(name, child);
    return m;
  }
  // A new array of exactly the new length: push() would grow the old one by half plus 16 slots.
  const next = new Array<string | T>(c.length + 2);
  for (let j = 0; j < c.length; j++) next[j] = c[j]!;
  next[c.length] = name;
  next[c.length + 1] = child;
  return next;
}

/** Remove `name`; the store to keep, or null when the name was not there. */
export function childDelete<T>(c: Children<T>, name: string): Children<T> | null {
  if (c instanceof Map) return c.delete(name) ? c : null;
  const i = indexOf(c, name);
  if (i < 0) return null;
  if (c.length === 2) return EMPTY;
  const next = new Array<string | T>(c.length - 2);
  for (let j = 0, k = 0; j < c.length; j++) if (j !== i && j !== i + 1) next[k++] = c[j]!;
  return next;
}

export function* childEntries<T>(c: Children<T>): IterableIterator<[string, T]> {
  if (c instanceof Map) {
    yield* c;
    return;
  }
  // Changes make a new array (a set of a name already there only swaps its child), so this one
  // stays as it was while iterating: no name is skipped or repeated.
  for (let i = 0; i < c.length; i += 2) yield [c[i] as string, c[i + 1] as T];
}

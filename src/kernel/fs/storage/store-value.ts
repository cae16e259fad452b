// Copying and sizing StoreValues. Every Store copies values on the way in and on the way out,
// so no caller can alias stored bytes; anything outside the StoreValue union is refused (EINVAL).

import { SysError } from '../../../abi/errno.ts';
import type { StoreValue } from './store.ts';

/**
 * A deep copy of `value` holding only plain data: Uint8Array views (Buffers too) become fresh
 * Uint8Arrays of just the viewed bytes, objects become plain objects. Throws EINVAL for
 * undefined, functions, other typed arrays, class instances and cycles.
 */
export function cloneValue(value: StoreValue): StoreValue {
  return cloneAt(value, 0);
}

// Structured clone allows cycles; our values are trees, and a depth bound turns a cycle into EINVAL.
const MAX_DEPTH = 1000;

function cloneAt(value: unknown, depth: number): StoreValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (depth > MAX_DEPTH) throw new SysError('EINVAL', 'store value nested too deeply (cycle?)');
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) {
    const out: StoreValue[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneAt(value[i], depth + 1);
    return out;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out: { [key: string]: StoreValue } = {};
      for (const k of Object.keys(value)) {
        out[k] = cloneAt((value as Record<string, unknown>)[k], depth + 1);
      }
      return out;
    }
  }
  throw new SysError('EINVAL', `not a storable value: ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/**
 * Rough bytes a value occupies: raw bytes for Uint8Array, two per UTF-16 unit for strings,
 * eight per number. Used for quotas and benchmarks, never for layout.
 */
export function valueSize(value: StoreValue): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 8;
  if (typeof value === 'string') return value.length * 2;
  if (value instanceof Uint8Array) return value.byteLength;
  let n = 8;
  if (Array.isArray(value)) {
    for (const v of value) n += valueSize(v);
  } else {
    for (const k of Object.keys(value)) n += k.length * 2 + valueSize(value[k]!);
  }
  return n;
}

/** Bytes a key costs in the same units as valueSize. */
export function keySize(key: string): number {
  return key.length * 2;
}

// awk's values: a number, a string, or a "strnum" — text from input (fields, getline, split,
// ARGV, ENVIRON, -v) that looks like a number and so compares as one while keeping its text.
// Strings are byte strings (latin1 JS strings), as mawk knows no characters beyond bytes.

import { utf8Encode } from '../../base/text.ts';
import { looksNumeric, toNumberStr } from './awk-format.ts';

export class Strnum {
  constructor(readonly s: string, readonly n: number) {}
}

export type Value = number | string | Strnum;

/** The value of a variable never assigned: "" and 0 at once. */
export const UNINIT = new Strnum('', 0);

/** Text from input: a strnum if it looks numeric, else a plain string. */
export function inputValue(s: string): Value {
  if (s === '') return '';
  return looksNumeric(s) ? new Strnum(s, toNumberStr(s)) : s;
}

export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v === '' ? 0 : toNumberStr(v);
  return v.n;
}

export function toBool(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  return v.n !== 0;
}

/** awk's comparison: numeric when both sides are numbers or strnums, else by bytes. */
export function compare(a: Value, b: Value, str: (v: Value) => string): number {
  if (typeof a !== 'string' && typeof b !== 'string') {
    const x = typeof a === 'number' ? a : a.n;
    const y = typeof b === 'number' ? b : b.n;
    // mawk: NaN compares equal to everything.
    return x > y ? 1 : x < y ? -1 : 0;
  }
  const s = typeof a === 'string' ? a : str(a);
  const t = typeof b === 'string' ? b : str(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Latin1 byte string -> bytes. */
export function toBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Bytes -> latin1 byte string. */
export function fromBytes(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** A UTF-16 JS string (argv, environment) as the byte string of its UTF-8 encoding. */
export function utf8ToBytes(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return fromBytes(utf8Encode(s));
}

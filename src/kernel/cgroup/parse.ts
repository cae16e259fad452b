// How the kernel reads numbers written to cgroup files: strstrip, kstrto*, simple_strtoull,
// memparse and page_counter_memparse, with their exact quirks (base 0 means 0x is hex and a
// leading 0 octal; simple_strtoull wraps on overflow; kstrto* allows one trailing newline).

import { SysError } from '../../abi/errno.ts';
import { PAGE_SIZE } from './pages.ts';

export { PAGE_SIZE };
const U64 = (1n << 64n) - 1n;
/** Largest page count a page_counter holds (LONG_MAX / PAGE_SIZE); reads back as "max". */
export const PAGE_COUNTER_MAX = Number(((1n << 63n) - 1n) / BigInt(PAGE_SIZE));

const SPACE = /[ \t\n\v\f\r]/;

/** strstrip(): drop leading and trailing whitespace. */
export function strstrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.test(s[a]!)) a++;
  while (b > a && SPACE.test(s[b - 1]!)) b--;
  return s.slice(a, b);
}

function digitValue(c: string): number {
  const code = c.toLowerCase().charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return 99;
}

/** _parse_integer_fixup_radix(): base 0 picks 16 for "0x<hexdigit>", 8 for a leading 0, else 10. */
function fixupRadix(s: string, base: number): { rest: string; base: number } {
  if (base === 0) {
    if (s[0] === '0') base = s[1]?.toLowerCase() === 'x' && digitValue(s[2] ?? '') < 16 ? 16 : 8;
    else base = 10;
  }
  if (base === 16 && s[0] === '0' && s[1]?.toLowerCase() === 'x') s = s.slice(2);
  return { rest: s, base };
}

interface Parsed {
  value: bigint;
  /** Characters consumed. */
  used: number;
  overflow: boolean;
}

/** _parse_integer(): digits of `base` from the start; the value wraps modulo 2^64. */
function parseDigits(s: string, base: number): Parsed {
  let value = 0n;
  let used = 0;
  let overflow = false;
  const b = BigInt(base);
  while (used < s.length) {
    const d = digitValue(s[used]!);
    if (d >= base) break;
    const next = value * b + BigInt(d);
    if (next > U64) overflow = true;
    value = next & U64;
    used++;
  }
  return { value, used, overflow };
}

/** _kstrtoull(): the whole string must be a number, optionally followed by one newline. */
function kstrtoullUnsigned(s: string, base: number): bigint {
  const fixed = fixupRadix(s, base);
  const p = parseDigits(fixed.rest, fixed.base);
  if (p.overflow) throw new SysError('ERANGE');
  if (p.used === 0) throw new SysError('EINVAL');
  let tail = fixed.rest.slice(p.used);
  if (tail[0] === '\n') tail = tail.slice(1);
  if (tail.length > 0) throw new SysError('EINVAL');
  return p.value;
}

/** kstrtoull(): an unsigned 64-bit number, optionally with a leading '+'. */
export function kstrtoull(s: string, base = 0): bigint {
  return kstrtoullUnsigned(s[0] === '+' ? s.slice(1) : s, base);
}

/** kstrtoll(): like kstrtoull with an optional minus sign and a signed 64-bit range. */
export function kstrtoll(s: string, base = 0): bigint {
  if (s[0] === '-') {
    const v = kstrtoullUnsigned(s.slice(1), base);
    if (v > 1n << 63n) throw new SysError('ERANGE');
    return -v;
  }
  const v = kstrtoull(s, base);
  if (v > (1n << 63n) - 1n) throw new SysError('ERANGE');
  return v;
}

/** kstrtoint(): a signed 32-bit integer. */
export function kstrtoint(s: string, base = 0): number {
  const v = kstrtoll(s, base);
  if (v > 2147483647n || v < -2147483648n) throw new SysError('ERANGE');
  return Number(v);
}

/** simple_strtoull(): as many digits as there are (possibly none); wraps on overflow. */
export function simpleStrtoull(s: string, base = 0): { value: bigint; rest: string } {
  const fixed = fixupRadix(s, base);
  const p = parseDigits(fixed.rest, fixed.base);
  return { value: p.value, rest: fixed.rest.slice(p.used) };
}

const SHIFTS: Record<string, bigint> = { k: 10n, m: 20n, g: 30n, t: 40n, p: 50n, e: 60n };

/** memparse(): a number with an optional K/M/G/T/P/E suffix (either case); returns the rest. */
export function memparse(s: string): { value: bigint; rest: string } {
  const { value, rest } = simpleStrtoull(s, 0);
  const shift = rest.length > 0 ? SHIFTS[rest[0]!.toLowerCase()] : undefined;
  if (shift === undefined) return { value, rest };
  return { value: (value << shift) & U64, rest: rest.slice(1) };
}

/**
 * page_counter_memparse(): `maxToken` or a memparse() byte count, rounded down to whole pages.
 * Returns pages, Infinity for "max" (and anything at or above PAGE_COUNTER_MAX).
 * An empty string is 0 pages: `echo > memory.max` sets the limit to 0, as on Linux.
 */
export function pageCounterMemparse(s: string, maxToken = 'max'): number {
  if (s === maxToken) return Infinity;
  const { value, rest } = memparse(s);
  if (rest.length > 0) throw new SysError('EINVAL');
  const pages = value / BigInt(PAGE_SIZE);
  return pages >= BigInt(PAGE_COUNTER_MAX) ? Infinity : Number(pages);
}

/** sscanf("%llu"): skip blanks, then decimal digits (at least one); null when there are none. */
export function scanUnsigned(s: string): { value: bigint; rest: string } | null {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '');
  if (!/^[0-9]/.test(t)) return null;
  const p = parseDigits(t, 10);
  return { value: p.value, rest: t.slice(p.used) };
}

/** A page count as bytes, exactly (page counts reach 2^51, bytes 2^63). */
export function pagesToBytes(pages: number): bigint {
  return BigInt(pages) * BigInt(PAGE_SIZE);
}

/** "max" for Infinity, else the number. */
export function maxOr(n: number | bigint): string {
  return n === Infinity ? 'max' : String(n);
}

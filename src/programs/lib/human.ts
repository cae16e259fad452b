// Sizes for people and block counts, as gnulib's human.c prints them for ls, df and du: exact
// integer scaling between block sizes, -h/--si autoscaling with one decimal below ten (rounded
// up unless told otherwise), and the --block-size/BLOCK_SIZE specifications that choose them.

import { parseSuffixed } from './suffixed.ts';

// Option bits, with human.h's values.
export const HUMAN_CEILING = 0;
export const HUMAN_ROUND_TO_NEAREST = 1;
export const HUMAN_FLOOR = 2;
export const HUMAN_GROUP_DIGITS = 4;
export const HUMAN_SUPPRESS_POINT_ZERO = 8;
export const HUMAN_AUTOSCALE = 16;
export const HUMAN_BASE_1024 = 32;
export const HUMAN_SPACE_BEFORE_UNIT = 64;
export const HUMAN_SI = 128;
export const HUMAN_B = 256;

/** What -h sets in ls, df and du. */
export const HUMAN_H = HUMAN_AUTOSCALE | HUMAN_SI | HUMAN_BASE_1024;
/** What --si sets. */
export const HUMAN_SI_OPTS = HUMAN_AUTOSCALE | HUMAN_SI;

const POWER_LETTER = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

/**
 * `n` units of `from` bytes, written in units of `to` bytes (human_readable). Amounts stay
 * exact as long as they fit in 2^53, which covers every size the simulation can hold.
 */
export function humanReadable(n: number, opts: number, from: number, to: number): string {
  const inexact = opts & (HUMAN_ROUND_TO_NEAREST | HUMAN_FLOOR);
  const style = inexact === 0 ? HUMAN_CEILING : inexact;
  const base = opts & HUMAN_BASE_1024 ? 1024 : 1000;
  const exponentMax = POWER_LETTER.length - 1;
  let exponent = -1;
  let amt = 0;
  let tenths = 0;
  let rounding = 0;
  let integer: string;
  let fraction = '';

  let exact = false;
  if (to <= from) {
    if (from % to === 0) {
      const multiplier = from / to;
      amt = n * multiplier;
      if (Number.isSafeInteger(amt)) exact = true;
    }
  } else if (from !== 0 && to % from === 0) {
    const divisor = to / from;
    const r10 = (n % divisor) * 10;
    const r2 = (r10 % divisor) * 2;
    amt = Math.floor(n / divisor);
    tenths = Math.floor(r10 / divisor);
    rounding = r2 < divisor ? (r2 > 0 ? 1 : 0) : 2 + (divisor < r2 ? 1 : 0);
    exact = true;
  }

  if (!exact) {
    // Floating point, as human.c falls back to long double.
    let damt = n * (from / to);
    if (!(opts & HUMAN_AUTOSCALE)) {
      integer = adjust(style, damt).toFixed(0);
    } else {
      let e = 1;
      exponent = 0;
      do {
        e *= base;
        exponent++;
      } while (e * base <= damt && exponent < exponentMax);
      damt /= e;
      let text = adjust(style, damt * 10) / 10;
      let s = text.toFixed(1);
      if (s.length > 1 + 2 + (opts & HUMAN_BASE_1024 ? 0 : 1) || (opts & HUMAN_SUPPRESS_POINT_ZERO && s.endsWith('0'))) {
        text = adjust(style, damt * 10) / 10;
        s = text.toFixed(0);
      }
      const dot = s.indexOf('.');
      integer = dot < 0 ? s : s.slice(0, dot);
      fraction = dot < 0 ? '' : s.slice(dot);
    }
    return finish(integer, fraction, exponent, opts, to, base);
  }

  if (opts & HUMAN_AUTOSCALE) {
    exponent = 0;
    if (base <= amt) {
      do {
        const r10 = (amt % base) * 10 + tenths;
        const r2 = (r10 % base) * 2 + (rounding >> 1);
        amt = Math.floor(amt / base);
        tenths = Math.floor(r10 / base);
        rounding = r2 < base ? (r2 + rounding !== 0 ? 1 : 0) : 2 + (base < r2 + rounding ? 1 : 0);
        exponent++;
      } while (base <= amt && exponent < exponentMax);
      if (amt < 10) {
        if (style === HUMAN_ROUND_TO_NEAREST ? 2 < rounding + (tenths & 1) : style === HUMAN_CEILING && 0 < rounding) {
          tenths++;
          rounding = 0;
          if (tenths === 10) {
            amt++;
            tenths = 0;
          }
        }
        if (amt < 10 && (tenths || !(opts & HUMAN_SUPPRESS_POINT_ZERO))) {
          fraction = `.${tenths}`;
          tenths = rounding = 0;
        }
      }
    }
  }
  if (style === HUMAN_ROUND_TO_NEAREST ? 5 < tenths + (0 < rounding + (amt & 1) ? 1 : 0) : style === HUMAN_CEILING && 0 < tenths + rounding) {
    amt++;
    if (opts & HUMAN_AUTOSCALE && amt === base && exponent < exponentMax) {
      exponent++;
      fraction = opts & HUMAN_SUPPRESS_POINT_ZERO ? '' : '.0';
      amt = 1;
    }
  }
  return finish(String(amt), fraction, exponent, opts, to, base);
}

function adjust(style: number, value: number): number {
  if (style === HUMAN_ROUND_TO_NEAREST) return Math.round(value);
  const u = Math.floor(value);
  return u + (style === HUMAN_CEILING && u !== value ? 1 : 0);
}

function finish(integer: string, fraction: string, exponent: number, opts: number, to: number, base: number): string {
  let text = integer;
  if (opts & HUMAN_GROUP_DIGITS) text = groupDigits(text);
  text += fraction;
  if (opts & HUMAN_SI) {
    if (exponent < 0) {
      exponent = 0;
      for (let power = 1; power < to; power *= base) if (++exponent === POWER_LETTER.length - 1) break;
    }
    if ((exponent || opts & HUMAN_B) && opts & HUMAN_SPACE_BEFORE_UNIT) text += ' ';
    if (exponent) text += !(opts & HUMAN_BASE_1024) && exponent === 1 ? 'k' : POWER_LETTER[exponent]!;
    if (opts & HUMAN_B) {
      if (opts & HUMAN_BASE_1024 && exponent) text += 'i';
      text += 'B';
    }
  }
  return text;
}

/** The C and C.UTF-8 locales group nothing (their thousands separator is empty). */
function groupDigits(digits: string): string {
  return digits;
}

export interface BlockSize {
  opts: number;
  size: number;
}

export type BlockSizeError = 'invalid' | 'suffix' | 'overflow';

const SPEC_ARGS: [string, number][] = [['human-readable', HUMAN_H], ['si', HUMAN_SI_OPTS]];

/**
 * humblock/human_options: a --block-size argument (or, when `spec` is undefined, the
 * BLOCK_SIZE and BLOCKSIZE variables, else 1024 or POSIXLY_CORRECT's 512).
 */
export function humanOptions(spec: string | undefined, getenv: (name: string) => string | undefined): BlockSize | BlockSizeError {
  const fallback = getenv('POSIXLY_CORRECT') !== undefined ? 512 : 1024;
  if (spec === undefined) spec = getenv('BLOCK_SIZE') ?? getenv('BLOCKSIZE');
  if (spec === undefined) return { opts: 0, size: fallback };
  let opts = 0;
  if (spec.startsWith("'")) {
    opts |= HUMAN_GROUP_DIGITS;
    spec = spec.slice(1);
  }
  const named = argmatch(spec, SPEC_ARGS.map(([k]) => k));
  if (named >= 0) return { opts: opts | SPEC_ARGS[named]![1], size: 1 };
  const parsed = parseSuffixed(spec, 'eEgGkKmMpPtTyYzZ0');
  if (parsed === 'invalid') return /^\s*\+?[0-9]/.test(spec) || /^[eEgGkKmMpPtTyYzZ]/.test(spec) ? 'suffix' : 'invalid';
  if (parsed === 'overflow') return 'overflow';
  if (parsed === 0n) return 'invalid';
  if (!/^[ \t]*\+?[0-9]/.test(spec)) {
    opts |= HUMAN_SI;
    if (spec.endsWith('B')) opts |= HUMAN_B;
    if (!spec.endsWith('B') || spec.endsWith('iB')) opts |= HUMAN_BASE_1024;
  }
  return { opts, size: Number(parsed) };
}

/** argmatch: an exact name, or an unambiguous abbreviation of one; -1 when none. */
export function argmatch(arg: string, names: string[]): number {
  const exact = names.indexOf(arg);
  if (exact >= 0) return exact;
  const hits = names.map((n, i) => (n.startsWith(arg) && arg !== '' ? i : -1)).filter((i) => i >= 0);
  return hits.length === 1 ? hits[0]! : hits.length > 1 ? -2 : -1;
}

/** xstrtol_fatal's words for a bad block size: "invalid --block-size argument 'x'". */
export function blockSizeMessage(err: BlockSizeError, spelled: string, arg: string): string {
  if (err === 'overflow') return `${spelled} argument '${arg}' too large`;
  if (err === 'suffix') return `invalid suffix in ${spelled} argument '${arg}'`;
  return `invalid ${spelled} argument '${arg}'`;
}

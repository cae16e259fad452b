// dd's command line: operands of the form NAME=VALUE (if=, of=, bs=, count=, conv=, iflag=...),
// read as GNU dd 9.1 reads them. Numbers take dd's suffixes (c 1, w 2, b 512, K/kB/KiB and up)
// and products (2x512, 1Mx4); a count, skip or seek ending in B counts bytes, not blocks. Every
// error is GNU's wording; the caller prints it (with the "Try" line when `usage` is set).

import { O_APPEND, O_DIRECTORY, O_NOCTTY, O_NOFOLLOW, O_NONBLOCK } from '../../abi/open-flags.ts';
import { parseSuffixed } from '../lib/suffixed.ts';

// Open flags Linux has that abi/open-flags.ts does not name (asm-generic/fcntl.h).
export const O_DIRECT = 0o40000;
export const O_DSYNC = 0o10000;
export const O_SYNC = 0o4010000;
export const O_NOATIME = 0o1000000;
// dd's own input/output flags, kept apart from the open flags above (GNU uses spare bits too).
export const F_FULLBLOCK = 2 ** 40;
export const F_NOCACHE = 2 ** 41;
export const F_COUNT_BYTES = 2 ** 42;
export const F_SKIP_BYTES = 2 ** 43;
export const F_SEEK_BYTES = 2 ** 44;

export type Conversion =
  | 'ascii' | 'ebcdic' | 'ibm' | 'block' | 'unblock' | 'lcase' | 'ucase' | 'sparse' | 'swab'
  | 'noerror' | 'nocreat' | 'excl' | 'notrunc' | 'sync' | 'fdatasync' | 'fsync';

/** conv= words and what each turns on (ascii implies unblock, ebcdic and ibm imply block). */
const CONVERSIONS: Record<string, Conversion[]> = {
  ascii: ['ascii', 'unblock'], ebcdic: ['ebcdic', 'block'], ibm: ['ibm', 'block'], block: ['block'],
  unblock: ['unblock'], lcase: ['lcase'], ucase: ['ucase'], sparse: ['sparse'], swab: ['swab'],
  noerror: ['noerror'], nocreat: ['nocreat'], excl: ['excl'], notrunc: ['notrunc'], sync: ['sync'],
  fdatasync: ['fdatasync'], fsync: ['fsync'],
};

/** iflag=/oflag= words; GNU's table lists binary, text, cio and nolinks too, which Linux lacks. */
const FLAGS: Record<string, number> = {
  append: O_APPEND, direct: O_DIRECT, directory: O_DIRECTORY, dsync: O_DSYNC, noatime: O_NOATIME,
  nocache: F_NOCACHE, noctty: O_NOCTTY, nofollow: O_NOFOLLOW, nonblock: O_NONBLOCK, sync: O_SYNC,
  fullblock: F_FULLBLOCK, count_bytes: F_COUNT_BYTES, skip_bytes: F_SKIP_BYTES, seek_bytes: F_SEEK_BYTES,
};

export type StatusLevel = 'default' | 'none' | 'noxfer' | 'progress';

export interface DdSettings {
  input: string | null;
  output: string | null;
  ibs: number;
  obs: number;
  /** bs= was given: no reblocking, each block read is written as it is. */
  bs: boolean;
  cbs: number;
  conv: Set<Conversion>;
  iflags: number;
  oflags: number;
  status: StatusLevel;
  skipRecords: number;
  skipBytes: number;
  seekRecords: number;
  seekBytes: number;
  /** Whole records to copy, then maxBytes more (Infinity: to the end). */
  maxRecords: number;
  maxBytes: number;
}

/** A complaint about the command line: `usage` adds "Try 'dd --help'"; `warnings` come first. */
export class DdUsage extends Error {
  constructor(message: string, readonly usage: boolean, readonly warnings: string[] = []) {
    super(message);
  }
}

const has = (flags: number, bit: number): boolean => Math.floor(flags / bit) % 2 === 1;

/** Combine flag values: the dd-only bits sit above 2^32, so plain `|` would lose them. */
function orFlags(a: number, b: number): number {
  let out = ((a % 2 ** 32) | (b % 2 ** 32)) >>> 0;
  for (const bit of [F_FULLBLOCK, F_NOCACHE, F_COUNT_BYTES, F_SKIP_BYTES, F_SEEK_BYTES]) if (has(a, bit) || has(b, bit)) out += bit;
  return out;
}

export function hasFlag(flags: number, bit: number): boolean {
  return bit >= 2 ** 32 ? has(flags, bit) : (flags & bit) === bit;
}

/** The open(2) bits of a flag set (the dd-only ones dropped). */
export function openBits(flags: number): number {
  return (flags % 2 ** 32) >>> 0;
}

type Parsed = { value: bigint; error: null } | { value: bigint; error: 'invalid' | 'overflow' };

const SUFFIXES = 'bcEGkKMPTwYZ0';
const INTMAX = (1n << 63n) - 1n;

/** xstrtoumax with dd's suffixes, telling where it stopped: the value, error and the rest. */
function scanNumber(text: string): { value: bigint; rest: string; error: 'invalid' | 'overflow' | 'suffix' | null } {
  const m = /^[ \t\n\v\f\r]*\+?([0-9]*)/.exec(text)!;
  if (text.trimStart().startsWith('-')) return { value: 0n, rest: text, error: 'invalid' };
  const digits = m[1]!;
  const after = text.slice(m[0].length);
  if (digits === '' && (after === '' || !SUFFIXES.includes(after[0]!))) return { value: 0n, rest: after, error: 'invalid' };
  // The longest prefix of the suffix part that parses; what follows is left for x or B.
  for (let len = after.length; len >= 0; len--) {
    const head = `${digits}${after.slice(0, len)}`;
    const r = parseSuffixed(head, SUFFIXES);
    if (r === 'invalid') continue;
    if (r === 'overflow') return { value: INTMAX + 1n, rest: after.slice(len), error: len === after.length ? 'overflow' : 'suffix' };
    return { value: r, rest: after.slice(len), error: len === after.length ? null : 'suffix' };
  }
  return { value: 0n, rest: after, error: 'invalid' };
}

/** parse_integer: a number, NxM products, a trailing B after a suffix; warnings for "0x". */
function parseInteger(text: string, warnings: string[], q: Quote): Parsed {
  let { value, rest, error } = scanNumber(text);
  // "1B", "4KB"... a B after the number (not after another B) is a byte count, already 1024-based.
  if (error === 'suffix' && rest.startsWith('B') && text.length > rest.length && text[text.length - rest.length - 1] !== 'B') {
    rest = rest.slice(1);
    if (rest === '') error = null;
  }
  if (error === 'suffix' && rest.startsWith('x')) {
    const tail = scanNumber(rest.slice(1));
    if (tail.error === 'invalid' || tail.error === 'suffix') return { value: 0n, error: 'invalid' };
    const product = value * tail.value;
    if (product > INTMAX || (product !== 0n && (tail.error === 'overflow' || value > INTMAX))) return { value: INTMAX, error: 'overflow' };
    if (product === 0n && text.startsWith('0x')) warnings.push(`warning: ${q('0x')} is a zero multiplier; use ${q('00x')} if that is intended`);
    return { value: product, error: null };
  }
  if (error === 'suffix') return { value, error: 'invalid' };
  if (error === 'invalid') return { value: 0n, error: 'invalid' };
  if (error === 'overflow' || value > INTMAX) return { value: INTMAX, error: 'overflow' };
  return { value, error: null };
}

/** parse_symbols: comma-separated words from a table, or GNU's complaint about the first bad one. */
function parseSymbols<T>(value: string, table: Record<string, T>, what: string, exclusive: boolean, q: Quote): T[] {
  const out: T[] = [];
  const words = value.split(',');
  for (const word of words) {
    if (!Object.prototype.hasOwnProperty.call(table, word)) throw new DdUsage(`${what}: ${q(word)}`, true);
    // status= keeps only its last word; conv= and the flags add up.
    if (exclusive) out.length = 0;
    out.push(table[word]!);
  }
  return out;
}

const STATUSES: Record<string, StatusLevel> = { none: 'none', noxfer: 'noxfer', progress: 'progress' };
/** The largest block size: GNU's limit (IDX_MAX - 1 and SSIZE_MAX), as good as unlimited here. */
const MAX_BLOCKSIZE = INTMAX - 1n;

/** GNU's quote(): the locale's quotation marks, which the caller knows. */
export type Quote = (s: string) => string;

export function parseOperands(operands: string[], q: Quote): { settings: DdSettings; warnings: string[] } {
  const warnings: string[] = [];
  let input: string | null = null;
  let output: string | null = null;
  let ibs = 0;
  let obs = 0;
  let bs = 0;
  let cbs = 0;
  const conv = new Set<Conversion>();
  let iflags = 0;
  let oflags = 0;
  let status: StatusLevel = 'default';
  let skip = 0n;
  let seek = 0n;
  let count: bigint | null = null;
  for (const arg of operands) {
    const eq = arg.indexOf('=');
    if (eq < 0) throw new DdUsage(`unrecognized operand ${q(arg)}`, true, warnings);
    const name = arg.slice(0, eq);
    const val = arg.slice(eq + 1);
    if (name === 'if') input = val;
    else if (name === 'of') output = val;
    else if (name === 'conv') for (const list of parseSymbols(val, CONVERSIONS, 'invalid conversion', false, q)) for (const c of list) conv.add(c);
    else if (name === 'iflag') for (const f of parseSymbols(val, FLAGS, 'invalid input flag', false, q)) iflags = orFlags(iflags, f);
    else if (name === 'oflag') for (const f of parseSymbols(val, FLAGS, 'invalid output flag', false, q)) oflags = orFlags(oflags, f);
    else if (name === 'status') status = parseSymbols(val, STATUSES, 'invalid status level', true, q)[0]!;
    else {
      const known = ['ibs', 'obs', 'bs', 'cbs', 'skip', 'iseek', 'seek', 'oseek', 'count'];
      if (!known.includes(name)) throw new DdUsage(`unrecognized operand ${q(arg)}`, true, warnings);
      const n = parseInteger(val, warnings, q);
      const isSize = name === 'ibs' || name === 'obs' || name === 'bs' || name === 'cbs';
      let error = n.error;
      if (!error && isSize && n.value < 1n) error = 'invalid';
      if (!error && isSize && n.value > MAX_BLOCKSIZE) error = 'overflow';
      if (error) {
        throw new DdUsage(`invalid number: ${q(val)}${error === 'overflow' ? ': Value too large for defined data type' : ''}`, false, warnings);
      }
      const bytes = val.includes('B');
      const v = Number(n.value);
      if (name === 'ibs') ibs = v;
      else if (name === 'obs') obs = v;
      else if (name === 'bs') bs = v;
      else if (name === 'cbs') cbs = v;
      else if (name === 'skip' || name === 'iseek') {
        skip = n.value;
        if (bytes) iflags = orFlags(iflags, F_SKIP_BYTES);
      } else if (name === 'seek' || name === 'oseek') {
        seek = n.value;
        if (bytes) oflags = orFlags(oflags, F_SEEK_BYTES);
      } else {
        count = n.value;
        if (bytes) iflags = orFlags(iflags, F_COUNT_BYTES);
      }
    }
  }

  if (bs) ibs = obs = bs;
  if (!ibs) ibs = 512;
  if (!obs) obs = 512;
  if (!cbs) {
    conv.delete('block');
    conv.delete('unblock');
  }
  // 9.1 takes seek_bytes in iflag= and count_bytes or skip_bytes in oflag= without a word, and ignores them.
  if (has(oflags, F_FULLBLOCK)) throw new DdUsage(`invalid output flag: ${q('fullblock')}`, true, warnings);
  const several = (...names: Conversion[]): boolean => names.filter((c) => conv.has(c)).length > 1;
  if (several('ascii', 'ebcdic', 'ibm')) throw new DdUsage('cannot combine any two of {ascii,ebcdic,ibm}', false, warnings);
  if (several('block', 'unblock')) throw new DdUsage('cannot combine block and unblock', false, warnings);
  if (several('lcase', 'ucase')) throw new DdUsage('cannot combine lcase and ucase', false, warnings);
  if (several('excl', 'nocreat')) throw new DdUsage('cannot combine excl and nocreat', false, warnings);
  const directAndNocache = (f: number): boolean => (f & O_DIRECT) !== 0 && has(f, F_NOCACHE);
  if (directAndNocache(iflags) || directAndNocache(oflags)) throw new DdUsage('cannot combine direct and nocache', false, warnings);

  // Counts in bytes split into whole blocks and a remainder, as GNU keeps them.
  const split = (n: bigint, size: number, inBytes: boolean): [number, number] =>
    inBytes ? [Number(n / BigInt(size)), Number(n % BigInt(size))] : [Number(n), 0];
  const [skipRecords, skipBytes] = split(skip, ibs, has(iflags, F_SKIP_BYTES));
  const [seekRecords, seekBytes] = split(seek, obs, has(oflags, F_SEEK_BYTES));
  let maxRecords = Infinity;
  let maxBytes = 0;
  if (count !== null) [maxRecords, maxBytes] = split(count, ibs, has(iflags, F_COUNT_BYTES));
  if (count !== null && count > BigInt(Number.MAX_SAFE_INTEGER)) maxRecords = Infinity;
  return {
    settings: {
      input, output, ibs, obs, bs: bs !== 0, cbs, conv, iflags, oflags, status,
      skipRecords, skipBytes, seekRecords, seekBytes, maxRecords, maxBytes,
    },
    warnings,
  };
}

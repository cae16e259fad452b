// sort (GNU coreutils): sort, merge (-m) or check (-c, -C) lines, comparing bytes as the C
// locale does. Keys (-k POS1[,POS2] with field.char and per-key flags such as -k2,2n) are found
// the way GNU's begfield/limfield find them; -n -g -h -M -V -R compare numbers, sizes, months,
// versions and hashes; equal keys fall back to the whole line unless -s or -u.
// Speed matters (a million lines in a few seconds): lines stay byte ranges of the input buffer,
// every key is found once per line, lib/line-sort.ts orders them with radix passes and native
// typed-array sorts instead of a JavaScript comparator, and the output goes out in 64 KiB chunks.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import { concatBytes } from '../../base/bytes.ts';
import { utf8Encode } from '../../base/text.ts';
import { parseCFloat } from '../lib/duration.ts';
import { filevercmp } from '../lib/filevercmp.ts';
import { BytesCriterion, CompareCriterion, compareLines, NumberCriterion, sortLines, splitLineRanges, type Criterion } from '../lib/line-sort.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'sort', package: 'GNU coreutils', version: '9.1',
  exitFailure: 2, helpWriteError: 'plain-help',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Write the lines of all FILEs, sorted, to standard output.\nWith no FILE, or FILE "-", read standard input.',
  usageStatus: 2,
  options: [
    { short: 'b', long: 'ignore-leading-blanks', help: 'ignore blanks at the start of keys' },
    { short: 'd', long: 'dictionary-order', help: 'compare only letters, digits and blanks' },
    { short: 'f', long: 'ignore-case', help: 'compare lower-case letters as upper-case' },
    { short: 'g', long: 'general-numeric-sort', help: 'compare as floating-point numbers' },
    { short: 'i', long: 'ignore-nonprinting', help: 'compare only printable characters' },
    { short: 'M', long: 'month-sort', help: "compare month names: (unknown) < 'JAN' < ... < 'DEC'" },
    { short: 'h', long: 'human-numeric-sort', help: 'compare sizes such as 2K and 1G' },
    { short: 'n', long: 'numeric-sort', help: 'compare as decimal numbers' },
    { short: 'R', long: 'random-sort', help: 'shuffle, keeping equal keys together' },
    { short: 'r', long: 'reverse', help: 'reverse the order' },
    { long: 'sort', arg: 'required', argName: 'WORD', help: 'sort as WORD says: general-numeric -g, human-numeric -h,\nmonth -M, numeric -n, random -R, version -V' },
    { short: 'V', long: 'version-sort', help: 'compare version numbers inside the text' },
    { short: 'c', key: 'c', help: 'check that the input is sorted; report the first line out of order' },
    { long: 'check', arg: 'optional', argName: 'C', key: 'check', help: 'like -c; with =quiet or =silent, like -C' },
    { short: 'C', key: 'C', help: 'like -c, but say nothing' },
    { short: 'k', long: 'key', arg: 'required', argName: 'KEYDEF', help: 'sort by a key: F[.C][OPTS][,F[.C][OPTS]], fields and characters\ncounted from 1; OPTS are letters of bdfgiMhnRrV' },
    { short: 'm', long: 'merge', help: 'merge files that are sorted already' },
    { short: 'o', long: 'output', arg: 'required', argName: 'FILE', help: 'write to FILE (which may be one of the inputs)' },
    { short: 's', long: 'stable', help: 'keep lines with equal keys in input order' },
    { short: 'S', long: 'buffer-size', arg: 'required', argName: 'SIZE', help: 'accepted for compatibility; memory is not limited' },
    { short: 't', long: 'field-separator', arg: 'required', argName: 'SEP', help: 'fields are separated by SEP, not by blank-to-nonblank changes' },
    { short: 'T', long: 'temporary-directory', arg: 'required', argName: 'DIR', help: 'accepted for compatibility; no temporary files are used' },
    { long: 'parallel', arg: 'required', argName: 'N', help: 'accepted for compatibility; one thread sorts' },
    { short: 'u', long: 'unique', help: 'print only the first of lines with equal keys' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
  ],
};

// ---- keys -----------------------------------------------------------------------------------

type Ignore = null | 'dict' | 'print';

interface KeyDef {
  /** Field to start in (0-based) and character within it (0-based). */
  sword: number;
  schar: number;
  /** Field to end in (0-based; -1: end of line) and character (1-based; 0: end of field). */
  eword: number;
  echar: number;
  skipsblanks: boolean;
  skipeblanks: boolean;
  ignore: Ignore;
  translate: boolean;
  numeric: boolean;
  general: boolean;
  human: boolean;
  month: boolean;
  version: boolean;
  random: boolean;
  reverse: boolean;
}

function newKey(): KeyDef {
  return {
    sword: 0, schar: 0, eword: -1, echar: 0, skipsblanks: false, skipeblanks: false, ignore: null, translate: false,
    numeric: false, general: false, human: false, month: false, version: false, random: false, reverse: false,
  };
}

function isDefaultCompare(k: KeyDef): boolean {
  return !(k.ignore || k.translate || k.skipsblanks || k.skipeblanks || k.numeric || k.general || k.human || k.month || k.version || k.random);
}

/** The option letters of a key, in GNU's order, for "options '-gn' are incompatible". */
function keyLetters(k: KeyDef): string {
  let s = '';
  if (k.skipsblanks || k.skipeblanks) s += 'b';
  if (k.ignore === 'dict') s += 'd';
  if (k.translate) s += 'f';
  if (k.general) s += 'g';
  if (k.human) s += 'h';
  if (k.ignore === 'print') s += 'i';
  if (k.month) s += 'M';
  if (k.numeric) s += 'n';
  if (k.random) s += 'R';
  if (k.reverse) s += 'r';
  if (k.version) s += 'V';
  return s;
}

/** Apply ordering letters; returns where they stopped. `end`: a 'b' applies to the key's end. */
function setOrdering(s: string, i: number, k: KeyDef, end: boolean | null): number {
  for (; i < s.length; i++) {
    switch (s[i]) {
      case 'b': if (end === null || !end) k.skipsblanks = true; if (end === null || end) k.skipeblanks = true; break;
      case 'd': k.ignore = 'dict'; break;
      case 'f': k.translate = true; break;
      case 'g': k.general = true; break;
      case 'h': k.human = true; break;
      case 'i': if (!k.ignore) k.ignore = 'print'; break;
      case 'M': k.month = true; break;
      case 'n': k.numeric = true; break;
      case 'R': k.random = true; break;
      case 'r': k.reverse = true; break;
      case 'V': k.version = true; break;
      default: return i;
    }
  }
  return i;
}

class SortError extends Error {}

function parseCount(spec: string, i: number, what: string): [number, number] {
  const m = /^[0-9]+/.exec(spec.slice(i));
  if (!m) throw new SortError(`${what}: invalid count at start of ${quote(spec.slice(i))}`);
  const n = Number(m[0]);
  return [Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER, i + m[0].length];
}

function parseKey(spec: string): KeyDef {
  const k = newKey();
  const bad = (why: string): SortError => new SortError(`${why}: invalid field specification ${quote(spec)}`);
  let [n, i] = parseCount(spec, 0, 'invalid number at field start');
  if (n === 0) throw bad('field number is zero');
  k.sword = n - 1;
  if (spec[i] === '.') {
    [n, i] = parseCount(spec, i + 1, "invalid number after '.'");
    if (n === 0) throw bad('character offset is zero');
    k.schar = n - 1;
  }
  i = setOrdering(spec, i, k, false);
  if (spec[i] === ',') {
    [n, i] = parseCount(spec, i + 1, "invalid number after ','");
    if (n === 0) throw bad('field number is zero');
    k.eword = n - 1;
    if (spec[i] === '.') [k.echar, i] = parseCount(spec, i + 1, "invalid number after '.'");
    i = setOrdering(spec, i, k, true);
  }
  if (i < spec.length) throw bad('stray character in field spec');
  return k;
}

// ---- finding keys in a line -------------------------------------------------------------------

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10;

/** GNU's begfield: where key `k` starts in the line data[ls..le). */
function begField(data: Uint8Array, ls: number, le: number, k: KeyDef, tab: number): number {
  let p = ls;
  let sword = k.sword;
  if (tab >= 0) {
    while (p < le && sword-- > 0) {
      while (p < le && data[p] !== tab) p++;
      if (p < le) p++;
    }
  } else {
    while (p < le && sword-- > 0) {
      while (p < le && isBlank(data[p]!)) p++;
      while (p < le && !isBlank(data[p]!)) p++;
    }
  }
  if (k.skipsblanks) while (p < le && isBlank(data[p]!)) p++;
  return Math.min(le, p + k.schar);
}

/** GNU's limfield: where key `k` ends in the line data[ls..le). */
function limField(data: Uint8Array, ls: number, le: number, k: KeyDef, tab: number): number {
  let p = ls;
  let eword = k.eword;
  const echar = k.echar;
  if (echar === 0) eword++;
  if (tab >= 0) {
    while (p < le && eword-- > 0) {
      while (p < le && data[p] !== tab) p++;
      if (p < le && (eword > 0 || echar !== 0)) p++;
    }
  } else {
    while (p < le && eword-- > 0) {
      while (p < le && isBlank(data[p]!)) p++;
      while (p < le && !isBlank(data[p]!)) p++;
    }
  }
  if (echar !== 0) {
    if (k.skipeblanks) while (p < le && isBlank(data[p]!)) p++;
    p = Math.min(le, p + echar);
  }
  return p;
}

// ---- comparable forms of a key ------------------------------------------------------------------

/** A decimal number, exact: sign, integer digits without leading zeros, fraction without trailing ones. */
interface Num {
  sign: number;
  int: string;
  frac: string;
}

function binary(data: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i += 8192) out += String.fromCharCode.apply(null, data.subarray(i, Math.min(e, i + 8192)) as unknown as number[]);
  return out;
}

/**
 * GNU's numcompare reading of data[s..e): blanks, an optional '-', digits, '.', digits; anything
 * else (or nothing) is zero. Returns the value when a double holds it exactly (15 significant
 * digits or fewer), else NaN, so callers know to compare exactly.
 */
function numValue(data: Uint8Array, s: number, e: number): number {
  let p = s;
  while (p < e && isBlank(data[p]!)) p++;
  let neg = false;
  if (p < e && data[p] === 45) {
    neg = true;
    p++;
  }
  while (p < e && data[p] === 48) p++;
  let value = 0;
  let digits = 0;
  for (; p < e && data[p]! >= 48 && data[p]! <= 57; p++, digits++) value = value * 10 + (data[p]! - 48);
  if (p < e && data[p] === 46) {
    p++;
    let lastNonZero = p;
    const fracStart = p;
    while (p < e && data[p]! >= 48 && data[p]! <= 57) {
      if (data[p] !== 48) lastNonZero = p + 1;
      p++;
    }
    const fracDigits = lastNonZero - fracStart;
    if (digits + fracDigits > 15) return NaN;
    if (fracDigits > 0) value = Number(`${value}.${binary(data, fracStart, lastNonZero)}`);
  } else if (digits > 15) return NaN;
  return neg && value !== 0 ? -value : value;
}

function parseNum(s: string): Num {
  const m = /^[ \t\n]*(-?)([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
  const int = m[2]!.replace(/^0+/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (int === '' && frac === '') return { sign: 0, int: '', frac: '' };
  return { sign: m[1] === '-' ? -1 : 1, int, frac };
}

function cmpNum(a: Num, b: Num): number {
  if (a.sign !== b.sign) return a.sign - b.sign;
  let d = a.int.length - b.int.length;
  if (d === 0) d = a.int < b.int ? -1 : a.int > b.int ? 1 : 0;
  if (d === 0) d = a.frac < b.frac ? -1 : a.frac > b.frac ? 1 : 0;
  return a.sign < 0 ? -d : d;
}

const UNIT_ORDER: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };

/** -h: the SI unit's rank (K 1 ... Y 8), negative for negative numbers, 0 for zero. */
function unitOrder(s: string): number {
  const m = /^[ \t\n]*(-?)([0-9]*(?:\.[0-9]+)?)(.?)/.exec(s)!;
  if (!/[1-9]/.test(m[2]!)) return 0;
  return (UNIT_ORDER[m[3]!] ?? 0) * (m[1] === '-' ? -1 : 1);
}

const FLOAT_PREFIX = /^[ \t\n\v\f\r]*[-+]?(?:infinity|inf|nan(?:\([0-9A-Za-z_]*\))?|0x(?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[-+]?[0-9]+)?|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?)/i;

/** strtold's view of a key: [class, value]; class 0 no number, 1 NaN, 2 -NaN, 3 a number. */
function parseGeneral(s: string): [number, number] {
  const m = FLOAT_PREFIX.exec(s);
  if (!m) return [0, 0];
  const v = parseCFloat(m[0]) ?? 0;
  if (Number.isNaN(v)) return [/^[ \t\n\v\f\r]*-/.test(m[0]) ? 2 : 1, 0];
  return [3, v];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function parseMonth(s: string): number {
  const m = /^[ \t\n]*(...)/.exec(s);
  return m ? MONTHS.indexOf(m[1]!.toUpperCase()) + 1 : 0;
}

const FOLD = new Uint8Array(256).map((_, i) => (i >= 97 && i <= 122 ? i - 32 : i));

function keeps(ignore: Ignore, c: number): boolean {
  if (ignore === 'dict') return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isBlank(c);
  return c >= 32 && c < 127;
}

function hashBytes(data: Uint8Array, s: number, e: number, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ data[i]!, 0x01000193) >>> 0;
  return h;
}

// ---- criteria from keys ----------------------------------------------------------------------------

interface Lines {
  data: Uint8Array;
  start: Int32Array;
  end: Int32Array;
}

interface Settings {
  keys: KeyDef[];
  tab: number;
  reverse: boolean;
  stable: boolean;
  unique: boolean;
  salt: number;
}

function numberCriterion(values: Float64Array, reverse: boolean): Criterion {
  return new NumberCriterion(values, reverse);
}

/** -n over the key ranges: native number sorting when every value is exact, else exact strings. */
function numericCriteria(L: Lines, ks: Int32Array, ke: Int32Array, reverse: boolean): Criterion {
  const n = ks.length;
  const values = new Float64Array(n);
  let exact = true;
  for (let i = 0; i < n; i++) {
    const v = numValue(L.data, ks[i]!, ke[i]!);
    if (Number.isNaN(v)) exact = false;
    values[i] = v;
  }
  if (exact) return numberCriterion(values, reverse);
  const nums = Array.from({ length: n }, (_, i) => parseNum(binary(L.data, ks[i]!, ke[i]!)));
  return new CompareCriterion((i, j) => cmpNum(nums[i]!, nums[j]!), reverse);
}

function keyCriteria(L: Lines, k: KeyDef, st: Settings): Criterion[] {
  const n = L.start.length;
  const ks = new Int32Array(n);
  const ke = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ls = L.start[i]!;
    const le = L.end[i]!;
    const b = begField(L.data, ls, le, k, st.tab);
    ks[i] = b;
    ke[i] = k.eword < 0 ? le : Math.max(b, limField(L.data, ls, le, k, st.tab));
  }
  const text = (i: number): string => binary(L.data, ks[i]!, ke[i]!);
  const r = k.reverse;
  if (k.numeric) return [numericCriteria(L, ks, ke, r)];
  if (k.human) {
    const orders = new Float64Array(n);
    for (let i = 0; i < n; i++) orders[i] = unitOrder(text(i));
    return [numberCriterion(orders, r), numericCriteria(L, ks, ke, r)];
  }
  if (k.general) {
    const classes = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) [classes[i], values[i]] = parseGeneral(text(i));
    return [numberCriterion(classes, r), numberCriterion(values, r)];
  }
  if (k.month) {
    const months = new Float64Array(n);
    for (let i = 0; i < n; i++) months[i] = parseMonth(text(i));
    return [numberCriterion(months, r)];
  }
  if (k.version) {
    const texts = Array.from({ length: n }, (_, i) => text(i));
    return [new CompareCriterion((i, j) => filevercmp(texts[i]!, texts[j]!), r)];
  }
  let data = L.data;
  let s = ks;
  let e = ke;
  if (k.ignore) {
    // Keys without the ignored bytes, gathered in a buffer of their own.
    let total = 0;
    for (let i = 0; i < n; i++) total += ke[i]! - ks[i]!;
    data = new Uint8Array(total);
    s = new Int32Array(n);
    e = new Int32Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      s[i] = at;
      for (let p = ks[i]!; p < ke[i]!; p++) if (keeps(k.ignore, L.data[p]!)) data[at++] = L.data[p]!;
      e[i] = at;
    }
  }
  const table = k.translate ? FOLD : null;
  const bytes = new BytesCriterion(data, s, e, r, table);
  if (!k.random) return [bytes];
  const hashes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let h = hashBytes(data, s[i]!, e[i]!, st.salt);
    if (table) {
      h = (0x811c9dc5 ^ st.salt) >>> 0;
      for (let p = s[i]!; p < e[i]!; p++) h = Math.imul(h ^ table[data[p]!]!, 0x01000193) >>> 0;
    }
    hashes[i] = h;
  }
  return [numberCriterion(hashes, r), bytes];
}

function buildCriteria(L: Lines, st: Settings): Criterion[] {
  const criteria = st.keys.flatMap((k) => keyCriteria(L, k, st));
  if (st.keys.length === 0 || !(st.stable || st.unique)) criteria.push(new BytesCriterion(L.data, L.start, L.end, st.reverse));
  return criteria;
}

// ---- input and output ------------------------------------------------------------------------------

/** All inputs in one buffer, each file's last line terminated; and where each file's lines begin. */
async function readInputs(tool: Tool, files: string[], eol: number): Promise<{ data: Uint8Array; fileLines: number[] } | null> {
  const { sys } = tool;
  const parts: Uint8Array[] = [];
  for (const name of files) {
    let fd = 0;
    if (name !== '-') {
      try {
        fd = await sys.open(name, 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${tool.busybox ? name : `cannot read: ${quoteIfNeeded(name)}`}: ${strerror(e.code)}`, 2);
        return null;
      }
    }
    try {
      // sort sizes its inputs first: a closed standard input fails at that fstat.
      if (fd === 0 && !tool.busybox) {
        try {
          await sys.fstat(0);
        } catch (e) {
          if (!isSysError(e)) throw e;
          await tool.error(`stat failed: ${quoteIfNeeded(name)}: ${strerror(e.code)}`, 2);
          return null;
        }
      }
      const b = await sys.readAll(fd);
      parts.push(b.length > 0 && b[b.length - 1] !== eol ? concatBytes([b, Uint8Array.of(eol)]) : b);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await tool.error(`read failed: ${quoteIfNeeded(name)}: ${strerror(e.code)}`, 2);
      return null;
    } finally {
      if (fd !== 0) await sys.close(fd);
    }
  }
  const fileLines: number[] = [];
  let count = 0;
  for (const p of parts) {
    fileLines.push(count);
    for (let at = p.indexOf(eol); at >= 0; at = p.indexOf(eol, at + 1)) count++;
  }
  fileLines.push(count);
  return { data: concatBytes(parts), fileLines };
}

/** The lines in `order`, each with its terminator, in 64 KiB writes. */
async function writeLines(write: (b: Uint8Array) => Promise<void>, L: Lines, order: ArrayLike<number>, eol: number): Promise<void> {
  const SIZE = 65536;
  let buf = new Uint8Array(SIZE);
  let at = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const s = L.start[i]!;
    const n = L.end[i]! - s;
    if (at + n + 1 > SIZE) {
      if (at > 0) {
        await write(buf.subarray(0, at));
        buf = new Uint8Array(SIZE);
        at = 0;
      }
      if (n + 1 > SIZE) {
        const big = new Uint8Array(n + 1);
        big.set(L.data.subarray(s, s + n));
        big[n] = eol;
        await write(big);
        continue;
      }
    }
    buf.set(L.data.subarray(s, s + n), at);
    at += n;
    buf[at++] = eol;
  }
  if (at > 0) await write(buf.subarray(0, at));
}

/** -m: merge each file's lines (taken as sorted) into one order, as GNU's merge does. */
function mergeFiles(fileLines: number[], criteria: Criterion[]): number[] {
  let out: number[] = [];
  for (let f = 0; f + 1 < fileLines.length; f++) {
    const next: number[] = [];
    let i = 0;
    let j = fileLines[f]!;
    const je = fileLines[f + 1]!;
    while (i < out.length && j < je) next.push(compareLines(criteria, j, out[i]!) < 0 ? j++ : out[i++]!);
    while (i < out.length) next.push(out[i++]!);
    while (j < je) next.push(j++);
    out = next;
  }
  return out;
}

// ---- options ---------------------------------------------------------------------------------------

const SORT_WORDS: Record<string, string> = { 'general-numeric': 'g', 'human-numeric': 'h', month: 'M', numeric: 'n', random: 'R', version: 'V' };

/** argmatch's complaint; synonyms (the same meaning) share a line. Exits 1, as argmatch_die does. */
async function invalidArgument(tool: Tool, value: string, option: string, groups: string[][], ambiguous: boolean): Promise<number> {
  const list = groups.map((g) => `  - ${g.map(quote).join(', ')}\n`).join('');
  await tool.sys.writeAll(2, `sort: ${ambiguous ? 'ambiguous' : 'invalid'} argument ${quote(value)} for ${quote(option)}\nValid arguments are:\n${list}${tryHelp(meta)}`);
  return 1;
}

function argmatch(value: string, choices: string[]): string | 'ambiguous' | null {
  if (choices.includes(value)) return value;
  const hits = choices.filter((c) => c.startsWith(value));
  if (value === '' || hits.length === 0) return null;
  return hits.length === 1 ? hits[0]! : 'ambiguous';
}

export default function sort(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    // sort checks each write and the last flush itself, then dies with "write error".
    if (!tool.busybox) {
      tool.writeError = async (failure, atExit) => {
        const what = atExit ? 'fflush' : 'write';
        await sys.writeAll(2, `sort: ${what} failed: 'standard output': ${strerror(failure.code)}\nsort: write error\n`).catch(() => undefined);
        return 2;
      };
    }
    const a = tool.args;
    const gkey = newKey();
    const keys: KeyDef[] = [];
    let tab = -1;
    let check: 'c' | 'C' | null = null;
    try {
      for (const o of a.options) {
        switch (o.key) {
          case 'ignore-leading-blanks': gkey.skipsblanks = gkey.skipeblanks = true; break;
          case 'dictionary-order': gkey.ignore = 'dict'; break;
          case 'ignore-case': gkey.translate = true; break;
          case 'general-numeric-sort': gkey.general = true; break;
          case 'ignore-nonprinting': if (!gkey.ignore) gkey.ignore = 'print'; break;
          case 'month-sort': gkey.month = true; break;
          case 'human-numeric-sort': gkey.human = true; break;
          case 'numeric-sort': gkey.numeric = true; break;
          case 'random-sort': gkey.random = true; break;
          case 'reverse': gkey.reverse = true; break;
          case 'version-sort': gkey.version = true; break;
          case 'sort': {
            const words = Object.keys(SORT_WORDS);
            const w = argmatch(o.value!, words);
            if (w === null || w === 'ambiguous') return invalidArgument(tool, o.value!, '--sort', words.map((x) => [x]), w === 'ambiguous');
            setOrdering(SORT_WORDS[w]!, 0, gkey, null);
            break;
          }
          case 'c': check = 'c'; break;
          case 'C': check = 'C'; break;
          case 'check': {
            if (o.value === undefined) { check = 'c'; break; }
            const choices = ['quiet', 'silent', 'diagnose-first'];
            const w = argmatch(o.value, choices);
            if (w === null || w === 'ambiguous') return invalidArgument(tool, o.value, '--check', [['quiet', 'silent'], ['diagnose-first']], w === 'ambiguous');
            check = w === 'diagnose-first' ? 'c' : 'C';
            break;
          }
          case 'key': keys.push(parseKey(o.value!)); break;
          case 'field-separator': {
            let v = o.value!;
            if (v === '\\0') v = '\0';
            if (v === '') throw new SortError('empty tab');
            if (v.length > 1) throw new SortError(`multi-character tab ${quote(v)}`);
            const c = v.charCodeAt(0);
            if (tab >= 0 && tab !== c) throw new SortError('incompatible tabs');
            tab = c;
            break;
          }
          case 'buffer-size': {
            const v = o.value!;
            if (!/^[0-9]+[%bKMGTPEZYkmgtpezy]?$/.test(v)) {
              throw new SortError(/^[0-9]+/.test(v) ? `invalid suffix in -S argument ${quote(v)}` : `invalid -S argument ${quote(v)}`);
            }
            break;
          }
          case 'parallel':
            if (!/^[0-9]+$/.test(o.value!)) throw new SortError(`invalid --parallel argument ${quote(o.value!)}`);
            if (Number(o.value) === 0) throw new SortError('number in parallel must be nonzero');
            break;
        }
      }
    } catch (e) {
      if (!(e instanceof SortError)) throw e;
      await tool.error(e.message, 2);
      return 2;
    }
    // Keys without ordering options of their own take the global ones.
    for (const k of keys) {
      if (isDefaultCompare(k) && !k.reverse) {
        Object.assign(k, {
          ignore: gkey.ignore, translate: gkey.translate, skipsblanks: gkey.skipsblanks, skipeblanks: gkey.skipeblanks,
          month: gkey.month, numeric: gkey.numeric, general: gkey.general, human: gkey.human, version: gkey.version,
          random: gkey.random, reverse: gkey.reverse,
        });
      }
    }
    if (keys.length === 0 && !isDefaultCompare(gkey)) keys.push({ ...gkey });
    for (const k of keys) {
      const kinds = Number(k.numeric) + Number(k.general) + Number(k.human) + Number(k.month) + Number(k.version || k.random || !!k.ignore);
      if (kinds > 1) {
        await tool.error(`options '-${keyLetters({ ...k, skipsblanks: false, skipeblanks: false, reverse: false })}' are incompatible`, 2);
        return 2;
      }
    }
    const files = a.operands.length ? a.operands : ['-'];
    const output = a.value('output');
    if (check) {
      if (files.length > 1) {
        await tool.error(`extra operand ${quote(files[1]!)} not allowed with -${check}`, 2);
        return 2;
      }
      if (output !== undefined) {
        await tool.error(`options '-${check}o' are incompatible`, 2);
        return 2;
      }
    }
    const st: Settings = {
      keys, tab, reverse: gkey.reverse, stable: a.has('stable'), unique: a.has('unique'),
      salt: Number((await sys.clockGettime(1)) % 0xffffffffn),
    };
    const eol = a.has('zero-terminated') ? 0 : 10;
    const inputs = await readInputs(tool, files, eol);
    if (!inputs) return 2;
    const L: Lines = { data: inputs.data, ...splitLineRanges(inputs.data, eol) };
    const criteria = buildCriteria(L, st);

    if (check) {
      for (let i = 1; i < L.start.length; i++) {
        const d = compareLines(criteria, i - 1, i);
        if (d > 0 || (st.unique && d === 0)) {
          if (check === 'c') {
            const line = L.data.subarray(L.start[i]!, L.end[i]!);
            await sys.writeAll(2, concatBytes([utf8Encode(`sort: ${quoteIfNeeded(files[0]!)}:${i + 1}: disorder: `), line, Uint8Array.of(10)]));
          }
          return 1;
        }
      }
      return 0;
    }

    let order: ArrayLike<number> = a.has('merge') ? mergeFiles(inputs.fileLines, criteria) : sortLines(L.start.length, criteria);
    if (st.unique) {
      const kept: number[] = [];
      for (let k = 0; k < order.length; k++) {
        const i = order[k]!;
        if (kept.length === 0 || compareLines(criteria, kept[kept.length - 1]!, i) !== 0) kept.push(i);
      }
      order = kept;
    }

    let fd = 1;
    if (output !== undefined) {
      try {
        fd = await sys.open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`open failed: ${quoteIfNeeded(output)}: ${strerror(e.code)}`, 2);
        return 2;
      }
    }
    let written = 0;
    try {
      const write = fd === 1 ? (b: Uint8Array) => tool.out.write(b) : (b: Uint8Array) => ((written += b.length), sys.writeAll(fd, b));
      await writeLines(write, L, order, eol);
    } catch (e) {
      if (fd === 1 || !isSysError(e) || tool.busybox) throw e;
      // -o's file fails as standard output does: a small output at the last flush (stdio's
      // 4 KiB buffer), a larger one at a write.
      await tool.error(`${written <= 4096 ? 'fflush' : 'write'} failed: ${quoteIfNeeded(output!)}: ${strerror(e.code)}`, 2);
      await tool.error('write error', 2);
      return 2;
    } finally {
      if (fd !== 1) await sys.close(fd);
    }
  });
}

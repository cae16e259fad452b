// Number formatting and parsing as mawk does them through the C library: printf conversions
// with glibc's exact rounding (round-half-even on the exact binary value, so 0.125 -> "0.12"),
// strtod's prefix rules (hex, inf, nan), and mawk's clamping of integers to 32 bits
// (its Max_Int is 2147483647: %d of 1e30 prints 2147483647, %x of -1 prints 0).

export const MAX_INT = 2147483647;

/** x86's default NaN has its sign bit set: 0/0, log(-1), inf-inf print as "-nan" in C. */
export const NEG_NAN = new Float64Array(new Uint32Array([0, 0xfff80000]).buffer)[0]!;

/** A result computed from non-NaN operands that came out NaN is the machine's default NaN. */
export function fixNaN(r: number, ...operands: number[]): number {
  if (r === r) return r;
  for (const x of operands) if (x !== x) return x;
  return NEG_NAN;
}
const MAX_UINT = 4294967295;

/** mawk's d_to_I: truncate toward zero, clamped to [-MAX_INT, MAX_INT]; NaN goes to -MAX_INT. */
export function dToI(d: number): number {
  if (d >= MAX_INT) return MAX_INT;
  if (d > -MAX_INT) return Math.trunc(d);
  return -MAX_INT;
}

function dToU(d: number): number {
  if (d >= MAX_UINT) return MAX_UINT;
  if (d > 0) return Math.trunc(d);
  return 0;
}

// ---- strtod ------------------------------------------------------------------------------------

export interface Strtod {
  value: number;
  /** Index just past the number (0 when nothing was read). */
  end: number;
  /** ERANGE: overflow, or underflow to zero/denormal. */
  range: boolean;
}

const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** glibc strtod on a byte string: leading white space, sign, decimal/hex/inf/nan. */
export function strtod(s: string, from = 0): Strtod {
  let i = from;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const rest = s.slice(i, i + 8).toLowerCase();
  if (rest.startsWith('inf')) {
    const end = i + (rest.startsWith('infinity') ? 8 : 3);
    return { value: neg ? -Infinity : Infinity, end, range: false };
  }
  if (rest.startsWith('nan')) {
    let end = i + 3;
    if (s[end] === '(') {
      const close = s.indexOf(')', end);
      if (close > 0 && /^[A-Za-z0-9_]*$/.test(s.slice(end + 1, close))) end = close + 1;
    }
    return { value: neg ? -Math.abs(NaN) : Math.abs(NaN), end, range: false };
  }
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    const hex = hexFloat(s, i + 2);
    if (hex) return { value: neg ? -hex.value : hex.value, end: hex.end, range: !Number.isFinite(hex.value) };
    // "0x" with no hex digit: the "0" alone is the number.
    return { value: neg ? -0 : 0, end: i + 1, range: false };
  }
  const start = i;
  let digits = 0;
  let nonzero = false;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
    if (s[i] !== '0') nonzero = true;
    i++;
    digits++;
  }
  if (s[i] === '.') {
    i++;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
      if (s[i] !== '0') nonzero = true;
      i++;
      digits++;
    }
  }
  if (digits === 0) return { value: 0, end: from, range: false };
  let end = i;
  if (s[i] === 'e' || s[i] === 'E') {
    let j = i + 1;
    if (s[j] === '+' || s[j] === '-') j++;
    if (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
      while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      end = j;
    }
  }
  const value = Number(s.slice(start, end));
  const range = !Number.isFinite(value) || (nonzero && (value === 0 || Math.abs(value) < 2.2250738585072014e-308));
  return { value: neg ? -value : value, end, range };
}

function hexFloat(s: string, i: number): { value: number; end: number } | null {
  let mant = 0;
  let exp = 0;
  let any = false;
  const hexVal = (c: string | undefined): number => (c === undefined ? -1 : '0123456789abcdef'.indexOf(c.toLowerCase()));
  while (hexVal(s[i]) >= 0) {
    mant = mant * 16 + hexVal(s[i]);
    i++;
    any = true;
  }
  if (s[i] === '.') {
    let j = i + 1;
    while (hexVal(s[j]) >= 0) {
      mant = mant * 16 + hexVal(s[j]);
      exp -= 4;
      j++;
      any = true;
    }
    if (any) i = j;
  }
  if (!any) return null;
  if (s[i] === 'p' || s[i] === 'P') {
    let j = i + 1;
    let eneg = false;
    if (s[j] === '+' || s[j] === '-') {
      eneg = s[j] === '-';
      j++;
    }
    if (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
      let e = 0;
      while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) e = Math.min(e * 10 + (s.charCodeAt(j++) - 48), 100000);
      exp += eneg ? -e : e;
      i = j;
    }
  }
  return { value: mant * 2 ** exp, end: i };
}

/** Numeric value of a string as awk's arithmetic sees it (the strtod prefix, else 0). */
export function toNumberStr(s: string): number {
  // Fast path for plain integers, the common case for fields.
  const n = s.length;
  if (n > 0 && n < 10) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (i === n) return v;
  }
  return strtod(s).value;
}

/** mawk's check_strnum: does input text look like a number (so it compares as one)? */
export function looksNumeric(s: string): boolean {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  if (a === b) return false;
  while (isSpaceCode(s.charCodeAt(b - 1))) b--;
  const last = s.charCodeAt(b - 1);
  if (!((last >= 48 && last <= 57) || last === 46)) return false;
  const c = s.charCodeAt(a);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return false;
  const r = strtod(s, a);
  return !r.range && r.end >= b;
}

// ---- exact decimal expansion ---------------------------------------------------------------------

const view = new DataView(new ArrayBuffer(8));

/** |x| (finite, nonzero) as an integer digit string D and a power q: |x| = D * 10^q. */
function exactDecimal(x: number): { digits: string; q: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = bexp - 1075;
  }
  if (e >= 0) return { digits: (mant << BigInt(e)).toString(), q: 0 };
  return { digits: (mant * 5n ** BigInt(-e)).toString(), q: e };
}

/**
 * Round the digit string to keep `keep` leading digits (half to even on the exact value).
 * Returns the kept digits (length `keep`, or keep+1 after a carry out of the top digit).
 */
function roundDigits(digits: string, keep: number): string {
  if (keep >= digits.length) return digits + '0'.repeat(keep - digits.length);
  if (keep < 0) return '';
  const next = digits.charCodeAt(keep) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else {
    let rest = false;
    for (let i = keep + 1; i < digits.length; i++) if (digits[i] !== '0') {
      rest = true;
      break;
    }
    up = rest || (keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1);
  }
  let kept = digits.slice(0, keep);
  if (!up) return kept;
  // Add one at the last kept place.
  const arr = kept.split('');
  let i = arr.length - 1;
  while (i >= 0 && arr[i] === '9') {
    arr[i] = '0';
    i--;
  }
  if (i < 0) return '1' + arr.join('');
  arr[i] = String.fromCharCode(arr[i]!.charCodeAt(0) + 1);
  kept = arr.join('');
  return kept;
}

/** %f body (no sign) of |x| with `prec` decimals. */
function fixedBody(x: number, prec: number): string {
  if (x === 0) return prec > 0 ? `0.${'0'.repeat(prec)}` : '0';
  const { digits, q } = exactDecimal(x);
  // Digits before the point: digits.length + q.
  const intLen = digits.length + q;
  const keep = intLen + prec;
  let kept: string;
  if (keep < 0) kept = '';
  else if (keep === 0) {
    // Only the rounding digit matters: round 0.d... to 0 or 1 unit.
    kept = roundDigits('0' + digits, 1);
    kept = kept === '1' ? '1' : '';
    if (kept === '') return prec > 0 ? `0.${'0'.repeat(prec)}` : '0';
    return prec > 0 ? `0.${'0'.repeat(prec - 1)}1` : '1';
  } else kept = roundDigits(digits, keep);
  // kept represents the value * 10^prec as an integer.
  let s = kept.replace(/^0+(?=.)/, '');
  if (s.length <= prec) s = '0'.repeat(prec - s.length + 1) + s;
  if (prec === 0) return s;
  return `${s.slice(0, s.length - prec)}.${s.slice(s.length - prec)}`;
}

/** %e body (no sign): mantissa digits and exponent. */
function expParts(x: number, prec: number): { mant: string; exp: number } {
  if (x === 0) return { mant: prec > 0 ? `0.${'0'.repeat(prec)}` : '0', exp: 0 };
  const { digits, q } = exactDecimal(x);
  let exp = digits.length + q - 1;
  let kept = roundDigits(digits, prec + 1);
  if (kept.length > prec + 1) {
    kept = kept.slice(0, prec + 1);
    exp++;
  }
  const mant = prec > 0 ? `${kept[0]}.${kept.slice(1)}` : kept;
  return { mant, exp };
}

function expBody(x: number, prec: number, upper: boolean): string {
  const { mant, exp } = expParts(x, prec);
  const e = Math.abs(exp);
  return `${mant}${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
}

function genBody(x: number, prec: number, upper: boolean, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const exp = x === 0 ? 0 : expParts(x, p - 1).exp;
  let body: string;
  if (p > exp && exp >= -4) body = fixedBody(x, p - 1 - exp);
  else body = expBody(x, p - 1, upper);
  if (!alt) {
    const ePos = body.search(/[eE]/);
    let m = ePos < 0 ? body : body.slice(0, ePos);
    const tail = ePos < 0 ? '' : body.slice(ePos);
    if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
    body = m + tail;
  } else if (!body.includes('.')) {
    const ePos = body.search(/[eE]/);
    body = ePos < 0 ? `${body}.` : `${body.slice(0, ePos)}.${body.slice(ePos)}`;
  }
  return body;
}

// ---- printf --------------------------------------------------------------------------------------

export interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number; // -1: none
  conv: string;
}

function pad(body: string, sign: string, spec: Spec, numeric: boolean): string {
  const len = sign.length + body.length;
  if (len >= spec.width) return sign + body;
  const fill = spec.width - len;
  if (spec.minus) return sign + body + ' '.repeat(fill);
  if (spec.zero && numeric) return sign + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + sign + body;
}

/** One floating conversion (e E f g G) of a number. */
export function formatFloat(x: number, spec: Spec): string {
  const neg = x < 0 || Object.is(x, -0) || (Number.isNaN(x) && isNegativeNaN(x));
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const upper = spec.conv === 'E' || spec.conv === 'G';
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return pad(upper ? word.toUpperCase() : word, sign, { ...spec, zero: false }, false);
  }
  const a = Math.abs(x);
  const prec = spec.prec < 0 ? 6 : spec.prec;
  let body: string;
  switch (spec.conv) {
    case 'f': body = fixedBody(a, prec); break;
    case 'e': case 'E': body = expBody(a, prec, upper); break;
    default: body = genBody(a, prec, upper, spec.alt);
  }
  if (spec.alt && spec.conv === 'f' && prec === 0) body += '.';
  if (spec.alt && (spec.conv === 'e' || spec.conv === 'E') && prec === 0) body = body.replace(/([eE])/, '.$1');
  return pad(body, sign, spec, true);
}

function isNegativeNaN(x: number): boolean {
  view.setFloat64(0, x);
  return (view.getUint8(0) & 0x80) !== 0;
}

/** One integer conversion (d i o x X u) of a number, with mawk's clamping. */
export function formatInt(x: number, spec: Spec): string {
  let sign = '';
  let digits: string;
  if (spec.conv === 'd' || spec.conv === 'i') {
    const v = dToI(x);
    if (v < 0) sign = '-';
    else if (spec.plus) sign = '+';
    else if (spec.space) sign = ' ';
    digits = String(Math.abs(v));
    if (v === 0 && spec.prec === 0) digits = '';
  } else {
    const v = dToU(x);
    const radix = spec.conv === 'o' ? 8 : spec.conv === 'u' ? 10 : 16;
    digits = v.toString(radix);
    if (spec.conv === 'X') digits = digits.toUpperCase();
    if (v === 0 && spec.prec === 0) digits = '';
    if (spec.alt && spec.conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if (spec.alt && v !== 0 && (spec.conv === 'x' || spec.conv === 'X')) sign = spec.conv === 'x' ? '0x' : '0X';
  }
  if (spec.prec >= 0 && digits.length < spec.prec) digits = '0'.repeat(spec.prec - digits.length) + digits;
  return pad(digits, sign, spec.prec >= 0 ? { ...spec, zero: false } : spec, true);
}

export function formatString(s: string, spec: Spec): string {
  const body = spec.prec >= 0 ? s.slice(0, spec.prec) : s;
  return pad(body, '', spec, false);
}

/** A number printed with a %g-style format such as OFMT or CONVFMT (only simple formats). */
export function formatWithFmt(fmt: string, x: number): string {
  const m = /^%([-+ #0]*)(\d*)(?:\.(\d*))?([eEfgG])$/.exec(fmt);
  if (!m) return formatSimple(fmt, x);
  const flags = m[1]!;
  const spec: Spec = {
    minus: flags.includes('-'), plus: flags.includes('+'), space: flags.includes(' '), alt: flags.includes('#'), zero: flags.includes('0'),
    width: m[2] ? Number(m[2]) : 0, prec: m[3] !== undefined ? Number(m[3] || '0') : -1, conv: m[4]!,
  };
  return formatFloat(x, spec);
}

/** Anything else in OFMT/CONVFMT: run it through the full printf with one argument. */
let formatSimple: (fmt: string, x: number) => string = (_f, x) => String(x);
export function setFormatFallback(f: (fmt: string, x: number) => string): void {
  formatSimple = f;
}

const fmtCache = new Map<string, string>();

/** Number -> string as awk converts: integers as %d, the rest through `fmt` (CONVFMT or OFMT). */
export function numToString(x: number, fmt: string): string {
  if (Number.isInteger(x) && x <= MAX_INT && x >= -MAX_INT) return String(x === 0 ? 0 : x);
  if (fmt === '%.6g' && x === x) {
    const key = String(x);
    let s = fmtCache.get(key);
    if (s === undefined) {
      s = formatWithFmt(fmt, x);
      if (fmtCache.size > 10000) fmtCache.clear();
      fmtCache.set(key, s);
    }
    return s;
  }
  return formatWithFmt(fmt, x);
}

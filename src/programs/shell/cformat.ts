// C printf conversions for the printf builtin: integers (%d %i %o %u %x %X with 64-bit
// values), floating point (%e %f %g and upper-case forms, correctly rounded half-to-even from
// the double's exact decimal value, as glibc does) and strings, with flags, width and precision.

export interface Spec {
  flags: string;
  width?: number;
  precision?: number;
}

function pad(body: string, spec: Spec, zeroOk: boolean, signLen = 0): string {
  const w = spec.width ?? 0;
  if (body.length >= w) return body;
  if (spec.flags.includes('-')) return body + ' '.repeat(w - body.length);
  if (zeroOk && spec.flags.includes('0')) {
    return body.slice(0, signLen) + '0'.repeat(w - body.length) + body.slice(signLen);
  }
  return ' '.repeat(w - body.length) + body;
}

export function formatString(spec: Spec, s: string): string {
  const body = spec.precision !== undefined ? s.slice(0, spec.precision) : s;
  return pad(body, { ...spec, flags: spec.flags.replace('0', '') }, false);
}

const U64 = 1n << 64n;

export function formatInteger(spec: Spec, v: bigint, conv: string): string {
  let digits: string;
  let sign = '';
  let prefix = '';
  if (conv === 'd' || conv === 'i') {
    if (v < 0n) {
      sign = '-';
      v = -v;
    } else if (spec.flags.includes('+')) sign = '+';
    else if (spec.flags.includes(' ')) sign = ' ';
    digits = v.toString();
  } else {
    if (v < 0n) v += U64;
    const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
    digits = v.toString(base);
    if (conv === 'X') digits = digits.toUpperCase();
    if (spec.flags.includes('#')) {
      if (conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
      if ((conv === 'x' || conv === 'X') && v !== 0n) prefix = conv === 'x' ? '0x' : '0X';
    }
  }
  if (spec.precision !== undefined) {
    if (spec.precision === 0 && v === 0n && !(conv === 'o' && spec.flags.includes('#'))) digits = '';
    else if (digits.length < spec.precision) digits = '0'.repeat(spec.precision - digits.length) + digits;
  }
  const body = sign + prefix + digits;
  return pad(body, spec, spec.precision === undefined, sign.length + prefix.length);
}

/** The exact decimal expansion of a finite, non-negative double: digits and point position. */
function exact(x: number): { digits: string; point: number } {
  if (x === 0) return { digits: '0', point: 1 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  if (e >= 0) {
    const digits = (mant << BigInt(e)).toString();
    return { digits, point: digits.length };
  }
  const digits = (mant * 5n ** BigInt(-e)).toString();
  return { digits, point: digits.length + e };
}

/** Round the digit string to keep `keep` digits, half to even on exact ties. */
function roundDigits(digits: string, keep: number): { digits: string; carry: boolean } {
  if (keep < 0) return { digits: '', carry: false };
  if (keep >= digits.length) return { digits: digits + '0'.repeat(keep - digits.length), carry: false };
  const head = digits.slice(0, keep);
  const first = digits.charCodeAt(keep) - 48;
  const rest = digits.slice(keep + 1);
  const restNonZero = /[1-9]/.test(rest);
  const lastEven = keep === 0 ? true : (head.charCodeAt(keep - 1) - 48) % 2 === 0;
  const up = first > 5 || (first === 5 && (restNonZero || !lastEven));
  if (!up) return { digits: head, carry: false };
  if (keep === 0) return { digits: '1', carry: true };
  const inc = (BigInt(head) + 1n).toString().padStart(keep, '0');
  if (inc.length > keep) return { digits: inc, carry: true };
  return { digits: inc, carry: false };
}

/** %f digits: integer part and `prec` fraction digits. */
function fixed(x: number, prec: number): string {
  const { digits, point } = exact(x);
  // Normalise to at least one integer digit.
  let d = digits;
  let p = point;
  if (p <= 0) {
    d = '0'.repeat(1 - p) + d;
    p = 1;
  }
  const r = roundDigits(d, p + prec);
  let all = r.digits;
  let intLen = p;
  if (r.carry) intLen++;
  all = all.padStart(intLen + prec, '0');
  const intPart = all.slice(0, intLen).replace(/^0+(?=\d)/, '');
  const frac = all.slice(intLen);
  return prec > 0 ? `${intPart}.${frac}` : intPart;
}

/** %e mantissa digits (1 + prec) and exponent. */
function scientific(x: number, prec: number): { mant: string; exp: number } {
  if (x === 0) return { mant: '0'.repeat(prec + 1), exp: 0 };
  const { digits, point } = exact(x);
  const lead = digits.search(/[1-9]/);
  const sig = digits.slice(lead);
  let exp = point - lead - 1;
  const r = roundDigits(sig, prec + 1);
  let mant = r.digits;
  if (mant.length > prec + 1) {
    mant = mant.slice(0, prec + 1);
    exp++;
  }
  return { mant, exp };
}

function expText(exp: number, upper: boolean): string {
  const sign = exp < 0 ? '-' : '+';
  const n = Math.abs(exp).toString().padStart(2, '0');
  return `${upper ? 'E' : 'e'}${sign}${n}`;
}

export function formatFloat(spec: Spec, v: number, conv: string): string {
  const upper = conv === 'E' || conv === 'F' || conv === 'G';
  let sign = '';
  if (v < 0 || Object.is(v, -0)) {
    sign = '-';
    v = -v;
  } else if (spec.flags.includes('+')) sign = '+';
  else if (spec.flags.includes(' ')) sign = ' ';
  if (!Number.isFinite(v)) {
    const t = Number.isNaN(v) ? 'nan' : 'inf';
    return pad(sign + (upper ? t.toUpperCase() : t), { ...spec, flags: spec.flags.replace('0', '') }, false);
  }
  const alt = spec.flags.includes('#');
  let prec = spec.precision ?? 6;
  let body: string;
  const lc = conv.toLowerCase();
  if (lc === 'f') {
    body = fixed(v, prec);
    if (alt && prec === 0) body += '.';
  } else if (lc === 'e') {
    const { mant, exp } = scientific(v, prec);
    body = mant.slice(0, 1) + (prec > 0 || alt ? '.' : '') + mant.slice(1) + expText(exp, upper);
  } else {
    if (prec === 0) prec = 1;
    const { exp } = scientific(v, prec - 1);
    if (prec > exp && exp >= -4) {
      body = fixed(v, prec - 1 - exp);
      if (!alt && body.includes('.')) body = body.replace(/\.?0+$/, '');
      else if (alt && !body.includes('.')) body += '.';
    } else {
      const s = scientific(v, prec - 1);
      let m = s.mant.slice(0, 1) + (prec - 1 > 0 || alt ? '.' : '') + s.mant.slice(1);
      if (!alt && m.includes('.')) m = m.replace(/\.?0+$/, '');
      body = m + expText(s.exp, upper);
    }
  }
  return pad(sign + body, spec, true, sign.length);
}

/** strtod on a prefix: the value and how many chars it used (0 if none). */
export function strtod(s: string): { v: number; used: number; range?: boolean } {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:(inf(?:inity)?|nan)|(0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?)|((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))/i.exec(s);
  if (!m) return { v: 0, used: 0 };
  const neg = m[1] === '-';
  let v: number;
  if (m[2]) v = /^n/i.test(m[2]) ? NaN : Infinity;
  else if (m[3]) v = parseHexFloat(m[3]);
  else v = Number(m[4]);
  // ERANGE: a decimal number too large for a double, or too small to be anything but zero.
  const range = m[4] !== undefined && (!Number.isFinite(v) || (v === 0 && /[1-9]/.test(m[4].replace(/[eE].*$/, ''))));
  return { v: neg ? -v : v, used: m[0].length, range };
}

function parseHexFloat(s: string): number {
  const m = /^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?\d+))?$/.exec(s)!;
  const int = m[1] || '0';
  const frac = m[2] || '';
  const exp = m[3] ? Number(m[3]) : 0;
  return (parseInt(int + frac, 16) / 16 ** frac.length) * 2 ** exp;
}

// printf(3)'s integer and string conversions as GNU tools feed them pieces of a user format
// (stat -c, find -printf, du --time-style...): flags - + space # 0 ', a width and a precision,
// applied to %s, %d, %u, %o and %x exactly as glibc pads and truncates them.

export interface Spec {
  flags: string;
  width: number;
  /** -1 when no precision was given. */
  precision: number;
}

/** Parse "[flags][width][.precision]" (what sits between '%' and the conversion letter). */
export function parseSpec(text: string): Spec {
  const m = /^([-+ #0'I]*)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return { flags: '', width: 0, precision: -1 };
  return { flags: m[1]!, width: m[2] ? Number(m[2]) : 0, precision: m[3] === undefined ? -1 : Number(m[3] || '0') };
}

function pad(body: string, spec: Spec, zeroOk: boolean, signLen = 0): string {
  if (body.length >= spec.width) return body;
  if (spec.flags.includes('-')) return body.padEnd(spec.width);
  if (zeroOk && spec.flags.includes('0')) {
    return body.slice(0, signLen) + body.slice(signLen).padStart(spec.width - signLen, '0');
  }
  return body.padStart(spec.width);
}

/** %s: precision truncates (by characters), width pads. */
export function fmtString(s: string, spec: Spec): string {
  const body = spec.precision >= 0 ? [...s].slice(0, spec.precision).join('') : s;
  return pad(body, spec, false);
}

/** %d (signed) or %u (unsigned, no sign flags). */
export function fmtInt(n: number | bigint, spec: Spec, signed = true): string {
  const neg = n < 0;
  let digits = (neg ? -BigInt(n) : BigInt(n)).toString();
  if (spec.precision >= 0) digits = spec.precision === 0 && digits === '0' ? '' : digits.padStart(spec.precision, '0');
  let sign = '';
  if (neg) sign = '-';
  else if (signed && spec.flags.includes('+')) sign = '+';
  else if (signed && spec.flags.includes(' ')) sign = ' ';
  return pad(sign + digits, spec, spec.precision < 0, sign.length);
}

/** %o and %x, with '#' giving the 0 or 0x prefix. */
export function fmtRadix(n: number | bigint, radix: 8 | 16, spec: Spec): string {
  let digits = BigInt(n).toString(radix);
  if (spec.precision >= 0) digits = spec.precision === 0 && digits === '0' ? '' : digits.padStart(spec.precision, '0');
  let prefix = '';
  if (spec.flags.includes('#')) {
    if (radix === 8 && !digits.startsWith('0')) digits = `0${digits}`;
    if (radix === 16 && BigInt(n) !== 0n) prefix = '0x';
  }
  return pad(prefix + digits, spec, spec.precision < 0, prefix.length);
}

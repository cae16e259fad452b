// Numbers on docker's command line, parsed as the Go code behind each flag parses them, so
// `--pids-limit 010` is 8 (pflag's ParseInt with base 0), `--cpus 1/2` is half a CPU (big.Rat)
// and `-m 1e3` is 1000 bytes (go-units RAMInBytes over ParseFloat), with their error words.

import { goQuote } from '../../../runtime/go-style.ts';

/**
 * Go's underscoreOK: underscores only between digits (a 0x/0o/0b prefix counts as a digit), as
 * Go number literals allow them; ParseInt with base 0, ParseFloat and big.Rat all check it.
 */
export function goUnderscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  const hex = /^0[xX]/.test(s);
  if (/^0[bBoOxX]/.test(s)) [i, saw] = [2, '0'];
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (/[0-9]/.test(c) || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/**
 * Go's strconv.ParseInt(s, 0, 64), as pflag's int flags use it: an optional sign, then decimal,
 * or 0x/0o/0b or a bare leading 0 (octal: 010 is 8, 08 is an error). The number, or ParseInt's
 * reason ("invalid syntax", "value out of range").
 */
export function goParseInt(s: string): number | string {
  const m = /^([+-]?)(.*)$/.exec(s)!;
  let body = m[2]!;
  let base = 10;
  if (/^0[xX]/.test(body)) [base, body] = [16, body.slice(2)];
  else if (/^0[oO]/.test(body)) [base, body] = [8, body.slice(2)];
  else if (/^0[bB]/.test(body)) [base, body] = [2, body.slice(2)];
  else if (/^0./.test(body)) [base, body] = [8, body.slice(1)];
  if (body.includes('_')) {
    if (!goUnderscoreOK(s)) return 'invalid syntax';
    body = body.replace(/_/g, '');
  }
  const digits = '0123456789abcdef'.slice(0, base);
  if (body === '' || ![...body.toLowerCase()].every((ch) => digits.includes(ch))) return 'invalid syntax';
  let n = 0n;
  for (const ch of body.toLowerCase()) n = n * BigInt(base) + BigInt(digits.indexOf(ch));
  if (m[1] === '-') n = -n;
  if (n > 9223372036854775807n || n < -9223372036854775808n) return 'value out of range';
  return Number(n);
}

/**
 * docker/cli's ParseCPUs: a big.Rat ("1.5", "1/2", "1e3", "0x10", "0x1p-2") times 1e9, which
 * must come out whole. Nanoseconds of CPU per second, or the error's words.
 */
export function parseCPUs(s: string): number | string {
  const rat = parseRat(s);
  if (!rat) return `failed to parse ${s} as a rational number`;
  const [num, den] = [rat[0] * 1_000_000_000n, rat[1]];
  if (num % den !== 0n) return 'value is too precise';
  return Number(num / den);
}

/** big.Rat SetString: [sign] a/b with Go integer literals, or a (hex) float; null if neither. */
function parseRat(s: string): [bigint, bigint] | null {
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const a = goParseInt(s.slice(0, slash));
    const b = s[slash + 1] === '-' || s[slash + 1] === '+' ? 'signed' : goParseInt(s.slice(slash + 1));
    if (typeof a === 'string' || typeof b === 'string' || b === 0) return null;
    return [BigInt(a), BigInt(b)];
  }
  if (s.includes('_') && !goUnderscoreOK(s.replace(/[eEpP][+-]?\d+$/, ''))) return null;
  const pre = /^[+-]?(0[xXbBoO])?/.exec(s)![1]?.toLowerCase() ?? '';
  const base = { '0x': 16, '0b': 2, '0o': 8 }[pre] ?? 10;
  // the mantissa's digits are the base's; an e exponent only without a hex mantissa
  const digit = base === 16 ? '[0-9a-fA-F]' : '[0-9]';
  const exp = base === 16 ? '[pP]' : '[eEpP]';
  const m = new RegExp(`^([+-]?)(?:0[xXbBoO])?(${digit}*)(?:\\.(${digit}*))?(?:(${exp})([+-]?\\d+))?$`).exec(s.replace(/_/g, ''));
  if (!m) return null;
  const [whole, frac = ''] = [m[2]!, m[3]];
  if (whole === '' && frac === '') return null;
  if (m[3] !== undefined && base !== 10 && base !== 16) return null;
  const digits = '0123456789abcdef'.slice(0, base);
  if (![...(whole + frac).toLowerCase()].every((c) => digits.includes(c))) return null;
  let num = 0n;
  for (const c of (whole + frac).toLowerCase()) num = num * BigInt(base) + BigInt(digits.indexOf(c));
  let den = BigInt(base) ** BigInt(frac.length);
  if (m[4]) {
    const e = BigInt(m[5]!);
    const b = /[pP]/.test(m[4]) ? 2n : 10n;
    if (e > 10000n || e < -10000n) return null;
    if (e >= 0n) num *= b ** e;
    else den *= b ** -e;
  }
  return [m[1] === '-' ? -num : num, den];
}

/**
 * go-units RAMInBytes (what -m/--memory takes): a number Go's ParseFloat reads, then an
 * optional space and a 1024-based suffix b, k, m, g, t or p with an optional "b" or "ib".
 */
export function ramInBytes(s: string): number | string {
  let sep = -1;
  for (let i = s.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(s[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep < 0) return `invalid size: '${s}'`;
  const num = s[sep] === ' ' ? s.slice(0, sep) : s.slice(0, sep + 1);
  let sfx = s.slice(sep + 1);
  const size = goParseFloat(num);
  if (typeof size === 'string') return `strconv.ParseFloat: parsing ${goQuote(num)}: ${size}`;
  if (size < 0) return `invalid size: '${s}'`;
  if (sfx === '') return Math.trunc(size);
  const bad = (): string => `invalid suffix: '${sfx}'`;
  if (sfx.length > 3) return bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') return sfx.length > 1 ? bad() : Math.trunc(size);
  const mult = { k: 1, m: 2, g: 3, t: 4, p: 5 }[sfx[0]!];
  if (mult === undefined) return bad();
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) return bad();
  return Math.trunc(size * 1024 ** mult);
}

/** Go's strconv.ParseFloat for the decimal forms people type (hex floats need a p exponent). */
function goParseFloat(s: string): number | string {
  if (s.includes('_') && !goUnderscoreOK(s.replace(/[eEpP][+-]?\d+$/, ''))) return 'invalid syntax';
  const t = s.replace(/_/g, '');
  if (/^[+-]?(inf|infinity|nan)$/i.test(t)) return /nan/i.test(t) ? NaN : t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?0[xX]/.test(t)) {
    const r = /^[+-]?0[xX][0-9a-fA-F]*(\.[0-9a-fA-F]*)?[pP][+-]?\d+$/.test(t) ? parseRat(t) : null;
    return r ? Number(r[0]) / Number(r[1]) : 'invalid syntax';
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return 'invalid syntax';
  const v = Number(t);
  return Number.isFinite(v) ? v : 'value out of range';
}

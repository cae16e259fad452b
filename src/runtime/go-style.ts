// Values written the way Docker's Go code writes them, so records and output match byte for
// byte: time.RFC3339Nano stamps, encoding/json's escaping, Go's string order (UTF-8 bytes), and
// go-units' HumanSize (which pull, load, prune, build and the CLI's tables all print), and
// strconv.Quote (%q).

import type { Sys } from '../sys/sys.ts';

/** Go's time.RFC3339Nano in UTC ("2024-05-01T10:00:00.123456789Z", trailing zeros dropped). */
export function rfc3339Nano(ns: bigint): string {
  const secs = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  const base = new Date(Number(secs) * 1000).toISOString().slice(0, 19);
  const f = frac.toString().padStart(9, '0').replace(/0+$/, '');
  return `${base}${f ? `.${f}` : ''}Z`;
}

/** The time on the kernel's realtime clock, as Docker stamps records. */
export async function now(sys: Sys): Promise<string> {
  return rfc3339Nano(await sys.clockGettime(0));
}

/** Escape JSON text as encoding/json does: `<`, `>`, `&` and U+2028/9 as \u sequences. */
export function goJsonEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON as Go's encoding/json writes it (HTML characters escaped). */
export function goJson(value: unknown, indent?: number): string {
  return goJsonEscape(JSON.stringify(value, null, indent));
}

/** Compare as Go compares strings (by UTF-8 bytes; code-point order gives the same result). */
export function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ia = [...a];
  const ib = [...b];
  for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
    const x = ia[i]!.codePointAt(0)!;
    const y = ib[i]!.codePointAt(0)!;
    if (x !== y) return x - y;
  }
  return ia.length - ib.length;
}

/** Go's fmt `%.<prec>g`: shortest of fixed or exponent form, trailing zeros dropped. */
export function goG(value: number, prec: number): string {
  if (value === 0) return '0';
  // Go switches to the exponent form when the exponent is below -4 or at least the precision
  const exp = Number(value.toExponential(prec - 1).split('e')[1]);
  const s = exp < -4 || exp >= prec ? value.toExponential(prec - 1) : value.toFixed(Math.max(0, prec - 1 - exp));
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m) {
    let mant = m[1]!;
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    return `${mant}e${m[2]}${m[3]!.padStart(2, '0')}`;
  }
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** `size` in `units`, stepping by `base`, with `prec` significant digits (go-units' CustomSize). */
export function customSize(size: number, prec: number, base: number, units: readonly string[]): string {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return `${goG(size, prec)}${units[i]}`;
}

/**
 * go-units HumanSizeWithPrecision: decimal units, `prec` significant digits (`7.8MB`, `192MB`,
 * `0B`); HumanSize itself is prec 4, BuildKit's transfer sizes are prec 3.
 */
export function humanSize(size: number, prec = 4): string {
  return customSize(size, prec, 1000, DECIMAL);
}

/** Go's %q for a string (strconv.Quote), for messages that print words. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

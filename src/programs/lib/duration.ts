// Durations as sleep and timeout read them: a C floating-point number (decimal, hexadecimal
// like 0x1p-4, or "inf"/"infinity"), then at most one unit letter: s seconds (the default),
// m minutes, h hours, d days. Negative numbers and NaN are not durations.

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** strtod over the whole of `text` in the C locale, or null if any of it is not a number. */
export function parseCFloat(text: string): number | null {
  const m = /^[ \t\n\v\f\r]*([-+]?)(.*)$/s.exec(text)!;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2]!;
  if (/^(inf|infinity)$/i.test(body)) return sign * Infinity;
  if (/^nan(\([0-9A-Za-z_]*\))?$/i.test(body)) return NaN;
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?[0-9]+))?$/.exec(body);
  if (hex) {
    const int = hex[1]!;
    const frac = hex[2] ?? '';
    if (int === '' && frac === '') return null;
    let value = 0;
    for (const c of int) value = value * 16 + parseInt(c, 16);
    let scale = 1 / 16;
    for (const c of frac) {
      value += parseInt(c, 16) * scale;
      scale /= 16;
    }
    return sign * value * 2 ** Number(hex[3] ?? 0);
  }
  if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(body)) return null;
  return sign * Number(body);
}

const FLOAT_PREFIX = /^[ \t\n\v\f\r]*[-+]?(?:infinity|inf|nan(?:\([0-9A-Za-z_]*\))?|0x(?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[-+]?[0-9]+)?|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?)/i;

/** Seconds (maybe Infinity), or null when `text` is not a valid duration. */
export function parseDuration(text: string): number | null {
  const m = FLOAT_PREFIX.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  if (rest !== '' && !(rest.length === 1 && rest in UNITS)) return null;
  const n = parseCFloat(m[0]);
  if (n === null || Number.isNaN(n) || !(n >= 0)) return null;
  return n * (rest === '' ? 1 : UNITS[rest]!);
}

/** Sleep `seconds` (Infinity: until a signal ends the process) through sys.sleep's milliseconds. */
export async function sleepSeconds(sleep: (ms: number) => Promise<void>, seconds: number): Promise<void> {
  const DAY_MS = 86_400_000;
  let ms = seconds * 1000;
  while (ms > DAY_MS) {
    await sleep(DAY_MS);
    if (ms !== Infinity) ms -= DAY_MS;
  }
  if (ms > 0) await sleep(Math.max(1, Math.ceil(ms)));
}

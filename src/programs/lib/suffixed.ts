// Counts with a size suffix, as gnulib's xstrtoumax reads them for head, tail, split and friends:
// decimal digits (leading blanks and one '+' allowed), then one suffix letter from the tool's
// list: b 512, k/K 1024, M, G, T, P, E, Z, Y powers of 1024; with '0' in the list a following
// "B" makes the power of 1000 (kB) and "iB" keeps 1024 (KiB). A suffix alone counts as 1 of it.

export const UINTMAX_MAX = (1n << 64n) - 1n;

export type SuffixedResult = bigint | 'invalid' | 'overflow';

const POWERS = 'KMGTPEZY';

/** The value, or why it is not one. `suffixes` is the tool's list, as in GNU ("bkKmMGTPEZY0"). */
export function parseSuffixed(text: string, suffixes: string, max: bigint = UINTMAX_MAX): SuffixedResult {
  const m = /^[ \t\n\v\f\r]*(\+?)([0-9]*)(.*)$/s.exec(text);
  if (!m) return 'invalid';
  const digits = m[2]!;
  let rest = m[3]!;
  if (rest.startsWith('-')) return 'invalid';
  let value: bigint;
  if (digits === '') {
    if (rest === '' || !suffixes.includes(rest[0]!)) return 'invalid';
    value = 1n;
  } else value = BigInt(digits);
  let overflow = value > max;
  if (rest !== '') {
    const letter = rest[0]!;
    if (!suffixes.includes(letter)) return 'invalid';
    let base = 1024n;
    let tail = rest.slice(1);
    if (suffixes.includes('0')) {
      if (tail.startsWith('iB')) tail = tail.slice(2);
      else if (tail.startsWith('B') || tail.startsWith('D')) {
        base = 1000n;
        tail = tail.slice(1);
      }
    }
    let factor: bigint;
    if (letter === 'b') factor = 512n;
    else if (letter === 'c') factor = 1n;
    else if (letter === 'w') factor = 2n;
    else if (letter === 'B') factor = 1024n;
    else {
      const power = POWERS.indexOf(letter.toUpperCase());
      if (power < 0) return 'invalid';
      factor = base ** BigInt(power + 1);
    }
    rest = tail;
    value *= factor;
    if (value > max) overflow = true;
    if (rest !== '') return 'invalid';
  }
  return overflow ? 'overflow' : value;
}

/** A bigint count as a JavaScript number; counts past 2^53 are as good as unlimited. */
export function countNumber(n: bigint): number {
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(n);
}

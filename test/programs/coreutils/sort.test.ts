// sort on inputs too big to record: the radix and native-sort paths (lib/line-sort.ts) only run
// for groups of thousands of lines, so they are checked here against a plain comparator sort of
// the same lines, byte order included, with stability and -u.

import { describe, expect, it } from 'vitest';
import { BytesCriterion, NumberCriterion, sortLines, splitLineRanges } from '../../../src/programs/lib/line-sort.ts';
import { runSh } from '../../shell/run-sh.ts';

/** A repeatable pseudo-random sequence. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

describe('sort on large inputs', () => {
  const r = rng(7);
  const alphabet = 'aAbB~ \t-0123.';
  const lines = Array.from({ length: 100_000 }, () => {
    let s = '';
    for (let n = Math.floor(r() * 7); n > 0; n--) s += alphabet[Math.floor(r() * alphabet.length)];
    return s;
  });
  const text = lines.join('\n') + '\n';

  it('orders bytes as the C locale does, forwards and reversed', async () => {
    const got = await runSh('sort /tmp/in > /tmp/a; sort -r /tmp/in > /tmp/b; cat /tmp/a; echo ==; cat /tmp/b', { files: { '/tmp/in': text } });
    const sorted = [...lines].sort(cmp);
    expect(got.stdout).toBe(`${sorted.join('\n')}\n==\n${[...sorted].reverse().join('\n')}\n`);
  });

  it('-u keeps one of each line; -f folds case, keeping input order for ties with -s', async () => {
    const got = await runSh('sort -u /tmp/in | wc -l; sort -f -s /tmp/in | md5sum', { files: { '/tmp/in': text } });
    const unique = new Set(lines).size;
    const folded = lines.map((l, i) => [l, i] as const).sort((a, b) => cmp(a[0].toUpperCase(), b[0].toUpperCase()) || a[1] - b[1]).map((x) => x[0]);
    const ref = await runSh('md5sum /tmp/ref', { files: { '/tmp/ref': `${folded.join('\n')}\n` } });
    expect(got.stdout).toBe(`${unique}\n${ref.stdout.replace('/tmp/ref', '-')}`);
  });

  it('sorts numeric keys with the radix passes, stably', () => {
    const n = 70_000;
    const values = new Float64Array(n).map(() => Math.round((r() - 0.5) * 1000) / 8);
    for (let i = 0; i < n; i += 101) values[i] = i % 2 ? Infinity : -Infinity;
    values[3] = -0;
    for (const reverse of [false, true]) {
      const idx = sortLines(n, [new NumberCriterion(values, reverse)]);
      const ref = Array.from(values, (_, i) => i).sort((x, y) => {
        const d = values[x]! < values[y]! ? -1 : values[x]! > values[y]! ? 1 : 0;
        return reverse ? -d : d;
      });
      expect(Array.from(idx)).toEqual(ref);
    }
  });

  it('sorts byte strings with the counting pass, folded and reversed, stably', () => {
    const data = new TextEncoder().encode(text);
    const { start, end } = splitLineRanges(data, 10);
    const fold = new Uint8Array(256).map((_, i) => (i >= 97 && i <= 122 ? i - 32 : i));
    const up = (s: string): string => s.replace(/[a-z]/g, (c) => c.toUpperCase());
    for (const [reverse, table] of [[false, null], [true, null], [false, fold], [true, fold]] as const) {
      const idx = sortLines(lines.length, [new BytesCriterion(data, start, end, reverse, table)]);
      const ref = lines.map((_, i) => i).sort((x, y) => {
        const d = table ? cmp(up(lines[x]!), up(lines[y]!)) : cmp(lines[x]!, lines[y]!);
        return reverse ? -d : d;
      });
      expect(Array.from(idx)).toEqual(ref);
    }
  });

  it('sorts a million lines', async () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    const big = values.map((v) => `${v} x`).join('\n') + '\n';
    const got = await runSh('sort -n /tmp/big | head -n 3; sort -n /tmp/big | tail -n 1; sort /tmp/big | wc -l', { files: { '/tmp/big': big } });
    const sorted = values.sort((a, b) => a - b);
    expect(got.stdout).toBe(`${sorted.slice(0, 3).map((v) => `${v} x\n`).join('')}${sorted.at(-1)} x\n1000000\n`);
  }, 60_000);
});

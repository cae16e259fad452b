// shuf without --random-source takes the machine's own random bytes, so its output cannot be
// recorded: these tests check what must hold whatever the bytes (a permutation of the input,
// distinct picks, draws from the set), plus the byte-exact order a --random-source file gives.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('shuf with the machine\'s random bytes', () => {
  it('prints a permutation of its input lines', async () => {
    const r = await runSh('seq 1 200 > f; shuf f > g; sort -n g | cmp - f && echo same; cmp -s f g || echo moved');
    expect(r.stdout).toBe('same\nmoved\n');
  });

  it('-n picks distinct lines, -r draws with replacement from the set', async () => {
    const r = await runSh('shuf -n 5 -i 1-10 | sort -n | uniq | wc -l; shuf -n 5 -i 1-10 | sort -n | tail -n 1;'
      + ' shuf -r -n 30 -e a b | sort -u | tr "\\n" " "; echo; seq 1 100 | shuf -n 3 | wc -l');
    const l = r.stdout.split('\n');
    expect(l[0]).toBe('5');
    expect(Number(l[1])).toBeLessThanOrEqual(10);
    expect(l[2]).toBe('a b ');
    expect(l[3]).toBe('3');
  });

  it('gives the same order every time from the same --random-source', async () => {
    const r = await runSh('printf "0123456789abcdef%.0s" 1 2 3 4 > rs; a=$(seq 1 30 | shuf --random-source=rs); b=$(seq 1 30 | shuf --random-source=rs); [ "$a" = "$b" ] && echo same');
    expect(r.stdout).toBe('same\n');
  });
});

// factor on the simulated machine: a number with two big prime factors takes long (GNU's
// factor needs 39 s for 10^38-1), and while it works the machine must keep running, so that a
// signal (here timeout's SIGTERM) ends it.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('factor', () => {
  it('can be stopped while it searches for a big factor', async () => {
    const r = await runSh('timeout 0.5 factor 99999999999999999999999999999999999999; echo st=$?');
    expect(r.stdout).toBe('st=124\n');
  });

  it('finds factors of 64-bit and larger numbers quickly when they are small or repeated', async () => {
    const r = await runSh('factor 1000000016000000063 18446744030759878681 340282366920938463463374607431768211455');
    expect(r.stdout).toBe('1000000016000000063: 1000000007 1000000009\n18446744030759878681: 4294967291 4294967291\n'
      + '340282366920938463463374607431768211455: 3 5 17 257 641 65537 274177 6700417 67280421310721\n');
  });
});

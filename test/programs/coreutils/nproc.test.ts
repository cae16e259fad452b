// nproc on a booted machine: the simulated machine has two CPUs (/proc/cpuinfo, and the
// affinity list in /proc/self/status).

import { describe, expect, it } from 'vitest';
import { runOnMachine } from '../procps-machine.ts';

describe('nproc', () => {
  it('counts the simulated CPUs', async () => {
    const r = await runOnMachine('nproc; nproc --all; nproc --ignore=1; nproc --ignore=5; OMP_NUM_THREADS=8 nproc; OMP_NUM_THREADS=8 nproc --all');
    expect(r.stdout).toBe('2\n2\n1\n1\n8\n2\n');
  });
});

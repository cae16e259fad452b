// nanosleep never ends before its time, as on Linux, even when the host's timer fires early
// (Node's timers count from the start of the event loop's turn, so they can).

import { describe, expect, it } from 'vitest';
import type { KernelHost } from '../../src/kernel/kernel.ts';
import { bootKernel, nodeHost } from '../helpers/kernel.ts';

describe('nanosleep', () => {
  it('sleeps the whole time when the host timer fires at half of it', async () => {
    let timers = 0;
    const hastyHost: KernelHost = {
      ...nodeHost,
      setTimer: (ms, fn) => {
        timers++;
        return nodeHost.setTimer(ms / 2, fn);
      },
    };
    const { runInit } = await bootKernel({}, hastyHost);
    let slept = 0;
    await runInit(async (sys) => {
      const start = performance.now();
      await sys.sleep(200);
      slept = performance.now() - start;
      return 0;
    });
    expect(slept).toBeGreaterThanOrEqual(200);
    expect(timers).toBeGreaterThan(1);
  });
});

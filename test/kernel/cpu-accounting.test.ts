// CPU time: what a process computes between system calls is its user time; time spent asleep
// (in a pipe read, wait4, nanosleep) is nobody's. The host clock is driven by hand here.

import { describe, expect, it } from 'vitest';
import { bootKernel, nodeHost } from '../helpers/kernel.ts';
import type { KernelHost } from '../../src/kernel/kernel.ts';

describe('CPU accounting', () => {
  it('charges computing to user time and not sleeping', async () => {
    let now = 0;
    const host: KernelHost = { ...nodeHost, nowMs: () => now };
    const { runInit, kernel } = await bootKernel({}, host);
    let busyPid = 0;
    let sleeperPid = 0;
    let busy = { u: 0n, s: 0n };
    let sleeper = { u: 0n, s: 0n };
    await runInit(async (sys) => {
      const [r, w] = await sys.pipe();
      sleeperPid = await sys.fork(async (c) => {
        await c.read(r, 1);
        const t = kernel.tasks.get(await hostPid(c));
        sleeper = { u: t!.utimeNs, s: t!.stimeNs };
        return 0;
      });
      busyPid = await sys.fork(async (c) => {
        for (let i = 0; i < 5; i++) {
          now += 10; // ten milliseconds of "computation" between calls
          await c.getpid();
        }
        const t = kernel.tasks.get(await hostPid(c));
        busy = { u: t!.utimeNs, s: t!.stimeNs };
        await c.write(w, 'x');
        return 0;
      });
      await sys.wait4(busyPid);
      await sys.wait4(sleeperPid);
      return 0;
    });
    expect(busy.u).toBe(50_000_000n);
    expect(busy.s).toBe(0n);
    // The sleeper was asleep through all 50 ms and computed nothing.
    expect(sleeper.u + sleeper.s).toBe(0n);
  });
});

/** The kernel-wide pid of the calling process (the test's own processes live in the root namespace). */
async function hostPid(sys: { getpid(): Promise<number> }): Promise<number> {
  return sys.getpid();
}

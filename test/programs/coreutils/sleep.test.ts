// sleep for real time (the simulator's nanosleep uses the host's timers): several operands add
// up, and "infinity" lasts until a signal.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('sleep', () => {
  it('sleeps until killed when told infinity', async () => {
    const r = await runSh('sleep infinity & pid=$!; sleep 0.1; kill $pid; wait $pid; echo $?; sleep 0.01 0.01s 0m; echo $?');
    expect(r.stdout).toBe('143\n0\n');
  });

  it('waits as long as asked', async () => {
    const t0 = Date.now();
    await runSh('sleep 0.2');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
  });
});

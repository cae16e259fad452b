// date against the simulated machine's clock (the test kernel's clock stands at 1700000000 s):
// the default format, +FORMAT, zones, and a clock that moves. Fixed dates (-d, -r) are in the
// conformance cases recorded from the real tool.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { runOnMachine } from '../procps-machine.ts';

describe('date', () => {
  it('prints the kernel clock in the default format', async () => {
    const r = await runSh('date; date -u; date +%s.%N; date -R; date -Iseconds');
    expect(r.stdout).toBe('Tue Nov 14 22:13:20 UTC 2023\nTue Nov 14 22:13:20 UTC 2023\n1700000000.000000000\n' +
      'Tue, 14 Nov 2023 22:13:20 +0000\n2023-11-14T22:13:20+00:00\n');
    expect(r.status).toBe(0);
  });

  it('shows a fixed-offset TZ, and -u overrides it', async () => {
    const r = await runSh('TZ=EST5 date; TZ=EST5 date -u +%H:%M%z; TZ=UTC0 date +%Z');
    expect(r.stdout).toBe('Tue Nov 14 17:13:20 EST 2023\n22:13+0000\nUTC\n');
  });

  it('reads relative dates against the clock', async () => {
    const r = await runSh("date -d 'tomorrow' +%F; date -d '1 hour ago' +%T; date -d @0");
    expect(r.stdout).toBe('2023-11-15\n21:13:20\nThu Jan  1 00:00:00 UTC 1970\n');
  });

  it('follows a clock that moves', async () => {
    const r = await runOnMachine('a=$(date +%s); sleep 1; b=$(date +%s); [ "$b" -gt "$a" ] && echo moved');
    expect(r.stdout).toBe('moved\n');
  });

  it('cannot set the simulated clock', async () => {
    const r = await runSh('date 010203042024');
    expect(r.stderr).toBe('date: cannot set date: Function not implemented\n');
    expect(r.status).toBe(1);
  });
});

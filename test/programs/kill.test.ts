// /bin/kill (procps-ng) on the simulated kernel: signals reach processes the test starts (the
// shell's wait reports 128+N), and the errors name the PID as procps does. The listing and
// error texts are also checked against the real tool by the kill-* conformance cases.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from './procps-machine.ts';

const BG = 'sleep 100 >/dev/null 2>&1 &';

describe('kill', () => {
  it('sends SIGTERM by default, and -9, -s NAME, -SIGNAME, --signal=N (SIGINT would be ignored: a background job of a script ignores it)', async () => {
    const r = await runOnMachine(`${BG} /bin/kill $!; wait $!; echo $?; ${BG} /bin/kill -9 $!; wait $!; echo $?; ${BG} /bin/kill -s HUP $!; wait $!; echo $?; ${BG} /bin/kill -SIGUSR1 $!; wait $!; echo $?; ${BG} /bin/kill --signal=12 $!; wait $!; echo $?`);
    expect(r.stdout).toBe('143\n137\n129\n138\n140\n');
  });

  it('signals a process group with -- -PGID and says which PIDs do not exist', async () => {
    const r = await runOnMachine(`${BG} /bin/kill -0 $! 99999; echo st=$?; /bin/kill -0 -- -1 ; echo st=$?; kill $!`);
    expect(r.stdout).toBe('st=1\nst=0\n');
    expect(r.stderr).toBe('/bin/kill: (99999): No such process\n');
  });

  it('reads "-123" after a signal as procps does: option 1, so PID -1, and exits 1', async () => {
    const r = await runOnMachine(`${BG} /bin/kill -0 -123; echo st=$?; kill $!`);
    expect(r.stdout).toBe('st=1\n');
    expect(r.stderr).toBe('');
  });

  it('may not signal another user\'s process', async () => {
    const r = await runOnMachine(`/bin/kill -0 1; echo st=$?`, { programs: {} });
    expect(r.stdout).toBe('st=0\n');
  });
});

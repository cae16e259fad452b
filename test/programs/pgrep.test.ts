// pgrep and pkill on the simulated kernel: matching by name (an extended regular expression on
// the 15-character comm, or the command line with -f), the listing forms, the selection
// options, and pkill's signalling and echo. Neither ever matches itself. The error texts are
// checked against the real tools by the pgrep-errors conformance case.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from './procps-machine.ts';

// Two sleepers, PIDs 3 and 4, children of the shell (PID 2).
const TWO = 'sleep 100 >/dev/null 2>&1 & sleep 200 >/dev/null 2>&1 &';

describe('pgrep', () => {
  it('lists matching PIDs, with -l names, -a command lines, -d a delimiter, -c a count', async () => {
    const r = await runOnMachine(`${TWO} pgrep sleep; pgrep -l sleep; pgrep -a sleep; pgrep -d, sleep; pgrep -c sleep; pgrep -l '^s.e+p$'; kill 3 4`);
    expect(r.stdout).toBe('3\n4\n3 sleep\n4 sleep\n3 sleep 100\n4 sleep 200\n3,4\n2\n3 sleep\n4 sleep\n');
  });

  it('matches the command line with -f, exactly with -x, ignoring case with -i', async () => {
    const r = await runOnMachine(`${TWO} pgrep -f '^sleep 2'; pgrep -x slee; echo st=$?; pgrep -x sleep -c; pgrep -i SLEEP -c; kill 3 4`);
    expect(r.stdout).toBe('4\nst=1\n2\n2\n');
  });

  it('picks the newest or oldest, selects by parent, user, state, terminal, and inverts', async () => {
    const r = await runOnMachine(`${TWO} pgrep -n sleep; pgrep -o sleep; pgrep -P 2 -d' '; pgrep -u root -c sleep; pgrep -U 0 -c sleep; pgrep -r Z -c; pgrep -t '?' -c sleep; pgrep -v -l -P 2; kill 3 4`);
    expect(r.stdout).toBe('4\n3\n3 4\n2\n2\n0\n2\n1 init\n2 sh\n');
  });

  it('exits 1 when nothing matches and warns about names longer than 15 characters', async () => {
    const r = await runOnMachine('pgrep nosuch; echo st=$?; pgrep a-process-name-too-long; echo st=$?');
    expect(r.stdout).toBe('st=1\nst=1\n');
    expect(r.stderr).toBe("pgrep: pattern that searches for process name longer than 15 characters will result in zero matches\nTry `pgrep -f' option to match against the complete command line.\n");
  });

  it('takes the PID from a file with -F', async () => {
    const r = await runOnMachine(`${TWO} echo 4 > pidfile; pgrep -F pidfile -l; kill 3 4`);
    expect(r.stdout).toBe('4 sleep\n');
  });
});

describe('pkill', () => {
  it('signals the matches (SIGTERM by default, -SIGNAL, --signal) and echoes with -e', async () => {
    const r = await runOnMachine(`${TWO} pkill -e -n sleep; wait 4; echo $?; pkill -KILL -x sleep; wait 3; echo $?`);
    expect(r.stdout).toBe('sleep killed (pid 4)\n143\n137\n');
  });

  it('counts with -c and exits 1 when it signalled nothing', async () => {
    const r = await runOnMachine(`${TWO} pkill -c -0 sleep; echo st=$?; pkill -0 nosuch; echo st=$?; pkill --signal 9 -x sleep; wait`);
    expect(r.stdout).toBe('2\nst=0\nst=1\n');
  });
});

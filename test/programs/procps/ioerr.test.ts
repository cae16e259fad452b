// procps and util-linux tools (which read /proc, so the conformance harness cannot run them) meeting
// a failed standard output, as the recording machine's procps-ng 4.0.2 and util-linux 2.38 do:
// ENOSPC is "NAME: write error[: strerror]" and status 1; a closed pipe with SIGPIPE ignored is
// no error at all; ps and top catch SIGPIPE and end with 0. Never a crash.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from '../procps-machine.ts';

// Each command's stderr (stdout into the failing place) and status, one "[cmd] status" line each.
const each = (cmds: string[], run: (c: string) => string): string => cmds.map((c) => `${run(c)}; echo "[${c}] $?"`).join('\n');

// The reader closes its end, then tells the writer through a fifo, so the write never races it.
const GONE = 'mkfifo /tmp/p; gone() { { read x < /tmp/p; "$@"; echo "[$*] $?" >&2; } | { exec <&-; echo > /tmp/p; }; }';

describe('procps and util-linux on a failing output', () => {
  it('a full device: close_stdout words, ferror-checking tools say "write error" alone', async () => {
    const cmds = ['ps -o comm', 'ps -e', 'top -bn1', 'free', 'uptime', 'vmstat', 'watch -v', 'pgrep -c sh', 'pidof sh', 'lsns', 'mount', 'ps --help', 'free --help', 'vmstat -V', 'top -h'];
    const r = await runOnMachine(each(cmds, (c) => `${c} 2>&1 >/dev/full`));
    expect(r.stdout).toBe([
      'ps: write error: No space left on device', '[ps -o comm] 1',
      'ps: write error: No space left on device', '[ps -e] 1',
      'top: write error', '[top -bn1] 1',
      'free: write error', '[free] 1',
      'uptime: write error: No space left on device', '[uptime] 1',
      'vmstat: write error', '[vmstat] 1',
      'watch: write error: No space left on device', '[watch -v] 1',
      'pgrep: write error: No space left on device', '[pgrep -c sh] 1',
      '[pidof sh] 0',
      'lsns: write error: No space left on device', '[lsns] 1',
      'mount: write error: No space left on device', '[mount] 1',
      'ps: write error: No space left on device', '[ps --help] 1',
      'free: write error: No space left on device', '[free --help] 1',
      'vmstat: write error: No space left on device', '[vmstat -V] 1',
      'top: write error', '[top -h] 1',
      '',
    ].join('\n'));
  });

  it('a closed pipe with SIGPIPE ignored: quiet, status 0', async () => {
    const cmds = ['ps -o comm', 'top -bn1', 'free', 'uptime', 'vmstat', 'watch -v', 'pgrep -l sh', 'lsns', 'mount'];
    const r = await runOnMachine(`trap '' PIPE; ${GONE}\n${cmds.map((c) => `gone ${c}`).join('\n')}`);
    expect(r.stderr).toBe(cmds.map((c) => `[${c}] 0\n`).join(''));
  });

  it('a closed pipe with SIGPIPE at its default: killed (141), but ps and top catch it', async () => {
    const cmds = ['ps -o comm', 'top -bn1', 'free', 'uptime', 'vmstat', 'lsns'];
    const r = await runOnMachine(`${GONE}\n${cmds.map((c) => `gone ${c}`).join('\n')}`);
    expect(r.stderr).toBe(['[ps -o comm] 0', '[top -bn1] 0', '[free] 141', '[uptime] 141', '[vmstat] 141', '[lsns] 141', ''].join('\n'));
  });

  it('watch keeps drawing when its screen cannot be written, as curses does', async () => {
    const r = await runOnMachine('TERM=xterm timeout 1 watch -n 0.2 echo hi > /dev/full; echo "st=$?"');
    expect(r.stdout).toBe('st=124\n');
    expect(r.stderr).toBe('');
  });

  it('which (a dash script) reports its printf failing, named by the path it was found at', async () => {
    // This machine has its programs in /bin only; the recording machine said /usr/bin/which.
    const r = await runOnMachine(`which sh 2>&1 >/dev/full; echo "st=$?"; trap '' PIPE; ${GONE}; gone which sh`);
    expect(r.stdout).toBe('/bin/which: 10: printf: printf: I/O error\nst=1\n');
    expect(r.stderr).toBe('/bin/which: 10: printf: printf: I/O error\n[which sh] 1\n');
  });
});

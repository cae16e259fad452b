// nice on the simulated kernel: the value setpriority keeps is what /proc/PID/stat (priority and
// nice fields), ps -o ni and getpriority show, children inherit it, only root lowers it, and a
// niced task's CPU time is counted as nice_usec in its cgroup's cpu.stat.

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../../src/abi/errno.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { runOnMachine } from '../procps-machine.ts';
import { asUser } from './as-user.ts';

/** `prio get WHICH WHO` or `prio set WHICH WHO NICE`: the calls themselves, printing the value or errno. */
async function prio(sys: Sys): Promise<number> {
  const [op, which, who, value] = sys.argv.slice(1).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number, number];
  try {
    if (op === 'get') await sys.writeAll(1, `${await sys.getpriority(which, who)}\n`);
    else await sys.setpriority(which, who, value);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.writeAll(1, `${e.code}\n`);
  }
  return 0;
}

describe('nice', () => {
  it('shows the value in /proc/PID/stat and ps, and children inherit it', async () => {
    const r = await runOnMachine(
      "nice -n 5 cat /proc/self/stat | cut -d' ' -f18,19; nice -n 7 sh -c 'ps -o ni= -p $$; nice; sh -c nice'; nice; cut -d' ' -f19 /proc/$$/stat",
    );
    expect(r.stdout).toBe('25 5\n  7\n7\n7\n0\n0\n');
    expect(r.stderr).toBe('');
  });

  it('lets anyone raise a value but only root lower it; the command runs either way', async () => {
    const r = await runOnMachine('asuser 1 1 nice -n -5 nice; echo "st=$?"; asuser 1 1 nice -n 5 nice -n -2 nice; nice -n -5 nice; nice -n 10 nice -n -20 nice', {
      programs: { asuser: asUser },
    });
    expect(r.stdout).toBe('0\nst=0\n5\n-5\n-10\n');
    expect(r.stderr).toBe('nice: cannot set niceness: Permission denied\nnice: cannot set niceness: Permission denied\n');
  });

  it("counts a niced task's user time as nice_usec in cpu.stat", async () => {
    const r = await runOnMachine(
      "sh -c 'echo $$ > /sys/fs/cgroup/box/cgroup.procs; exec nice -n 5 spin 300'; sed -n 's/^nice_usec //p' /sys/fs/cgroup/box/cpu.stat; sh -c 'echo $$ > /sys/fs/cgroup/plain/cgroup.procs; exec spin 100'; sed -n 's/^nice_usec //p' /sys/fs/cgroup/plain/cpu.stat",
      { dirs: ['/sys/fs/cgroup/box', '/sys/fs/cgroup/plain'] },
    );
    const [niced, plain] = r.stdout.trim().split('\n').map(Number);
    expect(niced).toBeGreaterThan(0);
    expect(plain).toBe(0);
  });

  it('answers getpriority/setpriority by process, process group and user, with their errors', async () => {
    const r = await runOnMachine(
      'prio get 0 0; nice -n 4 prio get 0 0; prio get 0 99999; prio get 7 0; prio set 0 99999 1; asuser 1 1 prio set 0 1 5; ' +
        'asuser 1 1 sh -c "prio set 2 0 8; prio get 2 0; prio get 0 \\$\\$"; prio get 1 0; ' +
        // The script's processes share one process group: setting it changes the shell too.
        'sh -c "prio set 1 0 6"; prio get 0 $$; nice; prio set 0 0 50; prio set 0 $$ -30; nice',
      { programs: { prio, asuser: asUser } },
    );
    expect(r.stdout).toBe('0\n4\nESRCH\nEINVAL\nESRCH\nEPERM\n8\n8\n0\n6\n6\n-20\n');
  });
});

// The shell when the kernel refuses a fork (pids.max reached): dash's fatal `Cannot fork`, which
// ends a script with status 2 (measured with dash 0.5.12 under a v1 pids.max on this machine;
// dash's line number there is not the script's, ours is) and never a crash of the shell.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from '../programs/procps-machine.ts';

const LIMIT = 'echo +pids > /sys/fs/cgroup/cgroup.subtree_control; mkdir /sys/fs/cgroup/t; echo 3 > /sys/fs/cgroup/t/pids.max';

describe('shell and a refused fork', () => {
  it('a script says Cannot fork and ends with status 2; the parent shell carries on', async () => {
    const r = await runOnMachine(`${LIMIT}
sh -c 'echo $$ > /sys/fs/cgroup/t/cgroup.procs; sleep 5 & sleep 5 &
echo before
sleep 1 &
echo not reached'
echo "status $?"
`);
    expect(r.stdout).toBe('before\nstatus 2\n');
    expect(r.stderr).toBe('sh: 3: Cannot fork\n');
  });

  it('a refused command substitution is the same fatal error', async () => {
    const r = await runOnMachine(`${LIMIT}
sh -c 'echo $$ > /sys/fs/cgroup/t/cgroup.procs; sleep 5 & sleep 5 &
x=$(echo hi)
echo not reached'
echo "status $?"
`);
    expect(r.stdout).toBe('status 2\n');
    expect(r.stderr).toBe('sh: 2: Cannot fork\n');
  });
});

// dd on the simulated kernel: the container tutorials' use (filling a tmpfs from /dev/zero
// charges the memory cgroup, and past memory.max the OOM killer takes dd), its buffers counted
// as its own memory, SIGUSR1 asking a running dd for its figures, and ^C printing them before
// dd dies of the signal.

import { describe, expect, it } from 'vitest';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { runOnMachine } from '../procps-machine.ts';

const ontty = ptyProgram((c, cmd) => c.execve(cmd[0]!, cmd, ['PATH=/usr/bin:/bin', 'HOME=/root', 'LANG=C']));

const BOX = {
  dirs: ['/sys/fs/cgroup/box', '/tmp/shm'],
  writes: [['/sys/fs/cgroup/cgroup.subtree_control', '+memory'], ['/sys/fs/cgroup/box/memory.max', '32M']] as Array<[string, string]>,
};

const inBox = (cmd: string): string => `sh -c 'echo $$ > /sys/fs/cgroup/box/cgroup.procs; exec ${cmd}'`;

describe('dd', () => {
  it('fills a tmpfs within memory.max, charged as shmem, with GNU summary lines', async () => {
    const r = await runOnMachine(
      `mount -t tmpfs tmpfs /tmp/shm; ${inBox('dd if=/dev/zero of=/tmp/shm/f bs=1M count=16')}; echo st=$?; ` +
        "grep '^shmem ' /sys/fs/cgroup/box/memory.stat; ls -l /tmp/shm/f | cut -d' ' -f5",
      BOX,
    );
    expect(r.stderr).toMatch(/^16\+0 records in\n16\+0 records out\n16777216 bytes \(17 MB, 16 MiB\) copied, [0-9.e+-]+ s, (Infinity B|[0-9.]+ [kMGT]?B)\/s\n$/);
    expect(r.stdout).toBe('st=0\nshmem 16777216\n16777216\n');
  });

  it('is OOM-killed when the tmpfs file outgrows memory.max, as in the cgroup tutorials', async () => {
    const r = await runOnMachine(
      `mount -t tmpfs tmpfs /tmp/shm; ${inBox('dd if=/dev/zero of=/tmp/shm/big bs=1M count=64')}; echo st=$?; grep oom_kill /sys/fs/cgroup/box/memory.events`,
      BOX,
    );
    expect(r.stdout).toBe('st=137\noom_kill 1\n');
    // Killed by SIGKILL, dd says nothing; the shell names the signal.
    expect(r.stderr).toBe('Killed\n');
  });

  it('holds its block buffer as memory of its own: a 64M block does not fit a 32M cgroup', async () => {
    const r = await runOnMachine(`${inBox('dd if=/dev/zero of=/dev/null bs=64M count=1')}; echo st=$?; grep oom_kill /sys/fs/cgroup/box/memory.events`, BOX);
    expect(r.stdout).toBe('st=137\noom_kill 1\n');
  });

  it('prints its figures so far on SIGUSR1 and carries on', async () => {
    const r = await runOnMachine('dd if=/dev/zero of=/dev/null & sleep 0.3; kill -USR1 $!; sleep 0.3; kill $!; wait $!; echo st=$?');
    expect(r.stdout).toBe('st=143\n');
    expect(r.stderr).toMatch(/^\d+\+0 records in\n\d+\+0 records out\n\d+ bytes \([^)]*\) copied, [0-9.e+-]+ s, [^\n]+\/s\nTerminated\n$/);
  });

  it('prints its figures when ^C interrupts it', async () => {
    // ontty waits for dd itself, then prints the screen and, last, whether dd died of SIGINT.
    const r = await runOnMachine("ontty /bin/dd if=/dev/zero of=/dev/null -- @300 '\\x03'", { programs: { ontty } });
    const screen = (JSON.parse(r.stdout.slice(0, r.stdout.indexOf('\n'))) as string).replace(/\r\n/g, '\n');
    expect(screen).toMatch(/^\^C\d+\+0 records in\n\d+\+0 records out\n\d+ bytes [^\n]* copied, [0-9.e+-]+ s, [^\n]+\/s\n$/);
  });
});

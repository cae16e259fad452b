// stress on the simulated kernel: a run that completes, the timeout, the messages with stress
// 1.0.7's line numbers, and the case it exists for here: a memory hog in a memory cgroup limited
// below what it asks for is OOM-killed, stress says so as the real one does, and dmesg shows the
// kernel's kill line.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from './procps-machine.ts';

const BOX = {
  dirs: ['/sys/fs/cgroup/box'],
  writes: [['/sys/fs/cgroup/cgroup.subtree_control', '+memory'], ['/sys/fs/cgroup/box/memory.max', '32M']] as Array<[string, string]>,
};

describe('stress', () => {
  it('is OOM-killed in a memory cgroup limited to 32M when asked for 64M, and dmesg shows the kill', async () => {
    const r = await runOnMachine('sh -c "echo \\$\\$ > /sys/fs/cgroup/box/cgroup.procs; exec stress --vm 1 --vm-bytes 64M --timeout 10"; echo st=$?; dmesg; cat /sys/fs/cgroup/box/memory.events', BOX);
    // stress is PID 3 (the shell that joined the cgroup and exec'd it), its worker PID 4.
    expect(r.stdout).toMatch(/^stress: info: \[3\] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\nst=1\n/);
    expect(r.stderr).toBe([
      'stress: FAIL: [3] (425) <-- worker 4 got signal 9',
      'stress: WARN: [3] (427) now reaping child worker processes',
      // stress signals its own process group, which it does not lead when a script started it.
      'stress: FAIL: [3] (431) kill error: No such process',
      'stress: FAIL: [3] (461) failed run completed in 0s',
      '',
    ].join('\n'));
    expect(r.stdout).toMatch(/\n\[ +\d+\.\d{6}\] Memory cgroup out of memory: Killed process 4 \(stress\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:0\n/);
    expect(r.stdout).toMatch(/\noom_kill 1\n/);
  });

  it('runs CPU and memory workers to the timeout and reports a successful run', async () => {
    const r = await runOnMachine('stress -c 1 -m 1 --vm-bytes 2M -t 1 -v; echo st=$?');
    // The shell is PID 2, stress 3, its workers 4 (cpu) and 5 (vm).
    expect(r.stdout).toMatch(/^stress: info: \[3\] dispatching hogs: 1 cpu, 0 io, 1 vm, 0 hdd\n/);
    expect(r.stdout).toContain('stress: dbug: [3] using backoff sleep of 6000us\nstress: dbug: [3] setting timeout to 1s\n');
    expect(r.stdout).toMatch(/stress: dbug: \[3\] --> hogcpu worker 1 \[4\] forked\nstress: dbug: \[3\] --> hogvm worker 1 \[5\] forked\n/);
    expect(r.stdout).toContain('stress: dbug: [5] allocating 2097152 bytes ...\nstress: dbug: [5] touching bytes in strides of 4096 bytes ...\n');
    expect(r.stdout).toContain('stress: dbug: [3] <-- worker 4 signalled normally\n');
    expect(r.stdout).toMatch(/stress: info: \[3\] successful run completed in 1s\nst=0\n$/);
  });

  it('holds memory with --vm-hang and --vm-keep, as /proc shows', async () => {
    const r = await runOnMachine('stress -m 1 --vm-bytes 8M --vm-hang 0 -t 2 >/dev/null & sleep 0.5; cat /proc/$(pgrep -P $! stress)/status; wait');
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(r.stdout)![1]);
    expect(rss).toBeGreaterThan(8 * 1024);
  });

  it('rejects bad arguments with stress\'s messages and line numbers', async () => {
    const r = await runOnMachine('stress --cpu abc; stress -c 1 -t 1x; stress --bogus; stress -c; stress -c 0; stress -m 1 --vm-bytes 0; stress -t 0 -c 1; stress --backoff -1 -c 1; echo st=$?');
    expect(r.stdout).toBe('st=1\n');
    expect(r.stderr).toBe([
      'stress: FAIL: [3] (665) unrecognized suffix: c',
      'stress: FAIL: [4] (723) unrecognized suffix: x',
      'stress: FAIL: [5] (251) unrecognized option: --bogus',
      "stress: FAIL: [6] (167) missing argument to option '--cpu'",
      'stress: FAIL: [7] (171) invalid number of cpu hogs: 0',
      'stress: FAIL: [8] (201) invalid vm byte value: 0',
      'stress: FAIL: [9] (161) invalid timeout value: 0s',
      'stress: FAIL: [10] (150) invalid backoff factor: -1',
      '',
    ].join('\n'));
  });

  it('prints its usage with no workers to start, and its version', async () => {
    const r = await runOnMachine('stress --vm-bytes 1M | head -n 2; stress --version; stress -q -c 1 -t 1; echo st=$?');
    expect(r.stdout).toBe('Usage: stress [OPTION [ARG]] ...\nStart worker processes that load the machine, wait for them, and say how the run went.\nstress 1.0.7\nst=0\n');
  });
});

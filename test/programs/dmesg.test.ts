// dmesg on the simulated kernel: the ring buffer as syslog(2) gives it, in util-linux's formats
// (-t, -T, -d), cleared with -c and -C by root only. The kernel's lines come from its own
// log(): here the memory cgroup OOM killer's, made by filling a small cgroup.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from './procps-machine.ts';

const OOM = {
  dirs: ['/sys/fs/cgroup/box'],
  writes: [['/sys/fs/cgroup/cgroup.subtree_control', '+memory'], ['/sys/fs/cgroup/box/memory.max', '4M']] as Array<[string, string]>,
};
const FILL = 'sh -c "echo \\$\\$ > /sys/fs/cgroup/box/cgroup.procs; exec stress -q -m 1 --vm-bytes 8M -t 5" 2>/dev/null;';
const LINE = /Memory cgroup out of memory: Killed process 4 \(stress\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:0/;

describe('dmesg', () => {
  it('prints each line with its [seconds.micros] stamp, and -t without', async () => {
    const r = await runOnMachine(`${FILL} dmesg; dmesg -t; dmesg -d; dmesg -T`, OOM);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^\[ {4}\d\.\d{6}\] Memory cgroup/);
    expect(lines[0]).toMatch(LINE);
    expect(lines[1]).toMatch(/^Memory cgroup out of memory/);
    expect(lines[2]).toMatch(/^\[ {4}\d\.\d{6} < {4}0\.000000>\] Memory cgroup/);
    expect(lines[3]).toMatch(/^\[(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\] Memory cgroup/);
  });

  it('clears with -c (after printing) and -C', async () => {
    const r = await runOnMachine(`${FILL} dmesg -c | head -n 1; dmesg; echo ---; ${FILL} dmesg -C; dmesg; echo end`, OOM);
    expect(r.stdout).toMatch(/^\[.*Memory cgroup out of memory.*\n---\nend\n$/);
  });

  it('refuses bad usage as util-linux does', async () => {
    const r = await runOnMachine('dmesg -z; echo st=$?; dmesg extra; echo st=$?; dmesg -V');
    expect(r.stdout).toBe('st=1\nst=1\ndmesg from util-linux 2.38.1\n');
    expect(r.stderr).toBe("dmesg: invalid option -- 'z'\nTry 'dmesg --help' for more information.\ndmesg: bad usage\nTry 'dmesg --help' for more information.\n");
  });
});

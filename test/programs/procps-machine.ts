// A machine for the procps and debug program tests: the test kernel with every registered
// program plus a few test programs (a `sleep` that sleeps, a `spin` that uses CPU), /proc,
// /dev, cgroup2 at /sys/fs/cgroup and the account files mounted as a booted machine has them,
// running `sh -c SCRIPT` and returning what it printed. The conformance harness has no /proc,
// so behaviour that reads processes is tested here.

import { installDevices, mountDevices } from '../../src/kernel/dev/install.ts';
import type { Kernel } from '../../src/kernel/kernel.ts';
import { loadEntry, programNames } from '../../src/programs/registry.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../src/abi/signals.ts';
import { bootKernel, nodeHost, RunningClock, type TestProgram } from '../helpers/kernel.ts';

const PROGRAMS: Record<string, TestProgram> = Object.fromEntries(
  programNames().map((name) => [name, async (sys: Sys) => (await loadEntry(name))!(sys)]),
);

/** Test stand-ins for commands another family provides. */
const TEST_PROGRAMS: Record<string, TestProgram> = {
  // sleep SECONDS: wait in nanosleep, as coreutils sleep does.
  sleep: async (sys) => {
    await sys.sleep(Number(sys.argv[1] ?? 0) * 1000);
    return 0;
  },
  // spin MS: use the CPU for about MS milliseconds of real time, yielding now and then.
  spin: async (sys) => {
    const until = Date.now() + Number(sys.argv[1] ?? 100);
    while (Date.now() < until) {
      const t = Date.now() + 5;
      while (Date.now() < t) { /* busy */ }
      await sys.yield();
    }
    return 0;
  },
};

export interface MachineResult {
  stdout: string;
  stderr: string;
  status: number;
  kernel: Kernel;
}

export interface MachineOptions {
  env?: string[];
  files?: Record<string, string>;
  programs?: Record<string, TestProgram>;
  /** Directories to make before the script runs (cgroups under /sys/fs/cgroup, say). */
  dirs?: string[];
  /** Files to write after the directories are made, in order (cgroup control files). */
  writes?: Array<[string, string]>;
  /** Show this pid_max (bind-mounted over /proc/sys/kernel/pid_max), e.g. 32768 as on the recording machine. */
  pidMax?: number;
}

export async function runOnMachine(script: string, opts: MachineOptions = {}): Promise<MachineResult> {
  // The clock moves with real time, as a booted machine's does, so timeouts, uptime and CPU
  // percentages mean something.
  const { runInit, vfs, ctx, kernel } = await bootKernel(
    { ...PROGRAMS, ...TEST_PROGRAMS, ...(opts.programs ?? {}) }, nodeHost, new RunningClock());
  await mountDevices(kernel, ctx, installDevices(kernel));
  await vfs.mkdir(ctx, '/etc', 0o755);
  await vfs.writeFile(ctx, '/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  await vfs.writeFile(ctx, '/etc/group', 'root:x:0:\ndaemon:x:1:\ntty:x:5:\nnogroup:x:65534:\n');
  await vfs.mkdir(ctx, '/root', 0o700);
  await vfs.mkdir(ctx, '/proc', 0o555);
  await vfs.mount(ctx, 'proc', '/proc', 'proc');
  await vfs.mkdir(ctx, '/sys', 0o555);
  await vfs.mount(ctx, 'tmpfs', '/sys', 'tmpfs', 'mode=755');
  await vfs.mkdir(ctx, '/sys/fs', 0o755);
  await vfs.mkdir(ctx, '/sys/fs/cgroup', 0o755);
  await vfs.mount(ctx, 'cgroup2', '/sys/fs/cgroup', 'cgroup2');
  for (const [path, content] of Object.entries(opts.files ?? {})) await vfs.writeFile(ctx, path, content);
  const env = opts.env ?? ['PATH=/usr/bin:/bin', 'HOME=/root', 'LANG=C'];
  let stdout = '';
  let stderr = '';
  let status = -1;
  const text = (b: Uint8Array): string => new TextDecoder().decode(b);
  await runInit(async (sys: Sys) => {
    if (opts.pidMax) {
      await vfs.writeFile(ctx, '/tmp/.pid_max', `${opts.pidMax}\n`);
      await sys.bindMount('/tmp/.pid_max', '/proc/sys/kernel/pid_max');
    }
    for (const dir of opts.dirs ?? []) await sys.mkdir(dir, 0o755);
    for (const [path, data] of opts.writes ?? []) {
      const fd = await sys.open(path, 1);
      await sys.write(fd, data);
      await sys.close(fd);
    }
    for (let i = 0; i < 3; i++) await sys.open('/tmp', 0);
    const [inR, inW] = await sys.pipe();
    const [outR, outW] = await sys.pipe();
    const [errR, errW] = await sys.pipe();
    const pid = await sys.fork(async (c) => {
      await c.dup2(inR, 0);
      await c.dup2(outW, 1);
      await c.dup2(errW, 2);
      for (const fd of [inR, inW, outR, outW, errR, errW]) await c.close(fd);
      await c.chdir('/tmp');
      await c.umask(0o022);
      return c.execve('/bin/sh', ['sh', '-c', script, 'sh'], env);
    });
    for (const fd of [inR, inW, outW, errW]) await sys.close(fd);
    const [o, e] = await Promise.all([sys.readAll(outR), sys.readAll(errR)]);
    stdout = text(o);
    stderr = text(e);
    for (;;) {
      const [p, st] = await sys.wait4(-1);
      if (p === pid) {
        status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        break;
      }
    }
    // Whatever the script left running goes with the machine.
    try {
      await sys.kill(-1, 9);
    } catch {
      // nothing left
    }
    return 0;
  });
  return { stdout, stderr, status, kernel };
}

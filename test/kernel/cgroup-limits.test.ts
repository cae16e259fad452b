// cgroup limits acting on real processes: a fork past pids.max fails with EAGAIN and is counted,
// a memory hog past memory.max is OOM-killed (status 137) and counted, and a CPU-bound process
// under cpu.max is throttled. Everything goes through the cgroup2 filesystem, as a user would.

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import { O_RDONLY, O_WRONLY } from '../../src/abi/open-flags.ts';
import { SIG, WTERMSIG, shellStatus } from '../../src/abi/signals.ts';
import type { KernelHost } from '../../src/kernel/kernel.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { asMain, bootKernel, nodeHost } from '../helpers/kernel.ts';
import { bootMachine } from '../../src/boot/machine.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';

async function echo(sys: Sys, path: string, text: string): Promise<void> {
  const fd = await sys.open(path, O_WRONLY);
  try {
    await sys.write(fd, text);
  } finally {
    await sys.close(fd);
  }
}

async function cat(sys: Sys, path: string): Promise<string> {
  const fd = await sys.open(path, O_RDONLY);
  try {
    return await sys.readText(fd);
  } finally {
    await sys.close(fd);
  }
}

async function setup(sys: Sys, name: string): Promise<string> {
  // A booted machine has cgroup2 at /sys/fs/cgroup already; a bare test kernel does not.
  try {
    await sys.lstat('/sys/fs/cgroup/cgroup.procs');
  } catch {
    await sys.mkdir('/sys');
    await sys.mkdir('/sys/fs');
    await sys.mkdir('/sys/fs/cgroup');
    await sys.mount('cgroup2', '/sys/fs/cgroup', 'cgroup2');
  }
  await echo(sys, '/sys/fs/cgroup/cgroup.subtree_control', '+memory +pids +cpu');
  const dir = `/sys/fs/cgroup/${name}`;
  await sys.mkdir(dir);
  return dir;
}

describe('cgroup limits on processes', () => {
  it('refuses a fork past pids.max with EAGAIN and counts it in pids.events', async () => {
    const { runInit } = await bootKernel();
    const codes: string[] = [];
    let events = '';
    await runInit(async (sys) => {
      const dir = await setup(sys, 'box');
      await echo(sys, `${dir}/pids.max`, '3');
      const leader = await sys.fork(async (c) => {
        await echo(c, `${dir}/cgroup.procs`, '0');
        const [r] = await c.pipe();
        for (let i = 0; i < 4; i++) {
          try {
            await c.fork(async (g) => {
              await g.read(r, 1);
              return 0;
            });
            codes.push('ok');
          } catch (e) {
            if (!isSysError(e)) throw e;
            codes.push(e.code);
          }
        }
        events = await cat(c, `${dir}/pids.events`);
        await c.kill(0, SIG.SIGKILL);
        return 0;
      });
      await sys.wait4(leader);
      return 0;
    });
    expect(codes).toEqual(['ok', 'ok', 'EAGAIN', 'EAGAIN']);
    expect(events).toBe('max 2\n');
  });

  it('OOM-kills the largest process past memory.max and counts oom and oom_kill', async () => {
    const { runInit, kernel } = await bootKernel();
    let status = 0;
    let events = '';
    await runInit(async (sys) => {
      const dir = await setup(sys, 'mem');
      await echo(sys, `${dir}/memory.max`, '32M');
      const hog = await sys.fork(async (c) => {
        await echo(c, `${dir}/cgroup.procs`, '0');
        for (let i = 0; i < 100; i++) await c.mmap(1 << 20);
        return 0;
      });
      status = (await sys.wait4(hog))[1];
      events = await cat(sys, `${dir}/memory.events`);
      return 0;
    });
    expect(WTERMSIG(status)).toBe(SIG.SIGKILL);
    expect(shellStatus(status)).toBe(137);
    expect(events).toMatch(/^low 0\nhigh 0\nmax \d+\noom 1\noom_kill 1\noom_group_kill 0\nsock_throttled 0\n$/);
    expect(kernel.dmesg.some((l) => /Memory cgroup out of memory: Killed process \d+ \(init\)/.test(l))).toBe(true);
  });

  it('throttles a CPU-bound process under cpu.max', async () => {
    let now = 0;
    const host: KernelHost = { ...nodeHost, nowMs: () => now, setTimer: (ms, fn) => nodeHost.setTimer(0, () => { now += ms; fn(); }) };
    const { runInit } = await bootKernel({}, host);
    let stat = '';
    await runInit(async (sys) => {
      const dir = await setup(sys, 'cpu');
      await echo(sys, `${dir}/cpu.max`, '20000 100000');
      const busy = await sys.fork(async (c) => {
        await echo(c, `${dir}/cgroup.procs`, '0');
        for (let i = 0; i < 100; i++) {
          now += 5; // 5 ms of computation between calls: 500 ms in all
          await c.getpid();
        }
        return 0;
      });
      await sys.wait4(busy);
      stat = await cat(sys, `${dir}/cpu.stat`);
      return 0;
    });
    const field = (k: string) => Number(new RegExp(`^${k} (\\d+)$`, 'm').exec(stat)![1]);
    expect(field('usage_usec')).toBe(500_000);
    expect(field('nr_throttled')).toBeGreaterThan(0);
    // 500 ms of CPU at 20% of each 100 ms period needs about 2.5 s of wall time: ~2 s throttled.
    expect(field('throttled_usec')).toBeGreaterThan(1_500_000);
  });
});

describe('file pages in the memory cgroup', () => {
  const memoryStat = (text: string, key: string) => Number(new RegExp(`^${key} (\\d+)$`, 'm').exec(text)![1]);

  it('charges tmpfs writes as shmem, gives them back on unlink, and OOM-kills past memory.max', async () => {
    const { runInit } = await bootKernel();
    const seen: number[] = [];
    let status = 0;
    await runInit(async (sys) => {
      const dir = await setup(sys, 'shm');
      await echo(sys, `${dir}/memory.max`, '1M');
      await sys.mkdir('/shm');
      await sys.mount('tmpfs', '/shm', 'tmpfs');
      const writer = await sys.fork(async (c) => {
        await echo(c, `${dir}/cgroup.procs`, '0');
        const fd = await c.open('/shm/data', 0o101);
        await c.write(fd, new Uint8Array(512 * 1024));
        await c.close(fd);
        const stat = await cat(c, `${dir}/memory.stat`);
        seen.push(memoryStat(stat, 'shmem'));
        await c.unlink('/shm/data');
        seen.push(memoryStat(await cat(c, `${dir}/memory.stat`), 'shmem'));
        // More shared memory than the cgroup may hold: the OOM killer takes the writer.
        const big = await c.open('/shm/big', 0o101);
        for (let i = 0; i < 4; i++) await c.write(big, new Uint8Array(512 * 1024));
        return 0;
      });
      status = (await sys.wait4(writer))[1];
      return 0;
    });
    expect(seen).toEqual([512 * 1024, 0]);
    expect(shellStatus(status)).toBe(137);
  });

  it('charges disk writes as page cache, which reclaim frees instead of killing', async () => {
    // A machine whose root is the persistent disk (diskfs), as in the page.
    const machine = await bootMachine({ host: nodeHost, store: new MemoryStore() });
    const runInit = (init: (sys: Sys) => Promise<number>) => {
      machine.kernel.startInit(asMain(init), ['init'], []);
      return machine.kernel.halted;
    };
    let status = -1;
    let stat = '';
    await runInit(async (sys) => {
      const dir = await setup(sys, 'cache');
      await echo(sys, `${dir}/memory.max`, '1M');
      const writer = await sys.fork(async (c) => {
        await echo(c, `${dir}/cgroup.procs`, '0');
        const fd = await c.open('/tmp/big', 0o101);
        for (let i = 0; i < 8; i++) await c.write(fd, new Uint8Array(512 * 1024));
        await c.close(fd);
        stat = await cat(c, `${dir}/memory.stat`);
        return 0;
      });
      status = (await sys.wait4(writer))[1];
      return 0;
    });
    expect(status).toBe(0);
    expect(memoryStat(stat, 'file')).toBeLessThanOrEqual(1024 * 1024);
    expect(memoryStat(stat, 'pgsteal_direct')).toBeGreaterThan(0);
  });
});

// The memory controller: hierarchical charges and limits, page rounding of written limits, the
// OOM path (events, the kernel's victim, oom.group), page-cache reclaim instead of OOM, lowering
// memory.max below usage, memory.high, charges that stay with the cgroup, memory.stat's order
// and memory.peak's per-descriptor reset.

import { describe, expect, it } from 'vitest';
import { O_RDWR } from '../../src/abi/open-flags.ts';
import { MEMORY_STAT_KEYS } from '../../src/kernel/cgroup/memory-css.ts';
import type { CgroupOomEvent } from '../../src/kernel/events.ts';
import { bootCgroupMachine, CG } from './cgroup-machine.ts';

const MiB = 1 << 20;

async function withMemory() {
  const m = await bootCgroupMachine();
  await m.write(`${CG}/cgroup.subtree_control`, '+memory');
  await m.vfs.mkdir(m.ctx, `${CG}/box`);
  await m.write(`${CG}/box/cgroup.subtree_control`, '+memory');
  await m.vfs.mkdir(m.ctx, `${CG}/box/app`);
  const events = async (path: string): Promise<Record<string, number>> =>
    Object.fromEntries((await m.read(`${CG}/${path}/memory.events`)).trim().split('\n').map((l) => [l.split(' ')[0], Number(l.split(' ')[1])]));
  return { ...m, box: m.tree.lookup('/box')!, app: m.tree.lookup('/box/app')!, memEvents: events };
}

describe('memory', () => {
  it('rounds written limits down to pages and reads "max" back', async () => {
    const m = await withMemory();
    await m.write(`${CG}/box/memory.max`, '1000000\n');
    expect(await m.read(`${CG}/box/memory.max`)).toBe('999424\n');
    await m.write(`${CG}/box/memory.max`, '256M');
    expect(await m.read(`${CG}/box/memory.max`)).toBe('268435456\n');
    await m.write(`${CG}/box/memory.max`, 'max');
    expect(await m.read(`${CG}/box/memory.max`)).toBe('max\n');
    await expect(m.write(`${CG}/box/memory.max`, '12 MB')).rejects.toMatchObject({ code: 'EINVAL' });
    expect(await m.read(`${CG}/box/memory.low`)).toBe('0\n');
    expect(await m.read(`${CG}/box/memory.high`)).toBe('max\n');
    await expect(m.write(`${CG}/box/memory.oom.group`, '2')).rejects.toMatchObject({ code: 'EINVAL' });
  });

  it('charges every level, and a parent limit binds the child', async () => {
    const m = await withMemory();
    await m.write(`${CG}/box/memory.max`, '4M');
    const pid = m.procs.spawn(m.app);
    expect(m.procs.allocate(pid, 3 * MiB).ok).toBe(true);
    expect(await m.read(`${CG}/box/app/memory.current`)).toBe(`${3 * MiB}\n`);
    expect(await m.read(`${CG}/box/memory.current`)).toBe(`${3 * MiB}\n`);
    expect(Number(await m.read(`${CG}/memory.stat`).then((s) => /^anon (\d+)$/m.exec(s)![1]))).toBe(3 * MiB);
    const other = m.procs.spawn(m.app);
    const res = m.procs.allocate(other, 2 * MiB);
    // The first process is the bigger one: the OOM killer takes it and the charge goes through.
    expect(res).toMatchObject({ ok: true, killed: [pid] });
    expect(m.procs.status.get(pid)).toBe('signal 9');
    expect(await m.memEvents('box')).toMatchObject({ max: 1, oom: 1, oom_kill: 1, oom_group_kill: 0 });
    expect(await m.memEvents('box/app')).toMatchObject({ max: 0, oom: 0, oom_kill: 1 });
    expect(await m.read(`${CG}/box/app/memory.events.local`)).toMatch(/^oom_kill 1$/m);
    expect(await m.read(`${CG}/box/memory.events.local`)).toMatch(/^oom_kill 0$/m);
    const oom = m.events.filter((e): e is CgroupOomEvent => e.type === 'cgroup.oom');
    expect(oom).toEqual([{ type: 'cgroup.oom', cgroup: '/box', killed: [pid] }]);
  });

  it('fails with ENOMEM semantics when nothing can be killed', async () => {
    const m = await withMemory();
    await m.write(`${CG}/box/memory.max`, '1M');
    const res = m.tree.memory.charge(m.app, 2 * MiB, 'kernel');
    expect(res).toMatchObject({ ok: false, killed: [], selfKilled: false });
    if (!res.ok) expect(res.overLimit).toBe(m.box);
    expect(await m.memEvents('box')).toMatchObject({ max: 1, oom: 1, oom_kill: 0 });
    // A forced charge goes over the limit but is still counted.
    expect(m.tree.memory.charge(m.app, 2 * MiB, 'kernel', { force: true }).ok).toBe(true);
    expect(await m.read(`${CG}/box/memory.current`)).toBe(`${2 * MiB}\n`);
  });

  it('with memory.oom.group the whole group goes', async () => {
    const m = await withMemory();
    await m.write(`${CG}/box/memory.max`, '8M');
    await m.write(`${CG}/box/memory.oom.group`, '1');
    const a = m.procs.spawn(m.app);
    const b = m.procs.spawn(m.app);
    m.procs.allocate(a, 5 * MiB);
    m.procs.allocate(b, 1 * MiB);
    const res = m.procs.allocate(b, 4 * MiB);
    expect(res).toMatchObject({ ok: false, selfKilled: true, killed: [a, b] });
    expect(await m.memEvents('box')).toMatchObject({ oom: 1, oom_kill: 2, oom_group_kill: 1 });
    expect(await m.read(`${CG}/box/memory.current`)).toBe('0\n');
  });

  it('reclaims page cache instead of killing, and counts the scan', async () => {
    const m = await withMemory();
    await m.write(`${CG}/box/memory.max`, '4M');
    const pid = m.procs.spawn(m.app);
    for (let i = 0; i < 10; i++) expect(m.tree.memory.charge(m.app, MiB, 'file', { pid }).ok).toBe(true);
    const stat = await m.read(`${CG}/box/memory.stat`);
    expect(stat).toMatch(new RegExp(`^file ${4 * MiB}$`, 'm'));
    expect(stat).toMatch(new RegExp(`^inactive_file ${4 * MiB}$`, 'm'));
    expect(stat).toMatch(new RegExp(`^pgsteal_direct ${6 * 256}$`, 'm'));
    expect(stat).toMatch(new RegExp(`^pgsteal ${6 * 256}$`, 'm'));
    expect(await m.memEvents('box')).toMatchObject({ max: 6, oom: 0 });
    // tmpfs pages cannot be reclaimed without swap: they push out cache, then OOM.
    const shm = m.tree.memory.charge(m.app, 4 * MiB, 'shmem', { pid });
    expect(shm.ok).toBe(true);
    expect(await m.read(`${CG}/box/memory.stat`)).toMatch(/^file 4194304$/m);
    expect(m.tree.memory.charge(m.app, MiB, 'shmem', { pid })).toMatchObject({ ok: false, selfKilled: true });
    // The tmpfs bytes belong to the cgroup and outlive the writer.
    expect(await m.read(`${CG}/box/memory.current`)).toBe(`${4 * MiB}\n`);
  });

  it('lowering memory.max below usage reclaims, then kills until it fits', async () => {
    const m = await withMemory();
    const pid = m.procs.spawn(m.app);
    m.procs.allocate(pid, 3 * MiB);
    m.tree.memory.charge(m.app, 2 * MiB, 'file');
    await m.write(`${CG}/box/memory.max`, '4M');
    expect(m.procs.alive(pid)).toBe(true);
    expect(await m.read(`${CG}/box/memory.current`)).toBe(`${4 * MiB}\n`);
    await m.write(`${CG}/box/memory.max`, '2M');
    expect(m.procs.status.get(pid)).toBe('signal 9');
    expect(await m.memEvents('box')).toMatchObject({ max: 0, oom: 1, oom_kill: 1 });
    // The cache went first, then the process with its 3 MiB.
    expect(await m.read(`${CG}/box/memory.current`)).toBe('0\n');
  });

  it('memory.high counts and reclaims without killing', async () => {
    const m = await withMemory();
    await m.write(`${CG}/box/memory.high`, '2M');
    m.tree.memory.charge(m.app, 3 * MiB, 'file');
    expect(await m.memEvents('box')).toMatchObject({ high: 1, max: 0 });
    expect(await m.read(`${CG}/box/memory.current`)).toBe(`${2 * MiB}\n`);
  });

  it('a charge stays with the cgroup it was made in when the process moves', async () => {
    const m = await withMemory();
    await m.vfs.mkdir(m.ctx, `${CG}/box/other`);
    const pid = m.procs.spawn(m.app);
    m.procs.allocate(pid, MiB);
    await m.write(`${CG}/box/other/cgroup.procs`, String(pid));
    expect(await m.read(`${CG}/box/app/memory.current`)).toBe(`${MiB}\n`);
    expect(await m.read(`${CG}/box/other/memory.current`)).toBe('0\n');
    m.procs.exit(pid);
    expect(await m.read(`${CG}/box/app/memory.current`)).toBe('0\n');
  });

  it('prints memory.stat and memory.events in the kernel order', async () => {
    const m = await withMemory();
    const keys = (await m.read(`${CG}/box/memory.stat`)).trim().split('\n').map((l) => l.split(' ')[0]);
    expect(keys).toEqual(MEMORY_STAT_KEYS);
    expect(keys.slice(0, 10)).toEqual(['anon', 'file', 'kernel', 'kernel_stack', 'pagetables', 'sec_pagetables', 'percpu', 'sock', 'vmalloc', 'shmem']);
    expect(await m.read(`${CG}/box/memory.events`)).toBe('low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\nsock_throttled 0\n');
    expect(await m.read(`${CG}/box/memory.swap.events`)).toBe('high 0\nmax 0\nfail 0\n');
    expect(await m.read(`${CG}/box/memory.numa_stat`)).toMatch(/^anon N0=0\nfile N0=0\nkernel_stack N0=0\n/);
    // The root has only the statistics.
    const rootNames = (await m.vfs.readdir(m.ctx, CG)).map((e) => e.name).filter((n) => n.startsWith('memory.'));
    expect(rootNames.sort()).toEqual(['memory.numa_stat', 'memory.pressure', 'memory.reclaim', 'memory.stat']);
  });

  it('memory.peak: the high-water mark, reset per descriptor by a write', async () => {
    const m = await withMemory();
    const pid = m.procs.spawn(m.app);
    m.procs.allocate(pid, 3 * MiB);
    m.procs.exit(pid);
    const f = await m.vfs.open(m.ctx, `${CG}/box/app/memory.peak`, O_RDWR);
    const readAt0 = async (): Promise<string> => new TextDecoder().decode(await f.pread(0, 100));
    expect(await readAt0()).toBe(`${3 * MiB}\n`);
    await f.write(new TextEncoder().encode('reset\n'));
    expect(await readAt0()).toBe('0\n');
    m.tree.memory.charge(m.app, MiB, 'kernel');
    expect(await readAt0()).toBe(`${MiB}\n`);
    expect(await m.read(`${CG}/box/app/memory.peak`)).toBe(`${3 * MiB}\n`); // other descriptors keep the global peak
    await f.close();
  });

  it('memory.reclaim takes page cache on demand and says EAGAIN when there is not enough', async () => {
    const m = await withMemory();
    m.tree.memory.charge(m.app, 2 * MiB, 'file');
    await m.write(`${CG}/box/memory.reclaim`, '1M');
    expect(await m.read(`${CG}/box/memory.current`)).toBe(`${MiB}\n`);
    await expect(m.write(`${CG}/box/memory.reclaim`, '2M')).rejects.toMatchObject({ code: 'EAGAIN' });
    await expect(m.write(`${CG}/box/memory.reclaim`, 'lots')).rejects.toMatchObject({ code: 'EINVAL' });
    await expect(m.read(`${CG}/box/memory.reclaim`)).rejects.toMatchObject({ code: 'EINVAL' });
  });
});

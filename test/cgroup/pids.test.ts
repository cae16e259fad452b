// The pids controller: fork refused with EAGAIN at the first ancestor whose limit would be
// exceeded, v2's event counting (where the limit was hit, and up the tree), the kernel log line,
// zombies counting until reaped, migration never refused, and the fork-refused event.

import { describe, expect, it } from 'vitest';
import type { CgroupForkRefusedEvent } from '../../src/kernel/events.ts';
import { bootCgroupMachine, CG } from './cgroup-machine.ts';

async function withPids() {
  const m = await bootCgroupMachine();
  await m.write(`${CG}/cgroup.subtree_control`, '+pids');
  await m.vfs.mkdir(m.ctx, `${CG}/parent`);
  await m.write(`${CG}/parent/cgroup.subtree_control`, '+pids');
  await m.vfs.mkdir(m.ctx, `${CG}/parent/child`);
  return { ...m, parent: m.tree.lookup('/parent')!, child: m.tree.lookup('/parent/child')! };
}

describe('pids', () => {
  it('the effective limit is the smallest up the path; the refusal counts where the limit was hit', async () => {
    const m = await withPids();
    await m.write(`${CG}/parent/pids.max`, '3');
    await m.write(`${CG}/parent/child/pids.max`, '100'); // above its parent: accepted
    expect(await m.read(`${CG}/parent/child/pids.max`)).toBe('100\n');
    const pids = [m.procs.spawn(m.child), m.procs.spawn(m.child), m.procs.spawn(m.child)];
    expect(m.tree.fork(5000, m.child)).toBe(false);
    expect(m.tree.fork(5001, m.child)).toBe(false);
    expect(await m.read(`${CG}/parent/pids.current`)).toBe('3\n');
    expect(await m.read(`${CG}/parent/child/pids.current`)).toBe('3\n');
    // v2: counted in the cgroup whose limit was hit (and its ancestors), not where forking.
    expect(await m.read(`${CG}/parent/pids.events`)).toBe('max 2\n');
    expect(await m.read(`${CG}/parent/pids.events.local`)).toBe('max 2\n');
    expect(await m.read(`${CG}/parent/child/pids.events`)).toBe('max 0\n');
    expect(m.log).toEqual(['cgroup: fork rejected by pids controller in /parent/child']);
    const refused = m.events.filter((e): e is CgroupForkRefusedEvent => e.type === 'cgroup.fork-refused');
    expect(refused[0]).toEqual({ type: 'cgroup.fork-refused', cgroup: '/parent/child', limitedBy: '/parent', max: 3 });
    // Nothing is killed; freeing a slot lets the next fork through.
    expect(pids.every((p) => m.procs.alive(p))).toBe(true);
    m.procs.exit(pids[0]!);
    expect(m.tree.fork(5002, m.child)).toBe(false); // a zombie still counts
    m.procs.reap(pids[0]!);
    expect(m.tree.fork(5003, m.child)).toBe(true);
  });

  it('pids_localevents counts refusals where the fork was tried', async () => {
    const m = await withPids();
    m.tree.flags.add('pids_localevents');
    await m.write(`${CG}/parent/pids.max`, '1');
    m.procs.spawn(m.child);
    expect(m.tree.fork(5000, m.child)).toBe(false);
    expect(await m.read(`${CG}/parent/pids.events`)).toBe('max 0\n');
    expect(await m.read(`${CG}/parent/child/pids.events`)).toBe('max 1\n');
    expect(await m.read(`${CG}/parent/child/pids.events.local`)).toBe('max 1\n');
  });

  it('lets migration exceed the limit, and a lower limit keeps existing tasks', async () => {
    const m = await withPids();
    await m.write(`${CG}/parent/child/pids.max`, '1');
    const a = m.procs.spawn();
    const b = m.procs.spawn();
    await m.write(`${CG}/parent/child/cgroup.procs`, String(a));
    await m.write(`${CG}/parent/child/cgroup.procs`, String(b));
    expect(await m.read(`${CG}/parent/child/pids.current`)).toBe('2\n');
    expect(await m.read(`${CG}/parent/child/pids.peak`)).toBe('2\n');
    await m.write(`${CG}/parent/child/pids.max`, '0');
    expect(m.procs.alive(a) && m.procs.alive(b)).toBe(true);
    expect(m.tree.fork(5000, m.child)).toBe(false);
  });

  it('parses pids.max as the kernel does', async () => {
    const m = await withPids();
    const f = `${CG}/parent/pids.max`;
    const tryWrite = (v: string) => m.write(f, v).then(() => 'ok', (e) => e.code);
    expect(await tryWrite('0x10\n')).toBe('ok');
    expect(await m.read(f)).toBe('16\n');
    expect(await tryWrite(' max \n')).toBe('ok');
    expect(await m.read(f)).toBe('max\n');
    expect(await tryWrite('-1')).toBe('EINVAL');
    expect(await tryWrite('4194305')).toBe('EINVAL');
    expect(await tryWrite('4194304')).toBe('ok');
    expect(await tryWrite('lots')).toBe('EINVAL');
    expect(await tryWrite('99999999999999999999')).toBe('ERANGE');
  });

  it('moves task charges when the pids controller is switched on or off above them', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/a`);
    const pid = m.procs.spawn(m.tree.lookup('/a')!);
    await m.write(`${CG}/cgroup.subtree_control`, '+pids');
    expect(await m.read(`${CG}/a/pids.current`)).toBe('1\n');
    await m.write(`${CG}/cgroup.subtree_control`, '-pids');
    await m.write(`${CG}/cgroup.subtree_control`, '+pids');
    expect(await m.read(`${CG}/a/pids.current`)).toBe('1\n');
    m.procs.exit(pid);
    m.procs.reap(pid);
    expect(await m.read(`${CG}/a/pids.current`)).toBe('0\n');
  });
});

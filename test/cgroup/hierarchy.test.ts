// The hierarchy's rules with their errnos, driven on the tree directly: top-down controllers,
// no internal processes (domain controllers only), migration, removal, dying cgroups, freeze,
// kill, and the /proc/PID/cgroup path.

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/kernel/clock.ts';
import { cgroupPath, procCgroupLine } from '../../src/kernel/cgroup/cgroup-path.ts';
import { CgroupTree } from '../../src/kernel/cgroup/cgroup-tree.ts';
import { FakeProcs } from './cgroup-machine.ts';

function setup(): { tree: CgroupTree; procs: FakeProcs; clock: ManualClock } {
  const clock = new ManualClock();
  const tree = new CgroupTree({ clock });
  const procs = new FakeProcs(tree);
  tree.hooks = procs.hooks;
  return { tree, procs, clock };
}

const errno = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('structure', () => {
  it('creates and removes cgroups with Linux errnos', () => {
    const { tree, procs } = setup();
    const a = tree.mkdir(tree.root, 'a');
    expect(a.id).toBeGreaterThan(tree.root.id);
    expect(errno(() => tree.mkdir(tree.root, 'a'))).toBe('EEXIST');
    expect(errno(() => tree.mkdir(tree.root, 'x\ny'))).toBe('EINVAL');
    const b = tree.mkdir(a, 'b');
    expect(tree.lookup('/a/b')).toBe(b);
    expect(errno(() => tree.rmdir(a))).toBe('EBUSY');
    const pid = procs.spawn(b);
    expect(errno(() => tree.rmdir(b))).toBe('EBUSY');
    procs.exit(pid);
    expect(errno(() => tree.rmdir(b))).toBe('ok'); // a zombie does not hold it
    expect(b.removed).toBe(true);
    expect(errno(() => tree.mkdir(b, 'c'))).toBe('ENOENT');
    expect(errno(() => tree.rmdir(tree.root))).toBe('EBUSY');
    expect(tree.root.nrDescendants).toBe(1);
  });

  it('enforces max.depth and max.descendants of every ancestor', () => {
    const { tree } = setup();
    const a = tree.mkdir(tree.root, 'a');
    a.maxDepth = 1;
    const b = tree.mkdir(a, 'b');
    expect(errno(() => tree.mkdir(b, 'c'))).toBe('EAGAIN');
    a.maxDepth = Infinity;
    tree.root.maxDescendants = 2;
    expect(errno(() => tree.mkdir(b, 'c'))).toBe('EAGAIN');
    expect(errno(() => tree.mkdir(tree.root, 'z'))).toBe('EAGAIN');
  });
});

describe('controllers, top-down', () => {
  it('offers a child only what its parent enables, and withdraws only what no child passes on', () => {
    const { tree } = setup();
    const a = tree.mkdir(tree.root, 'a');
    const b = tree.mkdir(a, 'b');
    expect(tree.root.controllers).toEqual(['cpu', 'memory', 'pids']);
    expect(a.controllers).toEqual([]);
    expect(errno(() => tree.planSubtreeControl(a, ['+memory']))).toBe('ENOENT');
    expect(errno(() => tree.planSubtreeControl(a, ['+io']))).toBe('ENOENT');
    expect(errno(() => tree.planSubtreeControl(a, ['+cpuacct']))).toBe('EINVAL');
    expect(errno(() => tree.planSubtreeControl(a, ['memory']))).toBe('EINVAL');
    tree.applySubtreeControl(tree.root, tree.planSubtreeControl(tree.root, ['+pids', '+memory']));
    expect(a.controllers).toEqual(['memory', 'pids']);
    expect(a.css.memory).toBeDefined();
    tree.applySubtreeControl(a, tree.planSubtreeControl(a, ['+memory']));
    expect(b.css.memory?.parent).toBe(a.css.memory);
    expect(errno(() => tree.planSubtreeControl(tree.root, ['-memory']))).toBe('EBUSY');
    tree.applySubtreeControl(a, tree.planSubtreeControl(a, ['-memory']));
    expect(b.css.memory).toBeUndefined();
    expect(tree.effective(b, 'memory')).toBe(a.css.memory);
  });

  it('keeps processes out of cgroups that pass domain controllers on (and vice versa)', () => {
    const { tree, procs } = setup();
    tree.applySubtreeControl(tree.root, tree.planSubtreeControl(tree.root, ['+memory', '+pids', '+cpu']));
    const a = tree.mkdir(tree.root, 'a');
    const leaf = tree.mkdir(a, 'leaf');
    const pid = procs.spawn(a);
    expect(errno(() => tree.planSubtreeControl(a, ['+memory']))).toBe('EBUSY');
    // Threaded controllers (pids, cpu) may sit beside processes while no child is populated.
    tree.applySubtreeControl(a, tree.planSubtreeControl(a, ['+pids', '+cpu']));
    expect(errno(() => tree.migrate(procs.spawn(tree.root), a))).toBe('ok');
    tree.migrate(pid, leaf);
    // Now a child is populated: a may take no more processes while it passes controllers on.
    expect(errno(() => tree.migrate(procs.spawn(tree.root), a))).toBe('EBUSY');
    expect(errno(() => tree.migrate(procs.spawn(tree.root), tree.root))).toBe('ok'); // the root is exempt
  });
});

describe('membership', () => {
  it('tracks populated through the subtree and ignores zombies', () => {
    const { tree, procs } = setup();
    const a = tree.mkdir(tree.root, 'a');
    const b = tree.mkdir(a, 'b');
    const pid = procs.spawn(b);
    expect([a.populated, b.populated]).toEqual([true, true]);
    expect([...b.procs]).toEqual([pid]);
    procs.exit(pid);
    expect([a.populated, b.populated, b.procs.size]).toEqual([false, false, 0]);
    expect(tree.cgroupOf(pid)).toBe(b);
    procs.reap(pid);
    expect(tree.cgroupOf(pid)).toBeNull();
  });

  it('moves processes: ESRCH for unknown ones, EOPNOTSUPP for threads across domains', () => {
    const { tree, procs } = setup();
    const a = tree.mkdir(tree.root, 'a');
    const pid = procs.spawn();
    expect(errno(() => tree.migrate(424242, a))).toBe('ESRCH');
    expect(errno(() => tree.migrate(pid, a, true))).toBe('EOPNOTSUPP');
    tree.migrate(pid, a);
    expect(tree.cgroupOf(pid)).toBe(a);
    expect(errno(() => tree.migrate(pid, a, true))).toBe('ok');
  });
});

describe('dying cgroups', () => {
  it('keeps a removed cgroup alive while memory is charged to it', () => {
    const { tree, procs } = setup();
    tree.applySubtreeControl(tree.root, tree.planSubtreeControl(tree.root, ['+memory']));
    const a = tree.mkdir(tree.root, 'a');
    const pid = procs.spawn(a);
    const res = tree.memory.charge(a, 8192, 'shmem');
    procs.exit(pid);
    tree.rmdir(a);
    expect(tree.nrDyingDescendants(tree.root)).toBe(1);
    expect(tree.nrDyingSubsys(tree.root, 'memory')).toBe(1);
    expect(tree.root.css.memory!.usage).toBe(8192);
    if (res.ok) tree.memory.uncharge(res.owner, 8192, 'shmem');
    expect(tree.nrDyingSubsys(tree.root, 'memory')).toBe(0);
    expect(tree.nrDyingDescendants(tree.root)).toBe(1); // the zombie still holds its pids charge
    procs.reap(pid);
    expect(tree.nrDyingDescendants(tree.root)).toBe(0);
  });
});

describe('freeze and kill', () => {
  it('freezes a subtree, tells the kernel which processes, and times it', () => {
    const { tree, procs, clock } = setup();
    const calls: Array<[number[], boolean]> = [];
    tree.hooks = { ...procs.hooks, freeze: (pids, frozen) => calls.push([[...pids], frozen]) };
    const a = tree.mkdir(tree.root, 'a');
    const b = tree.mkdir(a, 'b');
    const pid = procs.spawn(b);
    tree.setFreeze(a, true);
    expect([tree.isFrozen(a), tree.isFrozen(b), b.freeze]).toEqual([true, true, false]);
    expect(tree.isFrozen(tree.mkdir(a, 'new'))).toBe(true);
    clock.advance(2_500_000n);
    expect(tree.frozenUsec(b)).toBe(2500);
    tree.setFreeze(a, false);
    expect(calls).toEqual([[[pid], true], [[pid], false]]);
    clock.advance(1_000_000n);
    expect(tree.frozenUsec(b)).toBe(2500);
    // Moving into a frozen cgroup freezes the process.
    tree.setFreeze(a, true);
    calls.length = 0;
    tree.migrate(procs.spawn(), b);
    expect(calls[0]![1]).toBe(true);
  });

  it('cgroup.kill kills the whole subtree through the kernel', () => {
    const { tree, procs } = setup();
    const a = tree.mkdir(tree.root, 'a');
    const p1 = procs.spawn(a);
    const p2 = procs.spawn(tree.mkdir(a, 'b'));
    const other = procs.spawn();
    tree.kill(a);
    expect([procs.status.get(p1), procs.status.get(p2), procs.alive(other)]).toEqual(['signal 9', 'signal 9', true]);
    expect(a.populated).toBe(false);
  });
});

describe('paths', () => {
  it('prints /proc/PID/cgroup lines, inside and outside a cgroup namespace', () => {
    const { tree } = setup();
    const a = tree.mkdir(tree.root, 'a');
    const b = tree.mkdir(a, 'b');
    const c = tree.mkdir(a, 'c');
    expect(cgroupPath(tree.root)).toBe('/');
    expect(procCgroupLine(b)).toBe('0::/a/b\n');
    expect(procCgroupLine(b, b)).toBe('0::/\n');
    expect(procCgroupLine(tree.root, b)).toBe('0::/../..\n');
    expect(procCgroupLine(c, b)).toBe('0::/../c\n');
    tree.rmdir(c);
    expect(procCgroupLine(c)).toBe('0::/a/c (deleted)\n');
  });
});

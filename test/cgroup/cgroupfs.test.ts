// cgroupfs through the VFS: mkdir/rmdir of cgroups, `echo > file` writes and reads back, file
// modes, seq_file-style snapshots, ENODEV for a handle whose file went away, controller files
// coming and going with cgroup.subtree_control, mount options, namespace mounts, and per-caller
// pid views.

import { describe, expect, it } from 'vitest';
import { O_RDONLY, O_WRONLY } from '../../src/abi/open-flags.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { CgroupTree } from '../../src/kernel/cgroup/cgroup-tree.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { TmpFs } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import { Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import type { CgroupChargeEvent } from '../../src/kernel/events.ts';
import { bootCgroupMachine, CG } from './cgroup-machine.ts';
import { text } from '../helpers/machine.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('cgroupfs', () => {
  it('mkdir makes a cgroup, echo sets a limit, cat reads it back', async () => {
    const m = await bootCgroupMachine();
    await m.write(`${CG}/cgroup.subtree_control`, '+memory +pids\n');
    expect(await m.read(`${CG}/cgroup.subtree_control`)).toBe('memory pids\n');
    await m.vfs.mkdir(m.ctx, `${CG}/x`, 0o700);
    expect(m.tree.lookup('/x')).not.toBeNull();
    await m.write(`${CG}/x/memory.max`, '100M\n');
    expect(await m.read(`${CG}/x/memory.max`)).toBe('104857600\n');
    await m.write(`${CG}/x/pids.max`, '10\n');
    expect(await m.read(`${CG}/x/pids.max`)).toBe('10\n');
    expect(await m.read(`${CG}/x/cgroup.controllers`)).toBe('memory pids\n');
    const st = await m.vfs.stat(m.ctx, `${CG}/x`);
    expect(st.mode & 0o7777).toBe(0o700);
    expect(st.ino).toBe(m.tree.lookup('/x')!.id);
    expect((await m.vfs.stat(m.ctx, CG)).nlink).toBe(3);
    await m.vfs.rmdir(m.ctx, `${CG}/x`);
    expect(m.tree.lookup('/x')).toBeNull();
    await expect(m.vfs.stat(m.ctx, `${CG}/x`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('gives files the modes cgroup_file_mode() gives', async () => {
    const m = await bootCgroupMachine();
    await m.write(`${CG}/cgroup.subtree_control`, '+memory +cpu');
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    const mode = async (f: string): Promise<number> => (await m.vfs.stat(m.ctx, `${CG}/x/${f}`)).mode;
    expect(await mode('cgroup.controllers')).toBe(0o100444);
    expect(await mode('cgroup.procs')).toBe(0o100644);
    expect(await mode('cgroup.kill')).toBe(0o100200);
    expect(await mode('memory.max')).toBe(0o100644);
    expect(await mode('memory.current')).toBe(0o100444);
    expect(await mode('memory.reclaim')).toBe(0o100200);
    expect(await mode('cpu.max')).toBe(0o100644);
    expect((await m.vfs.stat(m.ctx, `${CG}/x/memory.max`)).size).toBe(0);
    // Read-only files refuse the write itself, not the open, even for root.
    await expect(m.write(`${CG}/x/memory.current`, '5')).rejects.toMatchObject({ code: 'EINVAL' });
  });

  it('answers everything but mkdir and rmdir as kernfs does', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    await expect(m.vfs.writeFile(m.ctx, `${CG}/x/notes`, 'hi')).rejects.toMatchObject({ code: 'EACCES' });
    await expect(m.vfs.unlink(m.ctx, `${CG}/x/cgroup.procs`)).rejects.toMatchObject({ code: 'EPERM' });
    await expect(m.vfs.rename(m.ctx, `${CG}/x`, `${CG}/y`)).rejects.toMatchObject({ code: 'EPERM' });
    await expect(m.vfs.mkdir(m.ctx, `${CG}/x/cgroup.procs`)).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(m.vfs.rmdir(m.ctx, `${CG}/x/cgroup.procs`)).rejects.toMatchObject({ code: 'ENOTDIR' });
    await m.vfs.setxattr(m.ctx, `${CG}/x`, 'user.owner', enc('ci'));
    expect(text(await m.vfs.getxattr(m.ctx, `${CG}/x`, 'user.owner'))).toBe('ci');
    await m.vfs.chmod(m.ctx, `${CG}/x/cgroup.procs`, 0o666);
    await m.vfs.chown(m.ctx, `${CG}/x/cgroup.procs`, 1000, 1000);
    const st = await m.vfs.stat(m.ctx, `${CG}/x/cgroup.procs`);
    expect([st.mode & 0o777, st.uid]).toEqual([0o666, 1000]);
    await expect(m.write(`${CG}/x/cgroup.procs`, 'x'.repeat(4097))).rejects.toMatchObject({ code: 'E2BIG' });
  });

  it('renders at the first read and continues in the same text; a new read from 0 renders again', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    const x = m.tree.lookup('/x')!;
    const a = m.procs.spawn(x);
    const f = await m.vfs.open(m.ctx, `${CG}/x/cgroup.procs`, O_RDONLY);
    const first = text(await f.read(2));
    const b = m.procs.spawn(x);
    expect(first + text(await f.read(100))).toBe(`${a}\n`);
    await f.seek(0, 0);
    expect(text(await f.read(100))).toBe(`${a}\n${b}\n`);
    await f.close();
  });

  it('a handle whose file went away answers ENODEV', async () => {
    const m = await bootCgroupMachine();
    await m.write(`${CG}/cgroup.subtree_control`, '+pids');
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    const stat = await m.vfs.open(m.ctx, `${CG}/x/cgroup.stat`, O_RDONLY);
    const max = await m.vfs.open(m.ctx, `${CG}/x/pids.max`, O_WRONLY);
    await m.write(`${CG}/cgroup.subtree_control`, '-pids');
    await expect(m.vfs.stat(m.ctx, `${CG}/x/pids.max`)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(max.write(enc('5'))).rejects.toMatchObject({ code: 'ENODEV' });
    await m.vfs.rmdir(m.ctx, `${CG}/x`);
    await expect(stat.read(100)).rejects.toMatchObject({ code: 'ENODEV' });
    // Re-enabled, the controller brings fresh files with the default values.
    await m.write(`${CG}/cgroup.subtree_control`, '+pids');
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    expect(await m.read(`${CG}/x/pids.max`)).toBe('max\n');
  });

  it('refuses to enable a controller whose file name a grandchild cgroup already has', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    await m.vfs.mkdir(m.ctx, `${CG}/x/memory.max`); // fine while memory is off
    await expect(m.write(`${CG}/cgroup.subtree_control`, '+memory')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await m.read(`${CG}/cgroup.subtree_control`)).toBe('');
    await m.vfs.rmdir(m.ctx, `${CG}/x/memory.max`);
    await m.write(`${CG}/cgroup.subtree_control`, '+memory');
    await expect(m.vfs.mkdir(m.ctx, `${CG}/x/memory.max`)).rejects.toMatchObject({ code: 'EEXIST' }); // now a file
    await expect(m.vfs.mkdir(m.ctx, `${CG}/memory.x`)).resolves.toBeUndefined();
  });

  it('moves processes through cgroup.procs: 0 is the writer, unknown pids are ESRCH', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    await m.write(`${CG}/x/cgroup.procs`, '0\n');
    expect(m.tree.cgroupOf(m.procs.current)).toBe(m.tree.lookup('/x'));
    expect(await m.read(`${CG}/x/cgroup.procs`)).toBe(`${m.procs.current}\n`);
    expect(await m.read(`${CG}/x/cgroup.events`)).toBe('populated 1\nfrozen 0\n');
    await expect(m.write(`${CG}/x/cgroup.procs`, '31337')).rejects.toMatchObject({ code: 'ESRCH' });
    await expect(m.write(`${CG}/x/cgroup.procs`, '1 2')).rejects.toMatchObject({ code: 'EINVAL' });
  });

  it('shows pids as the caller sees them', async () => {
    const clock = new ManualClock();
    const tree = new CgroupTree({ clock });
    const vfs = new Vfs({ clock });
    // Callers in a pid namespace see pid 1000 as 1 and nothing else.
    registerFilesystems(vfs, { tree, hooks: { displayPid: (pid, caller) => (caller === 'in-ns' ? (pid === 1000 ? 1 : 0) : pid) } });
    const ctx = await vfs.newRootContext(new TmpFs({ dev: vfs.allocDev(), clock, mode: 0o755 }));
    await vfs.mkdir(ctx, '/cg');
    await vfs.mount(ctx, 'cgroup2', '/cg', 'cgroup2');
    tree.fork(1000, tree.root);
    tree.fork(1001, tree.root);
    expect(text(await vfs.readFile(ctx, '/cg/cgroup.procs'))).toBe('1000\n1001\n');
    expect(text(await vfs.readFile({ ...ctx, caller: 'in-ns' }, '/cg/cgroup.procs'))).toBe('1\n0\n');
  });

  it('mounts inside a cgroup namespace show its root, with the files the real root lacks', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/box`);
    await m.vfs.chmod(m.ctx, `${CG}/box/cgroup.procs`, 0o664);
    m.procs.nsRoot = m.tree.lookup('/box');
    await m.vfs.mkdir(m.ctx, '/inner');
    await m.vfs.mount(m.ctx, 'cgroup2', '/inner', 'cgroup2');
    const names = (await m.vfs.readdir(m.ctx, '/inner')).map((e) => e.name);
    expect(names).toContain('cgroup.type');
    expect(names).toContain('cgroup.events');
    expect((await m.vfs.stat(m.ctx, '/inner/cgroup.procs')).mode & 0o777).toBe(0o664);
    await m.vfs.mkdir(m.ctx, '/inner/app');
    expect(m.tree.lookup('/box/app')).not.toBeNull();
    // A second mount of the same hierarchy root is the same superblock.
    m.procs.nsRoot = null;
    await m.vfs.mkdir(m.ctx, '/again');
    await m.vfs.mount(m.ctx, 'cgroup2', '/again', 'cgroup2');
    expect((await m.vfs.stat(m.ctx, '/again')).dev).toBe((await m.vfs.stat(m.ctx, CG)).dev);
    expect((await m.vfs.stat(m.ctx, '/again/box')).ino).toBe((await m.vfs.stat(m.ctx, `${CG}/box`)).ino);
  });

  it('takes the hierarchy-wide mount options and refuses others', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, '/m');
    await expect(m.vfs.mount(m.ctx, 'cgroup2', '/m', 'cgroup2', 'bogus')).rejects.toMatchObject({ code: 'EINVAL' });
    await m.vfs.mount(m.ctx, 'cgroup2', '/m', 'cgroup2', 'nsdelegate,memory_recursiveprot');
    const fs = (await m.vfs.lookup(m.ctx, '/m')).mount.fs;
    expect(fs.mountOptions()).toBe('rw,nsdelegate,memory_recursiveprot');
    expect([...m.tree.flags]).toEqual(['nsdelegate', 'memory_recursiveprot']);
  });

  it('cgroup.pressure 0 hides the pressure files; triggers are parsed, one per descriptor', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    const f = await m.vfs.open(m.ctx, `${CG}/x/memory.pressure`, O_WRONLY);
    await expect(f.write(enc('some 150000 1000000'))).resolves.toBe(19);
    await expect(f.write(enc('some 150000 1000000'))).rejects.toMatchObject({ code: 'EBUSY' });
    await expect(m.write(`${CG}/x/cpu.pressure`, 'some 150000 100')).rejects.toMatchObject({ code: 'EINVAL' });
    await m.write(`${CG}/x/cgroup.pressure`, '0');
    const names = (await m.vfs.readdir(m.ctx, `${CG}/x`)).map((e) => e.name);
    expect(names.filter((n) => n.endsWith('.pressure'))).toEqual(['cgroup.pressure']);
  });

  it('reports charges as events', async () => {
    const m = await bootCgroupMachine();
    await m.write(`${CG}/cgroup.subtree_control`, '+memory');
    await m.vfs.mkdir(m.ctx, `${CG}/x`);
    await m.write(`${CG}/x/memory.max`, '1M');
    m.tree.memory.charge(m.tree.lookup('/x')!, 8192, 'anon');
    const charges = m.events.filter((e): e is CgroupChargeEvent => e.type === 'cgroup.charge' && e.controller === 'memory');
    expect(charges).toEqual([{ type: 'cgroup.charge', cgroup: '/x', controller: 'memory', delta: 8192, usage: 8192, limit: 1 << 20 }]);
  });
});

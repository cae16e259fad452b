// sysfs mounts share one tree (as kernfs nodes are shared by every sysfs superblock), while each
// mount keeps its own device number and read-only state, which /proc/self/mountinfo shows.

import { describe, expect, it } from 'vitest';
import { bootMachine } from '../helpers/machine.ts';

describe('sysfs', () => {
  it('shows the same directories in every mount, each with its own superblock', async () => {
    const { vfs, ctx } = await bootMachine();
    for (const d of ['/sys', '/c1', '/c2']) await vfs.mkdir(ctx, d);
    await vfs.mount(ctx, 'sysfs', '/sys', 'sysfs', 'nosuid,nodev,noexec');
    await vfs.mount(ctx, 'sysfs', '/c1', 'sysfs', 'ro,nosuid,nodev,noexec');
    await vfs.mount(ctx, 'sysfs', '/c2', 'sysfs', 'ro');
    const names = async (p: string): Promise<string[]> => (await vfs.readdir(ctx, p)).map((e) => e.name).sort();
    expect(await names('/c1')).toEqual(await names('/sys'));
    expect(await names('/c2/fs')).toEqual(['cgroup']);
    expect((await vfs.stat(ctx, '/c1/fs/cgroup')).ino).toBe((await vfs.stat(ctx, '/sys/fs/cgroup')).ino);

    const mounts = ctx.mounts.list().filter((m) => m.fs.type === 'sysfs');
    expect(mounts).toHaveLength(3);
    expect(new Set(mounts.map((m) => m.fs.dev)).size).toBe(3);
    expect(mounts.map((m) => m.readOnly)).toEqual([false, true, true]);
    expect(mounts.map((m) => m.fs.mountOptions())).toEqual(['rw', 'ro', 'ro']);

    // Read-only mounts refuse changes; the host's rw mount still takes them.
    await expect(vfs.mkdir(ctx, '/c1/new')).rejects.toMatchObject({ code: 'EROFS' });
    await vfs.mkdir(ctx, '/sys/kernel/x');
    expect(await names('/c1/kernel')).toEqual(['x']);
  });

  it('mounts a file system on a directory of one sysfs mount only', async () => {
    const { vfs, ctx } = await bootMachine();
    for (const d of ['/sys', '/c1']) await vfs.mkdir(ctx, d);
    await vfs.mount(ctx, 'sysfs', '/sys', 'sysfs', '');
    await vfs.mount(ctx, 'sysfs', '/c1', 'sysfs', 'ro');
    await vfs.mount(ctx, 'tmpfs', '/c1/fs/cgroup', 'tmpfs', '');
    await vfs.writeFile(ctx, '/c1/fs/cgroup/f', 'x');
    expect((await vfs.readdir(ctx, '/c1/fs/cgroup')).map((e) => e.name)).toEqual(['f']);
    expect(await vfs.readdir(ctx, '/sys/fs/cgroup')).toEqual([]);
  });
});

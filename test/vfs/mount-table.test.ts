// The mount table's bookkeeping: one directory that is a mount point under two parent mounts,
// a lazy unmount letting go of every mount it took away, and settings objects that mounts
// share (a remount of one must not change the others).

import { describe, expect, it } from 'vitest';
import { bootMachine, text } from '../helpers/machine.ts';

describe('mount table', () => {
  it('keeps apart mounts on one directory reached through two mounts', async () => {
    const { vfs, ctx } = await bootMachine();
    for (const d of ['/src', '/src/x', '/dst']) await vfs.mkdir(ctx, d);
    await vfs.bindMount(ctx, '/src', '/dst');
    await vfs.mount(ctx, 'tmpfs', '/src/x', 'tmpfs');
    await vfs.mount(ctx, 'tmpfs', '/dst/x', 'tmpfs');
    await vfs.writeFile(ctx, '/src/x/f', 'under src');
    await vfs.writeFile(ctx, '/dst/x/g', 'under dst');
    expect((await vfs.readdir(ctx, '/src/x')).map((e) => e.name)).toEqual(['f']);
    expect((await vfs.readdir(ctx, '/dst/x')).map((e) => e.name)).toEqual(['g']);
    await vfs.umount(ctx, '/dst/x');
    expect(await vfs.readdir(ctx, '/dst/x')).toEqual([]);
    expect(text(await vfs.readFile(ctx, '/src/x/f'))).toBe('under src');
    await vfs.umount(ctx, '/src/x');
    expect(await vfs.readdir(ctx, '/src/x')).toEqual([]);
  });

  it('forgets every mount point of a lazily unmounted tree', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/a');
    await vfs.mount(ctx, 'tmpfs', '/a', 'tmpfs');
    await vfs.mkdir(ctx, '/a/b');
    await vfs.mount(ctx, 'tmpfs', '/a/b', 'tmpfs');
    await vfs.mkdir(ctx, '/a/b/c');
    await vfs.mount(ctx, 'tmpfs', '/a/b/c', 'tmpfs');
    const b = await vfs.lookup(ctx, '/a/b', false);
    const c = await vfs.lookup(ctx, '/a/b/c', false);
    expect(ctx.mounts.list()).toHaveLength(4);
    await vfs.umount(ctx, '/a', true);
    expect(ctx.mounts.list()).toHaveLength(1);
    // Nothing in the table still points at the mounts that left with /a.
    expect(ctx.mounts.mountedOn(b.mount.parent!, b.mount.mountpoint!.node)).toBeUndefined();
    expect(ctx.mounts.mountedOn(c.mount.parent!, c.mount.mountpoint!.node)).toBeUndefined();
    await vfs.mount(ctx, 'tmpfs', '/a', 'tmpfs');
    expect(await vfs.readdir(ctx, '/a')).toEqual([]);
  });

  it('remounts one mount without changing others made with the same settings', async () => {
    const { vfs, ctx } = await bootMachine();
    for (const d of ['/one', '/two']) await vfs.mkdir(ctx, d);
    await vfs.mount(ctx, 'tmpfs', '/one', 'tmpfs', 'nosuid,nodev');
    await vfs.mount(ctx, 'tmpfs', '/two', 'tmpfs', 'nosuid,nodev');
    const one = (await vfs.lookup(ctx, '/one', false)).mount;
    const two = (await vfs.lookup(ctx, '/two', false)).mount;
    expect(one.options).toBe(two.options);
    await vfs.mount(ctx, 'none', '/one', '', 'remount,bind,ro,nosuid');
    await expect(vfs.writeFile(ctx, '/one/f', 'x')).rejects.toMatchObject({ code: 'EROFS' });
    await vfs.writeFile(ctx, '/two/f', 'x');
    expect(vfs.optionsOf(one)).toMatch(/^ro,nosuid/);
    expect(vfs.optionsOf(two)).toMatch(/^rw,nosuid,nodev/);
  });
});

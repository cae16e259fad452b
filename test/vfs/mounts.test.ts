// Mount tables: crossing into mounts, `..` back out of them, bind mounts, stacking, umount
// rules, read-only mounts, and the events a mount reports.

import { describe, expect, it } from 'vitest';
import { O_RDONLY } from '../../src/abi/open-flags.ts';
import { bootMachine, text } from '../helpers/machine.ts';

describe('mounts', () => {
  it('shows the mounted filesystem and hides what was below', async () => {
    const { vfs, ctx, events } = await bootMachine();
    await vfs.mkdir(ctx, '/mnt');
    await vfs.writeFile(ctx, '/mnt/under', 'hidden');
    await vfs.mount(ctx, 'tmpfs', '/mnt', 'tmpfs', 'mode=700');
    expect(await vfs.readdir(ctx, '/mnt')).toEqual([]);
    expect((await vfs.stat(ctx, '/mnt')).mode & 0o7777).toBe(0o700);
    expect((await vfs.stat(ctx, '/mnt')).dev).not.toBe((await vfs.stat(ctx, '/')).dev);
    await vfs.writeFile(ctx, '/mnt/over', 'x');
    await vfs.umount(ctx, '/mnt');
    expect((await vfs.readdir(ctx, '/mnt')).map((e) => e.name)).toEqual(['under']);
    expect(events.map((e) => e.type)).toEqual(['mount.add', 'mount.remove']);
    expect(events[0]).toMatchObject({ fsType: 'tmpfs', target: '/mnt', options: 'rw,mode=700' });
  });

  it('walks `..` from a mount root back to the parent mount', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/a');
    await vfs.mkdir(ctx, '/a/m');
    await vfs.writeFile(ctx, '/a/sibling', 'here');
    await vfs.mount(ctx, 'tmpfs', '/a/m', 'tmpfs');
    expect(text(await vfs.readFile(ctx, '/a/m/../sibling'))).toBe('here');
    const inside = await vfs.chdir(ctx, '/a/m');
    expect(vfs.getcwd(inside)).toBe('/a/m');
    expect(text(await vfs.readFile(inside, '../sibling'))).toBe('here');
  });

  it('bind-mounts a directory and a file', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/src');
    await vfs.writeFile(ctx, '/src/f', 'one');
    await vfs.mkdir(ctx, '/dst');
    await vfs.bindMount(ctx, '/src', '/dst');
    await vfs.writeFile(ctx, '/dst/g', 'two');
    expect(text(await vfs.readFile(ctx, '/src/g'))).toBe('two');
    await vfs.writeFile(ctx, '/target-file', '');
    await vfs.bindMount(ctx, '/src/f', '/target-file');
    expect(text(await vfs.readFile(ctx, '/target-file'))).toBe('one');
    await expect(vfs.bindMount(ctx, '/src', '/target-file')).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('refuses to remove or unmount what is in use', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/m');
    await vfs.mount(ctx, 'tmpfs', '/m', 'tmpfs');
    await expect(vfs.rmdir(ctx, '/m')).rejects.toMatchObject({ code: 'EBUSY' });
    await expect(vfs.rename(ctx, '/m', '/n')).rejects.toMatchObject({ code: 'EBUSY' });
    await vfs.mkdir(ctx, '/m/inner');
    await vfs.mount(ctx, 'tmpfs', '/m/inner', 'tmpfs');
    await expect(vfs.umount(ctx, '/m')).rejects.toMatchObject({ code: 'EBUSY' });
    await expect(vfs.umount(ctx, '/')).rejects.toMatchObject({ code: 'EINVAL' });
    await expect(vfs.umount(ctx, '/m/inner/')).resolves.toBeUndefined();
    await expect(vfs.rename(ctx, '/m/x', '/y')).rejects.toMatchObject({ code: 'EXDEV' });
    await expect(vfs.mount(ctx, 'nosuchfs', '/m', 'nosuchfs')).rejects.toMatchObject({ code: 'ENODEV' });
  });

  it('stacks a second mount on the first and unmounts the top one', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/m');
    await vfs.mount(ctx, 'tmpfs', '/m', 'tmpfs');
    await vfs.writeFile(ctx, '/m/first', '');
    await vfs.mount(ctx, 'tmpfs', '/m', 'tmpfs');
    expect(await vfs.readdir(ctx, '/m')).toEqual([]);
    await vfs.umount(ctx, '/m');
    expect((await vfs.readdir(ctx, '/m')).map((e) => e.name)).toEqual(['first']);
  });

  it('makes a read-only mount refuse writes with EROFS but still read', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/m');
    await vfs.mount(ctx, 'tmpfs', '/m', 'tmpfs', 'ro');
    await expect(vfs.writeFile(ctx, '/m/f', 'x')).rejects.toMatchObject({ code: 'EROFS' });
    await expect(vfs.mkdir(ctx, '/m/d')).rejects.toMatchObject({ code: 'EROFS' });
    await expect(vfs.open(ctx, '/m', O_RDONLY)).resolves.toBeDefined();
  });

  it('only lets root mount', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/m');
    const user = { ...ctx, cred: { uid: 1000, gid: 1000, groups: [] } };
    await expect(vfs.mount(user, 'tmpfs', '/m', 'tmpfs')).rejects.toMatchObject({ code: 'EPERM' });
  });

  it('confines a chrooted process and resolves its absolute paths inside', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/jail');
    await vfs.writeFile(ctx, '/jail/inside', 'in');
    await vfs.writeFile(ctx, '/outside', 'out');
    const jailed = await vfs.chdir(await vfs.chroot(ctx, '/jail'), '/');
    expect(text(await vfs.readFile(jailed, '/inside'))).toBe('in');
    expect(text(await vfs.readFile(jailed, '/../../inside'))).toBe('in');
    await expect(vfs.readFile(jailed, '/outside')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(vfs.getcwd(jailed)).toBe('/');
  });
});

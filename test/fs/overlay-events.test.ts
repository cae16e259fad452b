// Overlay behaviour the recordings cannot show: the events it reports as it copies up, writes
// whiteouts and marks directories opaque, and its mount-time option checks.

import { describe, expect, it } from 'vitest';
import { O_RDONLY, O_WRONLY } from '../../src/abi/open-flags.ts';
import { bootMachine, text } from '../helpers/machine.ts';

async function layered() {
  const m = await bootMachine();
  const { vfs, ctx } = m;
  for (const d of ['/l1', '/l2', '/u', '/w', '/m', '/l2/etc', '/l2/opt', '/l2/opt/app']) await vfs.mkdir(ctx, d, 0o755);
  await vfs.writeFile(ctx, '/l2/etc/motd', 'hello\n');
  await vfs.writeFile(ctx, '/l2/opt/app/run', 'x');
  await vfs.mount(ctx, 'overlay', '/m', 'overlay', 'lowerdir=/l1:/l2,upperdir=/u,workdir=/w');
  m.events.length = 0;
  return m;
}

describe('overlay events', () => {
  it('reports a copy-up with its source layer, target layer and full size', async () => {
    const { vfs, ctx, events } = await layered();
    const f = await vfs.open(ctx, '/m/etc/motd', O_WRONLY | 0o2000);
    await f.write(new TextEncoder().encode('more\n'));
    await f.close();
    expect(text(await vfs.readFile(ctx, '/m/etc/motd'))).toBe('hello\nmore\n');
    expect(text(await vfs.readFile(ctx, '/l2/etc/motd'))).toBe('hello\n');
    expect(events).toEqual([
      expect.objectContaining({ type: 'fs.copy-up', path: '/etc', fileType: 'dir', from: '/l2', to: '/u' }),
      expect.objectContaining({ type: 'fs.copy-up', path: '/etc/motd', fileType: 'file', from: '/l2', to: '/u', bytes: 6, reason: 'open for write' }),
    ]);
  });

  it('reports a whiteout and an opaque directory', async () => {
    const { vfs, ctx, events } = await layered();
    await vfs.unlink(ctx, '/m/opt/app/run');
    await vfs.rmdir(ctx, '/m/opt/app');
    await vfs.mkdir(ctx, '/m/opt/app');
    const kinds = events.map((e) => `${e.type} ${'path' in e ? e.path : ''}`);
    expect(kinds).toEqual([
      'fs.copy-up /opt', 'fs.copy-up /opt/app', 'fs.whiteout /opt/app/run', 'fs.whiteout /opt/app', 'fs.opaque /opt/app',
    ]);
    expect(await vfs.readdir(ctx, '/m/opt/app')).toEqual([]);
  });

  it('reads through an fd opened before another writer copied the file up', async () => {
    const { vfs, ctx } = await layered();
    const reader = await vfs.open(ctx, '/m/etc/motd', O_RDONLY);
    await vfs.writeFile(ctx, '/m/etc/motd', 'new\n');
    expect(text(await reader.read(100))).toBe('new\n');
    await reader.close();
  });
});

describe('overlay mount options', () => {
  it('checks its layers as Linux 6.18 does', async () => {
    const { vfs, ctx } = await bootMachine();
    for (const d of ['/lo', '/lo/up', '/u', '/u/w', '/w', '/m']) await vfs.mkdir(ctx, d);
    const mount = (o: string) => vfs.mount(ctx, 'overlay', '/m', 'overlay', o);
    await expect(mount('upperdir=/u,workdir=/w')).rejects.toMatchObject({ code: 'EINVAL' });
    await expect(mount('lowerdir=/lo,upperdir=/u')).rejects.toMatchObject({ code: 'EINVAL' });
    await expect(mount('lowerdir=/lo,upperdir=/u,workdir=/u/w')).rejects.toMatchObject({ code: 'EINVAL' });
    await expect(mount('lowerdir=/lo,upperdir=/u,workdir=/u')).rejects.toMatchObject({ code: 'EINVAL' });
    await expect(mount('lowerdir=/lo/up,upperdir=/lo,workdir=/w')).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(mount('lowerdir=/nope,upperdir=/u,workdir=/w')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(mount('lowerdir=/lo,upperdir=/u,workdir=/w,bogus=1')).rejects.toMatchObject({ code: 'EINVAL' });
    await mount('lowerdir=/lo,upperdir=/lo/up,workdir=/w');
    expect((await vfs.lstat(ctx, '/w/work')).mode & 0o7777).toBe(0);
  });

  it('is read-only without an upper layer', async () => {
    const { vfs, ctx } = await bootMachine();
    for (const d of ['/a', '/b', '/m']) await vfs.mkdir(ctx, d);
    await vfs.writeFile(ctx, '/b/f', 'x');
    await vfs.mount(ctx, 'overlay', '/m', 'overlay', 'lowerdir=/a:/b');
    expect(text(await vfs.readFile(ctx, '/m/f'))).toBe('x');
    await expect(vfs.writeFile(ctx, '/m/f', 'y')).rejects.toMatchObject({ code: 'EROFS' });
    await expect(vfs.mkdir(ctx, '/m/f')).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(vfs.unlink(ctx, '/m/f')).rejects.toMatchObject({ code: 'EROFS' });
  });
});

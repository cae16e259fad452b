// Overlay mounts over the same image share the objects that describe its lower layers
// (src/kernel/fs/overlay/shared.ts), but never an answer: a change the host makes to a lower
// directory shows to every mount that had not looked the name up yet, always to a mount made
// after it, and never breaks a mount that had. Also the overlay's small child cache, which
// turns from a flat list into a map as a directory's cached names grow.

import { describe, expect, it } from 'vitest';
import { O_WRONLY } from '../../src/abi/open-flags.ts';
import type { OvlNode } from '../../src/kernel/fs/overlay/inode.ts';
import { bootMachine, text } from '../helpers/machine.ts';

/** An "image" in /img and two containers' overlays over it, each with its own init layer. */
async function twoContainers() {
  const m = await bootMachine();
  const { vfs, ctx } = m;
  for (const d of ['/img', '/img/bin', '/img/etc']) await vfs.mkdir(ctx, d, 0o755);
  await vfs.writeFile(ctx, '/img/bin/sh', 'shell');
  await vfs.writeFile(ctx, '/img/etc/motd', 'hello\n');
  for (const c of ['a', 'b']) {
    for (const d of [`/${c}`, `/${c}/init`, `/${c}/init/etc`, `/${c}/u`, `/${c}/w`, `/${c}/m`]) await vfs.mkdir(ctx, d, 0o755);
    await vfs.writeFile(ctx, `/${c}/init/etc/hostname`, `${c}\n`);
    await vfs.mount(ctx, 'overlay', `/${c}/m`, 'overlay', `lowerdir=/${c}/init:/img,upperdir=/${c}/u,workdir=/${c}/w`);
  }
  const mountNew = async (c: string) => {
    for (const d of [`/${c}`, `/${c}/u`, `/${c}/w`, `/${c}/m`]) await vfs.mkdir(ctx, d, 0o755);
    await vfs.mount(ctx, 'overlay', `/${c}/m`, 'overlay', `lowerdir=/img,upperdir=/${c}/u,workdir=/${c}/w`);
  };
  const node = async (path: string) => (await vfs.lookup(ctx, path, false)).node as OvlNode;
  return { ...m, mountNew, node };
}

describe('overlay mounts of one image', () => {
  it('share the description of a lower object, each with its own merged directories', async () => {
    const { vfs, ctx, node } = await twoContainers();
    const a = await node('/a/m/bin/sh');
    const b = await node('/b/m/bin/sh');
    expect(a).not.toBe(b);
    expect(a.lowers).toBe(b.lowers);
    // /etc merges each container's init layer with the image: its own stack.
    expect((await node('/a/m/etc')).lowers).not.toBe((await node('/b/m/etc')).lowers);
    expect(text(await vfs.readFile(ctx, '/a/m/etc/hostname'))).toBe('a\n');
    expect(text(await vfs.readFile(ctx, '/b/m/etc/hostname'))).toBe('b\n');
    expect((await vfs.stat(ctx, '/a/m/bin/sh')).dev).not.toBe((await vfs.stat(ctx, '/b/m/bin/sh')).dev);
  });

  it('see a file the host adds to a lower directory, unless they had looked the name up', async () => {
    const { vfs, ctx, mountNew } = await twoContainers();
    await expect(vfs.stat(ctx, '/a/m/bin/new')).rejects.toMatchObject({ code: 'ENOENT' });
    await vfs.writeFile(ctx, '/img/bin/new', 'added');
    // Linux leaves a change under a mounted overlay undefined; here a mount that had not asked
    // sees it, and one that had keeps its answer. A mount made after the change always sees it.
    expect(text(await vfs.readFile(ctx, '/b/m/bin/new'))).toBe('added');
    await expect(vfs.stat(ctx, '/a/m/bin/new')).rejects.toMatchObject({ code: 'ENOENT' });
    await mountNew('c');
    expect(text(await vfs.readFile(ctx, '/c/m/bin/new'))).toBe('added');
  });

  it('see a lower file the host rewrites, and survive one the host deletes', async () => {
    const { vfs, ctx, mountNew } = await twoContainers();
    expect(text(await vfs.readFile(ctx, '/a/m/etc/motd'))).toBe('hello\n');
    const f = await vfs.open(ctx, '/img/etc/motd', O_WRONLY | 0o1000);
    await f.write(new TextEncoder().encode('changed\n'));
    await f.close();
    expect(text(await vfs.readFile(ctx, '/a/m/etc/motd'))).toBe('changed\n');
    expect(text(await vfs.readFile(ctx, '/b/m/etc/motd'))).toBe('changed\n');
    await vfs.unlink(ctx, '/img/etc/motd');
    // The mounts that had it cached still hold the (now unlinked) file; nothing breaks.
    expect(text(await vfs.readFile(ctx, '/a/m/etc/motd'))).toBe('changed\n');
    expect(text(await vfs.readFile(ctx, '/b/m/etc/motd'))).toBe('changed\n');
    await mountNew('c');
    await expect(vfs.stat(ctx, '/c/m/etc/motd')).rejects.toMatchObject({ code: 'ENOENT' });
    // Writing through the mount that kept it copies the old object up, in that mount only.
    await vfs.writeFile(ctx, '/a/m/etc/motd', 'mine\n');
    expect(text(await vfs.readFile(ctx, '/a/u/etc/motd'))).toBe('mine\n');
    await expect(vfs.stat(ctx, '/img/etc/motd')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('copy up in one container without touching the shared lower description', async () => {
    const { vfs, ctx, node } = await twoContainers();
    const shared = (await node('/b/m/bin/sh')).lowers;
    await vfs.writeFile(ctx, '/a/m/bin/sh', 'patched');
    expect(text(await vfs.readFile(ctx, '/a/m/bin/sh'))).toBe('patched');
    expect(text(await vfs.readFile(ctx, '/b/m/bin/sh'))).toBe('shell');
    expect(text(await vfs.readFile(ctx, '/img/bin/sh'))).toBe('shell');
    expect((await node('/b/m/bin/sh')).lowers).toBe(shared);
    expect(shared).toHaveLength(1);
  });
});

describe('overlay child cache', () => {
  it('keeps answers right as a directory caches more names than its flat list holds', async () => {
    const { vfs, ctx } = await twoContainers();
    const names = Array.from({ length: 14 }, (_, i) => `f${i}`);
    for (const n of names.slice(0, 10)) await vfs.writeFile(ctx, `/img/etc/${n}`, n);
    // Misses, lower hits and new upper files, interleaved, past the switch to a map.
    for (const n of names) {
      if (names.indexOf(n) < 10) expect(text(await vfs.readFile(ctx, `/a/m/etc/${n}`))).toBe(n);
      else await expect(vfs.stat(ctx, `/a/m/etc/${n}`)).rejects.toMatchObject({ code: 'ENOENT' });
    }
    await vfs.writeFile(ctx, '/a/m/etc/f12', 'new');
    await vfs.unlink(ctx, '/a/m/etc/f3');
    await vfs.rename(ctx, '/a/m/etc/f12', '/a/m/etc/f13');
    await expect(vfs.stat(ctx, '/a/m/etc/f3')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(vfs.stat(ctx, '/a/m/etc/f12')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(text(await vfs.readFile(ctx, '/a/m/etc/f13'))).toBe('new');
    const listed = (await vfs.readdir(ctx, '/a/m/etc')).map((e) => e.name).sort();
    expect(listed).toEqual([...names.slice(0, 10).filter((n) => n !== 'f3'), 'f13', 'hostname', 'motd'].sort());
  });
});

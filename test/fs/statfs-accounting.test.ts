// statfs of the memory-tree filesystems counts what their files take, as Linux's do: tmpfs by the
// pages written (holes take none) under its size= and nr_inodes= limits, which fail writes and
// creates with ENOSPC; diskfs by its files' blocks under a 1 GiB ext4, the same after a reload
// from its rows or its tree image; overlay reports its upper filesystem's figures.

import { describe, expect, it } from 'vitest';
import { O_CREAT, O_RDWR, O_WRONLY } from '../../src/abi/open-flags.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { MEM_TOTAL_KB } from '../../src/kernel/fs/procfs/machine.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { TmpFs, tmpfsLimits } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import { DevFs } from '../../src/kernel/fs/devfs/devfs.ts';
import { type FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { machineOn } from '../helpers/disk-machine.ts';
import { errnoOf } from '../helpers/errno.ts';

const expectErrno = async (p: Promise<unknown>, code: string) => expect(await errnoOf(p)).toBe(code);

async function tmpfsMachine(options = 'size=1m,nr_inodes=10') {
  const clock = new ManualClock();
  const vfs = new Vfs({ clock });
  registerFilesystems(vfs);
  const ctx = await vfs.newRootContext(new TmpFs({ clock, mode: 0o755 }));
  await vfs.mkdir(ctx, '/mnt', 0o755);
  await vfs.mount(ctx, 'none', '/mnt', 'tmpfs', options);
  return { vfs, ctx };
}

const statfs = async (vfs: Vfs, ctx: FsContext, path: string) => (await vfs.lookup(ctx, path)).mount.fs.statfs();
const blocks = async (vfs: Vfs, ctx: FsContext, path: string) => (await vfs.lstat(ctx, path)).blocks;

describe('tmpfs statfs and limits', () => {
  it('reports size= and nr_inodes= with the root inode used', async () => {
    const { vfs, ctx } = await tmpfsMachine();
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ bsize: 4096, blocks: 256, bfree: 256, bavail: 256, files: 10, ffree: 9 });
  });

  it('defaults to half the machine\'s memory in pages, for blocks and inodes alike', async () => {
    const { vfs, ctx } = await tmpfsMachine('');
    const half = MEM_TOTAL_KB / 4 / 2;
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ blocks: half, bfree: half, files: half, ffree: half - 1 });
    expect((await vfs.lookup(ctx, '/mnt')).mount.fs.mountOptions()).toBe('rw');
  });

  it('counts pages written, gives them back at truncate and unlink, and holes take none', async () => {
    const { vfs, ctx } = await tmpfsMachine();
    await vfs.writeFile(ctx, '/mnt/f', new Uint8Array(5000));
    expect(await blocks(vfs, ctx, '/mnt/f')).toBe(16);
    expect((await statfs(vfs, ctx, '/mnt')).bfree).toBe(254);
    await vfs.truncate(ctx, '/mnt/f', 100);
    expect(await blocks(vfs, ctx, '/mnt/f')).toBe(8);
    await vfs.truncate(ctx, '/mnt/f', 1 << 30);
    expect((await vfs.stat(ctx, '/mnt/f')).size).toBe(1 << 30);
    expect((await statfs(vfs, ctx, '/mnt')).bfree).toBe(255);
    // One byte far out takes its one page; the hole before it none.
    const f = await vfs.open(ctx, '/mnt/sparse', O_WRONLY | O_CREAT, 0o644);
    await f.pwrite(409600, new Uint8Array([1]));
    await f.close();
    expect(await blocks(vfs, ctx, '/mnt/sparse')).toBe(8);
    expect((await statfs(vfs, ctx, '/mnt')).bfree).toBe(254);
    await vfs.unlink(ctx, '/mnt/f');
    await vfs.unlink(ctx, '/mnt/sparse');
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ bfree: 256, ffree: 9 });
  });

  it('counts a hard-linked file\'s pages once, but each extra name as an inode', async () => {
    const { vfs, ctx } = await tmpfsMachine();
    await vfs.writeFile(ctx, '/mnt/a', new Uint8Array(8192));
    await vfs.link(ctx, '/mnt/a', '/mnt/b');
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ bfree: 254, ffree: 7 });
    await vfs.unlink(ctx, '/mnt/a');
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ bfree: 254, ffree: 8 });
    await vfs.rename(ctx, '/mnt/b', '/mnt/c');
    await vfs.unlink(ctx, '/mnt/c');
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ bfree: 256, ffree: 9 });
  });

  it('frees an unlinked file\'s pages at its last close', async () => {
    const { vfs, ctx } = await tmpfsMachine();
    const f = await vfs.open(ctx, '/mnt/f', O_RDWR | O_CREAT, 0o644);
    await f.write(new Uint8Array(40960));
    await vfs.unlink(ctx, '/mnt/f');
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ bfree: 246, ffree: 8 });
    await f.close();
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ bfree: 256, ffree: 9 });
  });

  it('stops a write at size=: the bytes that fit, then ENOSPC', async () => {
    const { vfs, ctx } = await tmpfsMachine();
    const f = await vfs.open(ctx, '/mnt/f', O_WRONLY | O_CREAT, 0o644);
    expect(await f.write(new Uint8Array(700 * 1024))).toBe(700 * 1024);
    // 324 KiB left: a 700 KiB write stops there.
    expect(await f.write(new Uint8Array(700 * 1024))).toBe(324 * 1024);
    await expectErrno(f.write(new Uint8Array(1)), 'ENOSPC');
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ blocks: 256, bfree: 0, bavail: 0 });
    // Pages already there take new bytes; growing the size without pages is allowed too.
    expect(await f.pwrite(10, new Uint8Array(4000))).toBe(4000);
    await vfs.truncate(ctx, '/mnt/f', 1 << 30);
    // A write that starts inside a page the file has keeps that page's bytes.
    const g = await vfs.open(ctx, '/mnt/f', O_WRONLY);
    expect(await g.pwrite(1048576 - 10, new Uint8Array(100))).toBe(10);
    await g.close();
    await f.close();
    await vfs.unlink(ctx, '/mnt/f');
    expect((await statfs(vfs, ctx, '/mnt')).bfree).toBe(256);
  });

  it('fails creates past nr_inodes with ENOSPC', async () => {
    const { vfs, ctx } = await tmpfsMachine('nr_inodes=4');
    await vfs.writeFile(ctx, '/mnt/a', 'a');
    await vfs.mkdir(ctx, '/mnt/d', 0o755);
    await vfs.symlink(ctx, 'a', '/mnt/s');
    expect((await statfs(vfs, ctx, '/mnt')).ffree).toBe(0);
    await expectErrno(vfs.writeFile(ctx, '/mnt/b', 'b'), 'ENOSPC');
    await expectErrno(vfs.mkdir(ctx, '/mnt/e', 0o755), 'ENOSPC');
    await expectErrno(vfs.link(ctx, '/mnt/a', '/mnt/c'), 'ENOSPC');
    await vfs.unlink(ctx, '/mnt/s');
    await vfs.writeFile(ctx, '/mnt/b', 'b');
  });

  it('gives a symlink a page when its target is 128 bytes or more', async () => {
    const { vfs, ctx } = await tmpfsMachine();
    await vfs.symlink(ctx, 'a'.repeat(127), '/mnt/short');
    await vfs.symlink(ctx, 'a'.repeat(128), '/mnt/long');
    expect(await blocks(vfs, ctx, '/mnt/short')).toBe(0);
    expect(await blocks(vfs, ctx, '/mnt/long')).toBe(8);
    expect(await blocks(vfs, ctx, '/mnt')).toBe(0);
    expect((await statfs(vfs, ctx, '/mnt')).bfree).toBe(255);
  });

  it('reads size= as bytes, k/m/g, pages or a percentage of memory, and refuses the rest', async () => {
    expect(tmpfsLimits('size=4097', MEM_TOTAL_KB)).toEqual({ blocks: 2 });
    expect(tmpfsLimits('mode=755,size=1G,nr_inodes=2k', MEM_TOTAL_KB)).toEqual({ blocks: 262144, inodes: 2048 });
    expect(tmpfsLimits('nr_blocks=10', MEM_TOTAL_KB)).toEqual({ blocks: 10 });
    // 10% of 24684096 kB is 617103 pages on Linux (bytes rounded down, then up to pages).
    expect(tmpfsLimits('size=10%', 24684096)).toEqual({ blocks: 617103 });
    for (const bad of ['size=1.5m', 'size=', 'nr_inodes=10%', 'size=1x']) expect(() => tmpfsLimits(bad, MEM_TOTAL_KB)).toThrow();
    const { vfs, ctx } = await tmpfsMachine('size=100k,nr_inodes=1k,mode=700');
    expect((await vfs.lookup(ctx, '/mnt')).mount.fs.mountOptions()).toBe('rw,size=100k,nr_inodes=1024,mode=700');
    await expectErrno(vfs.mount(ctx, 'none', '/mnt', 'tmpfs', 'size=1.5m'), 'EINVAL');
  });

  it('takes size=0 and nr_inodes=0 as no limit, reported as 0', async () => {
    const { vfs, ctx } = await tmpfsMachine('size=0,nr_inodes=0');
    await vfs.writeFile(ctx, '/mnt/f', new Uint8Array(3 << 20));
    expect(await statfs(vfs, ctx, '/mnt')).toMatchObject({ blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0 });
    expect((await vfs.lookup(ctx, '/mnt')).mount.fs.mountOptions()).toBe('rw,size=0k,nr_inodes=0');
  });
});

/** A copy of a disk's store (with or without its tree image), so each reopening frees the orphan once. */
async function copyOf(store: MemoryStore, withImage: boolean): Promise<MemoryStore> {
  const copy = new MemoryStore();
  const tx = copy.begin();
  for (const [k, v] of await store.scan('')) if (withImage || k !== 'tree') tx.put(k, v);
  await tx.commit();
  return copy;
}

describe('the other memory trees', () => {
  it('gives devtmpfs tmpfs\'s default limits, and sysfs and mqueue no figures at all', async () => {
    const { vfs, ctx } = await tmpfsMachine();
    const half = MEM_TOTAL_KB / 4 / 2;
    const dev = await DevFs.create(1, new ManualClock());
    const s = await dev.statfs();
    expect(s).toMatchObject({ type: 0x01021994, blocks: half, bfree: half, files: half });
    // The root, the seven standard devices, four links, pts/ and shm/.
    expect(s.files - s.ffree).toBe(14);
    for (const type of ['sysfs', 'mqueue']) {
      await vfs.mkdir(ctx, `/${type}`, 0o755);
      await vfs.mount(ctx, type, `/${type}`, type);
      expect(await statfs(vfs, ctx, `/${type}`)).toMatchObject({ bsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0 });
    }
  });
});

describe('diskfs statfs', () => {
  const DISK = 262144;
  const RESERVED = 13107;

  it('reports a 1 GiB ext4 with 5% kept for root, less its directories and files', async () => {
    const m = await machineOn(new MemoryStore());
    const before = await m.fs.statfs();
    expect(before).toMatchObject({ type: 0xef53, bsize: 4096, blocks: DISK, files: 65536 });
    expect(before.bavail).toBe(before.bfree - RESERVED);
    await m.vfs.mkdir(m.ctx, '/d', 0o755);
    await m.vfs.writeFile(m.ctx, '/d/f', new Uint8Array(10000));
    await m.vfs.symlink(m.ctx, 'x'.repeat(60), '/d/long');
    await m.vfs.symlink(m.ctx, 'x'.repeat(59), '/d/fast');
    expect((await m.vfs.lstat(m.ctx, '/d/long')).blocks).toBe(8);
    expect((await m.vfs.lstat(m.ctx, '/d/fast')).blocks).toBe(0);
    const after = await m.fs.statfs();
    // A directory block, three file blocks, one symlink block; four inodes.
    expect(before.bfree - after.bfree).toBe(5);
    expect(before.ffree - after.ffree).toBe(4);
    await m.vfs.link(m.ctx, '/d/f', '/d/g');
    expect((await m.fs.statfs()).ffree).toBe(after.ffree);
    await m.vfs.truncate(m.ctx, '/d/f', 1);
    expect(before.bfree - (await m.fs.statfs()).bfree).toBe(3);
  });

  it('reports the same usage when reopened from its rows and from its tree image', async () => {
    const store = new MemoryStore();
    const a = await machineOn(store);
    await a.vfs.mkdir(a.ctx, '/d', 0o755);
    await a.vfs.mkdir(a.ctx, '/d/e', 0o755);
    for (let i = 0; i < 5; i++) await a.vfs.writeFile(a.ctx, `/d/e/f${i}`, new Uint8Array(5000 * (i + 1)));
    await a.vfs.symlink(a.ctx, 'y'.repeat(80), '/d/long');
    await a.vfs.link(a.ctx, '/d/e/f4', '/d/hard');
    await a.vfs.writeFile(a.ctx, '/d/sparse', 'x');
    await a.vfs.truncate(a.ctx, '/d/sparse', 300000);
    // Unlinked while open when the machine stops: a reload frees it.
    const open = await a.vfs.open(a.ctx, '/d/orphan', O_WRONLY | O_CREAT, 0o644);
    await open.write(new Uint8Array(20000));
    await a.fs.sync();
    await a.vfs.unlink(a.ctx, '/d/orphan');
    const held = await a.fs.statfs();
    await a.fs.sync();
    // What the disk holds once the orphan's five blocks and its inode are given back.
    const used = { ...held, bfree: held.bfree + 5, bavail: held.bavail + 5, ffree: held.ffree + 1 };
    const fromRows = await machineOn(await copyOf(store, false));
    expect(await fromRows.fs.statfs()).toEqual(used);
    expect(await a.fs.saveTreeImage()).toBe(true);
    const fromImage = await machineOn(await copyOf(store, true));
    expect(await fromImage.fs.statfs()).toEqual(used);
    // Lazily made inodes are not counted twice, and changes after the reload still count.
    expect((await fromImage.vfs.readdir(fromImage.ctx, '/d/e')).length).toBeGreaterThan(4);
    await fromImage.vfs.unlink(fromImage.ctx, '/d/e/f0');
    await fromRows.vfs.unlink(fromRows.ctx, '/d/e/f0');
    expect(await fromImage.fs.statfs()).toEqual(await fromRows.fs.statfs());
    expect((await fromImage.fs.statfs()).bfree).toBe(used.bfree + 2);
    await open.close();
    expect(await a.fs.statfs()).toEqual(used);
  });
});

describe('overlay statfs', () => {
  it('reports its upper filesystem\'s figures with overlay\'s type, and they move', async () => {
    const { vfs, ctx } = await tmpfsMachine();
    for (const d of ['/mnt/lower', '/mnt/upper', '/mnt/work', '/merged']) await vfs.mkdir(ctx, d, 0o755);
    await vfs.writeFile(ctx, '/mnt/lower/big', new Uint8Array(40960));
    await vfs.mount(ctx, 'overlay', '/merged', 'overlay', 'lowerdir=/mnt/lower,upperdir=/mnt/upper,workdir=/mnt/work');
    const before = await statfs(vfs, ctx, '/merged');
    expect(before).toMatchObject({ type: 0x794c7630, blocks: 256, bfree: 246 });
    await vfs.writeFile(ctx, '/merged/new', new Uint8Array(8192));
    expect((await statfs(vfs, ctx, '/merged')).bfree).toBe(244);
    // A copy-up takes the whole file in the upper layer.
    const f = await vfs.open(ctx, '/merged/big', O_WRONLY);
    await f.pwrite(0, new Uint8Array([1]));
    await f.close();
    expect((await statfs(vfs, ctx, '/merged')).bfree).toBe(234);
  });
});

// diskfs persistence: what a process wrote is in the Store when the call returns (data when its
// file is closed), a reopened filesystem shows the same tree, chunks are shared and freed, and a
// Store that runs out of room fails the call with ENOSPC and loses nothing already stored.

import { machineOn } from '../helpers/disk-machine.ts';
import { describe, expect, it } from 'vitest';
import { pattern } from '../helpers/bytes.ts';
import { O_CREAT, O_RDWR, O_WRONLY } from '../../src/abi/open-flags.ts';
import { CHUNK_SIZE } from '../../src/kernel/fs/storage/blob-store.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import type { Store } from '../../src/kernel/fs/storage/store.ts';


const text = (b: Uint8Array) => new TextDecoder().decode(b);
/** Byte equality without vitest's element-by-element diffing of large arrays. */
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** Counts the Store's committed transactions from now on: the getter returns the count so far. */
function countCommits(store: Store): () => number {
  let commits = 0;
  const begin = store.begin.bind(store);
  store.begin = () => {
    const tx = begin();
    const commit = tx.commit.bind(tx);
    tx.commit = async () => {
      commits++;
      return commit();
    };
    return tx;
  };
  return () => commits;
}

describe('diskfs', () => {
  it('batch() writes everything done inside it in one transaction at its end', async () => {
    const store = new MemoryStore();
    const commits = countCommits(store);
    const a = await machineOn(store);
    const before = commits();
    await a.fs.batch(async () => {
      await a.vfs.mkdir(a.ctx, '/etc', 0o755);
      for (let i = 0; i < 20; i++) await a.vfs.writeFile(a.ctx, `/etc/f${i}`, `file ${i}\n`);
      expect(commits()).toBe(before);
    });
    expect(commits()).toBe(before + 1);
    const b = await machineOn(store);
    expect(text(await b.vfs.readFile(b.ctx, '/etc/f19'))).toBe('file 19\n');
    await a.vfs.writeFile(a.ctx, '/etc/after', 'x');
    expect(commits()).toBeGreaterThan(before + 1);
  });

  it('writes a fresh disk\'s root with its first write-back, not when it opens', async () => {
    const store = new MemoryStore();
    const commits = countCommits(store);
    const a = await machineOn(store);
    expect(commits()).toBe(0);
    // Opened again before anything was written back: still a fresh disk, an empty root.
    const again = await machineOn(store);
    expect(await again.vfs.readdir(again.ctx, '/')).toEqual([]);
    await a.vfs.mkdir(a.ctx, '/etc', 0o755);
    expect(commits()).toBe(1);
    const b = await machineOn(store);
    expect((await b.vfs.stat(b.ctx, '/etc')).mode & 0o7777).toBe(0o755);
    expect((await b.vfs.stat(b.ctx, '/')).mode & 0o7777).toBe(0o755);
  });

  it('keeps a whole tree across a reopen', async () => {
    const store = new MemoryStore();
    const a = await machineOn(store);
    await a.vfs.mkdir(a.ctx, '/etc', 0o755);
    await a.vfs.writeFile(a.ctx, '/etc/hostname', 'cowbox\n');
    await a.vfs.symlink(a.ctx, 'hostname', '/etc/link');
    await a.vfs.link(a.ctx, '/etc/hostname', '/etc/hard');
    await a.vfs.mknod(a.ctx, '/etc/wh', 0o020000, 0);
    await a.vfs.setxattr(a.ctx, '/etc', 'trusted.overlay.opaque', new TextEncoder().encode('y'));
    await a.vfs.chown(a.ctx, '/etc/hostname', 1000, 1000);
    await a.vfs.rename(a.ctx, '/etc/hard', '/hard');
    await a.vfs.writeFile(a.ctx, '/big', pattern(3 * CHUNK_SIZE + 17));

    const b = await machineOn(store);
    expect(text(await b.vfs.readFile(b.ctx, '/etc/link'))).toBe('cowbox\n');
    expect(await b.vfs.stat(b.ctx, '/hard')).toMatchObject({ nlink: 2, uid: 1000, gid: 1000 });
    expect((await b.vfs.lstat(b.ctx, '/etc/wh')).mode).toBe(0o020000);
    expect(text(await b.vfs.getxattr(b.ctx, '/etc', 'trusted.overlay.opaque'))).toBe('y');
    expect(same(await b.vfs.readFile(b.ctx, '/big'), pattern(3 * CHUNK_SIZE + 17))).toBe(true);
    expect((await b.vfs.readdir(b.ctx, '/etc')).map((e) => e.name).sort()).toEqual(['hostname', 'link', 'wh']);
    expect((await b.vfs.stat(b.ctx, '/')).nlink).toBe(3);
    // New inode numbers do not collide with restored ones.
    await b.vfs.writeFile(b.ctx, '/new', 'n');
    const inos = await Promise.all(['/', '/etc', '/etc/hostname', '/etc/link', '/big', '/new'].map(async (p) => (await b.vfs.lstat(b.ctx, p)).ino));
    expect(new Set(inos).size).toBe(inos.length);
  });

  it('stores identical bytes once and frees chunks nobody uses', async () => {
    const store = new MemoryStore();
    const m = await machineOn(store);
    const data = pattern(2 * CHUNK_SIZE);
    await m.vfs.writeFile(m.ctx, '/a', data);
    const one = await m.blobs.physicalBytes();
    await m.vfs.writeFile(m.ctx, '/b', data);
    expect(await m.blobs.physicalBytes()).toBe(one);
    await m.vfs.unlink(m.ctx, '/a');
    expect(await m.blobs.physicalBytes()).toBe(one);
    await m.vfs.unlink(m.ctx, '/b');
    expect(await m.blobs.physicalBytes()).toBe(0);
  });

  it('keeps an unlinked file readable while it is open, then frees it', async () => {
    const store = new MemoryStore();
    const m = await machineOn(store);
    await m.vfs.writeFile(m.ctx, '/tmpfile', pattern(100));
    const f = await m.vfs.open(m.ctx, '/tmpfile', O_RDWR);
    await m.vfs.unlink(m.ctx, '/tmpfile');
    expect(await f.read(100)).toEqual(pattern(100));
    expect(await m.blobs.physicalBytes()).toBeGreaterThan(0);
    await f.close();
    expect(await m.blobs.physicalBytes()).toBe(0);
  });

  it('writes data back when the file is closed, not before', async () => {
    const store = new MemoryStore();
    const m = await machineOn(store);
    const f = await m.vfs.open(m.ctx, '/log', O_CREAT | O_WRONLY);
    await f.write(new TextEncoder().encode('line\n'));
    expect(await m.blobs.physicalBytes()).toBe(0);
    await f.close();
    const again = await machineOn(store);
    expect(text(await again.vfs.readFile(again.ctx, '/log'))).toBe('line\n');
  });

  it('shares chunks when an overlay copies a file up, and charges its full size', async () => {
    const store = new MemoryStore();
    const m = await machineOn(store);
    for (const d of ['/lower', '/upper', '/work', '/merged']) await m.vfs.mkdir(m.ctx, d);
    await m.vfs.writeFile(m.ctx, '/lower/blob', pattern(5 * CHUNK_SIZE + 3));
    await m.vfs.mount(m.ctx, 'overlay', '/merged', 'overlay', 'lowerdir=/lower,upperdir=/upper,workdir=/work');
    const before = await m.blobs.physicalBytes();
    await m.vfs.chmod(m.ctx, '/merged/blob', 0o600);
    expect(await m.blobs.physicalBytes()).toBe(before);
    expect((await m.vfs.stat(m.ctx, '/upper/blob')).size).toBe(5 * CHUNK_SIZE + 3);
    // A later write changes one chunk of the copy and none of the original.
    const f = await m.vfs.open(m.ctx, '/merged/blob', O_WRONLY);
    await f.pwrite(CHUNK_SIZE, pattern(10, 99));
    await f.close();
    expect(await m.blobs.physicalBytes()).toBe(before + CHUNK_SIZE);
    expect(same(await m.vfs.readFile(m.ctx, '/lower/blob'), pattern(5 * CHUNK_SIZE + 3))).toBe(true);
  });

  it('fails with ENOSPC when the store is full, and keeps what was stored', async () => {
    const store = new MemoryStore({ quotaBytes: 200_000 });
    const m = await machineOn(store);
    await m.vfs.writeFile(m.ctx, '/small', 'kept');
    await expect(m.vfs.writeFile(m.ctx, '/huge', pattern(4 * CHUNK_SIZE))).rejects.toMatchObject({ code: 'ENOSPC' });
    const again = await machineOn(store);
    expect(text(await again.vfs.readFile(again.ctx, '/small'))).toBe('kept');
  });
});

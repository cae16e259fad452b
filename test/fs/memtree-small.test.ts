// The in-memory tree's compact forms: small directories kept as flat arrays (a Map past 16
// names) must keep readdir's creation order through every change, and file buffers kept as a
// place in a slab must read back what was written, holes as zeros.

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/kernel/clock.ts';
import { TmpFs } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import { BufferData } from '../../src/kernel/fs/memtree/file-data.ts';
import { ROOT_CRED } from '../../src/kernel/fs/vfs/types.ts';

const names = async (dir: { readdir(): Promise<{ name: string }[]> }): Promise<string[]> => (await dir.readdir()).map((e) => e.name);

describe('memtree directories', () => {
  it('keep creation order while growing past the flat form and shrinking back', async () => {
    const fs = new TmpFs({ clock: new ManualClock() });
    const root = await fs.root();
    const want: string[] = [];
    for (let i = 0; i < 40; i++) {
      await root.mknod(`f${i}`, 0o644, 0, ROOT_CRED);
      want.push(`f${i}`);
      expect(await names(root)).toEqual(want);
    }
    for (const gone of ['f3', 'f0', 'f39', 'f20']) {
      await root.unlink(gone);
      want.splice(want.indexOf(gone), 1);
    }
    await root.mknod('f3', 0o644, 0, ROOT_CRED);
    want.push('f3');
    expect(await names(root)).toEqual(want);
    expect((await root.stat()).size).toBe((want.length + 2) * 20);
  });

  it('keep a renamed-over name in its place and move a new one last', async () => {
    const fs = new TmpFs({ clock: new ManualClock() });
    const root = await fs.root();
    for (const n of ['a', 'b', 'c']) await root.mknod(n, 0o644, 0, ROOT_CRED);
    await root.rename('c', root, 'a', 0);
    expect(await names(root)).toEqual(['a', 'b']);
    await root.rename('a', root, 'z', 0);
    expect(await names(root)).toEqual(['b', 'z']);
    await root.unlink('b');
    await root.unlink('z');
    expect(await names(root)).toEqual([]);
    await root.mkdir('d', 0o755, ROOT_CRED);
    expect(await names(root)).toEqual(['d']);
    expect((await root.stat()).nlink).toBe(3);
  });

  it('answer ENOTDIR on a file and keep symlink targets and device numbers apart', async () => {
    const fs = new TmpFs({ clock: new ManualClock() });
    const root = await fs.root();
    const f = await root.mknod('f', 0o644, 0, ROOT_CRED);
    await expect(f.lookup('x')).rejects.toMatchObject({ code: 'ENOTDIR' });
    const l = await root.symlink('l', '/target', ROOT_CRED);
    expect(await l.readlink()).toBe('/target');
    expect((await l.stat()).size).toBe(7);
    const c = await root.mknod('c', 0o20644, 0x0103, ROOT_CRED);
    expect((await c.stat()).rdev).toBe(0x0103);
    expect((await f.stat()).rdev).toBe(0);
  });
});

describe('memtree file data', () => {
  it('reads back writes, appends and holes', async () => {
    const d = new BufferData();
    d.write(0, new TextEncoder().encode('hello'));
    d.write(5, new TextEncoder().encode(' world'));
    expect(new TextDecoder().decode(d.readSync(0, 100))).toBe('hello world');
    await d.truncate(3);
    await d.truncate(8);
    expect([...d.readSync(0, 100)]).toEqual([104, 101, 108, 0, 0, 0, 0, 0]);
    d.write(10, new Uint8Array([7]));
    expect([...d.readSync(6, 100)]).toEqual([0, 0, 0, 0, 7]);
  });

  it('rewrites after truncation to zero, without touching other files in the slab', async () => {
    const a = new BufferData();
    const b = new BufferData();
    a.write(0, new Uint8Array([1, 2, 3]));
    b.write(0, new Uint8Array([9, 9]));
    await a.truncate(0);
    expect(a.size).toBe(0);
    a.write(0, new Uint8Array(5000).fill(4));
    expect(a.readSync(0, 10_000).length).toBe(5000);
    expect([...b.readSync(0, 10)]).toEqual([9, 9]);
    const copy = b.readSync(0, 10);
    copy[0] = 0;
    expect([...b.readSync(0, 10)]).toEqual([9, 9]);
  });
});

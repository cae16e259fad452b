// diskfs's tree image (one stored value holding the whole tree, read at boot instead of every
// inode and entry row): a reopen from it shows exactly the tree a reopen from the rows shows; it
// is ignored once any later write-back has landed, and a crash (a commit that never lands) in
// a write-back or in the image's own write leaves a disk that reopens to its last landed state.

import { machineOn, type DiskMachine } from '../helpers/disk-machine.ts';
import { describe, expect, it } from 'vitest';
import { pattern } from '../helpers/bytes.ts';
import { O_RDWR } from '../../src/abi/open-flags.ts';
import { CHUNK_SIZE } from '../../src/kernel/fs/storage/blob-store.ts';
import { TIME_BYTES, packTime, unpackTime } from '../../src/kernel/fs/diskfs/tree-image.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';

/** The store, counting scans of inode rows (a boot from the image makes none) and able to fail commits. */
function watched(store: MemoryStore) {
  const seen = { rowScans: 0, failCommits: false };
  const scan = store.scan.bind(store);
  store.scan = (prefix) => {
    if (prefix === 'i/') seen.rowScans++;
    return scan(prefix);
  };
  const begin = store.begin.bind(store);
  store.begin = () => {
    const tx = begin();
    const commit = tx.commit.bind(tx);
    tx.commit = async () => {
      if (seen.failCommits) {
        tx.abort();
        throw new Error('the tab was closed in the middle of this commit');
      }
      return commit();
    };
    return tx;
  };
  return seen;
}

type Machine = DiskMachine;

/** Everything a reopen shows: each path in readdir order with its metadata, xattrs and content. */
async function dump(m: Machine): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await m.vfs.readdir(m.ctx, dir)) {
      if (e.name === '.' || e.name === '..') continue;
      const p = `${dir === '/' ? '' : dir}/${e.name}`;
      const st = await m.vfs.lstat(m.ctx, p);
      const xattrs = await m.vfs.listxattr(m.ctx, p, false);
      let body = '';
      if ((st.mode & 0o170000) === 0o100000) body = Buffer.from(await m.vfs.readFile(m.ctx, p)).toString('base64');
      if ((st.mode & 0o170000) === 0o120000) body = await m.vfs.readlink(m.ctx, p);
      out.push(JSON.stringify([p, st.ino, st.mode, st.uid, st.gid, st.nlink, st.rdev, st.size, String(st.mtimeNs), xattrs, body]));
      if ((st.mode & 0o170000) === 0o040000) await walk(p);
    }
  };
  await walk('/');
  return out;
}

/** A machine on a copy of the store without its image: the tree read from the rows. */
async function rowsMachine(store: MemoryStore): Promise<Machine> {
  const copy = new MemoryStore();
  const tx = copy.begin();
  for (const [k, v] of await store.scan('')) if (k !== 'tree') tx.put(k, v);
  await tx.commit();
  return machineOn(copy);
}

/** The same store reopened from its rows only (the image deleted in a copy). */
async function dumpFromRows(store: MemoryStore): Promise<string[]> {
  return dump(await rowsMachine(store));
}

async function fill(m: Machine): Promise<void> {
  await m.vfs.mkdir(m.ctx, '/etc', 0o755);
  for (const name of ['zeta', 'alpha', 'Mid', 'beta']) await m.vfs.writeFile(m.ctx, `/etc/${name}`, `${name}\n`);
  await m.vfs.symlink(m.ctx, 'alpha', '/etc/link');
  await m.vfs.link(m.ctx, '/etc/alpha', '/hard');
  await m.vfs.mknod(m.ctx, '/etc/wh', 0o020000, 0);
  await m.vfs.setxattr(m.ctx, '/etc', 'trusted.overlay.opaque', new TextEncoder().encode('y'));
  await m.vfs.chown(m.ctx, '/etc/beta', 1000, 1000);
  await m.vfs.writeFile(m.ctx, '/big', pattern(2 * CHUNK_SIZE + 5));
  for (let i = 0; i < 40; i++) await m.vfs.writeFile(m.ctx, `/etc/f${i}`, `file ${i}\n`);
}

/** A machine on a new watched memory store, filled by fill(). */
async function filledMachine() {
  const store = new MemoryStore();
  const seen = watched(store);
  const a = await machineOn(store);
  await fill(a);
  return { store, seen, a };
}

describe('diskfs tree image', () => {
  it('reopens from the image to exactly the tree the rows give, without scanning the rows', async () => {
    const { store, seen, a } = await filledMachine();
    expect(await a.fs.saveTreeImage()).toBe(true);
    // Nothing changed since: nothing more to store.
    expect(await a.fs.saveTreeImage()).toBe(false);
    const scans = seen.rowScans;
    const b = await machineOn(store);
    expect(seen.rowScans).toBe(scans);
    const fromImage = await dump(b);
    expect(fromImage).toEqual(await dumpFromRows(store));
    expect(fromImage.length).toBeGreaterThan(45);
    // Names made after the reopen get inode numbers of their own.
    await b.vfs.writeFile(b.ctx, '/new', 'n');
    const inos = new Set(fromImage.map((line) => JSON.parse(line)[1] as number));
    expect(inos.has((await b.vfs.lstat(b.ctx, '/new')).ino)).toBe(false);
  });

  it('is ignored after a later write-back: a reload finds every write made after it', async () => {
    const { store, seen, a } = await filledMachine();
    await a.fs.saveTreeImage();
    await a.vfs.writeFile(a.ctx, '/etc/after', 'later\n');
    await a.vfs.unlink(a.ctx, '/etc/zeta');
    await a.vfs.rename(a.ctx, '/etc/beta', '/beta');
    const scans = seen.rowScans;
    const b = await machineOn(store);
    expect(seen.rowScans).toBe(scans + 1);
    const tree = await dump(b);
    expect(tree.some((l) => l.startsWith('["/etc/after"'))).toBe(true);
    expect(tree.some((l) => l.startsWith('["/etc/zeta"'))).toBe(false);
    expect(tree.some((l) => l.startsWith('["/beta"'))).toBe(true);
    // A new image for the new generation, then a reload uses it again.
    expect(await b.fs.saveTreeImage()).toBe(true);
    const c = await machineOn(store);
    expect(seen.rowScans).toBe(scans + 1);
    expect(await dump(c)).toEqual(tree);
  });

  it('a crash in a write-back after the image leaves the image valid and the disk as it was', async () => {
    const { store, seen, a } = await filledMachine();
    await a.fs.saveTreeImage();
    const before = await dump(await machineOn(store));
    seen.failCommits = true;
    await expect(a.vfs.writeFile(a.ctx, '/etc/lost', 'never landed\n')).rejects.toThrow();
    seen.failCommits = false;
    const b = await machineOn(store);
    expect(await dump(b)).toEqual(before);
    expect(await dumpFromRows(store)).toEqual(before);
  });

  it('a crash while the image is written leaves the rows in charge', async () => {
    const { store, seen, a } = await filledMachine();
    await a.fs.saveTreeImage();
    await a.vfs.writeFile(a.ctx, '/etc/after', 'later\n');
    seen.failCommits = true;
    await expect(a.fs.saveTreeImage()).rejects.toThrow();
    seen.failCommits = false;
    const scans = seen.rowScans;
    const b = await machineOn(store);
    expect(seen.rowScans).toBe(scans + 1);
    const tree = await dump(b);
    expect(tree.some((l) => l.startsWith('["/etc/after"'))).toBe(true);
    expect(tree).toEqual(await dumpFromRows(store));
  });

  it('is not taken while a file holds data not yet written', async () => {
    const store = new MemoryStore();
    const a = await machineOn(store);
    await fill(a);
    const f = await a.vfs.open(a.ctx, '/etc/alpha', O_RDWR);
    await f.write(new TextEncoder().encode('changed'));
    expect(await a.fs.saveTreeImage()).toBe(false);
    await f.close();
    expect(await a.fs.saveTreeImage()).toBe(true);
    expect(await dump(await machineOn(store))).toEqual(await dumpFromRows(store));
  });

  it('carries a file unlinked while open, which the next boot frees as the rows would', async () => {
    const store = new MemoryStore();
    const a = await machineOn(store);
    await a.vfs.writeFile(a.ctx, '/tmpfile', pattern(100));
    const f = await a.vfs.open(a.ctx, '/tmpfile', O_RDWR);
    const ino = (await a.vfs.lstat(a.ctx, '/tmpfile')).ino;
    await a.vfs.unlink(a.ctx, '/tmpfile');
    expect(await a.fs.saveTreeImage()).toBe(true);
    expect(await a.blobs.physicalBytes()).toBeGreaterThan(0);
    // The machine stops with the file still open; the next boot frees it.
    const b = await machineOn(store);
    await b.fs.sync();
    expect(await store.get(`i/${ino}`)).toBeUndefined();
    expect(await b.blobs.physicalBytes()).toBe(0);
    void f;
  });

  it('that does not hold together (a dangling entry) leaves the rows to decide', async () => {
    const { store, seen, a } = await filledMachine();
    await a.fs.saveTreeImage();
    const image = (await store.get('tree')) as { entryChild: number[] };
    image.entryChild[0] = 999_999;
    const tx = store.begin();
    tx.put('tree', image);
    await tx.commit();
    const scans = seen.rowScans;
    const b = await machineOn(store);
    expect(seen.rowScans).toBe(scans + 1);
    expect(await dump(b)).toEqual(await dumpFromRows(store));
  });

  it('is refused when its generation is not the superblock\'s', async () => {
    const { store, seen, a } = await filledMachine();
    await a.fs.saveTreeImage();
    // As if an older program had written the superblock without a generation.
    const sb = (await store.get('sb')) as Record<string, number>;
    const tx = store.begin();
    tx.put('sb', { version: sb.version!, rootIno: sb.rootIno!, nextIno: sb.nextIno! });
    await tx.commit();
    const scans = seen.rowScans;
    const b = await machineOn(store);
    expect(seen.rowScans).toBe(scans + 1);
    expect((await dump(b)).length).toBeGreaterThan(45);
  });

  it('builds directories as they are first used, and they behave as if read from the rows', async () => {
    const { store, a } = await filledMachine();
    await a.vfs.mkdir(a.ctx, '/deep', 0o755);
    await a.vfs.mkdir(a.ctx, '/deep/er', 0o755);
    await a.vfs.mkdir(a.ctx, '/empty', 0o755);
    await a.vfs.writeFile(a.ctx, '/deep/er/file', 'deep\n');
    await a.fs.saveTreeImage();
    const rows = await rowsMachine(store);
    const b = await machineOn(store);
    // The disk counts every inode from the start, not only those made so far.
    expect((await b.fs.statfs()).ffree).toBe((await rows.fs.statfs()).ffree);
    // A hard link reached through two directories is one inode: a write through one shows in the other.
    await b.vfs.writeFile(b.ctx, '/hard', 'through the link\n');
    expect(new TextDecoder().decode(await b.vfs.readFile(b.ctx, '/etc/alpha'))).toBe('through the link\n');
    // A directory moved before it was ever listed keeps its names, and .. follows the move.
    await b.vfs.rename(b.ctx, '/deep/er', '/etc/er');
    expect(new TextDecoder().decode(await b.vfs.readFile(b.ctx, '/etc/er/../er/file'))).toBe('deep\n');
    expect((await b.vfs.readdir(b.ctx, '/deep')).filter((e) => e.name !== '.' && e.name !== '..')).toEqual([]);
    await b.vfs.rmdir(b.ctx, '/empty');
    await expect(b.vfs.rmdir(b.ctx, '/etc')).rejects.toThrow(/ENOTEMPTY|not empty/i);
    // The same changes on a disk read from its rows give the same tree.
    await rows.vfs.writeFile(rows.ctx, '/hard', 'through the link\n');
    await rows.vfs.rename(rows.ctx, '/deep/er', '/etc/er');
    await rows.vfs.rmdir(rows.ctx, '/empty');
    expect(await dump(b)).toEqual(await dump(rows));
  });

  it('packs times to the nanosecond, before 1970 too', () => {
    const view = new DataView(new ArrayBuffer(TIME_BYTES));
    for (const t of [0n, 1n, 1_700_000_000_123_456_789n, -1n, -1_500_000_000n, 253_402_300_799_999_999_999n]) {
      packTime(view, 0, t);
      expect(unpackTime(view, 0)).toBe(t);
    }
  });
});

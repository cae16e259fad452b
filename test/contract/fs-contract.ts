// The filesystem contract: what every FileSystem / VNode / FileHandle (src/kernel/fs/vfs/types.ts)
// must do, as one vitest suite each filesystem's adapter test runs. It drives the objects
// directly, below the VFS, so it checks exactly the filesystem's share of the work: link counts,
// times, EEXIST/ENOTEMPTY/ENOTDIR/EISDIR on its own operations, data, xattrs, stat fields, and
// never a permission check or a umask (those are the VFS's). Every case works inside a fresh
// directory of a fresh filesystem, so a filesystem's root may be special (an overlay's is merged).
//
// A filesystem that genuinely differs from Linux's generic behaviour in a case (as overlayfs
// does) names the case in `differs` with the reason; the case then must still fail, so the
// list stays true when the filesystem changes.

import { describe, expect, it } from 'vitest';
import { pattern } from '../helpers/bytes.ts';
import { type ErrnoName, SysError } from '../../src/abi/errno.ts';
import {
  O_RDONLY, O_RDWR, O_WRONLY, RENAME_EXCHANGE, RENAME_NOREPLACE, RENAME_WHITEOUT, XATTR_CREATE, XATTR_REPLACE,
} from '../../src/abi/open-flags.ts';
import {
  S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, makedev, type FileType, type Stat,
} from '../../src/abi/stat.ts';
import type { Cred, FileSystem, VNode } from '../../src/kernel/fs/vfs/types.ts';

/** A clock the test moves by hand (src/kernel/clock.ts's ManualClock fits). */
export interface HandClock {
  nowNs(): bigint;
  advance(ns: bigint | number): void;
}

export interface MadeFs {
  fs: FileSystem;
  clock: HandClock;
  /**
   * For filesystems whose contents outlive the object (diskfs over its Store, an overlay over
   * its layers): drop `fs` and open the same storage again. Enables the persistence cases.
   */
  reopen?: () => Promise<FileSystem>;
}

export type MakeFs = () => Promise<MadeFs>;

export interface FsContractOptions {
  /** Case title → why this filesystem differs there. Such cases are expected to fail. */
  differs?: Record<string, string>;
}

interface Fixture {
  fs: FileSystem;
  clock: HandClock;
  root: VNode;
  /** A fresh directory in the root, where a case does its work. */
  dir: VNode;
  /** Another, unrelated filesystem (for EXDEV). */
  other(): Promise<FileSystem>;
  reopen?: () => Promise<FileSystem>;
}

const ROOT: Cred = { uid: 0, gid: 0, groups: [] };
const USER: Cred = { uid: 1000, gid: 1001, groups: [] };
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

// ---- helpers ------------------------------------------------------------------------------

/** The call must reject with a SysError of `code`: not resolve, not throw synchronously, not throw anything else. */
async function expectErrno(call: () => Promise<unknown>, code: ErrnoName): Promise<void> {
  let pending: Promise<unknown>;
  try {
    pending = call();
  } catch (e) {
    throw new Error(`threw synchronously instead of returning a rejected promise (wanted ${code}): ${String(e)}`);
  }
  let outcome: unknown;
  try {
    outcome = await pending;
  } catch (e) {
    if (!(e instanceof SysError)) throw new Error(`rejected with a raw ${(e as Error)?.constructor?.name ?? typeof e} (wanted SysError ${code}): ${String(e)}`);
    expect(e.code, e.message).toBe(code);
    return;
  }
  throw new Error(`resolved with ${String(outcome)}; wanted ${code}`);
}

async function newFile(dir: VNode, name: string, data?: Uint8Array, mode = 0o644, owner = ROOT): Promise<VNode> {
  const f = await dir.mknod(name, S_IFREG | mode, 0, owner);
  if (data) {
    const h = await f.open(O_WRONLY);
    await h.write(0, data);
    await h.close();
  }
  return f;
}

async function contents(f: VNode): Promise<Uint8Array> {
  const h = await f.open(O_RDONLY);
  try {
    return await h.read(0, await h.size());
  } finally {
    await h.close();
  }
}

async function names(dir: VNode): Promise<string[]> {
  return (await dir.readdir()).map((e) => e.name).sort();
}

async function child(dir: VNode, name: string): Promise<VNode> {
  const n = await dir.lookup(name);
  if (!n) throw new Error(`${name} is missing`);
  return n;
}

/** Move the clock a little over a second and return the new "now". */
function tick(clock: HandClock): bigint {
  clock.advance(1_000_000_007n);
  return clock.nowNs();
}

function times(st: Stat): { a: bigint; m: bigint; c: bigint } {
  return { a: st.atimeNs, m: st.mtimeNs, c: st.ctimeNs };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const SPECIALS: Array<{ type: FileType; bits: number; rdev: number }> = [
  { type: 'fifo', bits: S_IFIFO, rdev: 0 },
  { type: 'socket', bits: S_IFSOCK, rdev: 0 },
  { type: 'chardev', bits: S_IFCHR, rdev: makedev(1, 3) },
  { type: 'blockdev', bits: S_IFBLK, rdev: makedev(8, 17) },
];

/** Every kind of object, with links, xattrs, odd modes and owners, holes, and a renamed dir. */
async function buildTree(t: Fixture): Promise<void> {
  const { dir, clock } = t;
  tick(clock);
  const file = await newFile(dir, 'file', enc('hello world'), 0o640, USER);
  await file.setxattr('user.note', enc('kept'), 0);
  await dir.link('file-link', file);
  const sub = await dir.mkdir('sub', 0o2775, USER);
  await sub.mkdir('empty', 0o700, ROOT);
  await sub.setxattr('trusted.overlay.opaque', enc('y'), 0);
  await dir.symlink('sym', 'sub/../file', USER);
  for (const s of SPECIALS) await dir.mknod(s.type, s.bits | 0o600, s.rdev, ROOT);
  tick(clock);
  const big = await newFile(dir, 'big', pattern(200_000, 5));
  const sparse = await newFile(dir, 'sparse');
  const h = await sparse.open(O_RDWR);
  await h.write(300_000, enc('tail'));
  await h.close();
  await big.setattr({ atimeNs: 123n, mtimeNs: 456n });
  const gone = await dir.mkdir('to-rename', 0o755, ROOT);
  await newFile(gone, 'inside', enc('in'));
  await dir.rename('to-rename', sub, 'renamed', 0);
  await newFile(dir, 'deleted', enc('x'));
  await dir.unlink('deleted');
}

/** Every object under the root, by path, with what a reader can observe of it. */
async function snapshot(fs: FileSystem): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  async function visit(node: VNode, path: string): Promise<void> {
    const st = await node.stat();
    const xattrs: Record<string, string> = {};
    for (const n of (await node.listxattr()).sort()) xattrs[n] = Array.from(await node.getxattr(n)).join(',');
    // A remount may get a new anonymous device number; what must hold is that it is the fs's.
    const { dev, ...rest } = st;
    const entry: Record<string, unknown> = { type: node.type, ino: node.ino, stat: rest, devIsFs: dev === fs.dev, xattrs };
    if (node.type === 'symlink') entry.target = await node.readlink();
    if (node.type === 'file') entry.data = checksum(await contents(node));
    out[path] = entry;
    if (node.type === 'dir') {
      for (const e of (await node.readdir()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        await visit(await child(node, e.name), `${path === '/' ? '' : path}/${e.name}`);
      }
    }
  }
  await visit(await fs.root(), '/');
  return out;
}

function checksum(b: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return `${b.length}:${(h >>> 0).toString(16)}`;
}


// ---- the suite ----------------------------------------------------------------------------

export function fsContract(name: string, make: MakeFs, options: FsContractOptions = {}): void {
  const differs = new Map(Object.entries(options.differs ?? {}));
  const titles = new Set<string>();

  async function fresh(): Promise<Fixture> {
    const { fs, clock, reopen } = await make();
    const root = await fs.root();
    const dir = await root.mkdir('contract', 0o755, ROOT);
    return { fs, clock, root, dir, other: async () => (await make()).fs, ...(reopen ? { reopen } : {}) };
  }

  function test(title: string, body: (t: Fixture) => Promise<void>, needs: { reopen?: boolean } = {}): void {
    if (titles.has(title)) throw new Error(`fs contract: two cases named '${title}'`);
    titles.add(title);
    const reason = differs.get(title);
    const run = async (c: { skip(note?: string): void }) => {
      const t = await fresh();
      if (needs.reopen && !t.reopen) return c.skip('this filesystem cannot be reopened');
      await body(t);
    };
    if (reason) it.fails(`${title} [differs: ${reason}]`, run);
    else it(title, run);
  }

  describe(`${name}: filesystem contract`, () => {
    describe('the filesystem and its root', () => {
      test('root is a directory whose stat agrees with the vnode', async ({ fs, root }) => {
        expect(root.type).toBe('dir');
        expect(root.fs).toBe(fs);
        const st = await root.stat();
        expect(st.mode & S_IFMT).toBe(S_IFDIR);
        expect(st.ino).toBe(root.ino);
        expect(st.dev).toBe(fs.dev);
        expect((await fs.root()).ino).toBe(root.ino);
      });

      test('the root\'s nlink is 2 plus its subdirectories', async ({ root }) => {
        const subdirs = (await root.readdir()).filter((e) => e.type === 'dir').length;
        expect((await root.stat()).nlink).toBe(2 + subdirs);
        await root.mkdir('another', 0o755, ROOT);
        await newFile(root, 'not-a-dir');
        expect((await root.stat()).nlink).toBe(3 + subdirs);
      });

      test('statfs reports consistent numbers', async ({ fs }) => {
        const s = await fs.statfs();
        expect(s.type).toBeGreaterThan(0);
        expect(s.bsize).toBeGreaterThan(0);
        expect(s.namelen).toBe(255);
        expect(s.bfree).toBeLessThanOrEqual(s.blocks);
        expect(s.bavail).toBeLessThanOrEqual(s.bfree);
        expect(s.ffree).toBeLessThanOrEqual(s.files);
      });

      test('a writable filesystem says rw, and sync resolves', async ({ fs }) => {
        expect(fs.readOnly).toBe(false);
        expect(fs.mountOptions().split(',')[0]).toBe('rw');
        expect(typeof fs.type).toBe('string');
        await fs.sync();
      });
    });

    describe('lookup and readdir', () => {
      test('lookup of a missing name is null', async ({ dir }) => {
        expect(await dir.lookup('nothing')).toBeNull();
      });

      test('readdir lists each entry once with its type and inode, never . or ..', async ({ dir }) => {
        expect(await dir.readdir()).toEqual([]);
        const made = new Map<string, VNode>();
        made.set('file', await newFile(dir, 'file'));
        made.set('sub', await dir.mkdir('sub', 0o755, ROOT));
        made.set('link', await dir.symlink('link', 'file', ROOT));
        for (const s of SPECIALS) made.set(s.type, await dir.mknod(s.type, s.bits | 0o644, s.rdev, ROOT));
        await dir.link('hard', made.get('file')!);
        made.set('hard', made.get('file')!);
        const listed = [...(await dir.readdir())].sort((a, b) => a.name.localeCompare(b.name));
        const expected = [...made].map(([n, v]) => ({ name: n, type: v.type, ino: v.ino })).sort((a, b) => a.name.localeCompare(b.name));
        expect(listed).toEqual(expected);
      });

      test('lookup finds what was created, with its type and inode', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        const d = await dir.mkdir('d', 0o755, ROOT);
        const l = await dir.symlink('l', '/x', ROOT);
        for (const [n, v] of [['f', f], ['d', d], ['l', l]] as const) {
          const found = await child(dir, n);
          expect(found.ino).toBe(v.ino);
          expect(found.type).toBe(v.type);
        }
        expect([f.type, d.type, l.type]).toEqual(['file', 'dir', 'symlink']);
      });

      test('names are taken as given', async ({ dir }) => {
        const odd = ['a b', 'ünïcødé', '.hidden', '...', '-', 'x'.repeat(255), 'tab\there', 'UPPER', 'upper'];
        for (const n of odd) await newFile(dir, n);
        expect(await names(dir)).toEqual([...odd].sort());
        for (const n of odd) expect(await dir.lookup(n)).not.toBeNull();
      });

      test('directory operations on a non-directory fail with ENOTDIR', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        const other = await newFile(dir, 'g');
        await expectErrno(() => f.lookup('x'), 'ENOTDIR');
        await expectErrno(() => f.readdir(), 'ENOTDIR');
        await expectErrno(() => f.mknod('x', S_IFREG | 0o644, 0, ROOT), 'ENOTDIR');
        await expectErrno(() => f.mkdir('x', 0o755, ROOT), 'ENOTDIR');
        await expectErrno(() => f.symlink('x', 'y', ROOT), 'ENOTDIR');
        await expectErrno(() => f.link('x', other), 'ENOTDIR');
        await expectErrno(() => f.unlink('x'), 'ENOTDIR');
        await expectErrno(() => f.rmdir('x'), 'ENOTDIR');
        await expectErrno(() => f.rename('x', dir, 'y', 0), 'ENOTDIR');
      });

      test('lookup and readdir change no times', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f', enc('x'));
        const before = [times(await dir.stat()), times(await f.stat())];
        tick(clock);
        await dir.lookup('f');
        await dir.lookup('missing');
        await dir.readdir();
        await f.stat();
        expect([times(await dir.stat()), times(await f.stat())]).toEqual(before);
      });
    });

    describe('creating objects', () => {
      test('mknod makes a regular file with exactly the given mode and owner', async ({ dir }) => {
        const f = await dir.mknod('f', S_IFREG | 0o4751, 0, USER);
        expect(f.type).toBe('file');
        const st = await f.stat();
        expect(st).toMatchObject({ mode: S_IFREG | 0o4751, uid: USER.uid, gid: USER.gid, nlink: 1, size: 0, rdev: 0, blocks: 0 });
      });

      for (const s of SPECIALS) {
        test(`mknod makes a ${s.type}`, async ({ dir }) => {
          const n = await dir.mknod('n', s.bits | 0o640, s.rdev, USER);
          expect(n.type).toBe(s.type);
          const st = await n.stat();
          expect(st).toMatchObject({ mode: s.bits | 0o640, rdev: s.rdev, uid: USER.uid, gid: USER.gid, nlink: 1, size: 0 });
          expect((await child(dir, 'n')).type).toBe(s.type);
        });
      }

      test('mkdir makes an empty directory with nlink 2 and raises the parent\'s nlink', async ({ dir }) => {
        const d = await dir.mkdir('d', 0o2750, USER);
        expect(d.type).toBe('dir');
        expect(await d.stat()).toMatchObject({ mode: S_IFDIR | 0o2750, uid: USER.uid, gid: USER.gid, nlink: 2 });
        expect(await d.readdir()).toEqual([]);
        expect((await dir.stat()).nlink).toBe(3);
      });

      test('symlink keeps its target verbatim; size is the target\'s byte length', async ({ dir }) => {
        const targets = ['../x/y', '/abs/path/', 'ünï/ç', 'dangling', 'a'.repeat(1000), ' spaced '];
        for (const [i, t] of targets.entries()) {
          const l = await dir.symlink(`l${i}`, t, USER);
          expect(l.type).toBe('symlink');
          expect(await l.readlink()).toBe(t);
          expect(await (await child(dir, `l${i}`)).readlink()).toBe(t);
          expect(await l.stat()).toMatchObject({ mode: S_IFLNK | 0o777, size: enc(t).length, uid: USER.uid, gid: USER.gid, nlink: 1 });
        }
      });

      test('readlink of a non-symlink fails with EINVAL', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await expectErrno(() => f.readlink(), 'EINVAL');
        await expectErrno(() => dir.readlink(), 'EINVAL');
      });

      test('creating over an existing name fails with EEXIST and changes nothing', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('kept'));
        await dir.mkdir('d', 0o755, ROOT);
        await dir.symlink('l', 'nowhere', ROOT);
        for (const taken of ['f', 'd', 'l']) {
          await expectErrno(() => dir.mknod(taken, S_IFREG | 0o644, 0, ROOT), 'EEXIST');
          await expectErrno(() => dir.mknod(taken, S_IFIFO | 0o644, 0, ROOT), 'EEXIST');
          await expectErrno(() => dir.mkdir(taken, 0o755, ROOT), 'EEXIST');
          await expectErrno(() => dir.symlink(taken, 'x', ROOT), 'EEXIST');
          await expectErrno(() => dir.link(taken, f), 'EEXIST');
        }
        expect(await names(dir)).toEqual(['d', 'f', 'l']);
        expect(dec(await contents(f))).toBe('kept');
        expect((await f.stat()).nlink).toBe(1);
        expect((await dir.stat()).nlink).toBe(3);
      });

      test('the filesystem applies no umask and checks no permissions', async ({ dir }) => {
        // A directory nobody may write to, owned by root: the VFS would refuse; the fs must not.
        const locked = await dir.mkdir('locked', 0o500, ROOT);
        const f = await locked.mknod('f', S_IFREG | 0o777, 0, USER);
        const d = await locked.mkdir('d', 0o777, USER);
        expect((await f.stat()).mode).toBe(S_IFREG | 0o777);
        expect((await d.stat()).mode).toBe(S_IFDIR | 0o777);
        const ro = await newFile(dir, 'ro', enc('data'), 0o000);
        const h = await ro.open(O_RDWR);
        await h.write(0, enc('DATA'));
        await h.close();
        expect(dec(await contents(ro))).toBe('DATA');
      });

      test('creating inside a removed directory fails with ENOENT', async ({ dir }) => {
        const gone = await dir.mkdir('gone', 0o755, ROOT);
        await dir.rmdir('gone');
        await expectErrno(() => gone.mknod('f', S_IFREG | 0o644, 0, ROOT), 'ENOENT');
        await expectErrno(() => gone.mkdir('d', 0o755, ROOT), 'ENOENT');
        await expectErrno(() => gone.symlink('l', 'x', ROOT), 'ENOENT');
      });
    });

    describe('hard links', () => {
      test('link adds a name to the same inode and nlink counts the names', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('shared'));
        const sub = await dir.mkdir('sub', 0o755, ROOT);
        await dir.link('g', f);
        await sub.link('h', f);
        for (const [d, n] of [[dir, 'f'], [dir, 'g'], [sub, 'h']] as const) {
          const v = await child(d, n);
          expect(v.ino).toBe(f.ino);
          expect(await v.stat()).toMatchObject({ ino: f.ino, nlink: 3 });
          expect(dec(await contents(v))).toBe('shared');
        }
        // Data written through one name shows through the others.
        const h = await (await child(sub, 'h')).open(O_WRONLY);
        await h.write(0, enc('SH'));
        await h.close();
        expect(dec(await contents(await child(dir, 'g')))).toBe('SHared');
      });

      test('symlinks and special files can be hard-linked', async ({ dir }) => {
        const l = await dir.symlink('l', 'target', ROOT);
        const p = await dir.mknod('p', S_IFIFO | 0o644, 0, ROOT);
        await dir.link('l2', l);
        await dir.link('p2', p);
        expect(await (await child(dir, 'l2')).readlink()).toBe('target');
        expect(await l.stat()).toMatchObject({ nlink: 2 });
        expect(await (await child(dir, 'p2')).stat()).toMatchObject({ ino: p.ino, nlink: 2, mode: S_IFIFO | 0o644 });
      });

      test('link of a directory fails with EPERM', async ({ dir }) => {
        const d = await dir.mkdir('d', 0o755, ROOT);
        await expectErrno(() => dir.link('d2', d), 'EPERM');
        expect(await dir.lookup('d2')).toBeNull();
        expect((await d.stat()).nlink).toBe(2);
      });

      test('link to an object of another filesystem fails with EXDEV', async ({ dir, other }) => {
        const foreign = await newFile(await (await other()).root(), 'foreign');
        await expectErrno(() => dir.link('f', foreign), 'EXDEV');
        expect(await dir.lookup('f')).toBeNull();
      });

      test('link stamps the target\'s ctime and the directory\'s mtime and ctime', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f');
        const before = times(await f.stat());
        const now = tick(clock);
        await dir.link('g', f);
        expect(times(await f.stat())).toEqual({ a: before.a, m: before.m, c: now });
        expect(await dir.stat()).toMatchObject({ mtimeNs: now, ctimeNs: now });
      });
    });

    describe('unlink and rmdir', () => {
      test('unlink removes one name and one link', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('x'));
        await dir.link('g', f);
        await dir.unlink('f');
        expect(await dir.lookup('f')).toBeNull();
        expect(await names(dir)).toEqual(['g']);
        expect(await (await child(dir, 'g')).stat()).toMatchObject({ ino: f.ino, nlink: 1 });
        await dir.unlink('g');
        expect(await dir.readdir()).toEqual([]);
        expect((await f.stat()).nlink).toBe(0);
      });

      test('an unlinked file stays readable and writable through an open handle', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('still here'));
        const h = await f.open(O_RDWR);
        await dir.unlink('f');
        expect(dec(await h.read(0, 100))).toBe('still here');
        await h.write(10, enc('!'));
        expect(await h.size()).toBe(11);
        expect(dec(await h.read(0, 100))).toBe('still here!');
        expect((await f.stat()).nlink).toBe(0);
        await h.close();
        expect(await dir.lookup('f')).toBeNull();
      });

      test('unlink of a directory fails with EISDIR, of a missing name with ENOENT', async ({ dir }) => {
        await dir.mkdir('d', 0o755, ROOT);
        await expectErrno(() => dir.unlink('d'), 'EISDIR');
        await expectErrno(() => dir.unlink('missing'), 'ENOENT');
        expect(await names(dir)).toEqual(['d']);
      });

      test('unlink removes every kind of non-directory', async ({ dir }) => {
        await newFile(dir, 'f');
        await dir.symlink('l', 'f', ROOT);
        for (const s of SPECIALS) await dir.mknod(s.type, s.bits | 0o600, s.rdev, ROOT);
        for (const n of await names(dir)) await dir.unlink(n);
        expect(await dir.readdir()).toEqual([]);
      });

      test('rmdir removes an empty directory and lowers the parent\'s nlink', async ({ dir }) => {
        const d = await dir.mkdir('d', 0o755, ROOT);
        expect((await dir.stat()).nlink).toBe(3);
        await dir.rmdir('d');
        expect(await dir.lookup('d')).toBeNull();
        expect((await dir.stat()).nlink).toBe(2);
        expect((await d.stat()).nlink).toBe(0);
      });

      test('rmdir of a non-empty directory fails with ENOTEMPTY', async ({ dir }) => {
        const kinds: Array<[string, (d: VNode) => Promise<unknown>]> = [
          ['file', (d) => newFile(d, 'x')],
          ['subdir', (d) => d.mkdir('x', 0o755, ROOT)],
          ['symlink', (d) => d.symlink('x', 'y', ROOT)],
          ['fifo', (d) => d.mknod('x', S_IFIFO | 0o644, 0, ROOT)],
        ];
        for (const [kind, fill] of kinds) {
          const d = await dir.mkdir(kind, 0o755, ROOT);
          await fill(d);
          await expectErrno(() => dir.rmdir(kind), 'ENOTEMPTY');
          expect(await names(d)).toEqual(['x']);
        }
        expect((await dir.stat()).nlink).toBe(2 + kinds.length);
      });

      test('rmdir of a non-directory fails with ENOTDIR, of a missing name with ENOENT', async ({ dir }) => {
        await newFile(dir, 'f');
        await dir.symlink('l', '.', ROOT);
        await expectErrno(() => dir.rmdir('f'), 'ENOTDIR');
        await expectErrno(() => dir.rmdir('l'), 'ENOTDIR');
        await expectErrno(() => dir.rmdir('missing'), 'ENOENT');
        expect(await names(dir)).toEqual(['f', 'l']);
      });
    });

    describe('rename', () => {
      test('rename moves a file within a directory, keeping its inode and data', async ({ dir }) => {
        const f = await newFile(dir, 'a', enc('data'));
        await dir.rename('a', dir, 'b', 0);
        expect(await names(dir)).toEqual(['b']);
        const b = await child(dir, 'b');
        expect(b.ino).toBe(f.ino);
        expect(await b.stat()).toMatchObject({ ino: f.ino, nlink: 1 });
        expect(dec(await contents(b))).toBe('data');
      });

      test('rename replaces an existing file, which loses that name', async ({ dir }) => {
        const a = await newFile(dir, 'a', enc('new'));
        const b = await newFile(dir, 'b', enc('old'));
        const h = await b.open(O_RDONLY);
        await dir.rename('a', dir, 'b', 0);
        expect(await names(dir)).toEqual(['b']);
        expect((await child(dir, 'b')).ino).toBe(a.ino);
        expect(dec(await contents(await child(dir, 'b')))).toBe('new');
        expect((await b.stat()).nlink).toBe(0);
        // The replaced file lives on for whoever has it open.
        expect(dec(await h.read(0, 10))).toBe('old');
        await h.close();
      });

      test('rename replaces a file that has other names, dropping one link', async ({ dir }) => {
        await newFile(dir, 'a');
        const b = await newFile(dir, 'b');
        await dir.link('b2', b);
        await dir.rename('a', dir, 'b', 0);
        expect(await b.stat()).toMatchObject({ nlink: 1 });
        expect((await child(dir, 'b2')).ino).toBe(b.ino);
      });

      test('rename of a directory over an empty directory replaces it and fixes link counts', async ({ dir }) => {
        const a = await dir.mkdir('a', 0o755, ROOT);
        await newFile(a, 'inside', enc('x'));
        const b = await dir.mkdir('b', 0o755, ROOT);
        expect((await dir.stat()).nlink).toBe(4);
        await dir.rename('a', dir, 'b', 0);
        expect(await names(dir)).toEqual(['b']);
        expect((await child(dir, 'b')).ino).toBe(a.ino);
        expect(await names(await child(dir, 'b'))).toEqual(['inside']);
        expect((await dir.stat()).nlink).toBe(3);
        expect((await b.stat()).nlink).toBe(0);
      });

      test('rename onto a non-empty directory fails with ENOTEMPTY and changes nothing', async ({ dir }) => {
        const a = await dir.mkdir('a', 0o755, ROOT);
        const b = await dir.mkdir('b', 0o755, ROOT);
        await newFile(b, 'keep');
        await expectErrno(() => dir.rename('a', dir, 'b', 0), 'ENOTEMPTY');
        expect(await names(dir)).toEqual(['a', 'b']);
        expect((await child(dir, 'a')).ino).toBe(a.ino);
        expect(await names(b)).toEqual(['keep']);
        expect((await dir.stat()).nlink).toBe(4);
      });

      test('RENAME_NOREPLACE refuses an existing target with EEXIST and moves otherwise', async ({ dir }) => {
        await newFile(dir, 'a', enc('a'));
        await newFile(dir, 'b', enc('b'));
        await dir.mkdir('d', 0o755, ROOT);
        await dir.mkdir('e', 0o755, ROOT);
        await expectErrno(() => dir.rename('a', dir, 'b', RENAME_NOREPLACE), 'EEXIST');
        await expectErrno(() => dir.rename('d', dir, 'e', RENAME_NOREPLACE), 'EEXIST');
        expect(dec(await contents(await child(dir, 'b')))).toBe('b');
        await dir.rename('a', dir, 'c', RENAME_NOREPLACE);
        expect(await names(dir)).toEqual(['b', 'c', 'd', 'e']);
      });

      test('rename of a name onto itself changes nothing', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f', enc('x'));
        const d = await dir.mkdir('d', 0o755, ROOT);
        const before = [await dir.stat(), await f.stat(), await d.stat()];
        tick(clock);
        await dir.rename('f', dir, 'f', 0);
        await dir.rename('d', dir, 'd', 0);
        expect([await dir.stat(), await f.stat(), await d.stat()]).toEqual(before);
        expect(await names(dir)).toEqual(['d', 'f']);
      });

      test('rename between two names of one inode changes nothing', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await dir.link('g', f);
        await dir.rename('f', dir, 'g', 0);
        expect(await names(dir)).toEqual(['f', 'g']);
        expect((await f.stat()).nlink).toBe(2);
      });

      test('moving a directory to another parent moves one link between the parents', async ({ dir }) => {
        const p = await dir.mkdir('p', 0o755, ROOT);
        const q = await dir.mkdir('q', 0o755, ROOT);
        const d = await p.mkdir('d', 0o755, ROOT);
        await newFile(d, 'inside', enc('x'));
        expect([(await p.stat()).nlink, (await q.stat()).nlink]).toEqual([3, 2]);
        await p.rename('d', q, 'moved', 0);
        expect([(await p.stat()).nlink, (await q.stat()).nlink]).toEqual([2, 3]);
        expect(await names(p)).toEqual([]);
        const moved = await child(q, 'moved');
        expect(moved.ino).toBe(d.ino);
        expect(await names(moved)).toEqual(['inside']);
        expect((await moved.stat()).nlink).toBe(2);
      });

      test('moving a directory over an empty one in another parent', async ({ dir }) => {
        const p = await dir.mkdir('p', 0o755, ROOT);
        const q = await dir.mkdir('q', 0o755, ROOT);
        const d = await p.mkdir('d', 0o755, ROOT);
        await q.mkdir('victim', 0o755, ROOT);
        await p.rename('d', q, 'victim', 0);
        expect([(await p.stat()).nlink, (await q.stat()).nlink]).toEqual([2, 3]);
        expect((await child(q, 'victim')).ino).toBe(d.ino);
      });

      test('moving a file to another directory', async ({ dir }) => {
        const p = await dir.mkdir('p', 0o755, ROOT);
        const f = await newFile(dir, 'f', enc('moving'));
        await dir.rename('f', p, 'g', 0);
        expect(await names(dir)).toEqual(['p']);
        expect((await child(p, 'g')).ino).toBe(f.ino);
        expect(dec(await contents(await child(p, 'g')))).toBe('moving');
        expect((await dir.stat()).nlink).toBe(3);
      });

      test('rename of a missing name fails with ENOENT', async ({ dir }) => {
        await expectErrno(() => dir.rename('missing', dir, 'x', 0), 'ENOENT');
        expect(await dir.readdir()).toEqual([]);
      });

      test('rename into another filesystem fails with EXDEV', async ({ dir, other }) => {
        await newFile(dir, 'f');
        const foreignDir = await (await other()).root();
        await expectErrno(() => dir.rename('f', foreignDir, 'f', 0), 'EXDEV');
        expect(await names(dir)).toEqual(['f']);
        expect(await foreignDir.lookup('f')).toBeNull();
      });

      test('rename stamps both directories and the moved object\'s ctime', async ({ dir, clock }) => {
        const p = await dir.mkdir('p', 0o755, ROOT);
        const q = await dir.mkdir('q', 0o755, ROOT);
        const f = await newFile(p, 'f');
        const before = times(await f.stat());
        const now = tick(clock);
        await p.rename('f', q, 'f', 0);
        expect(await p.stat()).toMatchObject({ mtimeNs: now, ctimeNs: now });
        expect(await q.stat()).toMatchObject({ mtimeNs: now, ctimeNs: now });
        expect(times(await f.stat())).toEqual({ a: before.a, m: before.m, c: now });
      });

      test('RENAME_EXCHANGE swaps two files in one step', async ({ dir, clock }) => {
        const a = await newFile(dir, 'a', enc('A'));
        const b = await newFile(dir, 'b', enc('B'));
        const now = tick(clock);
        await dir.rename('a', dir, 'b', RENAME_EXCHANGE);
        expect((await child(dir, 'a')).ino).toBe(b.ino);
        expect((await child(dir, 'b')).ino).toBe(a.ino);
        expect(dec(await contents(await child(dir, 'a')))).toBe('B');
        expect(dec(await contents(await child(dir, 'b')))).toBe('A');
        for (const v of [a, b]) expect(await v.stat()).toMatchObject({ nlink: 1, ctimeNs: now });
        expect(await dir.stat()).toMatchObject({ mtimeNs: now, ctimeNs: now });
      });

      test('RENAME_EXCHANGE of a file and a directory across parents moves one link', async ({ dir }) => {
        const p = await dir.mkdir('p', 0o755, ROOT);
        const q = await dir.mkdir('q', 0o755, ROOT);
        const f = await newFile(p, 'x', enc('file'));
        const d = await q.mkdir('y', 0o755, ROOT);
        await newFile(d, 'inside');
        expect([(await p.stat()).nlink, (await q.stat()).nlink]).toEqual([2, 3]);
        await p.rename('x', q, 'y', RENAME_EXCHANGE);
        expect([(await p.stat()).nlink, (await q.stat()).nlink]).toEqual([3, 2]);
        expect((await child(p, 'x')).ino).toBe(d.ino);
        expect(await names(await child(p, 'x'))).toEqual(['inside']);
        expect((await child(q, 'y')).ino).toBe(f.ino);
        expect((await dir.stat()).nlink).toBe(4);
      });

      test('RENAME_EXCHANGE with a missing target fails with ENOENT', async ({ dir }) => {
        await newFile(dir, 'a');
        await expectErrno(() => dir.rename('a', dir, 'missing', RENAME_EXCHANGE), 'ENOENT');
        expect(await names(dir)).toEqual(['a']);
      });

      test('RENAME_WHITEOUT leaves a whiteout (character device 0:0) at the old name', async ({ dir }) => {
        const f = await newFile(dir, 'a', enc('x'));
        await dir.rename('a', dir, 'b', RENAME_WHITEOUT);
        expect((await child(dir, 'b')).ino).toBe(f.ino);
        const wh = await child(dir, 'a');
        expect(wh.type).toBe('chardev');
        expect(await wh.stat()).toMatchObject({ mode: S_IFCHR, rdev: 0 });
        expect(await names(dir)).toEqual(['a', 'b']);
      });

      test('a handle keeps working on a renamed file', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('abc'));
        const h = await f.open(O_RDWR);
        await dir.rename('f', dir, 'g', 0);
        await h.write(3, enc('def'));
        await h.close();
        expect(dec(await contents(await child(dir, 'g')))).toBe('abcdef');
      });
    });

    describe('setattr', () => {
      test('mode changes the permission bits and never the type', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        const d = await dir.mkdir('d', 0o755, ROOT);
        const p = await dir.mknod('p', S_IFIFO | 0o644, 0, ROOT);
        await f.setattr({ mode: 0o4700 });
        await d.setattr({ mode: 0o1777 });
        await p.setattr({ mode: 0o600 });
        expect((await f.stat()).mode).toBe(S_IFREG | 0o4700);
        expect((await d.stat()).mode).toBe(S_IFDIR | 0o1777);
        expect((await p.stat()).mode).toBe(S_IFIFO | 0o600);
        // Type bits in the request are not the fs's to apply.
        await f.setattr({ mode: S_IFDIR | 0o640 });
        expect((await f.stat()).mode).toBe(S_IFREG | 0o640);
        expect(f.type).toBe('file');
      });

      test('uid and gid change independently', async ({ dir }) => {
        const f = await newFile(dir, 'f', undefined, 0o644, USER);
        await f.setattr({ uid: 42 });
        expect(await f.stat()).toMatchObject({ uid: 42, gid: USER.gid });
        await f.setattr({ gid: 43 });
        expect(await f.stat()).toMatchObject({ uid: 42, gid: 43 });
        const l = await dir.symlink('l', 'f', ROOT);
        await l.setattr({ uid: 7, gid: 8 });
        expect(await l.stat()).toMatchObject({ uid: 7, gid: 8, mode: S_IFLNK | 0o777 });
      });

      test('size truncates and extends with zeros', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('abcdefgh'));
        await f.setattr({ size: 3 });
        expect(dec(await contents(f))).toBe('abc');
        expect((await f.stat()).size).toBe(3);
        await f.setattr({ size: 6 });
        expect(Array.from(await contents(f))).toEqual([97, 98, 99, 0, 0, 0]);
        await f.setattr({ size: 0 });
        expect((await f.stat()).size).toBe(0);
      });

      test('bytes cut by a truncate do not come back when the file grows again', async ({ dir }) => {
        const big = pattern(200_000);
        const f = await newFile(dir, 'f', big);
        await f.setattr({ size: 70_000 });
        await f.setattr({ size: 200_000 });
        const back = await contents(f);
        expect(back.length).toBe(200_000);
        expect(sameBytes(back.subarray(0, 70_000), big.subarray(0, 70_000))).toBe(true);
        expect(back.subarray(70_000).every((b) => b === 0)).toBe(true);
      });

      test('times are set as given and ctime becomes now', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f');
        const now = tick(clock);
        await f.setattr({ atimeNs: 5_000_000_123n, mtimeNs: 6_000_000_456n });
        expect(times(await f.stat())).toEqual({ a: 5_000_000_123n, m: 6_000_000_456n, c: now });
        await f.setattr({ mtimeNs: 7n });
        expect(times(await f.stat())).toEqual({ a: 5_000_000_123n, m: 7n, c: now });
      });

      test('an explicit ctime is kept', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f');
        tick(clock);
        await f.setattr({ mtimeNs: 10n, ctimeNs: 11n });
        expect(await f.stat()).toMatchObject({ mtimeNs: 10n, ctimeNs: 11n });
      });

      test('chmod and chown stamp ctime only', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f', enc('x'));
        const before = times(await f.stat());
        const dirBefore = times(await dir.stat());
        const t1 = tick(clock);
        await f.setattr({ mode: 0o600 });
        expect(times(await f.stat())).toEqual({ a: before.a, m: before.m, c: t1 });
        const t2 = tick(clock);
        await f.setattr({ uid: 5, gid: 6 });
        expect(times(await f.stat())).toEqual({ a: before.a, m: before.m, c: t2 });
        expect(times(await dir.stat())).toEqual(dirBefore);
      });

      test('a size change stamps mtime and ctime', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f', enc('abc'));
        const now = tick(clock);
        await f.setattr({ size: 1 });
        expect(await f.stat()).toMatchObject({ mtimeNs: now, ctimeNs: now });
      });
    });

    describe('times', () => {
      test('a new object has atime, mtime and ctime all "now"', async ({ dir, clock }) => {
        const now = tick(clock);
        const made = [
          await newFile(dir, 'f'),
          await dir.mkdir('d', 0o755, ROOT),
          await dir.symlink('l', 'x', ROOT),
          ...(await Promise.all(SPECIALS.map((s) => dir.mknod(s.type, s.bits | 0o644, s.rdev, ROOT)))),
        ];
        for (const v of made) expect(times(await v.stat())).toEqual({ a: now, m: now, c: now });
      });

      test('creating and removing entries stamps the directory\'s mtime and ctime', async ({ dir, clock }) => {
        const steps: Array<() => Promise<unknown>> = [
          () => newFile(dir, 'f'),
          () => dir.mkdir('d', 0o755, ROOT),
          () => dir.symlink('l', 'x', ROOT),
          () => dir.mknod('p', S_IFIFO | 0o644, 0, ROOT),
          () => dir.unlink('f'),
          () => dir.rmdir('d'),
          () => dir.unlink('l'),
        ];
        const atime = (await dir.stat()).atimeNs;
        for (const step of steps) {
          const now = tick(clock);
          await step();
          expect(times(await dir.stat())).toEqual({ a: atime, m: now, c: now });
        }
      });

      test('unlink stamps the ctime of a file that keeps other names', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f');
        await dir.link('g', f);
        const before = times(await f.stat());
        const now = tick(clock);
        await dir.unlink('f');
        expect(times(await f.stat())).toEqual({ a: before.a, m: before.m, c: now });
      });

      test('writing stamps mtime and ctime; reading changes neither', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f', enc('abc'));
        const h = await f.open(O_RDWR);
        const t1 = tick(clock);
        await h.write(1, enc('X'));
        expect(await f.stat()).toMatchObject({ mtimeNs: t1, ctimeNs: t1 });
        tick(clock);
        await h.read(0, 3);
        expect(await f.stat()).toMatchObject({ mtimeNs: t1, ctimeNs: t1 });
        await h.close();
      });

      test('xattr changes stamp ctime only', async ({ dir, clock }) => {
        const f = await newFile(dir, 'f');
        const before = times(await f.stat());
        const t1 = tick(clock);
        await f.setxattr('user.a', enc('1'), 0);
        expect(times(await f.stat())).toEqual({ a: before.a, m: before.m, c: t1 });
        const t2 = tick(clock);
        await f.removexattr('user.a');
        expect(times(await f.stat())).toEqual({ a: before.a, m: before.m, c: t2 });
      });
    });

    describe('extended attributes', () => {
      test('getxattr of a missing name fails with ENODATA', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await expectErrno(() => f.getxattr('user.none'), 'ENODATA');
        await expectErrno(() => dir.getxattr('user.none'), 'ENODATA');
      });

      test('set, get, list and remove', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await f.setxattr('user.one', enc('1'), 0);
        await f.setxattr('trusted.two', enc('22'), 0);
        await f.setxattr('security.three', enc('333'), 0);
        expect(dec(await f.getxattr('user.one'))).toBe('1');
        expect(dec(await f.getxattr('trusted.two'))).toBe('22');
        expect((await f.listxattr()).sort()).toEqual(['security.three', 'trusted.two', 'user.one']);
        await f.setxattr('user.one', enc('uno'), 0);
        expect(dec(await f.getxattr('user.one'))).toBe('uno');
        await f.removexattr('trusted.two');
        expect((await f.listxattr()).sort()).toEqual(['security.three', 'user.one']);
        await expectErrno(() => f.getxattr('trusted.two'), 'ENODATA');
      });

      test('XATTR_CREATE refuses an existing name with EEXIST', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await f.setxattr('user.a', enc('first'), XATTR_CREATE);
        await expectErrno(() => f.setxattr('user.a', enc('second'), XATTR_CREATE), 'EEXIST');
        expect(dec(await f.getxattr('user.a'))).toBe('first');
      });

      test('XATTR_REPLACE refuses a missing name with ENODATA and replaces an existing one', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await expectErrno(() => f.setxattr('user.a', enc('x'), XATTR_REPLACE), 'ENODATA');
        expect(await f.listxattr()).toEqual([]);
        await f.setxattr('user.a', enc('x'), 0);
        await f.setxattr('user.a', enc('y'), XATTR_REPLACE);
        expect(dec(await f.getxattr('user.a'))).toBe('y');
      });

      test('removexattr of a missing name fails with ENODATA', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await expectErrno(() => f.removexattr('user.none'), 'ENODATA');
      });

      test('directories, symlinks and special files carry xattrs too', async ({ dir }) => {
        const objects = [
          await dir.mkdir('d', 0o755, ROOT),
          await dir.symlink('l', 'x', ROOT),
          await dir.mknod('p', S_IFIFO | 0o644, 0, ROOT),
          await dir.mknod('c', S_IFCHR | 0o644, makedev(1, 3), ROOT),
        ];
        for (const [i, v] of objects.entries()) {
          await v.setxattr('trusted.mark', enc(`v${i}`), 0);
          expect(dec(await v.getxattr('trusted.mark'))).toBe(`v${i}`);
          expect(await v.listxattr()).toEqual(['trusted.mark']);
        }
      });

      test('an empty value and a 64 KiB value are stored exactly', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await f.setxattr('user.empty', new Uint8Array(0), 0);
        expect((await f.getxattr('user.empty')).length).toBe(0);
        expect(await f.listxattr()).toEqual(['user.empty']);
        const big = pattern(65536, 3);
        await f.setxattr('user.big', big, 0);
        expect(sameBytes(await f.getxattr('user.big'), big)).toBe(true);
      });

      test('values are copied in and out', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        const v = enc('abc');
        await f.setxattr('user.a', v, 0);
        v[0] = 0x7a;
        const got = await f.getxattr('user.a');
        got[1] = 0x7a;
        expect(dec(await f.getxattr('user.a'))).toBe('abc');
      });

      test('xattrs stay with the inode across rename and link', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        await f.setxattr('user.k', enc('v'), 0);
        await dir.rename('f', dir, 'g', 0);
        await dir.link('h', await child(dir, 'g'));
        expect(dec(await (await child(dir, 'g')).getxattr('user.k'))).toBe('v');
        expect(dec(await (await child(dir, 'h')).getxattr('user.k'))).toBe('v');
      });
    });

    describe('file handles', () => {
      test('open of a directory fails with EISDIR', async ({ dir }) => {
        await expectErrno(() => dir.open(O_RDONLY), 'EISDIR');
      });

      test('write returns the count and read returns what was written', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        const h = await f.open(O_RDWR);
        expect(await h.write(0, enc('hello'))).toBe(5);
        expect(await h.write(5, enc(' world'))).toBe(6);
        expect(dec(await h.read(0, 11))).toBe('hello world');
        expect(dec(await h.read(6, 5))).toBe('world');
        await h.close();
      });

      test('a write at an offset overwrites in place', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('0123456789'));
        const h = await f.open(O_RDWR);
        await h.write(3, enc('abc'));
        expect(dec(await h.read(0, 100))).toBe('012abc6789');
        expect(await h.size()).toBe(10);
        await h.close();
      });

      test('reads past the end are short, and empty at or beyond the end', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('abc'));
        const h = await f.open(O_RDONLY);
        expect(dec(await h.read(1, 100))).toBe('bc');
        expect((await h.read(3, 10)).length).toBe(0);
        expect((await h.read(1000, 10)).length).toBe(0);
        expect((await h.read(0, 0)).length).toBe(0);
        await h.close();
      });

      test('a write beyond the end leaves a hole that reads as zeros', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('ab'));
        const h = await f.open(O_RDWR);
        await h.write(150_000, enc('end'));
        expect(await h.size()).toBe(150_003);
        expect((await f.stat()).size).toBe(150_003);
        const all = await h.read(0, 150_003);
        expect(dec(all.subarray(0, 2))).toBe('ab');
        expect(all.subarray(2, 150_000).every((b) => b === 0)).toBe(true);
        expect(dec(all.subarray(150_000))).toBe('end');
        await h.close();
      });

      test('size() and truncate() through a handle', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        const h = await f.open(O_RDWR);
        expect(await h.size()).toBe(0);
        await h.write(0, enc('abcdef'));
        expect(await h.size()).toBe(6);
        await h.truncate(2);
        expect(await h.size()).toBe(2);
        expect(dec(await h.read(0, 10))).toBe('ab');
        await h.truncate(4);
        expect(Array.from(await h.read(0, 10))).toEqual([97, 98, 0, 0]);
        expect((await f.stat()).size).toBe(4);
        await h.close();
      });

      test('two handles on one file see each other\'s writes', async ({ dir }) => {
        const f = await newFile(dir, 'f');
        const a = await f.open(O_RDWR);
        const b = await f.open(O_RDWR);
        await a.write(0, enc('from a'));
        expect(dec(await b.read(0, 100))).toBe('from a');
        await b.write(0, enc('FROM'));
        expect(dec(await a.read(0, 100))).toBe('FROM a');
        expect(await a.size()).toBe(6);
        await a.close();
        await b.close();
      });

      test('data larger than a storage chunk reads back exactly at every boundary', async ({ dir }) => {
        const data = pattern(300_001, 7);
        const f = await newFile(dir, 'f');
        const h = await f.open(O_RDWR);
        // Uneven pieces, so writes straddle chunk and block boundaries.
        for (let at = 0; at < data.length; at += 45_007) await h.write(at, data.subarray(at, Math.min(at + 45_007, data.length)));
        await h.flush();
        for (const at of [0, 4095, 4096, 65535, 65536, 65537, 131071, 196608, 299_990]) {
          expect(sameBytes(await h.read(at, 20), data.subarray(at, at + 20))).toBe(true);
        }
        await h.close();
        expect(sameBytes(await contents(f), data)).toBe(true);
        expect((await f.stat()).size).toBe(300_001);
      });

      test('data outlives its handle and the flush', async ({ dir, fs }) => {
        const f = await newFile(dir, 'f');
        const h = await f.open(O_WRONLY);
        await h.write(0, enc('kept'));
        await h.flush();
        await h.close();
        await fs.sync();
        expect(dec(await contents(await child(dir, 'f')))).toBe('kept');
      });
    });

    describe('stat', () => {
      test('every object reports the filesystem\'s dev', async ({ fs, dir, root }) => {
        const all = [root, dir, await newFile(dir, 'f'), await dir.mkdir('d', 0o755, ROOT), await dir.symlink('l', 'f', ROOT)];
        for (const s of SPECIALS) all.push(await dir.mknod(s.type, s.bits | 0o644, s.rdev, ROOT));
        for (const v of all) expect((await v.stat()).dev).toBe(fs.dev);
      });

      test('inode numbers are unique, stable, and agree everywhere', async ({ root, dir }) => {
        const made: VNode[] = [root, dir];
        for (let i = 0; i < 8; i++) made.push(await newFile(dir, `f${i}`));
        for (let i = 0; i < 4; i++) made.push(await dir.mkdir(`d${i}`, 0o755, ROOT));
        made.push(await dir.symlink('l', 'x', ROOT));
        for (const s of SPECIALS) made.push(await dir.mknod(s.type, s.bits | 0o644, s.rdev, ROOT));
        const inos = made.map((v) => v.ino);
        expect(new Set(inos).size).toBe(inos.length);
        for (const v of made) {
          expect((await v.stat()).ino).toBe(v.ino);
          expect((await v.stat()).ino).toBe(v.ino);
        }
        for (const e of await dir.readdir()) expect((await child(dir, e.name)).ino).toBe(e.ino);
        // A removed inode's number is not handed to the next object while still in use.
        const held = await newFile(dir, 'held');
        const h = await held.open(O_RDONLY);
        await dir.unlink('held');
        const next = await newFile(dir, 'next');
        expect(next.ino).not.toBe(held.ino);
        await h.close();
      });

      test('a directory\'s nlink is 2 plus its subdirectories', async ({ dir }) => {
        const d = await dir.mkdir('d', 0o755, ROOT);
        const out = await dir.mkdir('out', 0o755, ROOT);
        await d.mkdir('a', 0o755, ROOT);
        await d.mkdir('b', 0o755, ROOT);
        await d.mkdir('c', 0o755, ROOT);
        await newFile(d, 'file');
        await d.symlink('link', 'a', ROOT);
        await d.mknod('fifo', S_IFIFO | 0o644, 0, ROOT);
        expect((await d.stat()).nlink).toBe(5);
        await d.rmdir('a');
        expect((await d.stat()).nlink).toBe(4);
        await d.rename('b', out, 'b', 0);
        expect((await d.stat()).nlink).toBe(3);
        expect((await out.stat()).nlink).toBe(3);
        await d.rename('c', d, 'c2', 0);
        expect((await d.stat()).nlink).toBe(3);
      });

      test('sizes: a file its data, a symlink its target\'s bytes, special files 0', async ({ dir }) => {
        expect((await (await newFile(dir, 'f', pattern(12_345))).stat()).size).toBe(12_345);
        expect((await (await dir.symlink('l', 'ü/x', ROOT)).stat()).size).toBe(4);
        for (const s of SPECIALS) expect((await (await dir.mknod(s.type, s.bits | 0o644, s.rdev, ROOT)).stat()).size).toBe(0);
        expect((await dir.stat()).size).toBeGreaterThanOrEqual(0);
      });

      test('blksize and blocks are sensible', async ({ dir }) => {
        const empty = await newFile(dir, 'empty');
        const small = await newFile(dir, 'small', enc('x'));
        const mid = await newFile(dir, 'mid', pattern(5000));
        for (const v of [empty, small, mid, dir]) {
          const st = await v.stat();
          expect(Number.isInteger(st.blksize) && st.blksize >= 512 && (st.blksize & (st.blksize - 1)) === 0).toBe(true);
          expect(Number.isInteger(st.blocks) && st.blocks >= 0).toBe(true);
        }
        expect((await empty.stat()).blocks).toBe(0);
        for (const v of [small, mid]) {
          const st = await v.stat();
          // Allocation is in whole blocks: at least the data, at most one spare block's worth.
          const rounded = Math.ceil(st.size / st.blksize) * st.blksize;
          expect(st.blocks * 512).toBeGreaterThanOrEqual(st.size);
          expect(st.blocks * 512).toBeLessThanOrEqual(rounded + st.blksize);
        }
      });

      test('stat hands out a fresh record each time', async ({ dir }) => {
        const f = await newFile(dir, 'f', enc('abc'));
        const st = await f.stat();
        st.size = 999;
        st.nlink = 99;
        expect(await f.stat()).toMatchObject({ size: 3, nlink: 1 });
      });
    });

    describe('persistence (filesystems that can be reopened)', () => {
      test('a reopened filesystem shows the same tree', async (t) => {
        await buildTree(t);
        await t.fs.sync();
        const before = await snapshot(t.fs);
        const again = await t.reopen!();
        expect(await snapshot(again)).toEqual(before);
      }, { reopen: true });

      test('changes made after a reopen are kept by the next one', async (t) => {
        await buildTree(t);
        await t.fs.sync();
        const second = await t.reopen!();
        const dir = await child(await second.root(), 'contract');
        const sub = await child(dir, 'sub');
        tick(t.clock);
        await dir.rename('file', sub, 'moved', 0);
        await dir.unlink('fifo');
        await sub.rmdir('empty');
        const h = await (await child(sub, 'moved')).open(O_RDWR);
        await h.write(3, enc('later'));
        await h.close();
        await (await child(dir, 'big')).setattr({ size: 70_000 });
        await dir.mkdir('new-dir', 0o700, USER);
        await second.sync();
        const before = await snapshot(second);
        expect(dec(await contents(await child(sub, 'moved')))).toBe('hel' + 'later' + 'rld');
        const third = await t.reopen!();
        expect(await snapshot(third)).toEqual(before);
      }, { reopen: true });
    });

    it('lists only cases that exist as differences', () => {
      expect([...differs.keys()].filter((k) => !titles.has(k))).toEqual([]);
    });
  });
}

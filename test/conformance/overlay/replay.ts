// Replays one overlay scenario on the simulator: builds the layers with VFS calls in a fresh
// machine's root tmpfs, mounts the overlay with the recorded option string, runs the ops in a
// context chrooted into the merged view, and dumps both trees by the same rules as record.py.

import { isDeepStrictEqual } from 'node:util';
import { SysError, isSysError } from '../../../src/abi/errno.ts';
import * as F from '../../../src/abi/open-flags.ts';
import { S_IFCHR, S_IFIFO, fileTypeOf, major, makedev, minor, type Stat } from '../../../src/abi/stat.ts';
import { sha256Hex } from '../../../src/base/sha256.ts';
import type { FsContext, OpenFile, Vfs } from '../../../src/kernel/fs/vfs/vfs.ts';
import { bootMachine } from '../../helpers/machine.ts';
import {
  type LayerEntry, type Observed, type Op, type OpResult, type OpValue, type Scenario, type StatValue, type Tree,
  type TreeEntry, TOUCH_NS, isInlineText,
} from './scenario.ts';

const OPAQUE_XATTR = 'trusted.overlay.opaque';
const DEFAULT_MODE: Partial<Record<LayerEntry['type'], number>> = { file: 0o644, dir: 0o755, fifo: 0o644 };
const OPEN_FLAGS: Record<string, number> = {
  O_RDONLY: F.O_RDONLY, O_WRONLY: F.O_WRONLY, O_RDWR: F.O_RDWR, O_CREAT: F.O_CREAT, O_EXCL: F.O_EXCL,
  O_TRUNC: F.O_TRUNC, O_APPEND: F.O_APPEND, O_NOFOLLOW: F.O_NOFOLLOW, O_DIRECTORY: F.O_DIRECTORY,
};
const RENAME_FLAGS: Record<string, number> = {
  RENAME_NOREPLACE: F.RENAME_NOREPLACE, RENAME_EXCHANGE: F.RENAME_EXCHANGE, RENAME_WHITEOUT: F.RENAME_WHITEOUT,
};
const ACCESS = { F_OK: F.F_OK, R_OK: F.R_OK, W_OK: F.W_OK, X_OK: F.X_OK } as const;

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
const octal = (s: string): number => parseInt(s, 8);

export function defaultMountOptions(layerCount: number, readonly: boolean): string {
  const lowers = Array.from({ length: layerCount }, (_, i) => `/lower${i}`).join(':');
  return readonly ? `lowerdir=${lowers}` : `lowerdir=${lowers},upperdir=/upper,workdir=/work`;
}

/** The recorder's spelling: Python names errno 95 ENOTSUP, record.py rewrites it to EOPNOTSUPP. */
function errnoName(e: SysError): string {
  return e.code === 'ENOTSUP' ? 'EOPNOTSUPP' : e.code;
}

function flagsOf(names: string, table: Record<string, number> = OPEN_FLAGS): number {
  return names.split('|').reduce((acc, n) => {
    const bit = table[n];
    if (bit === undefined) throw new Error(`unknown flag ${n}`);
    return acc | bit;
  }, 0);
}

function describeStat(st: Stat): StatValue {
  const type = fileTypeOf(st.mode);
  const out: StatValue = { type, mode: (st.mode & 0o7777).toString(8), uid: st.uid, gid: st.gid };
  if (type !== 'dir') {
    out.size = st.size;
    out.nlink = st.nlink;
  }
  if (type === 'chardev' || type === 'blockdev') out.rdev = `${major(st.rdev)}:${minor(st.rdev)}`;
  return out;
}

async function writeAll(f: OpenFile, data: Uint8Array): Promise<void> {
  let done = 0;
  while (done < data.length) done += await f.write(data.subarray(done));
}


// ---- building layers ------------------------------------------------------------------------

async function buildLayer(vfs: Vfs, ctx: FsContext, root: string, entries: LayerEntry[]): Promise<void> {
  await vfs.mkdir(ctx, root, 0o755);
  await vfs.chmod(ctx, root, 0o755);
  for (const e of entries) {
    const p = e.path === '.' ? root : `${root}/${e.path}`;
    if (e.path !== '.') {
      const parts = e.path.split('/').slice(0, -1);
      let cur = root;
      for (const part of parts) {
        cur = `${cur}/${part}`;
        if (!(await vfs.exists(ctx, cur))) {
          await vfs.mkdir(ctx, cur, 0o755);
          await vfs.chmod(ctx, cur, 0o755);
        }
      }
    }
    switch (e.type) {
      case 'dir':
        if (!(await vfs.exists(ctx, p))) await vfs.mkdir(ctx, p, 0o755);
        break;
      case 'file': {
        const f = await vfs.open(ctx, p, F.O_CREAT | F.O_EXCL | F.O_WRONLY, 0o600);
        await writeAll(f, encode(e.content ?? ''));
        await f.close();
        break;
      }
      case 'symlink':
        await vfs.symlink(ctx, e.target!, p);
        break;
      case 'whiteout':
        await vfs.mknod(ctx, p, S_IFCHR, makedev(0, 0));
        break;
      case 'fifo':
        await vfs.mknod(ctx, p, S_IFIFO | 0o600);
        break;
      case 'hardlink':
        await vfs.link(ctx, `${root}/${e.target!}`, p);
        continue; // attributes belong to the inode, set where it was first created
    }
    await vfs.lchown(ctx, p, e.uid ?? 0, e.gid ?? 0);
    if (e.type !== 'symlink') await vfs.chmod(ctx, p, e.mode !== undefined ? octal(e.mode) : (DEFAULT_MODE[e.type] ?? 0));
    for (const [name, value] of Object.entries(e.xattrs ?? {})) await vfs.lsetxattr(ctx, p, name, encode(value));
    if (e.opaque) await vfs.setxattr(ctx, p, OPAQUE_XATTR, encode('y'));
  }
}

// ---- ops ----------------------------------------------------------------------------------------

interface OpEnv {
  vfs: Vfs;
  ctx: FsContext;
  fds: Map<string, OpenFile>;
}

async function rmRf(vfs: Vfs, ctx: FsContext, path: string): Promise<void> {
  const st = await vfs.lstat(ctx, path);
  if (fileTypeOf(st.mode) === 'dir') {
    const names = (await vfs.readdir(ctx, path)).map((d) => d.name).sort();
    for (const name of names) await rmRf(vfs, ctx, `${path}/${name}`);
    await vfs.rmdir(ctx, path);
  } else {
    await vfs.unlink(ctx, path);
  }
}

async function userXattrs(vfs: Vfs, ctx: FsContext, path: string): Promise<Record<string, string>> {
  const names = (await vfs.llistxattr(ctx, path)).filter((n) => n.startsWith('user.')).sort();
  const out: Record<string, string> = {};
  for (const n of names) out[n] = decode(await vfs.lgetxattr(ctx, path, n));
  return out;
}

/** cp -a of one tree as GNU mv's EXDEV fallback does it (hard links are not kept). */
async function copyTree(vfs: Vfs, ctx: FsContext, src: string, dst: string): Promise<void> {
  const st = await vfs.lstat(ctx, src);
  const type = fileTypeOf(st.mode);
  if (type === 'dir') {
    await vfs.mkdir(ctx, dst, 0o700);
    const names = (await vfs.readdir(ctx, src)).map((d) => d.name).sort();
    for (const name of names) await copyTree(vfs, ctx, `${src}/${name}`, `${dst}/${name}`);
  } else if (type === 'file') {
    const data = await vfs.readFile(ctx, src);
    const f = await vfs.open(ctx, dst, F.O_CREAT | F.O_EXCL | F.O_WRONLY, 0o600);
    await writeAll(f, data);
    await f.close();
  } else if (type === 'symlink') {
    await vfs.symlink(ctx, await vfs.readlink(ctx, src), dst);
  } else {
    await vfs.mknod(ctx, dst, (st.mode & ~0o7777) | 0o600, st.rdev);
  }
  await vfs.lchown(ctx, dst, st.uid, st.gid);
  if (type !== 'symlink') {
    await vfs.chmod(ctx, dst, st.mode & 0o7777);
    for (const [name, value] of Object.entries(await userXattrs(vfs, ctx, src))) await vfs.setxattr(ctx, dst, name, encode(value));
  }
}

function fdOf(env: OpEnv, name: string): OpenFile {
  const f = env.fds.get(name);
  if (!f) throw new Error(`no open fd named ${name}`);
  return f;
}

async function writeFileOp(env: OpEnv, path: string, flags: number, content: string, mode = 0o666): Promise<void> {
  const f = await env.vfs.open(env.ctx, path, flags, mode);
  try {
    await writeAll(f, encode(content));
  } finally {
    await f.close();
  }
}

/** Runs one op; returns the value of a read-type op, undefined otherwise. Throws SysError. */
async function runOp(env: OpEnv, op: Op): Promise<OpValue | void> {
  const { vfs, ctx } = env;
  switch (op[0]) {
    case 'mkdir': return vfs.mkdir(ctx, op[1], op[2] !== undefined ? octal(op[2]) : 0o777);
    case 'create': return writeFileOp(env, op[1], F.O_CREAT | F.O_WRONLY, op[2], op[3] !== undefined ? octal(op[3]) : 0o666);
    case 'write': return writeFileOp(env, op[1], F.O_WRONLY | F.O_TRUNC, op[2]);
    case 'append': return writeFileOp(env, op[1], F.O_WRONLY | F.O_APPEND, op[2]);
    case 'open_write_nothing': return (await vfs.open(ctx, op[1], F.O_WRONLY)).close();
    case 'open': return (await vfs.open(ctx, op[1], flagsOf(op[2]), op[3] !== undefined ? octal(op[3]) : 0o666)).close();
    case 'truncate': return vfs.truncate(ctx, op[1], op[2]);
    case 'unlink': return vfs.unlink(ctx, op[1]);
    case 'rmdir': return vfs.rmdir(ctx, op[1]);
    case 'rename': return vfs.rename(ctx, op[1], op[2], op[3] !== undefined ? flagsOf(op[3], RENAME_FLAGS) : 0);
    case 'chmod': return vfs.chmod(ctx, op[1], octal(op[2]));
    case 'chown': return vfs.chown(ctx, op[1], op[2], op[3]);
    case 'lchown': return vfs.lchown(ctx, op[1], op[2], op[3]);
    case 'touch': return vfs.utimens(ctx, op[1], TOUCH_NS, TOUCH_NS);
    case 'link': return vfs.link(ctx, op[1], op[2]);
    case 'symlink': return vfs.symlink(ctx, op[1], op[2]);
    case 'setxattr': return vfs.setxattr(ctx, op[1], op[2], encode(op[3]));
    case 'lsetxattr': return vfs.lsetxattr(ctx, op[1], op[2], encode(op[3]));
    case 'removexattr': return vfs.removexattr(ctx, op[1], op[2]);
    case 'mknod_whiteout': return vfs.mknod(ctx, op[1], S_IFCHR | 0o644, makedev(0, 0));
    case 'mkfifo': return vfs.mknod(ctx, op[1], S_IFIFO | (op[2] !== undefined ? octal(op[2]) : 0o666));
    case 'access': return vfs.access(ctx, op[1], ACCESS[op[2]]);
    case 'read': return decode(await vfs.readFile(ctx, op[1]));
    case 'stat': return describeStat(await vfs.stat(ctx, op[1]));
    case 'lstat': return describeStat(await vfs.lstat(ctx, op[1]));
    case 'listdir': return (await vfs.readdir(ctx, op[1])).map((d) => d.name).sort();
    case 'readlink': return vfs.readlink(ctx, op[1]);
    case 'getxattr': return decode(await vfs.getxattr(ctx, op[1], op[2]));
    case 'listxattr': return (await vfs.listxattr(ctx, op[1])).sort();
    case 'rm_rf': return rmRf(vfs, ctx, op[1]);
    case 'mv_exdev':
      try {
        return await vfs.rename(ctx, op[1], op[2]);
      } catch (e) {
        if (!isSysError(e, 'EXDEV')) throw e;
      }
      await copyTree(vfs, ctx, op[1], op[2]);
      return rmRf(vfs, ctx, op[1]);
    case 'open_fd':
      env.fds.set(op[1], await vfs.open(ctx, op[2], flagsOf(op[3]), op[4] !== undefined ? octal(op[4]) : 0o666));
      return undefined;
    case 'fd_write': return writeAll(fdOf(env, op[1]), encode(op[2]));
    case 'fd_read': return decode(await fdOf(env, op[1]).read(op[2] ?? 65536));
    case 'fd_pread': return decode(await fdOf(env, op[1]).pread(op[2], op[3]));
    case 'fd_stat': return describeStat(await fdOf(env, op[1]).stat());
    case 'fd_truncate': return fdOf(env, op[1]).truncate(op[2]);
    case 'fd_close': {
      const f = fdOf(env, op[1]);
      env.fds.delete(op[1]);
      return f.close();
    }
    case 'as':
      // As in a forked child: same root and cwd, other credentials, no fds shared.
      return runOp({ vfs, ctx: { ...ctx, cred: { uid: op[1], gid: op[2], groups: [] } }, fds: new Map() }, op[3]);
  }
}

async function outcome(env: OpEnv, op: Op): Promise<OpResult> {
  try {
    const value = await runOp(env, op);
    return value === undefined ? { op, result: 'ok' } : { op, result: 'ok', value };
  } catch (e) {
    if (e instanceof SysError) return { op, result: errnoName(e) };
    // Not a kernel answer: a raw JavaScript exception is itself a bug worth showing in the diff.
    return { op, result: `THROWN ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
}

// ---- dumping trees ------------------------------------------------------------------------------

/** user.* and trusted.* names, minus the overlay's bookkeeping in the upper dir (see TreeEntry.xattrs). */
async function recordedXattrNames(vfs: Vfs, ctx: FsContext, path: string, upper: boolean): Promise<string[]> {
  const names = (await vfs.llistxattr(ctx, path)).filter((n) => n.startsWith('user.') || n.startsWith('trusted.'));
  const bookkeeping = (n: string): boolean => n.startsWith('trusted.overlay.') && !n.startsWith('trusted.overlay.overlay.');
  return names.filter((n) => !(upper && bookkeeping(n))).sort();
}

async function describeEntry(vfs: Vfs, ctx: FsContext, path: string, withOpaque: boolean): Promise<TreeEntry> {
  const st = await vfs.lstat(ctx, path);
  const type = fileTypeOf(st.mode);
  const out: TreeEntry = { type, mode: (st.mode & 0o7777).toString(8), uid: st.uid, gid: st.gid };
  if (type === 'file') {
    const data = await vfs.readFile(ctx, path);
    out.size = data.length;
    out.sha256 = sha256Hex(data);
    if (isInlineText(data)) out.content = decode(data);
    out.nlink = st.nlink;
  } else if (type === 'symlink') {
    out.target = await vfs.readlink(ctx, path);
  } else if (type === 'chardev' || type === 'blockdev') {
    out.rdev = `${major(st.rdev)}:${minor(st.rdev)}`;
  }
  if (type === 'file' || type === 'dir') {
    const xattrs: Record<string, string> = {};
    for (const n of await recordedXattrNames(vfs, ctx, path, withOpaque)) xattrs[n] = decode(await vfs.lgetxattr(ctx, path, n));
    if (Object.keys(xattrs).length > 0) out.xattrs = xattrs;
  }
  if (withOpaque && type === 'dir') {
    try {
      out.opaque = decode(await vfs.lgetxattr(ctx, path, OPAQUE_XATTR));
    } catch (e) {
      if (!isSysError(e, 'ENODATA')) throw e;
    }
  }
  return out;
}

/** Every path under root ("." for root itself), described without times or inode numbers. */
export async function dumpTree(vfs: Vfs, ctx: FsContext, root: string, withOpaque: boolean): Promise<Tree> {
  const tree: Tree = {};
  const walk = async (rel: string): Promise<void> => {
    const full = rel === '.' ? root : `${root}/${rel}`;
    const entry = await describeEntry(vfs, ctx, full, withOpaque);
    tree[rel] = entry;
    if (entry.type !== 'dir') return;
    const names = (await vfs.readdir(ctx, full)).map((d) => d.name).sort();
    for (const name of names) await walk(rel === '.' ? name : `${rel}/${name}`);
  };
  await walk('.');
  return tree;
}

// ---- one scenario -------------------------------------------------------------------------------

async function dumpLowers(vfs: Vfs, ctx: FsContext, count: number): Promise<Tree[]> {
  const out: Tree[] = [];
  for (let i = 0; i < count; i++) out.push(await dumpTree(vfs, ctx, `/lower${i}`, true));
  return out;
}

export async function replay(scenario: Scenario): Promise<Observed> {
  const { vfs, ctx } = await bootMachine();
  const readonly = scenario.readonly ?? false;
  for (const [i, entries] of scenario.layers.entries()) await buildLayer(vfs, ctx, `/lower${i}`, entries);
  if (!readonly) {
    await buildLayer(vfs, ctx, '/upper', scenario.upper ?? []);
    await vfs.mkdir(ctx, '/work', 0o755);
  }
  await vfs.mkdir(ctx, '/merged', 0o755);
  const lowersBefore = await dumpLowers(vfs, ctx, scenario.layers.length);
  const options = scenario.mount_options ?? defaultMountOptions(scenario.layers.length, readonly);
  try {
    await vfs.mount(ctx, 'overlay', '/merged', 'overlay', options);
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    return { mount: errnoName(e), results: [], merged: null, upper: readonly ? null : await dumpTree(vfs, ctx, '/upper', true) };
  }
  const inMerged = await vfs.chdir(await vfs.chroot(ctx, '/merged'), '/');
  const env: OpEnv = { vfs, ctx: inMerged, fds: new Map() };
  const results: OpResult[] = [];
  for (const op of scenario.ops) results.push(await outcome(env, op));
  // The recorder's ops ran in a child process: its exit closed whatever was still open.
  for (const f of env.fds.values()) await f.close();
  const merged = await dumpTree(vfs, ctx, '/merged', false);
  await vfs.umount(ctx, '/merged');
  const upper = readonly ? null : await dumpTree(vfs, ctx, '/upper', true);
  // record.py checks the same on Linux: whatever happens, the overlay never writes to a lower.
  if (!isDeepStrictEqual(await dumpLowers(vfs, ctx, scenario.layers.length), lowersBefore)) {
    throw new Error('the overlay modified a lower layer');
  }
  return { mount: 'ok', results, merged, upper };
}

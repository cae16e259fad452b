// Replays test/conformance/vfs/cases.json on the simulator and compares every step's outcome
// with what the real kernel answered (recording.json, made by record.py on a real tmpfs).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ERRNO, isSysError } from '../../../src/abi/errno.ts';
import * as F from '../../../src/abi/open-flags.ts';
import { S_IFBLK, S_IFCHR, S_IFIFO, fileTypeOf, major, makedev, minor, type Stat } from '../../../src/abi/stat.ts';
import type { FsContext } from '../../../src/kernel/fs/vfs/vfs.ts';
import { bootMachine, text, type TestMachine } from '../../helpers/machine.ts';

type Step = [string, ...unknown[]];
const here = new URL('.', import.meta.url).pathname;
const spec = JSON.parse(readFileSync(`${here}/cases.json`, 'utf8')) as { setup: Step[]; cases: [string, ...Step[]][] };
const recording = JSON.parse(readFileSync(`${here}/recording.json`, 'utf8')) as { results: Record<string, unknown[]> };

const pathOf = (p: unknown): string => (p === 'LONGPATH' ? '/' + 'a/'.repeat(2048) : String(p));
const flagsOf = (names: string): number => names.split('|').reduce((acc, n) => acc | (F as unknown as Record<string, number>)[n]!, 0);

function describeStat(st: Stat) {
  return {
    type: fileTypeOf(st.mode), mode: (st.mode & 0o7777).toString(8), uid: st.uid, gid: st.gid,
    size: st.size, nlink: st.nlink, rdev: `${major(st.rdev)}:${minor(st.rdev)}`,
  };
}

async function step(m: TestMachine, ctx: FsContext, op: Step): Promise<unknown> {
  const { vfs } = m;
  const [kind, ...a] = op;
  const s = (i: number) => pathOf(a[i]);
  switch (kind) {
    case 'mkdir': return vfs.mkdir(ctx, s(0), parseInt(String(a[1]), 8));
    case 'write': return vfs.writeFile(ctx, s(0), String(a[1]));
    case 'append': {
      const f = await vfs.open(ctx, s(0), F.O_WRONLY | F.O_APPEND);
      await f.write(new TextEncoder().encode(String(a[1])));
      return f.close();
    }
    case 'read': return Buffer.from(await vfs.readFile(ctx, s(0))).toString('latin1');
    case 'open': return (await vfs.open(ctx, s(0), flagsOf(String(a[1])), 0o666)).close();
    case 'symlink': return vfs.symlink(ctx, String(a[0]), s(1));
    case 'link': return vfs.link(ctx, s(0), s(1));
    case 'unlink': return vfs.unlink(ctx, s(0));
    case 'rmdir': return vfs.rmdir(ctx, s(0));
    case 'rename': return vfs.rename(ctx, s(0), s(1));
    case 'stat': return describeStat(await vfs.stat(ctx, s(0)));
    case 'lstat': return describeStat(await vfs.lstat(ctx, s(0)));
    case 'listdir': return (await vfs.readdir(ctx, s(0))).map((e) => e.name).sort();
    case 'readlink': return vfs.readlink(ctx, s(0));
    case 'truncate': return vfs.truncate(ctx, s(0), Number(a[1]));
    case 'chmod': return vfs.chmod(ctx, s(0), parseInt(String(a[1]), 8));
    case 'chown': return vfs.chown(ctx, s(0), Number(a[1]), Number(a[2]));
    case 'access': return vfs.access(ctx, s(0), flagsOf(String(a[1])));
    case 'mknod': {
      const type = { c: S_IFCHR, p: S_IFIFO, b: S_IFBLK }[String(a[1]) as 'c' | 'p' | 'b'];
      return vfs.mknod(ctx, s(0), type | 0o644, makedev(Number(a[2]), Number(a[3])));
    }
    case 'setxattr':
    case 'lsetxattr': {
      const flags = a[3] ? flagsOf(String(a[3])) : 0;
      const value = new TextEncoder().encode(String(a[2]));
      return kind === 'setxattr' ? vfs.setxattr(ctx, s(0), String(a[1]), value, flags) : vfs.lsetxattr(ctx, s(0), String(a[1]), value, flags);
    }
    case 'getxattr': return text(await vfs.getxattr(ctx, s(0), String(a[1])));
    case 'lgetxattr': return text(await vfs.lgetxattr(ctx, s(0), String(a[1])));
    case 'listxattr': return (await vfs.listxattr(ctx, s(0))).sort();
    case 'removexattr': return vfs.removexattr(ctx, s(0), String(a[1]));
    default: throw new Error(`unknown step ${kind}`);
  }
}

/** "ok", {ok: value} or an errno name, as the recorder writes them; errnos compared by number. */
async function outcome(m: TestMachine, ctx: FsContext, op: Step): Promise<unknown> {
  if (op[0] === 'as') {
    const [, uid, gid, inner] = op as [string, number, number, Step];
    return outcome(m, { ...ctx, cred: { uid, gid, groups: [] } }, inner);
  }
  try {
    const value = await step(m, ctx, op);
    return value === undefined ? 'ok' : { ok: value };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.errno;
  }
}

const errnoNumbers = (v: unknown): unknown =>
  typeof v === 'string' && v in ERRNO ? ERRNO[v as keyof typeof ERRNO] : v;

describe('VFS answers as the Linux kernel does (tmpfs)', () => {
  for (const [name, ...ops] of spec.cases) {
    it(name, async () => {
      const m = await bootMachine();
      for (const op of spec.setup) expect(await outcome(m, m.ctx, op), `setup ${JSON.stringify(op)}`).toBe('ok');
      const got: unknown[] = [];
      for (const op of ops) got.push(await outcome(m, m.ctx, op));
      expect(got).toEqual(recording.results[name]!.map(errnoNumbers));
    });
  }
});

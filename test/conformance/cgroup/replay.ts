// Runs one scenario of scenarios.json against the simulator, step by step, producing results in
// the form record.py writes for real Linux: "ok", an errno name, what a read returned (pids
// replaced by their names), or a small record. The recording's domain controller ($DOM) is
// played by the simulator's memory controller.

import { isSysError } from '../../../src/abi/errno.ts';
import { O_CREAT, O_WRONLY } from '../../../src/abi/open-flags.ts';
import { procCgroupLine } from '../../../src/kernel/cgroup/cgroup-path.ts';
import { CORE_FILES } from '../../../src/kernel/cgroup/files/core-files.ts';
import { type CgroupMachine, CG } from '../../cgroup/cgroup-machine.ts';
import { text } from '../../helpers/machine.ts';

export type Step = [string, ...unknown[]];
export const PROBE = 'cowbox-probe';
const SIM_DOM = 'memory';
const CORE = new Set(CORE_FILES.map((f) => f.name));
/** The stand-in controller's own files are left out, as the recording leaves out $DOM's. */
const notDomFile = (n: string): boolean => CORE.has(n) || !n.startsWith(`${SIM_DOM}.`);

async function attempt(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    const r = await fn();
    return r === undefined ? 'ok' : r;
  } catch (e) {
    if (isSysError(e)) return e.code;
    throw e;
  }
}

export class Replayer {
  private readonly pids = new Map<string, number>();

  constructor(private readonly m: CgroupMachine) {}

  private sub(s: string): string {
    let out = s.replaceAll('$T', PROBE).replaceAll('$DOM', SIM_DOM);
    for (const [name, pid] of [...this.pids].sort((a, b) => b[0].length - a[0].length)) out = out.replaceAll(`$${name}`, String(pid));
    return out;
  }

  private path(rel: string): string {
    const r = this.sub(rel);
    return r ? `${CG}/${r}` : CG;
  }

  private unsub(s: string): string {
    return s.split('\n').map((line) => {
      for (const [name, pid] of this.pids) if (line === String(pid)) return `$${name}`;
      return line;
    }).join('\n');
  }

  async step(op: Step): Promise<unknown> {
    const { vfs, ctx, tree, procs } = this.m;
    const [kind, ...a] = op;
    const s = (i: number): string => a[i] as string;
    switch (kind) {
      case 'mkdir': return attempt(() => vfs.mkdir(ctx, this.path(s(0)), 0o777));
      case 'rmdir': return attempt(() => vfs.rmdir(ctx, this.path(s(0))));
      case 'write': return attempt(() => vfs.writeFile(ctx, this.path(s(0)), this.sub(s(1))));
      case 'read': {
        const got = await attempt(async () => text(await vfs.readFile(ctx, this.path(s(0)))));
        if (typeof got !== 'string' || /^E[A-Z0-9]+$/.test(got)) return got;
        let out = got;
        if (a[1]) {
          const keep = (a[1] as string[]).map((k) => this.sub(k));
          out = got.split('\n').filter((l) => keep.includes(l.split(' ')[0]!)).map((l) => `${l}\n`).join('').replaceAll(SIM_DOM, '$DOM');
        }
        return this.unsub(out);
      }
      case 'ls': {
        const dir = this.path(s(0));
        const names = (await vfs.readdir(ctx, dir)).map((e) => e.name).filter(notDomFile).sort();
        const out: string[] = [];
        for (const n of names) out.push(`${((await vfs.stat(ctx, `${dir}/${n}`)).mode & 0o7777).toString(8).padStart(4, '0')} ${n}`);
        return out;
      }
      case 'stat': {
        const st = await vfs.stat(ctx, this.path(s(0)));
        return { mode: st.mode.toString(8), nlink: st.nlink, size: st.size };
      }
      case 'create': return attempt(async () => void (await (await vfs.open(ctx, this.path(s(0)), O_CREAT | O_WRONLY, 0o644)).close()));
      case 'unlink': return attempt(() => vfs.unlink(ctx, this.path(s(0))));
      case 'rename': return attempt(() => vfs.rename(ctx, this.path(s(0)), this.path(s(1))));
      case 'symlink': return attempt(() => vfs.symlink(ctx, s(0), this.path(s(1))));
      case 'chmod': return attempt(() => vfs.chmod(ctx, this.path(s(0)), parseInt(s(1), 8)));
      case 'spawn': {
        const pid = procs.spawn();
        this.pids.set(s(0), pid);
        return attempt(() => vfs.writeFile(ctx, `${this.path(s(1))}/cgroup.procs`, String(pid)));
      }
      case 'zombie':
        procs.exit(this.pids.get(s(0))!, 'signal 9');
        return 'ok';
      case 'reap':
        procs.reap(this.pids.get(s(0))!);
        return 'ok';
      case 'kill': {
        const pid = this.pids.get(s(0))!;
        procs.exit(pid, 'signal 9');
        procs.reap(pid);
        return 'ok';
      }
      case 'status': return procs.status.get(this.pids.get(s(0))!) ?? 'running';
      case 'proccgroup': {
        const pid = s(0) === 'SELF' ? procs.current : this.pids.get(s(0))!;
        return procCgroupLine(tree.cgroupOf(pid)!).trimEnd().replaceAll(PROBE, '$T');
      }
      case 'sleep': return 'ok';
      case 'nsview': {
        const ns = tree.lookup(this.sub(s(0)))!;
        const mnt = '/mnt-ns';
        await vfs.mkdir(ctx, mnt);
        procs.nsRoot = ns;
        try {
          await vfs.mount(ctx, 'cgroup2', mnt, 'cgroup2');
        } finally {
          procs.nsRoot = null;
        }
        const ls = (await vfs.readdir(ctx, mnt)).map((e) => e.name).filter(notDomFile).sort();
        await vfs.umount(ctx, mnt);
        return {
          self: procCgroupLine(ns, ns).trimEnd(),
          init: procCgroupLine(tree.root, ns).trimEnd(),
          ls,
        };
      }
      default: throw new Error(`unknown step ${kind}`);
    }
  }

  /**
   * Either side's controller name becomes $DOM; the lines of a filtered read are put in the
   * filter's order (the stand-in controller sorts elsewhere among the subsystems).
   */
  static normalize(op: Step, result: unknown, realDom: string): unknown {
    if (typeof result !== 'string') return result;
    const out = result.replace(new RegExp(`\\b(${realDom}|${SIM_DOM})\\b`, 'g'), '$DOM');
    if (op[0] !== 'read' || !op[2]) return out;
    const keys = op[2] as string[];
    const lines = out.split('\n').filter((l) => l.length > 0);
    return lines.sort((x, y) => keys.indexOf(x.split(' ')[0]!) - keys.indexOf(y.split(' ')[0]!)).join('\n');
  }
}

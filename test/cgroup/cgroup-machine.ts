// A machine for cgroup tests: a VFS with cgroup2 mounted at /sys/fs/cgroup over a CgroupTree,
// and a small fake process table standing in for the kernel's task side (fork, exit, reap, the
// OOM victim choice, SIGKILL), wired through the hooks the real kernel will install.

import { SysError } from '../../src/abi/errno.ts';
import type { Cgroup } from '../../src/kernel/cgroup/cgroup.ts';
import { CgroupTree, type CgroupKernelHooks } from '../../src/kernel/cgroup/cgroup-tree.ts';
import type { MemoryChargeResult } from '../../src/kernel/cgroup/memory-controller.ts';
import type { MemoryCss } from '../../src/kernel/cgroup/memory-css.ts';
import { type CgroupFsHooks, createCgroupFsFactory } from '../../src/kernel/fs/cgroupfs/cgroup-fs.ts';
import { bootMachine, type TestMachine, text } from '../helpers/machine.ts';

/** Processes as far as cgroups care: a cgroup each, anonymous memory, an exit status. */
export class FakeProcs {
  private nextPid = 1000;
  /** Wait statuses of processes that died ("signal 9", "exit 0"). */
  readonly status = new Map<number, string>();
  readonly anon = new Map<number, { owner: MemoryCss; bytes: number }>();
  /** The process whose system calls are being made ("0" in cgroup.procs means it). */
  current = 0;
  /** The cgroup namespace root of the process mounting cgroup2. */
  nsRoot: Cgroup | null = null;

  constructor(private readonly tree: CgroupTree) {}

  /** fork into `cg`; throws EAGAIN when pids.max refuses. */
  spawn(cg: Cgroup = this.tree.root): number {
    const pid = this.nextPid++;
    if (!this.tree.fork(pid, cg)) throw new SysError('EAGAIN');
    return pid;
  }

  alive(pid: number): boolean {
    return this.tree.cgroupOf(pid) !== null && !this.tree.isZombie(pid);
  }

  /** The process ends: its anonymous memory is freed, it becomes a zombie. */
  exit(pid: number, status = 'exit 0'): void {
    if (!this.alive(pid)) return;
    const mem = this.anon.get(pid);
    if (mem) this.tree.memory.uncharge(mem.owner, mem.bytes, 'anon');
    this.anon.delete(pid);
    this.tree.exit(pid);
    this.status.set(pid, status);
  }

  reap(pid: number): void {
    this.tree.release(pid);
  }

  /** Touch `bytes` more anonymous memory, charged to the process's cgroup now. */
  allocate(pid: number, bytes: number): MemoryChargeResult {
    const res = this.tree.memory.charge(this.tree.cgroupOf(pid)!, bytes, 'anon', { pid });
    if (res.ok) {
      const mem = this.anon.get(pid);
      if (mem && mem.owner !== res.owner) throw new Error('test processes keep one memory owner');
      this.anon.set(pid, { owner: res.owner, bytes: (mem?.bytes ?? 0) + bytes });
    }
    return res;
  }

  readonly hooks: CgroupKernelHooks = {
    // The largest anonymous footprint loses, as with oom_badness() at oom_score_adj 0.
    selectOomVictim: (scope) => {
      let best: number | null = null;
      let most = -1;
      for (const pid of scope.subtreePids()) {
        const bytes = this.anon.get(pid)?.bytes ?? 0;
        if (bytes > most) [best, most] = [pid, bytes];
      }
      return best;
    },
    kill: (pids) => {
      for (const pid of pids) {
        this.exit(pid, 'signal 9');
        this.reap(pid);
      }
    },
  };

  readonly fsHooks: CgroupFsHooks = {
    mountRoot: () => this.nsRoot ?? this.tree.root,
    movePid: (pid, cg, threads) => {
      const real = pid === 0 ? this.current : pid;
      if (!this.tree.cgroupOf(real)) throw new SysError('ESRCH');
      this.tree.migrate(real, cg, threads);
    },
  };
}

export interface CgroupMachine extends TestMachine {
  tree: CgroupTree;
  procs: FakeProcs;
  /** Kernel log lines. */
  log: string[];
  read(path: string): Promise<string>;
  /** One write(2) of `data` (as `echo -n data > path` would do). */
  write(path: string, data: string): Promise<void>;
}

export const CG = '/sys/fs/cgroup';

export async function bootCgroupMachine(): Promise<CgroupMachine> {
  const m = await bootMachine();
  const log: string[] = [];
  const tree = new CgroupTree({ clock: m.clock, emit: (e) => m.events.push(e), log: (l) => log.push(l) });
  const procs = new FakeProcs(tree);
  tree.hooks = procs.hooks;
  m.vfs.registerFsType('cgroup2', createCgroupFsFactory(tree, procs.fsHooks));
  for (const dir of ['/sys', '/sys/fs', CG]) await m.vfs.mkdir(m.ctx, dir, 0o755);
  await m.vfs.mount(m.ctx, 'cgroup2', CG, 'cgroup2');
  procs.current = procs.spawn();
  return {
    ...m, tree, procs, log,
    read: async (path) => text(await m.vfs.readFile(m.ctx, path)),
    write: (path, data) => m.vfs.writeFile(m.ctx, path, data),
  };
}

// The top of /proc: the machine-wide files, `self` and `thread-self`, then one directory per
// process visible in the procfs's PID namespace, numbered as that namespace numbers them. The
// order is the one getdents gives on Linux (named entries by length then name, then self and
// thread-self, then PIDs ascending). `self` points at the caller's own number here and, for a
// caller this namespace cannot see, reads ENOENT while still being listed (both recorded).

import { SysError } from '../../../abi/errno.ts';
import type { Task } from '../../task/task.ts';
import type { PidDir, ProcEnv } from './pid-dir.ts';
import { ProcDir, ProcFile, ProcLink, type ProcNode } from './proc-node.ts';
import { buildSysDir } from './sys-dir.ts';
import {
  cpuinfoText, filesystemsText, loadavgText, meminfoText, statText, uptimeText, versionText,
} from './system-files.ts';

/** What the root needs beyond a process directory's environment. */
export interface RootEnv extends ProcEnv {
  pidDir(task: Task): PidDir;
  /** hidepid=invisible: whether the caller may see this process at all. */
  visible(caller: Task | null, task: Task): boolean;
  /** subset=pid: only the process directories and self/thread-self. */
  readonly pidsOnly: boolean;
  /** Whether the kernel knows a filesystem type, for /proc/filesystems. */
  hasFsType(name: string): boolean;
}

export class RootDir extends ProcDir {
  private readonly named: Array<[string, ProcNode]>;
  private readonly self: ProcLink;
  private readonly threadSelf: ProcLink;

  constructor(private readonly env: RootEnv) {
    super(env, { mode: 0o555 });
    const k = env.kernel;
    // /proc's own files answer a write with EIO (proc_reg_write without a handler).
    const file = (read: (caller: Task | null) => string | Promise<string>): ProcFile =>
      new ProcFile(env, { mode: 0o444 }, { read, noWrite: 'EIO' });
    const named: Array<[string, ProcNode]> = [
      ['net', new ProcLink(env, { mode: 0o777 }, { target: () => 'self/net', size: 8 })],
      ['sys', buildSysDir(env, k)],
      ['stat', file(() => statText(k))],
      ['mounts', new ProcLink(env, { mode: 0o777 }, { target: () => 'self/mounts', size: 11 })],
      ['uptime', file(() => uptimeText(k))],
      ['cpuinfo', file(() => cpuinfoText())],
      ['loadavg', file(() => loadavgText(k, env.view.pidNs))],
      ['meminfo', file(() => meminfoText(k))],
      ['version', file(() => versionText())],
      ['filesystems', file(() => filesystemsText((name) => env.hasFsType(name)))],
    ];
    this.named = named.sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    const mine = (caller: Task | null): number => {
      const nr = env.view.nr(caller);
      if (nr === 0) throw new SysError('ENOENT');
      return nr;
    };
    this.self = new ProcLink(env, { mode: 0o777 }, { target: (caller) => String(mine(caller)) });
    this.threadSelf = new ProcLink(env, { mode: 0o777 }, {
      target: (caller) => {
        const nr = mine(caller);
        return `${nr}/task/${nr}`;
      },
    });
  }

  private processes(caller: Task | null): Array<[number, Task]> {
    return [...this.env.view.pidNs.tasks()]
      .filter(([, t]) => t.state !== 'X' && this.env.visible(caller, t))
      .sort(([a], [b]) => a - b);
  }

  entries(caller: Task | null): Array<[string, ProcNode]> {
    const out: Array<[string, ProcNode]> = this.env.pidsOnly ? [] : [...this.named];
    out.push(['self', this.self], ['thread-self', this.threadSelf]);
    for (const [nr, task] of this.processes(caller)) out.push([String(nr), this.env.pidDir(task)]);
    return out;
  }

  override child(name: string, caller: Task | null): ProcNode | null {
    if (name === 'self') return this.self;
    if (name === 'thread-self') return this.threadSelf;
    if (/^[1-9]\d*$/.test(name)) {
      const task = this.env.view.find(Number(name));
      return task && task.state !== 'X' && this.env.visible(caller, task) ? this.env.pidDir(task) : null;
    }
    if (this.env.pidsOnly) return null;
    return this.named.find(([n]) => n === name)?.[1] ?? null;
  }

  /** Linux counts the processes of the whole machine in /proc's link count. */
  protected override nlink(): number {
    const dirs = this.named.filter(([, n]) => n.type === 'dir').length;
    return 2 + dirs + this.env.kernel.tasks.size;
  }
}

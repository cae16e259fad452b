// The top of /proc: the machine-wide files, `self` and `thread-self`, then one directory per
// process visible in the procfs's PID namespace, numbered as that namespace numbers them. The
// order is the one getdents gives on Linux (named entries by length then name, then self and
// thread-self, then PIDs ascending). `self` points at the caller's own number here and, for a
// caller this namespace cannot see, reads ENOENT while still being listed (both recorded).

import { SysError } from '../../../abi/errno.ts';
import type { Task } from '../../task/task.ts';
import type { PidDir, ProcEnv } from './pid-dir.ts';
import { ProcDir, ProcFile, ProcLink, type ProcNode } from './proc-node.ts';
import { contents, contentsLoaded, loadContents } from './load-contents.ts';

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

type Contents = ReturnType<typeof contents>;

/** /proc's own files answer a write with EIO (proc_reg_write without a handler). */
function file(env: RootEnv, read: (c: Contents) => string | Promise<string>): ProcFile {
  return new ProcFile(env, { mode: 0o444 }, { read: () => read(contents()), noWrite: 'EIO' });
}

/** The machine-wide entries in getdents order (by length, then name), and how to make each. */
const NAMED: ReadonlyArray<readonly [string, (env: RootEnv) => ProcNode]> = ([
  ['net', (env) => new ProcLink(env, { mode: 0o777 }, { target: () => 'self/net', size: 8 })],
  ['sys', (env) => contents().buildSysDir(env, env.kernel)],
  ['stat', (env) => file(env, (c) => c.statText(env.kernel))],
  ['mounts', (env) => new ProcLink(env, { mode: 0o777 }, { target: () => 'self/mounts', size: 11 })],
  ['uptime', (env) => file(env, (c) => c.uptimeText(env.kernel))],
  ['cpuinfo', (env) => file(env, (c) => c.cpuinfoText())],
  ['loadavg', (env) => file(env, (c) => c.loadavgText(env.kernel, env.view.pidNs))],
  ['meminfo', (env) => file(env, (c) => c.meminfoText(env.kernel))],
  ['version', (env) => file(env, (c) => c.versionText())],
  ['filesystems', (env) => file(env, (c) => c.filesystemsText((name) => env.hasFsType(name)))],
] as Array<readonly [string, (env: RootEnv) => ProcNode]>).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));

export class RootDir extends ProcDir {
  /** The machine-wide entries made so far (every container's /proc is a new mount). */
  private readonly namedMade = new Map<string, ProcNode>();
  private namedTable: Array<[string, ProcNode]> | null = null;
  private readonly self: ProcLink;
  private readonly threadSelf: ProcLink;

  constructor(private readonly env: RootEnv) {
    super(env, { mode: 0o555 });
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

  /** What lies below is loaded on the first lookup or listing (load-contents.ts), off the CPU. */
  protected override async ready(caller: Task | null): Promise<void> {
    if (!contentsLoaded()) await this.env.kernel.hostWait(caller, loadContents());
  }

  /** All the named entries (a listing, or the link count), made as needed. */
  private get named(): Array<[string, ProcNode]> {
    return (this.namedTable ??= NAMED.map(([name]) => [name, this.namedChild(name)!]));
  }

  /** One named entry, made at its first lookup: a container looks up a few, lists none. */
  private namedChild(name: string): ProcNode | null {
    const made = this.namedMade.get(name);
    if (made) return made;
    const spec = NAMED.find(([n]) => n === name);
    if (!spec) return null;
    const node = spec[1](this.env);
    this.namedMade.set(name, node);
    return node;
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
    return this.namedChild(name);
  }

  /** Linux counts the processes of the whole machine in /proc's link count. */
  protected override nlink(): number {
    // Of the named entries only sys is a directory (counted without making them all).
    return 2 + 1 + this.env.kernel.tasks.size;
  }
}

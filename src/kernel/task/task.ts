// A process: its numbers in each PID namespace, family (parent, children, process group,
// session), credentials, files, namespaces, signal state and accounting. The program it runs is
// an async function; the kernel drives it (see kernel.ts) and it reaches the kernel only by
// system calls, each of which is a point where signals are delivered.

import type { PathRef } from '../fs/vfs/mount.ts';
import type { FsContext } from '../fs/vfs/vfs.ts';
import type { NsProxy } from '../ns/namespaces.ts';
import type { PidNamespace } from '../ns/pid-namespace.ts';
import type { Rlimit } from '../../abi/rlimit.ts';
import { DEFAULT_RLIMITS } from './rlimits.ts';
import { FdTable } from './fd-table.ts';
import { Interrupt } from './interrupt.ts';
import { LazyMap, LazySet } from './lazy.ts';
import type { TaskUnwind } from './unwind.ts';

/** /proc/PID/status State letters. */
export type TaskState = 'R' | 'S' | 'T' | 'Z' | 'X';

/** `self` is the port of the process the handler runs in (see Kernel.portFor). */
export type SignalHandler = (sig: number, self: object) => void | Promise<void>;
export type SignalDisposition = 'default' | 'ignore' | SignalHandler;

export interface Credentials {
  uid: number;
  euid: number;
  suid: number;
  gid: number;
  egid: number;
  sgid: number;
  groups: number[];
}

export class Task {
  /** Number in each PID namespace from the root down to the task's own (NSpid). */
  readonly nrs: number[];
  readonly pidNs: PidNamespace<Task>;
  parent: Task | null;
  readonly children = new LazySet<Task>();
  pgid: number;
  sid: number;
  state: TaskState = 'R';
  /** wait(2) status once the task is a zombie. */
  exitStatus = 0;
  /** A stop or continue not yet reported to a waiting parent. */
  pendingReport: number | null = null;
  comm: string;
  argv: string[];
  envp: string[];
  exe = '';
  /** Where the executable was found at exec (/proc/PID/exe jumps there, unlinked or not). */
  exeRef: PathRef | null = null;
  /** Root, cwd, umask and the filesystem credentials (kept equal to euid/egid by setres*id). */
  fs: FsContext;
  fds: FdTable;
  ns: NsProxy;
  /** Where this task's children go: its own PID namespace, or one made by unshare(CLONE_NEWPID). */
  pidNsForChildren: PidNamespace<Task>;
  cred: Credentials;
  cgroup: unknown = null;
  readonly handlers = new LazyMap<number, SignalDisposition>();
  private blockedSet = new LazySet<number>();
  readonly pending = new LazySet<number>();
  readonly interrupt = new Interrupt();
  /** Resolves while stopped by SIGSTOP/SIGTSTP; SIGCONT or SIGKILL releases it. */
  resume: (() => void) | null = null;
  readonly startNs: bigint;
  utimeNs = 0n;
  stimeNs = 0n;
  /** CPU times of reaped children (and theirs), as times(2) and /proc/PID/stat report them. */
  cutimeNs = 0n;
  cstimeNs = 0n;
  /** Bytes the program says it holds (charged to its memory cgroup): the sum of `mappings`. */
  memoryBytes = 0;
  /** Anonymous memory the program mapped (mmap), by address, with the cgroup it was charged to. */
  readonly mappings = new LazyMap<number, { bytes: number; owner: unknown }>();
  /** When it last woke from a sleep (host ms): the scheduler favours it for a slice after. */
  wokeAtMs = -Infinity;
  /** CPU time the cgroup's cpu.max still owes: the task sits out this long at its next call. */
  throttleUs = 0;
  /** The nice value (-20..19) setpriority(2) keeps; children inherit it, /proc/PID/stat shows it. */
  nice = 0;
  /** Resource limits by RLIMIT_* number (shared and frozen: setrlimit makes a new table). */
  rlimits: readonly Rlimit[] = DEFAULT_RLIMITS;
  /** Parent's wakers, called when this child changes state. */
  readonly childWaiters = new LazySet<() => void>();
  /** The kernel's run loop has finished with this task's program. */
  exited = false;
  /** An exec, exit or fatal signal is unwinding the current program (see Kernel.syscall). */
  unwinding: TaskUnwind | null = null;

  constructor(init: {
    nrs: number[];
    pidNs: PidNamespace<Task>;
    parent: Task | null;
    pgid: number;
    sid: number;
    comm: string;
    argv: string[];
    envp: string[];
    fs: FsContext;
    fds?: FdTable;
    ns: NsProxy;
    cred: Credentials;
    startNs: bigint;
  }) {
    this.nrs = init.nrs;
    this.pidNs = init.pidNs;
    this.pidNsForChildren = init.pidNs;
    this.parent = init.parent;
    this.pgid = init.pgid;
    this.sid = init.sid;
    this.comm = init.comm;
    this.argv = init.argv;
    this.envp = init.envp;
    this.fs = init.fs;
    this.fds = init.fds ?? new FdTable();
    this.ns = init.ns;
    this.cred = init.cred;
    this.startNs = init.startNs;
  }

  /** Blocked signals; sigprocmask's SIG_SETMASK and fork replace the whole set. */
  get blocked(): LazySet<number> {
    return this.blockedSet;
  }
  set blocked(signals: Iterable<number>) {
    this.blockedSet = new LazySet(signals);
  }

  /** The kernel-wide (root namespace) PID. */
  get pid(): number {
    return this.nrs[0]!;
  }

  /** The task's number as seen from `ns`, or 0 when it is not visible there (as Linux reports). */
  nrIn(ns: PidNamespace<Task>): number {
    return ns.level < this.nrs.length && this.pidNs.chain()[ns.level] === ns ? this.nrs[ns.level]! : 0;
  }

  get alive(): boolean {
    return this.state !== 'Z' && this.state !== 'X';
  }

  disposition(sig: number): SignalDisposition {
    return this.handlers.get(sig) ?? 'default';
  }
}

// The kernel: owns the clock, the event bus, the VFS, the namespaces and the process table, and
// runs programs. Every program is an async function given a SysPort; each call through the port
// passes `syscall()`, the one dispatcher, which delivers signals, traces, accounts CPU time and
// gives the host thread back every few milliseconds so input (^C) and other processes progress.
// The syscall table is handed in at boot: nothing here imports kernel/syscalls.

import { SysError, isSysError } from '../abi/errno.ts';
import type { ProgramLoader, ProgramMain, SysPort } from '../abi/program.ts';
import { utf8Encode } from '../base/text.ts';
import {
  SIG, defaultAction, exitedStatus, signaledStatus, stoppedStatus, CONTINUED_STATUS,
} from '../abi/signals.ts';
import type { Clock } from './fs/vfs/types.ts';
import type { FsContext, Vfs } from './fs/vfs/vfs.ts';
import { type EmitFn, EventBus } from './events.ts';
import {
  INITIAL_NS_INO, IpcNamespace, NetNamespace, type NsProxy, TimeNamespace, UserNamespace, UtsNamespace,
} from './ns/namespaces.ts';
import { PidNamespace } from './ns/pid-namespace.ts';
import { type Credentials, Task } from './task/task.ts';
import { CgroupTree } from './cgroup/cgroup-tree.ts';
import type { Cgroup } from './cgroup/cgroup.ts';
import { createCgroupFsFactory } from './fs/cgroupfs/cgroup-fs.ts';
import { createProcFsFactory } from './fs/procfs/proc-fs.ts';
import { cgroupFsHooks, kernelCgroupHooks } from './task/cgroup-hooks.ts';
import { ExecUnwind, ExitUnwind, TaskUnwind } from './task/unwind.ts';
import { isTraced, traceEntry, traceExit, traceSignal, traceTaskExit } from './task/trace.ts';

/** What the kernel needs from the thread it runs on. */
export interface KernelHost {
  /** Monotonic milliseconds, for scheduling (not for file times: that is the Clock). */
  nowMs(): number;
  /** Resolve after the host's pending events (input, timers) have had their turn. */
  macrotask(): Promise<void>;
  /** Call `fn` after `ms` milliseconds of real time; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

export type SyscallHandler = (k: Kernel, t: Task, ...args: any[]) => Promise<unknown>;

export interface SyscallEntry {
  name: string;
  handler: SyscallHandler | null;
  support: 'full' | 'partial' | 'none';
  note: string;
  /**
   * A handler that runs at the call's entry ends it with EINTR: always (pause, which waits for
   * one), or only if the call would sleep ('sleep': wait4, which returns a ready child as usual).
   */
  endsOnHandler?: boolean | 'sleep';
}

export type SyscallTable = ReadonlyMap<string, SyscallEntry>;

export interface KernelOptions {
  clock: Clock;
  host: KernelHost;
  vfs: Vfs;
  rootCtx: FsContext;
  syscalls: SyscallTable;
  loadProgram: ProgramLoader;
  bus?: EventBus;
  hostname?: string;
}

/** How long a program may run before the kernel hands the thread back to the host. */
const SLICE_MS = 4;

export class Kernel {
  readonly clock: Clock;
  readonly host: KernelHost;
  readonly vfs: Vfs;
  readonly bus: EventBus;
  readonly emit: EmitFn;
  readonly syscalls: SyscallTable;
  readonly loadProgram: ProgramLoader;
  readonly rootPidNs = PidNamespace.initial<Task>();
  readonly initialNs: NsProxy;
  /** Every live or zombie task by kernel-wide PID. */
  readonly tasks = new Map<number, Task>();
  /** Each task's port, made on first use (portFor). */
  private readonly ports = new WeakMap<Task, SysPort>();
  tracing = false;
  /** When the running slice ends, and the macrotask that starts the next one (shared by all). */
  private sliceEnd = 0;
  private tick: Promise<void> | null = null;
  /** The last CPU accounting point (host ms); see account(). */
  private cpuMarkMs = 0;
  readonly bootNs: bigint;
  readonly cgroups: CgroupTree;
  /** The kernel log (dmesg): lines with their time since boot. */
  readonly dmesg: string[] = [];
  /** Resolves when the root init exits (the machine halts). */
  halted: Promise<number>;
  private halt!: (status: number) => void;

  constructor(opts: KernelOptions) {
    this.clock = opts.clock;
    this.host = opts.host;
    this.vfs = opts.vfs;
    this.bus = opts.bus ?? new EventBus();
    this.emit = this.bus.emit;
    this.syscalls = opts.syscalls;
    this.loadProgram = opts.loadProgram;
    this.bootNs = opts.clock.nowNs();
    this.initialNs = {
      uts: new UtsNamespace(INITIAL_NS_INO.uts, opts.hostname ?? 'cowbox'),
      ipc: new IpcNamespace(INITIAL_NS_INO.ipc),
      mnt: opts.rootCtx.mounts,
      net: new NetNamespace(INITIAL_NS_INO.net),
      user: UserNamespace.initial(),
      time: new TimeNamespace(INITIAL_NS_INO.time),
      cgroup: { ino: INITIAL_NS_INO.cgroup, root: null },
    };
    this.initialNs.net.interfaces[0]!.up = true;
    this.rootCtx = opts.rootCtx;
    this.halted = new Promise((resolve) => (this.halt = resolve));
    this.cgroups = new CgroupTree({ clock: this.clock, emit: this.emit, log: (line) => this.log(line) });
    this.cgroups.hooks = kernelCgroupHooks(this);
    this.initialNs = { ...this.initialNs, cgroup: { ino: INITIAL_NS_INO.cgroup, root: this.cgroups.root } };
    this.vfs.registerFsType('proc', createProcFsFactory(this));
    this.vfs.registerFsType('cgroup2', createCgroupFsFactory(this.cgroups, { ...cgroupFsHooks(this), hostWait: (caller, work) => this.hostWait(caller, work) }));
  }

  /** Write a line to the kernel log, stamped as dmesg shows it. */
  log(line: string): void {
    const us = Number((this.clock.nowNs() - this.bootNs) / 1000n);
    const stamp = `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;
    this.dmesg.push(`[${stamp.padStart(12, ' ')}] ${line}`);
    if (this.dmesg.length > 4096) this.dmesg.shift();
  }

  /** Give back everything a task's memory holds (at exit, or when the OOM killer takes it). */
  releaseMemory(task: Task): void {
    for (const m of task.mappings.values()) this.cgroups.memory.uncharge(m.owner as never, m.bytes, 'anon');
    task.mappings.clear();
    task.memoryBytes = 0;
  }

  private readonly rootCtx: FsContext;

  // ---- starting programs ------------------------------------------------------------------

  /** Start PID 1 of the machine with `main`. */
  startInit(main: ProgramMain, argv: string[], envp: string[]): Task {
    if (this.tasks.size > 0) throw new SysError('EBUSY', 'init is already running');
    const cred: Credentials = { uid: 0, euid: 0, suid: 0, gid: 0, egid: 0, sgid: 0, groups: [] };
    const task = new Task({
      nrs: [], pidNs: this.rootPidNs, parent: null, pgid: 0, sid: 0, comm: comm(argv[0] ?? 'init'),
      argv, envp, fs: this.rootCtx, ns: this.initialNs, cred, startNs: this.clock.nowNs(),
    });
    task.nrs.push(this.rootPidNs.alloc(task));
    task.pgid = task.sid = task.pid;
    task.fs = { ...task.fs, caller: task };
    task.cgroup = this.cgroups.root;
    this.cgroups.fork(task.pid, this.cgroups.root);
    this.tasks.set(task.pid, task);
    this.track(task);
    this.emit({ type: 'proc.spawn', pid: task.pid, ppid: 0, comm: task.comm, flags: 0 });
    void this.run(task, main);
    return task;
  }

  /**
   * clone(2) without CLONE_VM: a new process that copies the parent's state and runs `main`.
   * `flags` takes the CLONE_NEW* bits (namespaces are made by the caller, kernel/syscalls).
   */
  spawnChild(parent: Task, main: ProgramMain, opts: { ns?: NsProxy; pidNs?: PidNamespace<Task>; fs?: FsContext; flags?: number } = {}): Task {
    const pidNs = opts.pidNs ?? parent.pidNsForChildren;
    const child = new Task({
      nrs: [], pidNs, parent, pgid: parent.pgid, sid: parent.sid, comm: parent.comm,
      argv: parent.argv, envp: parent.envp, fs: opts.fs ?? parent.fs, fds: parent.fds.fork(),
      ns: opts.ns ?? parent.ns, cred: { ...parent.cred, groups: [...parent.cred.groups] },
      startNs: this.clock.nowNs(),
    });
    const allocated: Array<[PidNamespace<Task>, number]> = [];
    try {
      for (const ns of pidNs.chain()) {
        const nr = ns.alloc(child);
        allocated.push([ns, nr]);
        child.nrs.push(nr);
      }
    } catch (e) {
      for (const [ns, nr] of allocated) ns.free(nr);
      void child.fds.closeAll();
      throw e;
    }
    child.fs = { ...child.fs, caller: child };
    // pids.max is checked after the numbers are taken, as cgroup_can_fork runs late in fork.
    if (!this.cgroups.fork(child.pid, parent.cgroup as Cgroup)) {
      for (const [ns, nr] of allocated) ns.free(nr);
      void child.fds.closeAll();
      throw new SysError('EAGAIN', 'pids.max reached');
    }
    child.exe = parent.exe;
    child.exeRef = parent.exeRef;
    child.nice = parent.nice;
    child.rlimits = parent.rlimits;
    for (const [sig, d] of parent.handlers) child.handlers.set(sig, d);
    child.blocked = new Set(parent.blocked);
    child.cgroup = parent.cgroup;
    parent.children.add(child);
    this.tasks.set(child.pid, child);
    this.track(child);
    this.emit({ type: 'proc.spawn', pid: child.pid, ppid: parent.pid, comm: child.comm, flags: opts.flags ?? 0 });
    void this.run(child, main);
    return child;
  }

  /**
   * The port a task's program talks through: one per task, so a signal handler (given its
   * process's port) can tell which process it runs in.
   */
  portFor(task: Task): SysPort {
    let port = this.ports.get(task);
    if (!port) this.ports.set(task, (port = new TaskPort(this, task)));
    return port;
  }

  /** The run loop of one task: its program, then whatever it execs, until it exits. */
  private async run(task: Task, main: ProgramMain): Promise<void> {
    // `main` is replaced on exec, never copied: the function a fork started with closes over its
    // parent's program (the parent's Sys, its records), which must not live as long as the child.
    let status: number;
    // Start on a fresh turn, so the parent's clone() returns before the child runs.
    await Promise.resolve();
    this.account(null, 'user');
    for (;;) {
      try {
        const code = await main(this.portFor(task), { argv: task.argv, envp: task.envp });
        status = exitedStatus(Number.isInteger(code) ? code : 1);
        break;
      } catch (e) {
        if (e instanceof ExecUnwind) {
          main = e.main;
          task.unwinding = null;
          continue;
        }
        if (e instanceof ExitUnwind) {
          status = e.status;
          break;
        }
        // A program that throws dies as a process that faulted, and says so on its stderr.
        await this.writeStderr(task, `${task.comm}: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        status = signaledStatus(SIG.SIGSEGV);
        break;
      }
    }
    await this.exit(task, status);
  }

  private async writeStderr(task: Task, text: string): Promise<void> {
    try {
      if (task.fds.has(2)) await task.fds.get(2).write(utf8Encode(text));
    } catch {
      // A process that cannot report its own fault still dies of it.
    }
  }

  // ---- the dispatcher ---------------------------------------------------------------------

  /** Not async itself: every blocked call would hold one more frame (a running container has several). */
  syscall(task: Task, name: string, args: unknown[]): Promise<unknown> {
    if (!task.alive || task.exited) return Promise.reject(new ExitUnwind(task.exitStatus));
    // The old program is being unwound (exec, exit, a fatal signal): code of its that still runs
    // (a `finally` on the way out) gets the same unwind back, never a call into the new image.
    if (task.unwinding) return Promise.reject(task.unwinding);
    return this.dispatch(task, name, args);
  }

  private async dispatch(task: Task, name: string, args: unknown[]): Promise<unknown> {
    try {
      this.account(task, 'user');
      const entry = this.syscalls.get(name);
      // Calls that wait for a handler (pause) count one that ran on the way in: no lost wakeup.
      const ranHandler = await this.deliverSignals(task);
      if (ranHandler && entry?.endsOnHandler === true) throw new SysError('EINTR');
      // A traced task stops for its tracer here and after the call, before signals (task/trace.ts).
      if (isTraced(task)) await traceEntry(task, name, args);
      if (!entry?.handler) {
        this.trace(task, name, args, 'ENOSYS');
        if (isTraced(task)) await traceExit(task, name, { error: 'ENOSYS' });
        throw new SysError('ENOSYS', name);
      }
      let result: unknown;
      // The program made the call before its handler ran (a signal that came in between, say a
      // ^C while it forked), so it cannot have seen what the handler did: its sleep ends at once,
      // as Linux's does for a signal that comes as the call starts. No lost wakeup for wait.
      const endsIfSleeps = ranHandler && entry.endsOnHandler === 'sleep';
      if (endsIfSleeps) task.interrupt.endNextWait();
      for (;;) {
        try {
          result = await entry.handler(this, task, ...args);
          if (endsIfSleeps) task.interrupt.cancelEndNextWait();
          break;
        } catch (e) {
          if (endsIfSleeps) task.interrupt.cancelEndNextWait();
          if (e instanceof TaskUnwind) {
            // execve returns 0 to a tracer; exit_group and fatal signals have no exit stop.
            if (e instanceof ExecUnwind && isTraced(task)) await traceExit(task, name, { value: 0 });
            throw e;
          }
          if (isSysError(e, 'EINTR') && task.interrupt.pending) {
            // Restart the call unless a handler ran, as Linux does without SA_RESTART.
            if (!(await this.deliverSignals(task))) continue;
          }
          if (isSysError(e, 'EPIPE')) this.signal(task, SIG.SIGPIPE, null);
          this.trace(task, name, args, isSysError(e) ? e.code : 'EFAULT');
          if (isTraced(task)) await traceExit(task, name, { error: isSysError(e) ? e.code : 'EFAULT' });
          await this.deliverSignals(task);
          throw isSysError(e) ? e : new SysError('EFAULT', `${name}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      this.trace(task, name, args, result);
      if (isTraced(task)) await traceExit(task, name, { value: result });
      await this.deliverSignals(task);
      await this.maybeYield(task);
      this.account(task, 'sys');
      return result;
    } catch (e) {
      // An unwind (exec, exit, a fatal signal) is remembered, so later calls get it back.
      if (e instanceof TaskUnwind) task.unwinding = e;
      throw e;
    }
  }

  /**
   * Charge the time since the last accounting point to `task`, as user or system time, and make
   * now the next point; with no task, only move the point (time nobody used: idle, or a wait).
   * The thread runs one task's code at a time, and a program's code always ends in its next
   * system call, so the time just before a syscall entry is the caller's user time and the time
   * just before its exit or sleep is its system time.
   */
  private account(task: Task | null, mode: 'user' | 'sys'): void {
    const now = this.host.nowMs();
    if (task) {
      const ns = BigInt(Math.round((now - this.cpuMarkMs) * 1e6));
      if (mode === 'user') task.utimeNs += ns;
      else task.stimeNs += ns;
      // cpu.max: what the slice overdrew is a debt the task repays by sitting out.
      const usedUs = Number(ns / 1000n);
      if (usedUs > 0 && task.cgroup) task.throttleUs += this.cgroups.cpu.charge(task.cgroup as Cgroup, usedUs, mode === 'user', task.nice > 0);
    }
    this.cpuMarkMs = now;
  }

  /**
   * Wait for the host (fetching a program's code on exec) as a task waits for a disk read: the
   * time so far is the task's system time, the wait itself is nobody's CPU time. Otherwise a
   * busy host's delays would show as CPU use of whatever was starting (ps's C column, times).
   */
  async offCpu<T>(task: Task, work: Promise<T>): Promise<T> {
    this.account(task, 'sys');
    try {
      return await work;
    } finally {
      this.account(null, 'sys');
    }
  }

  /**
   * offCpu() for code below a system call that knows only its caller (a filesystem loading a
   * module on first use): the wait is nobody's CPU time when the caller is a task.
   */
  hostWait<T>(caller: unknown, work: Promise<T>): Promise<T> {
    return caller instanceof Task ? this.offCpu(caller, work) : work;
  }

  /** Wire a new task's sleep reports to its state and the CPU accounting. */
  private track(task: Task): void {
    task.interrupt.owner = task;
    task.interrupt.onSleep = this.sleepHook;
  }

  /** One hook for every task (a closure each would live as long as the task). */
  private readonly sleepHook = (owner: unknown, asleep: boolean): void => {
    const task = owner as Task;
    if (task.state === 'R' || task.state === 'S') task.state = asleep ? 'S' : 'R';
    if (!asleep) task.wokeAtMs = this.host.nowMs();
    // Falling asleep ends the task's system time; the time until it wakes is nobody's.
    this.account(asleep ? task : null, 'sys');
  };

  private trace(task: Task, name: string, args: unknown[], result: unknown): void {
    if (this.tracing) this.emit({ type: 'sys.call', pid: task.pid, name, args: args.map(traceArg), result: traceArg(result) });
  }

  /**
   * The scheduler's one decision, taken at every syscall exit. Once the current slice is used
   * up, every task that reaches this point parks on one shared host macrotask, so the microtask
   * queue drains and the host's own events (keystrokes, ^C, timers) run; the tick then starts
   * the next slice for all of them, in the order they parked. A task that woke from a sleep
   * less than a slice ago (an interactive one: a shell that just read a key) is let through,
   * so it answers at once even beside a thousand busy processes.
   */
  private async maybeYield(task: Task): Promise<void> {
    if (task.throttleUs > 0) {
      // Throttled by cpu.max: off the CPU (and charged nothing) until the debt is paid.
      const ms = task.throttleUs / 1000;
      task.throttleUs = 0;
      this.account(task, 'sys');
      await new Promise<void>((resolve) => this.host.setTimer(ms, resolve));
      this.account(null, 'sys');
      return;
    }
    const now = this.host.nowMs();
    if (now < this.sliceEnd || now - task.wokeAtMs < SLICE_MS) return;
    this.account(task, 'sys');
    await this.nextSlice();
    this.account(null, 'sys');
  }

  private nextSlice(): Promise<void> {
    this.tick ??= this.host.macrotask().then(() => {
      this.tick = null;
      this.sliceEnd = this.host.nowMs() + SLICE_MS;
    });
    return this.tick;
  }

  // ---- signals ----------------------------------------------------------------------------

  /**
   * Generate a signal for `target`. `from` is the sender (null for the kernel). The init of a PID
   * namespace drops signals it has no handler for, except SIGKILL/SIGSTOP from an ancestor namespace.
   */
  signal(target: Task, sig: number, from: Task | null): void {
    if (!target.alive || sig === 0) return;
    traceSignal(target, sig, from);
    const disp = target.disposition(sig);
    if (target.nrIn(target.pidNs) === 1 && disp === 'default') {
      const fromInside = from !== null && target.pidNs.contains(from.pidNs);
      if (fromInside || (sig !== SIG.SIGKILL && sig !== SIG.SIGSTOP)) return;
    }
    if (sig === SIG.SIGKILL || sig === SIG.SIGCONT) {
      // Both wake a stopped process; SIGCONT also discards pending stop signals.
      if (sig === SIG.SIGCONT) for (const s of [SIG.SIGSTOP, SIG.SIGTSTP, SIG.SIGTTIN, SIG.SIGTTOU]) target.pending.delete(s);
      if (target.state === 'T') this.continueTask(target);
    }
    if (isStopSignal(sig)) target.pending.delete(SIG.SIGCONT);
    if (sig !== SIG.SIGKILL && sig !== SIG.SIGSTOP) {
      if (disp === 'ignore' || (disp === 'default' && defaultAction(sig) === 'ign')) return;
      if (disp === 'default' && defaultAction(sig) === 'cont') return;
    }
    target.pending.add(sig);
    if (!target.blocked.has(sig) || sig === SIG.SIGKILL || sig === SIG.SIGSTOP) target.interrupt.raise();
  }

  /** Act on pending signals in the task's own context. Returns true if a handler ran. */
  async deliverSignals(task: Task): Promise<boolean> {
    let handled = false;
    for (;;) {
      const sig = [...task.pending].find((s) => s === SIG.SIGKILL || s === SIG.SIGSTOP || !task.blocked.has(s));
      if (sig === undefined) break;
      task.pending.delete(sig);
      if (sig === SIG.SIGKILL) throw new ExitUnwind(signaledStatus(SIG.SIGKILL));
      const disp = sig === SIG.SIGSTOP ? 'default' : task.disposition(sig);
      if (disp === 'ignore') continue;
      if (typeof disp === 'function') {
        handled = true;
        // A forked child inherits its parent's handlers, which close over the parent program's
        // state; told which process it runs in, a handler acts on that process's copy (as on Linux,
        // where the child runs its own copy of the handler in its own memory).
        await disp(sig, this.portFor(task));
        continue;
      }
      const action = defaultAction(sig);
      if (action === 'term') throw new ExitUnwind(signaledStatus(sig));
      if (action === 'core') throw new ExitUnwind(signaledStatus(sig));
      if (action === 'stop') await this.stopTask(task, sig);
    }
    if (task.pending.size === 0 || [...task.pending].every((s) => task.blocked.has(s))) task.interrupt.clear();
    return handled;
  }

  private async stopTask(task: Task, sig: number): Promise<void> {
    task.state = 'T';
    task.pendingReport = stoppedStatus(sig);
    this.notifyParent(task, false);
    await new Promise<void>((resolve) => (task.resume = resolve));
    if (task.pending.has(SIG.SIGKILL)) throw new ExitUnwind(signaledStatus(SIG.SIGKILL));
  }

  private continueTask(task: Task): void {
    task.state = 'R';
    task.pendingReport = CONTINUED_STATUS;
    const r = task.resume;
    task.resume = null;
    r?.();
    this.notifyParent(task, false);
  }

  private notifyParent(task: Task, exited: boolean): void {
    const parent = task.parent;
    if (!parent) return;
    for (const w of [...parent.childWaiters]) w();
    if (exited || parent.disposition(SIG.SIGCHLD) !== 'default') this.signal(parent, SIG.SIGCHLD, null);
  }

  // ---- exit and wait ------------------------------------------------------------------------

  private async exit(task: Task, status: number): Promise<void> {
    if (task.exited) return;
    task.exited = true;
    this.account(task, 'sys');
    this.releaseMemory(task);
    this.cgroups.exit(task.pid);
    await task.fds.closeAll();
    task.exitStatus = status;
    task.state = 'Z';
    const ns = task.pidNs;
    if (task.nrIn(ns) === 1) {
      // The init of a PID namespace took its namespace with it.
      ns.dead = true;
      for (const t of this.tasks.values()) if (t !== task && ns.contains(t.pidNs)) this.signal(t, SIG.SIGKILL, null);
    }
    traceTaskExit(this, task, status);
    const reaper = this.reaperFor(task);
    for (const child of task.children) {
      child.parent = reaper;
      if (reaper) {
        reaper.children.add(child);
        if (!child.alive) this.notifyParent(child, true);
      }
    }
    task.children.clear();
    this.emit({ type: 'proc.exit', pid: task.pid, status, comm: task.comm });
    if (!task.parent) {
      this.reap(task);
      this.halt(status);
      return;
    }
    // A parent that ignores SIGCHLD never sees zombies: they are reaped at once.
    if (task.parent.disposition(SIG.SIGCHLD) === 'ignore') this.reap(task);
    this.notifyParent(task, true);
  }

  /** Who adopts the children of an exiting task: the init of its PID namespace, or the one above. */
  private reaperFor(task: Task): Task | null {
    for (let ns: PidNamespace<Task> | null = task.pidNs; ns; ns = ns.parent) {
      const init = ns.init;
      if (init && init !== task && init.alive) return init;
    }
    return null;
  }

  private reap(task: Task): void {
    task.state = 'X';
    if (task.parent) {
      task.parent.cutimeNs += task.utimeNs + task.cutimeNs;
      task.parent.cstimeNs += task.stimeNs + task.cstimeNs;
    }
    this.cgroups.release(task.pid);
    task.parent?.children.delete(task);
    task.pidNs.chain().forEach((ns, level) => ns.free(task.nrs[level]!));
    this.tasks.delete(task.pid);
  }

  /**
   * wait4(2). `pid` as Linux reads it (>0 one child, -1 any, 0 my group, <-1 group -pid);
   * options WNOHANG=1, WUNTRACED=2, WCONTINUED=8. Returns [pid as the caller sees it, status].
   */
  async wait4(task: Task, pid: number, options: number): Promise<[number, number]> {
    for (;;) {
      const matching = [...task.children].filter((c) => {
        if (pid > 0) return c.nrIn(task.pidNs) === pid;
        if (pid === 0) return c.pgid === task.pgid;
        if (pid < -1) return c.pgid === this.pgidFromNr(task, -pid);
        return true;
      });
      if (matching.length === 0) throw new SysError('ECHILD');
      for (const c of matching) {
        if (c.state === 'Z') {
          const shown = c.nrIn(task.pidNs);
          const status = c.exitStatus;
          this.reap(c);
          return [shown, status];
        }
        if (c.pendingReport !== null) {
          const r = c.pendingReport;
          const stopped = r !== CONTINUED_STATUS;
          if ((stopped && options & 2) || (!stopped && options & 8)) {
            c.pendingReport = null;
            return [c.nrIn(task.pidNs), r];
          }
        }
      }
      if (options & 1) return [0, 0];
      // `done` itself is the waiter: a wrapper closure would live as long as the wait (a shim's
      // wait4 on its container lasts as long as the container).
      await task.interrupt.wait<void>((done) => {
        task.childWaiters.add(done as () => void);
        return () => task.childWaiters.delete(done as () => void);
      });
    }
  }

  /** A process group number as seen by `task` turned into the kernel-wide leader PID. */
  private pgidFromNr(task: Task, nr: number): number {
    return task.pidNs.find(nr)?.pid ?? -1;
  }

  // ---- lookups ------------------------------------------------------------------------------

  /** The task `task` calls `nr` (in its own PID namespace). */
  findTask(task: Task, nr: number): Task | undefined {
    return task.pidNs.find(nr);
  }

  /** kill(2): who receives, with Linux's permission rule (root, or same real/effective uid). */
  kill(sender: Task, pid: number, sig: number): void {
    if (sig < 0 || sig > 64) throw new SysError('EINVAL');
    let targets: Task[];
    if (pid > 0) {
      const t = this.findTask(sender, pid);
      targets = t ? [t] : [];
    } else {
      const visible = [...this.tasks.values()].filter((t) => t.nrIn(sender.pidNs) > 0 && t.alive);
      if (pid === 0) targets = visible.filter((t) => t.pgid === sender.pgid);
      else if (pid === -1) targets = visible.filter((t) => t !== sender && t.nrIn(sender.pidNs) !== 1);
      else targets = visible.filter((t) => t.pgid === this.pgidFromNr(sender, -pid));
    }
    if (targets.length === 0) throw new SysError('ESRCH');
    const allowed = targets.filter((t) => sender.cred.euid === 0 || sender.cred.uid === t.cred.uid || sender.cred.euid === t.cred.uid);
    if (allowed.length === 0) throw new SysError('EPERM');
    for (const t of allowed) this.signal(t, sig, sender);
  }

  /**
   * Give a task's program a process to exec: load by name after reading the file (kernel/syscalls
   * does the file part). `path` is what runs (a script's interpreter: /proc/PID/exe); the process
   * is named after `named`, the file exec'd (a script's own name, as on Linux), when given.
   */
  execProgram(task: Task, main: ProgramMain, path: string, argv: string[], envp: string[], named = path): never {
    task.argv = argv;
    task.envp = envp;
    task.exe = path;
    task.comm = comm(named.slice(named.lastIndexOf('/') + 1));
    // Caught signals go back to their default; ignored ones stay ignored.
    for (const [sig, d] of [...task.handlers]) if (typeof d === 'function') task.handlers.delete(sig);
    this.emit({ type: 'proc.exec', pid: task.pid, path, argv: argv.slice() });
    throw new ExecUnwind(main);
  }

}

/** /proc/PID/comm holds the first 15 bytes of the executable's name. */
function comm(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1).slice(0, 15);
}

function isStopSignal(sig: number): boolean {
  return sig === SIG.SIGSTOP || sig === SIG.SIGTSTP || sig === SIG.SIGTTIN || sig === SIG.SIGTTOU;
}

/** Arguments as a trace shows them: bytes as their length, functions as a marker. */
function traceArg(v: unknown): unknown {
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (typeof v === 'function') return '<fn>';
  if (typeof v === 'bigint') return v.toString();
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return '<struct>';
  return v;
}

/**
 * A task's door into the kernel: an object with a method rather than a closure, since a task
 * keeps its port as long as it lives and a closure costs a context (and, where the loader keeps
 * function names, a property table) for each of a thousand containers' processes.
 */
class TaskPort implements SysPort {
  constructor(private readonly kernel: Kernel, private readonly task: Task) {}
  call(name: string, ...args: unknown[]): Promise<unknown> {
    return this.kernel.syscall(this.task, name, args);
  }
}

// ptrace(2), reduced to what strace needs: a tracee stops at the entry and the exit of each of
// its system calls until its tracer lets it go on; signals sent to it and its exit are reported
// too. The tracer collects the stops with wait4 (tracees need not be its children) and reads
// them with PTRACE_GET_SYSCALL_INFO / PTRACE_GETSIGINFO. With PTRACE_O_TRACEFORK|TRACECLONE
// the children a tracee makes are traced by the same tracer from their first call on.
//
// Order of events for one call: pending signal reports, entry stop, the call, exit stop (none
// for exit_group or a fatal signal: the exit report follows instead), signal reports. A report
// about something already past (a signal, an exit) does not hold the tracee.
//
// This module is the part every kernel needs (is a task traced, wait4 with tracees); the stops and
// reports themselves (trace-stops.ts) load with ptrace, before anything can be traced.

import { isSysError } from '../../abi/errno.ts';
import { PTRACE_O_TRACECLONE, PTRACE_O_TRACEFORK, PTRACE_O_TRACEVFORK, type PtraceSigInfo, type PtraceSyscallInfo } from '../../abi/ptrace.ts';
import type { Kernel } from '../kernel.ts';
import type { Task } from './task.ts';

/** One thing a tracer is told: a stop it must resume, or a report of what already happened. */
export interface TraceReport {
  tracee: Task;
  /** The wait status the tracer's wait4 returns. */
  status: number;
  syscall?: PtraceSyscallInfo;
  siginfo?: PtraceSigInfo;
  state: 'queued' | 'collected' | 'resumed';
  /** A stop holds the tracee until resumed; a report does not. */
  hold: boolean;
  resume?: () => void;
}

export interface TraceeState {
  tracer: Task;
  options: number;
  /** PTRACE_SYSCALL (stop at calls) rather than PTRACE_CONT. */
  syscallStops: boolean;
  /** The call it is in, as its entry stop showed it. */
  call: PtraceSyscallInfo | null;
  /** Signals sent to it since its last stop, reported at its next one. */
  signals: PtraceSigInfo[];
}

export const tracees = new WeakMap<Task, TraceeState>();
export interface TracerState {
  tracees: Set<Task>;
  /** Reports not yet collected by wait4, oldest first. */
  queue: TraceReport[];
  /** The stop or report wait4 returned last for each tracee (what PTRACE_GET* read). */
  collected: Map<Task, TraceReport>;
}

export const tracers = new WeakMap<Task, TracerState>();
export const tracing = {
  /** How many tasks are traced: the dispatcher's test costs nothing while it is 0. */
  traced: 0,
  /** The task whose exit is being reported (its SIGCHLD names it). */
  exiting: null as Task | null,
};

/** The stop machinery (trace-stops.ts), installed when it loads; nothing is traced before. */
export interface TraceStops {
  attach(tracee: Task, tracer: Task, options: number): void;
  traceEntry(t: Task, name: string, args: unknown[]): Promise<void>;
  traceExit(t: Task, name: string, outcome: { value: unknown } | { error: string }): Promise<void>;
  traceSignal(target: Task, sig: number, from: Task | null): void;
  traceTaskExit(k: Kernel, task: Task, status: number): void;
}
let stops: TraceStops | null = null;

export function installTraceStops(s: TraceStops): void {
  stops = s;
}

export function isTraced(t: Task): boolean {
  return tracing.traced > 0 && tracees.has(t);
}

export function tracerOf(t: Task): Task | null {
  return tracees.get(t)?.tracer ?? null;
}

/** clone(2) by a tracee: its child is traced too when the tracer asked for fork events. */
export function traceFork(parent: Task, child: Task): void {
  const st = tracing.traced > 0 ? tracees.get(parent) : undefined;
  if (st && st.options & (PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE)) stops!.attach(child, st.tracer, st.options);
}

/** The dispatcher's entry hook, for a traced task (see trace-stops.ts). */
export function traceEntry(t: Task, name: string, args: unknown[]): Promise<void> {
  return stops!.traceEntry(t, name, args);
}

/** The dispatcher's exit hook, for a traced task (see trace-stops.ts). */
export function traceExit(t: Task, name: string, outcome: { value: unknown } | { error: string }): Promise<void> {
  return stops!.traceExit(t, name, outcome);
}

/** The kernel's signal() hook: a signal sent to a tracee is reported at its next stop. */
export function traceSignal(target: Task, sig: number, from: Task | null): void {
  if (tracing.traced > 0) stops!.traceSignal(target, sig, from);
}

/** The kernel's exit() hook, once the task is a zombie (see trace-stops.ts). */
export function traceTaskExit(k: Kernel, task: Task, status: number): void {
  tracing.exiting = task;
  if (tracing.traced > 0) stops!.traceTaskExit(k, task, status);
}

/** The child-change listener of one traceWait: notes the wake and ends the sleep, if any. */
function wakerOf(w: { woke: boolean; wakeup: (() => void) | null }): () => void {
  return () => {
    w.woke = true;
    w.wakeup?.();
  };
}

/**
 * wait4(2) with tracees: the next report of a tracee matching `pid` (-1: any), else what the
 * kernel's wait4 says of the caller's own children; it blocks while tracees live even when the
 * caller has no children. Without tracees this is the kernel's wait4.
 */
export async function traceWait(k: Kernel, t: Task, pid: number, options: number): Promise<[number, number]> {
  const WNOHANG = 1;
  // Listen from the start: a wake between a look and the sleep is not lost. (A record and one
  // unnamed function, not named closures: a shim sits in here for its container's whole life.)
  const w: { woke: boolean; wakeup: (() => void) | null } = { woke: false, wakeup: null };
  const listener = wakerOf(w);
  t.childWaiters.add(listener);
  try {
    for (;;) {
      w.woke = false;
      const side = tracers.get(t);
      const i = side ? side.queue.findIndex((r) => pid === -1 || r.tracee.nrIn(t.pidNs) === pid) : -1;
      if (side && i >= 0) {
        const r = side.queue.splice(i, 1)[0]!;
        r.state = 'collected';
        if ((r.status & 0xff) === 0x7f) side.collected.set(r.tracee, r);
        else side.collected.delete(r.tracee);
        return [r.tracee.nrIn(t.pidNs), r.status];
      }
      let got: [number, number];
      try {
        got = await k.wait4(t, pid, options | WNOHANG);
      } catch (e) {
        const live = side ? [...side.tracees].some((c) => pid === -1 || c.nrIn(t.pidNs) === pid) : false;
        if (!isSysError(e, 'ECHILD') || !live) throw e;
        got = [0, 0];
      }
      if (got[0] !== 0 || options & WNOHANG) return got;
      if (w.woke) continue;
      await t.interrupt.wait<void>((done) => {
        if (w.woke) done();
        else w.wakeup = done;
        return () => {
          w.wakeup = null;
        };
      });
      w.wakeup = null;
    }
  } finally {
    t.childWaiters.delete(listener);
  }
}

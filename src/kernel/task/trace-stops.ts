// The stops and reports of ptrace (see trace.ts for the order of events): a tracee held at the
// entry and exit of its calls until its tracer resumes it, signals and exits reported to the
// tracer's wait4. Loaded with ptrace's handler (syscalls/sys-trace.ts), so a kernel that nobody
// traces never loads it; loading installs it in trace.ts.

import { isSysError } from '../../abi/errno.ts';
import {
  PTRACE_O_EXITKILL, PTRACE_O_TRACECLONE, PTRACE_O_TRACEFORK, PTRACE_O_TRACESYSGOOD, PTRACE_O_TRACEVFORK,
  PTRACE_SYSCALL_INFO_ENTRY, PTRACE_SYSCALL_INFO_EXIT, TRACE_CODE, type PtraceSigInfo, type PtraceSyscallInfo,
} from '../../abi/ptrace.ts';
import { SIG, WIFEXITED, WEXITSTATUS, WTERMSIG, signaledStatus, stoppedStatus } from '../../abi/signals.ts';
import type { Kernel } from '../kernel.ts';
import { idFromKernel } from '../ns/namespaces.ts';
import type { Task } from './task.ts';
import { installTraceStops, tracees, tracers, tracing, type TraceeState, type TraceReport } from './trace.ts';
import { ExitUnwind } from './unwind.ts';

const ALL_OPTIONS = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL;

/** Start tracing `tracee` for `tracer` (PTRACE_TRACEME, PTRACE_SEIZE, an inherited trace). */
export function attach(tracee: Task, tracer: Task, options: number): void {
  tracees.set(tracee, { tracer, options, syscallStops: true, call: null, signals: [] });
  let side = tracers.get(tracer);
  if (!side) tracers.set(tracer, (side = { tracees: new Set(), queue: [], collected: new Map() }));
  side.tracees.add(tracee);
  tracing.traced++;
}

/** End tracing: a stopped tracee goes on, its uncollected stops are dropped. */
export function detach(tracee: Task): void {
  const st = tracees.get(tracee);
  if (!st) return;
  tracees.delete(tracee);
  tracing.traced--;
  const side = tracers.get(st.tracer);
  if (!side) return;
  side.tracees.delete(tracee);
  const held = side.queue.filter((r) => r.tracee === tracee && r.hold);
  side.queue = side.queue.filter((r) => !held.includes(r));
  const cur = side.collected.get(tracee);
  if (cur?.state === 'collected') held.push(cur);
  side.collected.delete(tracee);
  for (const r of held) {
    r.state = 'resumed';
    r.resume?.();
  }
}

export function setOptions(tracee: Task, options: number): boolean {
  const st = tracees.get(tracee);
  if (!st || options & ~ALL_OPTIONS) return false;
  st.options = options;
  return true;
}

/** What wait4 last returned to `tracer` about its tracee `pid`, while not yet resumed. */
export function collectedReport(tracer: Task, pid: number): TraceReport | null {
  const side = tracers.get(tracer);
  for (const [tracee, r] of side?.collected ?? []) if (tracee.nrIn(tracer.pidNs) === pid && r.state === 'collected') return r;
  return null;
}

/** PTRACE_SYSCALL / PTRACE_CONT: let a stopped tracee go on. */
export function resume(tracee: Task, tracer: Task, syscallStops: boolean): boolean {
  const st = tracees.get(tracee);
  const r = tracers.get(tracer)?.collected.get(tracee);
  if (!st || st.tracer !== tracer || r?.state !== 'collected') return false;
  st.syscallStops = syscallStops;
  tracers.get(tracer)!.collected.delete(tracee);
  r.state = 'resumed';
  r.resume?.();
  return true;
}

function wakeTracer(tracer: Task): void {
  for (const w of [...tracer.childWaiters]) w();
}

/** Queue a report for the tracer without holding the tracee. */
function report(st: TraceeState, tracee: Task, r: Pick<TraceReport, 'status' | 'siginfo'>): void {
  tracers.get(st.tracer)?.queue.push({ ...r, tracee, state: 'queued', hold: false });
  wakeTracer(st.tracer);
}

/**
 * Hold `t` in a stop until its tracer resumes it. Only SIGKILL ends a stop early; other signals
 * wait (pending, the interrupt raised again) until the tracee runs on, as on Linux.
 */
async function stop(t: Task, r: TraceReport): Promise<void> {
  const deliverable = (): boolean => [...t.pending].some((s) => s === SIG.SIGKILL || !t.blocked.has(s));
  for (;;) {
    const st = tracees.get(t);
    const side = st && tracers.get(st.tracer);
    if (!st || !side || r.state === 'resumed') return;
    if (t.pending.has(SIG.SIGKILL)) throw new ExitUnwind(signaledStatus(SIG.SIGKILL));
    t.interrupt.clear();
    try {
      await t.interrupt.wait<void>((done) => {
        r.resume = done;
        if (r.state === 'queued' && !side.queue.includes(r)) {
          side.queue.push(r);
          wakeTracer(st.tracer);
        }
        return () => {
          r.resume = undefined;
        };
      });
      return;
    } catch (e) {
      if (!isSysError(e, 'EINTR')) throw e;
    } finally {
      if (deliverable()) t.interrupt.raise();
    }
  }
}

async function signalStops(t: Task): Promise<void> {
  const st = tracees.get(t);
  while (st && st.signals.length > 0 && tracees.get(t) === st) {
    const siginfo = st.signals.shift()!;
    await stop(t, { tracee: t, status: stoppedStatus(siginfo.signo), siginfo, state: 'queued', hold: true });
  }
}

async function syscallStop(t: Task, info: PtraceSyscallInfo): Promise<void> {
  const st = tracees.get(t);
  if (!st?.syscallStops) return;
  const sig = st.options & PTRACE_O_TRACESYSGOOD ? SIG.SIGTRAP | 0x80 : SIG.SIGTRAP;
  await stop(t, { tracee: t, status: stoppedStatus(sig), syscall: info, state: 'queued', hold: true });
}

/** A copy of a call's argument or result the tracer may keep: bytes copied, code named. */
function snapshot(v: unknown, depth = 0): unknown {
  if (typeof v === 'function') return TRACE_CODE;
  if (v instanceof Uint8Array) return v.slice();
  if (depth > 4 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => snapshot(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, x] of Object.entries(v)) out[key] = snapshot(x, depth + 1);
  return out;
}

/** The dispatcher's entry hook: signals reported since the last stop, then the entry stop. */
export async function traceEntry(t: Task, name: string, args: unknown[]): Promise<void> {
  const st = tracees.get(t);
  if (!st) return;
  const info: PtraceSyscallInfo = { op: PTRACE_SYSCALL_INFO_ENTRY, name, args: args.map((a) => snapshot(a)) };
  st.call = info;
  await signalStops(t);
  await syscallStop(t, info);
}

/**
 * The dispatcher's exit hook, once the call has its result and before signals are acted on:
 * the exit stop, then the signals the call brought (they are reported before they take effect).
 */
export async function traceExit(t: Task, name: string, outcome: { value: unknown } | { error: string }): Promise<void> {
  const st = tracees.get(t);
  // A call whose entry the tracer did not see (PTRACE_TRACEME itself, a call it was attached
  // during) has no exit stop either: tracing starts with the next call.
  const entry = st?.call;
  if (!st || !entry || entry.name !== name) return;
  st.call = null;
  const exit = 'error' in outcome ? { error: outcome.error } : { rval: snapshot(outcome.value) };
  await syscallStop(t, { ...entry, op: PTRACE_SYSCALL_INFO_EXIT, ...exit });
  await signalStops(t);
}

/** The kernel's signal() hook: remember a signal sent to a tracee, for its next stop. */
export function traceSignal(target: Task, sig: number, from: Task | null): void {
  const st = tracing.traced > 0 ? tracees.get(target) : undefined;
  if (!st || sig === SIG.SIGKILL || target.blocked.has(sig)) return;
  const uidIn = (who: Task): number => idFromKernel(target.ns.user, who.cred.uid, 'uid');
  let info: PtraceSigInfo;
  if (from) info = { signo: sig, code: 'SI_USER', pid: from.nrIn(target.pidNs), uid: uidIn(from) };
  else if (sig === SIG.SIGCHLD) info = childInfo(target);
  // The kernel raises SIGPIPE in the writer's own name; a terminal's ^C, ^\ and ^Z as itself.
  else if (sig === SIG.SIGPIPE) info = { signo: sig, code: 'SI_USER', pid: target.nrIn(target.pidNs), uid: uidIn(target) };
  else info = { signo: sig, code: 'SI_KERNEL' };
  st.signals.push(info);
}

function childInfo(parent: Task): PtraceSigInfo {
  const ticks = (ns: bigint): number => Number(ns / 10_000_000n);
  const exiting = tracing.exiting;
  const child = exiting?.parent === parent ? exiting : [...parent.children].find((c) => c.state === 'T');
  if (!child) return { signo: SIG.SIGCHLD, code: 'CLD_EXITED' };
  const base = {
    signo: SIG.SIGCHLD, pid: child.nrIn(parent.pidNs), uid: idFromKernel(parent.ns.user, child.cred.uid, 'uid'),
    utime: ticks(child.utimeNs), stime: ticks(child.stimeNs),
  };
  if (child.state === 'T') return { ...base, code: 'CLD_STOPPED', status: SIG.SIGSTOP };
  const s = child.exitStatus;
  if (WIFEXITED(s)) return { ...base, code: 'CLD_EXITED', status: WEXITSTATUS(s) };
  return { ...base, code: s & 0x80 ? 'CLD_DUMPED' : 'CLD_KILLED', status: WTERMSIG(s) };
}

/**
 * The kernel's exit() hook, once the task is a zombie: its tracer hears of its last signals and,
 * unless it is the parent (whose wait4 reaps the zombie), of its exit; a dying tracer lets its
 * tracees go (or kills them, with PTRACE_O_EXITKILL).
 */
export function traceTaskExit(k: Kernel, task: Task, status: number): void {
  if (tracing.traced === 0) return;
  const st = tracees.get(task);
  if (st) {
    // A stop it never came out of (killed in it) is not reported; what it was sent is.
    const side = tracers.get(st.tracer);
    if (side) side.queue = side.queue.filter((r) => r.tracee !== task || !r.hold);
    for (const siginfo of st.signals.splice(0)) report(st, task, { status: stoppedStatus(siginfo.signo), siginfo });
    if (task.parent !== st.tracer) report(st, task, { status });
    tracees.delete(task);
    tracing.traced--;
    side?.tracees.delete(task);
  }
  const side = tracers.get(task);
  if (side) {
    for (const tracee of [...side.tracees]) {
      const kill = (tracees.get(tracee)!.options & PTRACE_O_EXITKILL) !== 0;
      detach(tracee);
      if (kill) k.signal(tracee, SIG.SIGKILL, null);
    }
    tracers.delete(task);
  }
}

installTraceStops({ attach, traceEntry, traceExit, traceSignal, traceTaskExit });

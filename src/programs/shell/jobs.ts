// The job table: each pipeline or `&` command the shell started, its processes and their wait
// statuses. Waiting for one job reaps whatever child ends first (wait4(-1)) and files its status
// under the job it belongs to, so background jobs are collected as dash's dowait collects them.

import { WIFSIGNALED, WIFSTOPPED, WTERMSIG, WSTOPSIG, WEXITSTATUS, signalName } from '../../abi/signals.ts';
import { onDemand } from '../../base/on-demand.ts';
import type { SignalName } from '../../abi/signals.ts';

export interface Proc {
  pid: number;
  /** wait(2) status once it ended or stopped; null while running. */
  status: number | null;
  cmd: string;
}

export type JobState = 'running' | 'stopped' | 'done';

export interface Job {
  id: number;
  procs: Proc[];
  pgid: number;
  state: JobState;
  /** Started with `&`. */
  bg: boolean;
  /** Its end (or stop) has been reported to the user. */
  notified: boolean;
  /** Process group of its own (job control). */
  jobctl: boolean;
  /** The command as `jobs` shows it. */
  cmd: string;
}

export class Jobs {
  list: Job[] = [];
  /** Most recently used jobs first, for %+ and %-. */
  order: Job[] = [];

  add(procs: Proc[], opts: { bg: boolean; jobctl: boolean; cmd?: string }): Job {
    let id = 1;
    while (this.list.some((j) => j.id === id)) id++;
    const job: Job = { id, procs, pgid: procs[0]?.pid ?? 0, state: 'running', bg: opts.bg, notified: false, jobctl: opts.jobctl, cmd: opts.cmd ?? '' };
    this.list.push(job);
    this.list.sort((a, b) => a.id - b.id);
    this.touch(job);
    return job;
  }

  touch(job: Job): void {
    this.order = [job, ...this.order.filter((j) => j !== job)];
  }

  remove(job: Job): void {
    this.list = this.list.filter((j) => j !== job);
    this.order = this.order.filter((j) => j !== job);
  }

  byPid(pid: number): { job: Job; proc: Proc } | null {
    for (const job of this.list) {
      const proc = job.procs.find((p) => p.pid === pid);
      if (proc) return { job, proc };
    }
    return null;
  }

  /** File a status reaped by wait4; returns the job it belonged to. */
  record(pid: number, status: number): Job | null {
    const found = this.byPid(pid);
    if (!found) return null;
    found.proc.status = status;
    const job = found.job;
    const prev = job.state;
    if (job.procs.every((p) => p.status !== null && !WIFSTOPPED(p.status))) job.state = 'done';
    else if (job.procs.some((p) => p.status !== null && WIFSTOPPED(p.status))) job.state = 'stopped';
    else job.state = 'running';
    if (job.state !== prev) job.notified = false;
    return job;
  }

  current(): Job | undefined {
    return this.order[0];
  }

  previous(): Job | undefined {
    return this.order[1];
  }

  /** A forked child starts with no jobs of its own. */
  forkCopy(): Jobs {
    return new Jobs();
  }
}

/** The job's status word as `jobs` shows it: Running, Done, Done(N), Stopped, or a signal. */
export function jobStatusText(job: Job): Promise<string> {
  if (job.state === 'running') return Promise.resolve('Running');
  const last = job.procs[job.procs.length - 1]!;
  const st = job.state === 'stopped' ? job.procs.find((p) => p.status !== null && WIFSTOPPED(p.status))!.status! : last.status!;
  return statusText(st, false);
}

/** dash's sprint_status: with `sigonly`, only deaths by signals other than SIGINT/SIGPIPE show. */
export async function statusText(status: number, sigonly: boolean): Promise<string> {
  if (WIFSTOPPED(status)) {
    if (sigonly) return '';
    return describeSignal(WSTOPSIG(status));
  }
  if (WIFSIGNALED(status)) {
    const sig = WTERMSIG(status);
    if (sigonly && (sig === 2 || sig === 13)) return '';
    return (await describeSignal(sig)) + (status & 0x80 ? ' (core dumped)' : '');
  }
  if (sigonly) return '';
  const code = WEXITSTATUS(status);
  return code ? `Done(${code})` : 'Done';
}

const loadSignalTexts = onDemand(() => import('./signal-texts.ts'));

async function describeSignal(sig: number): Promise<string> {
  return (await loadSignalTexts()).SIGNAL_DESCRIPTIONS[signalName(sig) as SignalName] ?? `Unknown signal ${sig}`;
}

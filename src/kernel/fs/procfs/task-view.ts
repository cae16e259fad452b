// How one task looks from one procfs: its numbers are those of the PID namespace the procfs was
// mounted for (a parent outside it shows as 0), and its ids those of the reader's user namespace
// (an id with no mapping shows as the overflow id 65534). Shared by status, stat and the links.

import { SysError } from '../../../abi/errno.ts';
import type { Kernel } from '../../kernel.ts';
import { OVERFLOW_ID, idFromKernel } from '../../ns/namespaces.ts';
import type { PidNamespace } from '../../ns/pid-namespace.ts';
import type { Task } from '../../task/task.ts';

export { OVERFLOW_ID };

export class TaskView {
  constructor(readonly kernel: Kernel, readonly pidNs: PidNamespace<Task>) {}

  /** The task's number here (0: not visible). */
  nr(task: Task | null | undefined): number {
    return task ? task.nrIn(this.pidNs) : 0;
  }

  ppid(task: Task): number {
    return this.nr(task.parent);
  }

  /** The task that leads the process group or session numbered `pid` kernel-wide. */
  leader(pid: number): Task | undefined {
    return this.kernel.tasks.get(pid);
  }

  pgrp(task: Task): number {
    return this.nr(this.leader(task.pgid));
  }

  session(task: Task): number {
    return this.nr(this.leader(task.sid));
  }

  /**
   * The NSpid-style list for a kernel-wide pid: its number in each namespace from this procfs's
   * level down to the task's own, tab-separated.
   */
  nsNumbers(task: Task, of: Task | undefined): string {
    const chain = task.pidNs.chain();
    const out: number[] = [];
    for (let level = this.pidNs.level; level < chain.length; level++) out.push(of ? of.nrIn(chain[level]!) : 0);
    return out.join('\t');
  }

  /** The task numbered `nr` here, alive or a zombie not yet reaped. */
  find(nr: number): Task | undefined {
    return this.pidNs.find(nr);
  }
}

/** A kernel-wide (initial namespace) id as seen from `ns`. */
/** A kernel id as the reader's user namespace sees it. */
export const idIn = idFromKernel;

/** Fails with ESRCH once the task has been reaped (what Linux answers through a held descriptor). */
export function live(task: Task): Task {
  if (task.state === 'X') throw new SysError('ESRCH');
  return task;
}

/** A zombie's memory, files and links are gone; its status and stat remain. */
export function isZombie(task: Task): boolean {
  return task.state === 'Z';
}

/** Linux's ptrace_may_access(PTRACE_MODE_READ) as far as ids go: root, or the same user. */
export function mayInspect(caller: Task | null, task: Task): boolean {
  if (!caller) return true;
  const c = caller.cred;
  const t = task.cred;
  return c.euid === 0 || (c.uid === t.uid && c.uid === t.euid && c.uid === t.suid && c.gid === t.gid && c.gid === t.egid);
}

// PID namespaces: a tree in which a process has one number at its own level and at every
// ancestor's, allocated upward from 1 and not reused until they wrap (as Linux does), and in
// which the first process becomes PID 1, the namespace's init.

import { SysError } from '../../abi/errno.ts';
import { INITIAL_NS_INO, type Namespace, allocNsIno } from './namespaces.ts';

/** Linux's default /proc/sys/kernel/pid_max. */
export const PID_MAX = 4194304;

export class PidNamespace<T = unknown> implements Namespace {
  readonly type = 'pid';
  readonly level: number;
  private nextNr = 1;
  private readonly byNr = new Map<number, T>();
  /** Set once the namespace's init has died: no new process may enter (fork fails ENOMEM). */
  dead = false;
  init: T | null = null;

  constructor(readonly ino: number, readonly parent: PidNamespace<T> | null) {
    this.level = parent ? parent.level + 1 : 0;
  }

  static initial<T>(): PidNamespace<T> {
    return new PidNamespace<T>(INITIAL_NS_INO.pid, null);
  }

  child(): PidNamespace<T> {
    return new PidNamespace<T>(allocNsIno(), this);
  }

  /** Every namespace from the root down to this one. */
  chain(): PidNamespace<T>[] {
    const out: PidNamespace<T>[] = [];
    for (let ns: PidNamespace<T> | null = this; ns; ns = ns.parent) out.unshift(ns);
    return out;
  }

  alloc(task: T): number {
    if (this.dead) throw new SysError('ENOMEM', 'the PID namespace has no init');
    for (let tries = 0; tries < PID_MAX; tries++) {
      const nr = this.nextNr;
      this.nextNr = nr + 1 >= PID_MAX ? 300 : nr + 1;
      if (!this.byNr.has(nr)) {
        this.byNr.set(nr, task);
        if (nr === 1) this.init = task;
        return nr;
      }
    }
    throw new SysError('EAGAIN');
  }

  free(nr: number): void {
    this.byNr.delete(nr);
  }

  find(nr: number): T | undefined {
    return this.byNr.get(nr);
  }

  tasks(): IterableIterator<[number, T]> {
    return this.byNr.entries();
  }

  /** Whether `other` is this namespace or one below it. */
  contains(other: PidNamespace<T>): boolean {
    for (let ns: PidNamespace<T> | null = other; ns; ns = ns.parent) if (ns === this) return true;
    return false;
  }
}

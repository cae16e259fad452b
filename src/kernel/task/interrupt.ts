// A task's "a signal arrived" line: blocking operations (pipe reads, wait4, sleep) watch it and
// give up with EINTR, so ^C reaches a process that is waiting and nothing is half-consumed.

import { SysError } from '../../abi/errno.ts';

/**
 * One wait in progress. An object with methods rather than closures: a blocked process keeps
 * its waits for as long as it sleeps (a thousand idle containers, each with a few), and every
 * named closure costs a context, a function and, where the loader keeps function names (tsx,
 * which runs the CLI and the benchmarks), a property table of its own.
 */
class Wait<T> {
  settled = false;
  cancel: (() => void) | null = null;

  constructor(
    private readonly owner: Interrupt,
    private readonly resolve: (value: T) => void,
    private readonly reject: (e: unknown) => void,
  ) {}

  /** Finish once: false if the wait already ended. */
  private end(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.owner.ended(this);
    return true;
  }

  done(value: T): void {
    if (this.end()) this.resolve(value);
  }

  fail(e: unknown): void {
    if (this.end()) this.reject(e);
  }

  interrupted(): void {
    if (!this.end()) return;
    this.cancel?.();
    this.reject(new SysError('EINTR'));
  }
}

/** Told when a task starts and stops waiting; one function for all, given the task's `owner`. */
export type SleepHook = (owner: unknown, asleep: boolean) => void;

export class Interrupt {
  /**
   * Waits that an interrupt ends: none, the one (the usual case: a sleeping process waits on one
   * thing), or a list. No Set: a thousand idle containers would keep a thousand of them.
   */
  private waits: Wait<never> | Array<Wait<never>> | null = null;
  private raised = false;
  /** The next wait fails with EINTR at once: a handler ran as its call began (kernel dispatch). */
  private endNext = false;
  /**
   * Waits in progress. A program may wait on several things at once (a shim copying two pipes
   * while in wait4, as a Go program's goroutines do): the task sleeps until the last one ends.
   */
  private sleeping = 0;
  /**
   * Told when the owner starts and stops waiting (the kernel keeps state and CPU time with it):
   * a function shared by every task, given `owner`, rather than a closure made for each task.
   */
  onSleep: SleepHook | null = null;
  owner: unknown = null;

  get pending(): boolean {
    return this.raised;
  }

  raise(): void {
    this.raised = true;
    const ws = this.waits;
    if (ws === null) return;
    if (Array.isArray(ws)) for (const w of [...ws]) w.interrupted();
    else ws.interrupted();
  }

  clear(): void {
    this.raised = false;
  }

  /** Make the next wait end at once with EINTR, leaving waits in progress alone. */
  endNextWait(): void {
    this.endNext = true;
  }

  /** The call that asked for endNextWait returned without sleeping: forget it. */
  cancelEndNextWait(): void {
    this.endNext = false;
  }

  /** A wait has ended (by its own callback or by the interrupt). */
  ended(w: Wait<never>): void {
    const ws = this.waits;
    if (ws === w) {
      this.waits = null;
    } else if (Array.isArray(ws)) {
      const i = ws.indexOf(w);
      if (i >= 0) ws.splice(i, 1);
      if (ws.length === 1) this.waits = ws[0]!;
      else if (ws.length === 0) this.waits = null;
    }
    if (--this.sleeping === 0) this.onSleep?.(this.owner, false);
  }

  private added(w: Wait<never>): void {
    const ws = this.waits;
    if (ws === null) this.waits = w;
    else if (Array.isArray(ws)) ws.push(w);
    else this.waits = [ws, w];
  }

  /**
   * Wait for `register` to call its `done` callback, or fail with EINTR if the interrupt fires
   * first. `register` returns a cancel function that must undo the wait without side effects.
   */
  wait<T>(register: (done: (value: T) => void, fail: (e: unknown) => void) => () => void): Promise<T> {
    if (this.raised || this.endNext) {
      this.endNext = false;
      return Promise.reject(new SysError('EINTR'));
    }
    if (this.sleeping++ === 0) this.onSleep?.(this.owner, true);
    let w!: Wait<T>;
    const promise = new Promise<T>((resolve, reject) => {
      w = new Wait(this, resolve, reject);
    });
    this.added(w as Wait<never>);
    try {
      // The fail callback only for registrations that take one: the waiter keeps what it gets.
      w.cancel = register.length > 1 ? register((v) => w.done(v), (e) => w.fail(e)) : register((v) => w.done(v), failUnused);
    } catch (e) {
      w.fail(e);
    }
    return promise;
  }
}

function failUnused(): void {}

/** An interrupt that never fires, for kernel-internal callers. */
export const NEVER = new Interrupt();

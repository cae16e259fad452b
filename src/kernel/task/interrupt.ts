// A task's "a signal arrived" line: blocking operations (pipe reads, wait4, sleep) watch it and
// give up with EINTR, so ^C reaches a process that is waiting and nothing is half-consumed.

import { SysError } from '../../abi/errno.ts';

export class Interrupt {
  private listeners = new Set<() => void>();
  private raised = false;
  /**
   * Waits in progress. A program may wait on several things at once (a shim copying two pipes
   * while in wait4, as a Go program's goroutines do): the task sleeps until the last one ends.
   */
  private sleeping = 0;
  /** Told when the owner starts and stops waiting (the kernel keeps state and CPU time with it). */
  onSleep: ((asleep: boolean) => void) | null = null;

  get pending(): boolean {
    return this.raised;
  }

  raise(): void {
    this.raised = true;
    for (const l of [...this.listeners]) l();
  }

  clear(): void {
    this.raised = false;
  }

  /**
   * Wait for `register` to call its `done` callback, or fail with EINTR if the interrupt fires
   * first. `register` returns a cancel function that must undo the wait without side effects.
   */
  wait<T>(register: (done: (value: T) => void, fail: (e: unknown) => void) => () => void): Promise<T> {
    if (this.raised) return Promise.reject(new SysError('EINTR'));
    if (this.sleeping++ === 0) this.onSleep?.(true);
    return new Promise<T>((resolve, reject) => {
      let cancel: (() => void) | null = null;
      let settled = false;
      const end = (): boolean => {
        if (settled) return false;
        settled = true;
        this.listeners.delete(onInterrupt);
        if (--this.sleeping === 0) this.onSleep?.(false);
        return true;
      };
      const onInterrupt = (): void => {
        if (!end()) return;
        cancel?.();
        reject(new SysError('EINTR'));
      };
      this.listeners.add(onInterrupt);
      cancel = register(
        (v) => {
          if (end()) resolve(v);
        },
        (e) => {
          if (end()) reject(e);
        },
      );
    });
  }
}

/** An interrupt that never fires, for kernel-internal callers. */
export const NEVER = new Interrupt();

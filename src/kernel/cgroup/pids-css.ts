// The pids controller's state in one cgroup (Linux's struct pids_cgroup): a task counter that
// counts this cgroup and everything below, its limit, high-water mark and event counters.
// As in kernel/cgroup/pids.c the root is never charged: every walk stops below it.

import type { Cgroup } from './cgroup.ts';

export class PidsCss {
  /** Tasks here and below, zombies included until they are reaped (pids.current). */
  counter = 0;
  /** pids.max; Infinity is "max". */
  limit = Infinity;
  /** pids.peak. */
  watermark = 0;
  /** pids.events "max": forks refused because this cgroup's or a descendant's limit was hit. */
  eventsMax = 0;
  /** pids.events.local "max": forks refused because this cgroup's own limit was hit. */
  eventsMaxLocal = 0;
  /** Forks attempted in this cgroup and refused (what v1 and pids_localevents report). */
  forkFailLocal = 0;
  dying = false;

  constructor(
    readonly cgroup: Cgroup,
    readonly parent: PidsCss | null,
  ) {}

  /** This state and its ancestors below the root, nearest first. */
  *chargedChain(): Generator<PidsCss> {
    for (let p: PidsCss | null = this; p && p.parent; p = p.parent) yield p;
  }

  /** Charge `n` tasks at every level, limits or not (used when tasks move in). */
  charge(n: number): void {
    for (const p of this.chargedChain()) {
      p.counter += n;
      if (p.counter > p.watermark) p.watermark = p.counter;
    }
  }

  uncharge(n: number): void {
    for (const p of this.chargedChain()) p.counter = Math.max(0, p.counter - n);
  }

  /**
   * Charge `n` tasks unless some level would go over its limit; returns that level, or null.
   * Like pids_try_charge() it charges level by level and reverts on failure, so the levels
   * below the refusing one keep a high-water mark they never really reached.
   */
  tryCharge(n: number): PidsCss | null {
    const done: PidsCss[] = [];
    for (const p of this.chargedChain()) {
      if (p.counter + n > p.limit) {
        for (const q of done) q.counter -= n;
        return p;
      }
      p.counter += n;
      if (p.counter > p.watermark) p.watermark = p.counter;
      done.push(p);
    }
    return null;
  }
}

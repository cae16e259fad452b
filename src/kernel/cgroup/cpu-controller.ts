// CPU time accounting: every cgroup's cpu.stat base lines (usage, user, system, nice, kept for
// all cgroups up to the root), and cpu.max bandwidth at every level that has a quota. The
// kernel charges a task's CPU time after each slice and keeps the task off the CPU for as long
// as the charge says; other tasks of a throttled group wait as well (throttleRemainingUs).

import type { Cgroup } from './cgroup.ts';
import type { CgroupTree } from './cgroup-tree.ts';

export class CpuController {
  constructor(private readonly tree: CgroupTree) {}

  /**
   * `usageUs` of CPU time just used by a task of `cg`, in user mode (`user`, and `nice` for a
   * niced task) or in the kernel. Returns how long the task must now stay throttled (µs).
   */
  charge(cg: Cgroup, usageUs: number, user: boolean, nice = false): number {
    if (usageUs <= 0) return this.throttleRemainingUs(cg);
    for (let c: Cgroup | null = cg; c; c = c.parent) {
      const t = c.cpuTimes;
      t.usageUs += usageUs;
      if (user) t.userUs += usageUs;
      else t.systemUs += usageUs;
      if (user && nice) t.niceUs += usageUs;
    }
    const now = this.tree.nowUs();
    const css = this.tree.effective(cg, 'cpu');
    const levels = [...css.chain()];
    for (const level of levels) level.consume(usageUs, now);
    // cpu.stat.local: a group is throttled while it or any ancestor is.
    let until = 0;
    for (const level of levels.reverse()) {
      until = Math.max(until, level.throttledUntilUs);
      if (until > now) {
        level.throttledSelfUs += Math.max(0, until - Math.max(now, level.selfThrottledUntilUs));
        level.selfThrottledUntilUs = Math.max(level.selfThrottledUntilUs, until);
      }
    }
    const throttledUs = Math.max(0, until - now);
    this.tree.emit({
      type: 'cgroup.charge', cgroup: this.tree.pathOf(cg), controller: 'cpu', delta: usageUs,
      usage: cg.cpuTimes.usageUs, limit: css.quotaUs === Infinity ? null : css.quotaUs, throttledUs,
    });
    return throttledUs;
  }

  /** How long tasks of `cg` must still wait because their group or an ancestor is throttled. */
  throttleRemainingUs(cg: Cgroup): number {
    const now = this.tree.nowUs();
    let until = 0;
    for (const level of this.tree.effective(cg, 'cpu').chain()) until = Math.max(until, level.throttledUntilUs);
    return Math.max(0, until - now);
  }
}

// The cpu controller's state in one cgroup (Linux's task_group with its cfs_bandwidth): the
// weight, cpu.max's quota and period, and the bandwidth pool that throttles the group.
//
// Bandwidth model. Each period (default 100 ms) the group may run `quota` µs. The simulator
// cannot stop a task mid-slice, so a slice is charged after it ran: a charge that overdraws the
// pool leaves a debt, and the group is throttled until enough later periods have refilled it.
// That reproduces Linux's totals (usage grows by at most quota per period; nr_periods,
// nr_throttled and throttled_usec grow as they do under CFS throttling).

import type { Cgroup } from './cgroup.ts';

export const DEFAULT_PERIOD_US = 100_000;
/** Linux's bounds on cpu.max (min_cfs_quota_period, max_cfs_quota_period, max_cfs_runtime). */
export const MIN_QUOTA_PERIOD_US = 1_000;
export const MAX_PERIOD_US = 1_000_000;
export const MAX_RUNTIME_US = 2 ** 44 - 1;

export class CpuCss {
  /** Scheduler weight as the kernel keeps it (1024 = cpu.weight 100). */
  shares = 1024;
  idle = 0;
  /** cpu.max: quota per period, Infinity for "max"; µs. */
  quotaUs = Infinity;
  periodUs = DEFAULT_PERIOD_US;
  burstUs = 0;

  // The bandwidth pool: null while the period timer is idle.
  private periodStartUs: number | null = null;
  /** Runtime left in this period; negative while repaying an overdraw. */
  private runtimeUs = 0;
  private periodCounted = false;
  private usedThisPeriod = 0;
  throttledUntilUs = 0;
  /** cpu.stat.local: the group's own tasks' throttled time, whichever level throttled them. */
  selfThrottledUntilUs = 0;

  nrPeriods = 0;
  nrThrottled = 0;
  throttledUs = 0;
  nrBursts = 0;
  burstUsedUs = 0;
  throttledSelfUs = 0;
  dying = false;

  constructor(
    readonly cgroup: Cgroup,
    readonly parent: CpuCss | null,
  ) {}

  *chain(): Generator<CpuCss> {
    for (let c: CpuCss | null = this; c; c = c.parent) yield c;
  }

  get limited(): boolean {
    return this.quotaUs !== Infinity;
  }

  /** New limits restart the pool, as tg_set_cfs_bandwidth() does. */
  setBandwidth(quotaUs: number, periodUs: number, burstUs: number): void {
    this.quotaUs = quotaUs;
    this.periodUs = periodUs;
    this.burstUs = burstUs;
    this.periodStartUs = null;
    this.throttledUntilUs = 0;
  }

  /** Advance the pool to the period holding `nowUs`, refilling it once per elapsed period. */
  private roll(nowUs: number): void {
    if (this.periodStartUs === null) {
      this.periodStartUs = nowUs;
      this.runtimeUs = this.quotaUs;
      this.periodCounted = false;
      this.usedThisPeriod = 0;
      return;
    }
    const elapsed = Math.floor((nowUs - this.periodStartUs) / this.periodUs);
    if (elapsed <= 0) return;
    if (this.burstUs > 0 && this.usedThisPeriod > this.quotaUs && this.runtimeUs >= 0) {
      this.nrBursts++;
      this.burstUsedUs += Math.min(this.usedThisPeriod - this.quotaUs, this.burstUs);
    }
    this.periodStartUs += elapsed * this.periodUs;
    this.runtimeUs = Math.min(this.runtimeUs + elapsed * this.quotaUs, this.quotaUs + this.burstUs);
    this.periodCounted = false;
    this.usedThisPeriod = 0;
  }

  /**
   * Take `us` of runtime that the group's task has just used, ending at `nowUs`. Returns when the
   * group may run again (0 when it is not throttled).
   */
  consume(us: number, nowUs: number): number {
    if (!this.limited) return 0;
    this.roll(nowUs);
    if (!this.periodCounted) {
      this.nrPeriods++;
      this.periodCounted = true;
    }
    this.runtimeUs -= us;
    this.usedThisPeriod += us;
    if (this.runtimeUs >= 0) return 0;
    // Overdrawn: the group waits for as many refills as the debt needs. It is throttled once in
    // this period and once in each period it would have spent running on the debt.
    const refills = Math.ceil(-this.runtimeUs / this.quotaUs);
    const end = this.periodStartUs! + refills * this.periodUs;
    const from = Math.max(nowUs, this.throttledUntilUs);
    this.nrThrottled += refills;
    this.nrPeriods += refills;
    this.throttledUs += Math.max(0, end - from - (refills - 1) * this.quotaUs);
    this.periodStartUs = end;
    this.runtimeUs += refills * this.quotaUs;
    this.usedThisPeriod = this.quotaUs - this.runtimeUs;
    this.periodCounted = true;
    this.throttledUntilUs = Math.max(this.throttledUntilUs, end);
    return end;
  }
}

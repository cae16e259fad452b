// The load average: Linux samples the number of runnable tasks every 5 seconds and folds it into
// three exponentially decaying averages (1, 5 and 15 minutes) in 11-bit fixed point. This
// kernel has no timer ticking in the background, so the samples are taken when someone reads:
// every 5-second period since the last read is folded in with the count seen now. That is exact
// while the count stays put between reads, and converges the same way when it does not.

import type { Kernel } from '../../kernel.ts';

const FSHIFT = 11;
const FIXED_1 = 1 << FSHIFT;
/** 1/exp(5s/1min), 1/exp(5s/5min), 1/exp(5s/15min) in fixed point, as include/linux/sched/loadavg.h. */
const EXP = [1884, 2014, 2037];
const LOAD_FREQ_NS = 5_000_000_000n;
/** After this many periods every average has converged on the current count. */
const CONVERGED = 2000;

class LoadTracker {
  private avg = [0, 0, 0];
  private lastNs: bigint;

  constructor(private readonly kernel: Kernel) {
    this.lastNs = kernel.bootNs;
  }

  /** Runnable tasks: running or ready to run (R), as nr_active counts them. */
  runnable(): number {
    let n = 0;
    for (const t of this.kernel.tasks.values()) if (t.state === 'R') n++;
    return n;
  }

  sample(): number[] {
    const now = this.kernel.clock.nowNs();
    const periods = now > this.lastNs ? Number((now - this.lastNs) / LOAD_FREQ_NS) : 0;
    if (periods > 0) {
      const active = this.runnable() * FIXED_1;
      for (let i = 0; i < 3; i++) {
        let a = this.avg[i]!;
        const e = EXP[i]!;
        if (periods >= CONVERGED) a = active;
        else for (let p = 0; p < periods; p++) a = Math.floor((a * e + active * (FIXED_1 - e) + (active >= a ? FIXED_1 - 1 : 0)) / FIXED_1);
        this.avg[i] = a;
      }
      this.lastNs += BigInt(periods) * LOAD_FREQ_NS;
    }
    return this.avg.slice();
  }
}

const trackers = new WeakMap<Kernel, LoadTracker>();

/** The three averages in fixed point (divide by 2048), shared by every procfs of a kernel. */
export function loadAverages(kernel: Kernel): number[] {
  let t = trackers.get(kernel);
  if (!t) trackers.set(kernel, (t = new LoadTracker(kernel)));
  return t.sample();
}

/** "0.52" from a fixed-point average, rounded as the kernel's LOAD_INT/LOAD_FRAC do. */
export function formatLoad(fixed: number): string {
  const x = fixed + FIXED_1 / 200;
  const int = Math.floor(x / FIXED_1);
  const frac = Math.floor(((x % FIXED_1) * 100) / FIXED_1);
  return `${int}.${String(frac).padStart(2, '0')}`;
}

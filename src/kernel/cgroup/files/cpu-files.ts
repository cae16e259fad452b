// The cpu controller's files (kernel/sched/core.c): cpu.weight and cpu.weight.nice (two views of
// one scheduler weight), cpu.idle, cpu.max ("$MAX $PERIOD" in µs) and cpu.max.burst. None exists
// on the root. cpu.stat and cpu.stat.local are core files (core-files.ts).

import { SysError } from '../../../abi/errno.ts';
import type { Cgroup } from '../cgroup.ts';
import { type CpuCss, MAX_PERIOD_US, MAX_RUNTIME_US, MIN_QUOTA_PERIOD_US } from '../cpu-css.ts';
import { kstrtoll, kstrtoull, scanUnsigned } from '../parse.ts';
import type { CgroupFileType } from './file-type.ts';

const css = (cg: Cgroup): CpuCss => cg.css.cpu!;

/** sched_prio_to_weight[]: the scheduler weight of nice -20 .. 19. */
const NICE_WEIGHTS = [
  88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
  9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
  1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
  110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
];

/** sched_weight_to_cgroup(): 1024 is cpu.weight 100. */
function weightOf(shares: number): number {
  return Math.min(10000, Math.max(1, Math.floor((shares * 100 + 512) / 1024)));
}

/** cpu_weight_nice_read_s64(): the nice value whose weight is closest. */
function niceOf(shares: number): number {
  let last = Infinity;
  let prio = 0;
  for (; prio < NICE_WEIGHTS.length; prio++) {
    const delta = Math.abs(NICE_WEIGHTS[prio]! - shares);
    if (delta >= last) break;
    last = delta;
  }
  return prio - 1 - 20;
}

/** tg_set_cfs_bandwidth()'s checks, in µs. */
function setBandwidth(c: CpuCss, quota: number, period: number, burst: number): void {
  if (period < MIN_QUOTA_PERIOD_US || period > MAX_PERIOD_US) throw new SysError('EINVAL');
  if (quota !== Infinity) {
    if (quota < MIN_QUOTA_PERIOD_US || quota > MAX_RUNTIME_US) throw new SysError('EINVAL');
    if (burst > quota || burst + quota > MAX_RUNTIME_US) throw new SysError('EINVAL');
  }
  c.setBandwidth(quota, period, burst);
}

/** A u64 written through kstrtoull, as a number of µs that stays exact enough for the checks. */
const usOf = (v: bigint): number => (v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v));

export const CPU_FILES: readonly CgroupFileType[] = [
  {
    name: 'cpu.weight', controller: 'cpu', where: 'not-root',
    show: (cg) => `${weightOf(css(cg).shares)}\n`,
    write: (cg, _tree, text) => {
      const w = kstrtoull(text, 0);
      if (w < 1n || w > 10000n) throw new SysError('ERANGE');
      css(cg).shares = Math.floor((Number(w) * 1024 + 50) / 100);
    },
  },
  {
    name: 'cpu.weight.nice', controller: 'cpu', where: 'not-root',
    show: (cg) => `${niceOf(css(cg).shares)}\n`,
    write: (cg, _tree, text) => {
      const nice = kstrtoll(text, 0);
      if (nice < -20n || nice > 19n) throw new SysError('ERANGE');
      css(cg).shares = NICE_WEIGHTS[Number(nice) + 20]!;
    },
  },
  {
    name: 'cpu.idle', controller: 'cpu', where: 'not-root',
    show: (cg) => `${css(cg).idle}\n`,
    write: (cg, _tree, text) => {
      const idle = kstrtoll(text, 0);
      if (idle !== 0n && idle !== 1n) throw new SysError('EINVAL');
      css(cg).idle = Number(idle);
    },
  },
  {
    name: 'cpu.max', controller: 'cpu', where: 'not-root',
    show: (cg) => `${css(cg).quotaUs === Infinity ? 'max' : css(cg).quotaUs} ${css(cg).periodUs}\n`,
    // cpu_period_quota_parse(): sscanf("%20s %llu"): a quota or "max", then an optional period.
    write: (cg, _tree, text) => {
      const c = css(cg);
      const m = /^[ \t\n\v\f\r]*([^ \t\n\v\f\r]{1,20})/.exec(text);
      if (!m) throw new SysError('EINVAL');
      const tok = m[1]!;
      const period = scanUnsigned(text.slice(m[0].length));
      const quota = scanUnsigned(tok);
      let quotaUs: number;
      if (quota) quotaUs = usOf(quota.value);
      else if (tok === 'max') quotaUs = Infinity;
      else throw new SysError('EINVAL');
      setBandwidth(c, quotaUs, period ? usOf(period.value) : c.periodUs, c.burstUs);
    },
  },
  {
    name: 'cpu.max.burst', controller: 'cpu', where: 'not-root',
    show: (cg) => `${css(cg).burstUs}\n`,
    write: (cg, _tree, text) => {
      const c = css(cg);
      setBandwidth(c, c.quotaUs, c.periodUs, usOf(kstrtoull(text, 0)));
    },
  },
];

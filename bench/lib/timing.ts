// Timing that holds up on a noisy shared machine. The figures are ratios of two workloads
// measured in one run, so the two sides are interleaved round by round (A B, then B A, so
// neither always runs second, after the other's garbage), and the figure is the median of the
// per-round ratios: a slow minute hits both sides of the rounds it spans, and a few disturbed
// rounds cannot move a median. A forced full collection before each sample is available but
// off by default: measured here, it made the next sample 2-3x slower (V8 shrinks the young
// generation and drops compiled code), which punishes short samples most and skews ratios.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One workload of a comparison. Only `run` is timed. */
export interface Side<S = unknown> {
  /** Builds what one sample works on (a fresh directory, a fresh machine). Not timed. */
  setup?: () => Promise<S>;
  run: (state: S) => Promise<void>;
  /** Not timed. */
  teardown?: (state: S) => Promise<void>;
  /** Operations one run performs: times are reported per operation. Default 1. */
  ops?: number;
}

export interface TimingOptions {
  /** Rounds run and thrown away first, so the JIT has compiled both sides. */
  warmup?: number;
  /** Rounds kept, at least. */
  rounds?: number;
  /** Stop adding rounds beyond `rounds` ... */
  maxRounds?: number;
  /** ... once this much time has gone by (setup and teardown included). */
  budgetMs?: number;
  /** Force a full garbage collection before every sample. */
  gc?: boolean;
}

export interface Summary {
  /** Per operation, over the kept rounds. */
  medianNs: number;
  minNs: number;
  maxNs: number;
  samplesNs: number[];
}

export interface Comparison {
  a: Summary;
  b: Summary;
  /** Median over rounds of (a's time / b's time) in that round. */
  ratio: number;
  /** a.medianNs / b.medianNs, for cross-checking `ratio`. */
  ratioOfMedians: number;
  rounds: number;
}

let gcFn: (() => void) | null | undefined;

/** A full collection before a sample, when V8 lets us have one (it does, via this flag). */
export function collectGarbage(): void {
  if (gcFn === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function summarize(samples: number[]): Summary {
  return { medianNs: median(samples), minNs: Math.min(...samples), maxNs: Math.max(...samples), samplesNs: samples };
}

/** Time one run of a side, per operation, in nanoseconds. */
export async function sample<S>(side: Side<S>, gc = false): Promise<number> {
  const state = (side.setup ? await side.setup() : undefined) as S;
  if (gc) collectGarbage();
  const t0 = process.hrtime.bigint();
  await side.run(state);
  const ns = Number(process.hrtime.bigint() - t0);
  if (side.teardown) await side.teardown(state);
  return ns / (side.ops ?? 1);
}

function roundsOf(opts: TimingOptions): Required<TimingOptions> {
  const rounds = opts.rounds ?? 9;
  return { warmup: opts.warmup ?? 2, rounds, maxRounds: opts.maxRounds ?? rounds, budgetMs: opts.budgetMs ?? Infinity, gc: opts.gc ?? false };
}

/** Interleave A and B round by round; see the file comment. */
export async function compare<SA, SB>(a: Side<SA>, b: Side<SB>, opts: TimingOptions = {}): Promise<Comparison> {
  const o = roundsOf(opts);
  const as: number[] = [];
  const bs: number[] = [];
  const start = performance.now();
  for (let i = 0; ; i++) {
    const kept = i - o.warmup;
    if (kept >= o.maxRounds) break;
    if (kept >= o.rounds && performance.now() - start > o.budgetMs) break;
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = await sample(a, o.gc);
      tb = await sample(b, o.gc);
    } else {
      tb = await sample(b, o.gc);
      ta = await sample(a, o.gc);
    }
    if (kept >= 0) {
      as.push(ta);
      bs.push(tb);
    }
  }
  const sa = summarize(as);
  const sb = summarize(bs);
  return { a: sa, b: sb, ratio: median(as.map((t, i) => t / bs[i]!)), ratioOfMedians: sa.medianNs / sb.medianNs, rounds: as.length };
}

/** One side alone, for figures that are not ratios. */
export async function measure<S>(side: Side<S>, opts: TimingOptions = {}): Promise<Summary> {
  const o = roundsOf(opts);
  const out: number[] = [];
  const start = performance.now();
  for (let i = 0; ; i++) {
    const kept = i - o.warmup;
    if (kept >= o.maxRounds) break;
    if (kept >= o.rounds && performance.now() - start > o.budgetMs) break;
    const t = await sample(side, o.gc);
    if (kept >= 0) out.push(t);
  }
  return summarize(out);
}

/** "1.23 µs" style text for a time in nanoseconds. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return String(ns);
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
}

/** The detail line of a ratio figure: both sides' absolute times. */
export function describeComparison(c: Comparison, aName: string, bName: string, per = 'op'): string {
  return `${aName} ${formatNs(c.a.medianNs)}/${per} vs ${bName} ${formatNs(c.b.medianNs)}/${per}; ` +
    `median of ${c.rounds} round ratios (ratio of medians ${c.ratioOfMedians.toFixed(3)})`;
}

/** The raw numbers of a comparison, for a figure's `data`. */
export function comparisonData(c: Comparison): Record<string, number> {
  return {
    a_median_ns: c.a.medianNs, b_median_ns: c.b.medianNs, a_min_ns: c.a.minNs, b_min_ns: c.b.minNs,
    ratio_of_medians: c.ratioOfMedians, rounds: c.rounds,
  };
}

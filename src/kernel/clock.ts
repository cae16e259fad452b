// The kernel's clocks. Everything that stamps a time (file times, /proc/uptime, cgroup usage)
// asks one Clock, so tests can drive time by hand and recordings stay reproducible.

import type { Clock } from './fs/vfs/types.ts';

/** Wall time with a millisecond source and a nanosecond tick so two stamps never tie. */
export class SystemClock implements Clock {
  private last = 0n;
  nowNs(): bigint {
    let now = BigInt(Date.now()) * 1_000_000n;
    if (now <= this.last) now = this.last + 1n;
    this.last = now;
    return now;
  }
}

/** A clock that moves only when told to: for tests and deterministic replays. */
export class ManualClock implements Clock {
  private now: bigint;
  constructor(startNs: bigint = 1_700_000_000_000_000_000n) {
    this.now = startNs;
  }
  nowNs(): bigint {
    return this.now;
  }
  advance(ns: bigint | number): void {
    this.now += BigInt(ns);
  }
  set(ns: bigint): void {
    this.now = ns;
  }
}

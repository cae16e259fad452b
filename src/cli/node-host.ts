// The Node thread as the kernel's host: a monotonic clock for scheduling, setImmediate to let
// input and timers run between slices, and real timers for sleeps.

import type { KernelHost } from '../kernel/kernel.ts';

export const nodeHost: KernelHost = {
  nowMs: () => performance.now(),
  macrotask: () => new Promise((resolve) => setImmediate(resolve)),
  setTimer: (ms, fn) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

// The simulated machine as /proc describes it: two CPUs, 4 GiB of memory, the kernel release.
// One place for the figures several files print, so they agree with each other (MemTotal with
// the limits derived from it, the CPU count of cpuinfo with stat and the status masks).

import { MEM_TOTAL_KB } from '../../memory-size.ts';

/** uname -r; the same string the uname(2) call returns. */
export const KERNEL_RELEASE = '6.18.44-cowbox';
export const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC';
export const NR_CPUS = 2;

/** Usable memory after the kernel's own reservations, in kB (a 4 GiB machine); tmpfs sizes from it too. */
export { MEM_TOTAL_KB };

/** Linux sizes max_threads from memory (totalram / 32 pages); RLIMIT_NPROC and SIGPENDING are half of it. */
const MAX_THREADS = Math.floor(MEM_TOTAL_KB / 4 / 32);
export const NPROC_LIMIT = Math.floor(MAX_THREADS / 2);
export const SIGPENDING_LIMIT = NPROC_LIMIT;

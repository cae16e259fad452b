// tools for watching the kernel: strace, stress, dmesg; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const DEBUG: ProgramTable = {
  dmesg: () => import('./dmesg.ts'),
  stress: () => import('./stress.ts'),
  strace: () => import('./strace.ts'),
};

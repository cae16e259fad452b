// procps-ng: ps, top, kill, pkill, pgrep, free, uptime, vmstat, watch; one file per command
// (and pidof, which on the recording machine is sysvinit's: see pidof.ts).

import type { ProgramTable } from '../lib/table.ts';

export const PROCPS: ProgramTable = {
  free: () => import('./free.ts'),
  kill: () => import('./kill.ts'),
  pgrep: () => import('./pgrep.ts'),
  pidof: () => import('./pidof.ts'),
  pkill: () => import('./pkill.ts'),
  ps: () => import('./ps.ts'),
  top: () => import('./top.ts'),
  uptime: () => import('./uptime.ts'),
  vmstat: () => import('./vmstat.ts'),
  watch: () => import('./watch.ts'),
};

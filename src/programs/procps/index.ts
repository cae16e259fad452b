// procps-ng: ps, top, kill, pkill, pgrep, free, uptime; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const PROCPS: ProgramTable = {
  free: () => import('./free.ts'),
  kill: () => import('./kill.ts'),
  pgrep: () => import('./pgrep.ts'),
  pkill: () => import('./pkill.ts'),
  ps: () => import('./ps.ts'),
  top: () => import('./top.ts'),
  uptime: () => import('./uptime.ts'),
};

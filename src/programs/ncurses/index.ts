// ncurses-bin: the terminal programs of ncurses (clear, tput, tset and reset, which is tset).

import type { ProgramTable } from '../lib/table.ts';

export const NCURSES: ProgramTable = {
  clear: () => import('./clear.ts'),
  tput: () => import('./tput.ts'),
  tset: () => import('./tset.ts'),
  reset: () => import('./tset.ts'),
};

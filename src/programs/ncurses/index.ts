// ncurses-bin: the terminal programs of ncurses (clear).

import type { ProgramTable } from '../lib/table.ts';

export const NCURSES: ProgramTable = {
  clear: () => import('./clear.ts'),
};

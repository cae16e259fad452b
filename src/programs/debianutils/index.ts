// debianutils: the small utilities Debian's base system gets from that package (which).

import type { ProgramTable } from '../lib/table.ts';

export const DEBIANUTILS: ProgramTable = {
  which: () => import('./which.ts'),
};

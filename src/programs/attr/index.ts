// GNU attr: getfattr, setfattr; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const ATTR: ProgramTable = {
  getfattr: () => import('./getfattr.ts'),
  setfattr: () => import('./setfattr.ts'),
};

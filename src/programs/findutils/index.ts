// GNU findutils: find, xargs; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const FINDUTILS: ProgramTable = {
  find: () => import('./find.ts'),
  xargs: () => import('./xargs.ts'),
};

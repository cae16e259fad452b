// small packages images often carry: tree, less, more, jq; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const EXTRA: ProgramTable = {
  jq: () => import('./jq.ts'),
  less: () => import('./less.ts'),
  more: () => import('./more.ts'),
  tree: () => import('./tree.ts'),
};

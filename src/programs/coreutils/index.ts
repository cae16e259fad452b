// GNU coreutils: one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const COREUTILS: ProgramTable = {
  cat: () => import('./cat.ts'),
  echo: () => import('./echo.ts'),
  env: () => import('./env.ts'),
  false: () => import('./false.ts'),
  od: () => import('./od.ts'),
  tr: () => import('./tr.ts'),
  true: () => import('./true.ts'),
};

// the text tools that are packages of their own: grep, sed, awk, diff, cmp; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const TEXTUTILS: ProgramTable = {
  awk: () => import('./awk.ts'),
  mawk: () => import('./awk.ts'),
  diff: () => import('./diff.ts'),
  egrep: () => import('./grep.ts'),
  fgrep: () => import('./grep.ts'),
  grep: () => import('./grep.ts'),
  sed: () => import('./sed.ts'),
};

// archives and compression: tar, gzip, gunzip; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const ARCHIVE: ProgramTable = {
  gunzip: () => import('./gzip.ts'),
  gzip: () => import('./gzip.ts'),
  tar: () => import('./tar.ts'),
  zcat: () => import('./gzip.ts'),
};

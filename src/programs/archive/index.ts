// archives and compression: tar, gzip, gunzip; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const ARCHIVE: ProgramTable = {};

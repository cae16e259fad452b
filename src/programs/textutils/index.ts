// the text tools that are packages of their own: grep, sed, awk, diff, cmp; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const TEXTUTILS: ProgramTable = {};

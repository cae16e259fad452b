// tools for watching the kernel: strace, stress; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const DEBUG: ProgramTable = {};

// procps-ng: ps, top, kill, pkill, pgrep, free, uptime; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const PROCPS: ProgramTable = {};

// GNU nano: the editor Debian installs with priority important (nano 7.2 on Debian 12; Alpine's
// nano package runs the same program and reports its own version from /etc/os-release).

import type { ProgramTable } from '../lib/table.ts';

export const NANO: ProgramTable = {
  nano: () => import('./nano.ts'),
};

// vim.tiny: the editor Debian installs as vi (through /etc/alternatives); one program file here
// also stands for Alpine's vim, with the version of the machine it runs on.

import type { ProgramTable } from '../lib/table.ts';

export const VIM: ProgramTable = {
  'vim.tiny': () => import('./vim.ts'),
};

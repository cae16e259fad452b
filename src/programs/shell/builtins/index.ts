// Registers every builtin in the builtin table. The ones a shell uses on its way to the first
// prompt (and that other shell modules import) load with the shell; the rest load on first use,
// which keeps them out of the code a page fetches before its terminal answers.
// test/shell/lazy-builtins.test.ts checks each lazy list against what its module defines;
// vite.config.ts (SHELL_LAZY) keeps the lazy modules out of the shell's own chunk.

import { defineLazyBuiltins } from '../builtin-table.ts';
import './cd.ts';
import './flow.ts';
import './jobs.ts';
import './variables.ts';

defineLazyBuiltins(() => import('./chdir.ts'), [['cd', false], ['pwd', false]]);
defineLazyBuiltins(() => import('./job-control.ts'), [['wait', false], ['jobs', false], ['fg', false], ['bg', false]]);
defineLazyBuiltins(() => import('./misc.ts'), [
  ['umask', false], ['type', false], ['command', false], ['hash', false], ['alias', false], ['unalias', false], ['times', true], ['ulimit', false],
]);
defineLazyBuiltins(() => import('./printf.ts'), [['echo', false], ['printf', false]]);
defineLazyBuiltins(() => import('./read.ts'), [['read', false]]);
defineLazyBuiltins(() => import('./getopts.ts'), [['getopts', false]]);
defineLazyBuiltins(() => import('./test.ts'), [['test', false], ['[', false]]);
defineLazyBuiltins(() => import('./trap.ts'), [['trap', true], ['kill', false]]);

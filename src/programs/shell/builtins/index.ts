// Loads every builtin module so each registers itself in the builtin table.

import './cd.ts';
import './flow.ts';
import './jobs.ts';
import './misc.ts';
import './printf.ts';
import './read.ts';
import './test.ts';
import './trap.ts';
import './variables.ts';

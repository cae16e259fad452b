// pgrep (procps-ng 4.0.2): list the processes whose name matches an extended regular
// expression and that meet the other criteria; the work is in pgrep-run.ts, shared with pkill.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { COMMON, PGREP_ONLY } from './pgrep-options.ts';
import { pgrepMain } from './pgrep-run.ts';
import { meta as pkillMeta } from './pkill-meta.ts';
import { procpsOutput } from './close-stdout.ts';

export const meta: ProgramMeta = {
  name: 'pgrep', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options] <pattern>'],
  summary: 'List the processes whose name matches <pattern> (an extended regular expression) and the criteria given; it never lists itself.',
  standardOptions: false,
  options: [...PGREP_ONLY, ...COMMON],
};

export default function pgrep(sys: Sys): Promise<number> {
  return procpsOutput(sys, 'pgrep', () => pgrepMain(sys, { pgrep: meta, pkill: pkillMeta }));
}

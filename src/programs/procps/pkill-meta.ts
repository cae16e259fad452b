// pkill's description (procps-ng 4.0.2), apart from its entry point so that pgrep's help can
// be printed by pkill's name and the other way round without one program loading the other.

import type { ProgramMeta } from '../lib/meta.ts';
import { COMMON, PKILL_ONLY } from './pgrep-options.ts';

export const meta: ProgramMeta = {
  name: 'pkill', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options] <pattern>'],
  summary: 'Signal (TERM unless told otherwise) the processes whose name matches <pattern> (an extended regular expression) and the criteria given; it never signals itself.',
  standardOptions: false,
  options: [...PKILL_ONLY, ...COMMON],
};

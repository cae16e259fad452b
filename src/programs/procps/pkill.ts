// pkill (procps-ng 4.0.2): signal the processes pgrep would list; the work is in pgrep-run.ts.

import type { Sys } from '../../sys/sys.ts';
import { pgrepMain } from './pgrep-run.ts';
import { meta } from './pkill-meta.ts';
import { procpsOutput } from './close-stdout.ts';

export { meta };

/** pgrep's help is not needed here: run as pkill, pgrep-run prints pkill's. */
export default function pkill(sys: Sys): Promise<number> {
  return procpsOutput(sys, 'pkill', () => pgrepMain(sys, { pgrep: meta, pkill: meta }));
}

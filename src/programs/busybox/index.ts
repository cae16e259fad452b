// busybox: the multi-call binary of alpine and busybox images; its applets run cowbox's tools
// in busybox's words (see busybox.ts).

import type { ProgramTable } from '../lib/table.ts';

export const BUSYBOX: ProgramTable = {
  busybox: () => import('./busybox.ts'),
};

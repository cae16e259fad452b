// false: do nothing, unsuccessfully.

import type { Sys } from '../../sys/sys.ts';

export default async function falseProgram(_sys: Sys): Promise<number> {
  return 1;
}

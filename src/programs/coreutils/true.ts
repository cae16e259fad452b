// true: do nothing, successfully.

import type { Sys } from '../../sys/sys.ts';

export default async function trueProgram(_sys: Sys): Promise<number> {
  return 0;
}

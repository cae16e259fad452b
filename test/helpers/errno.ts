// A call's outcome as a test compares it: 'ok', or the errno name it failed with. Anything that
// is not a SysError still fails the test.

import { isSysError } from '../../src/abi/errno.ts';

export async function errnoOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isSysError(e)) return e.code;
    throw e;
  }
}

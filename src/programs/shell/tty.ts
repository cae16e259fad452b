// Is a descriptor a terminal? isatty(3): a terminal answers TCGETS, anything else ENOTTY.

import { isSysError } from '../../abi/errno.ts';
import type { Shell } from './shell.ts';

export async function isTerminal(sh: Shell, fd: number): Promise<boolean> {
  if (!Number.isInteger(fd) || fd < 0) return false;
  try {
    return await sh.sys.isatty(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

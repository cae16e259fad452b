// sh (and dash): the POSIX shell, a program like any other. The work is in programs/shell/.

import type { Sys } from '../sys/sys.ts';
import { shellMain } from './shell/main.ts';

export default async function main(sys: Sys): Promise<number> {
  return shellMain(sys);
}

// busybox's sh and ash applets: cowbox's shell (programs/shell) speaking busybox ash's dialect,
// as alpine's and busybox's /bin/sh do: ash's messages, prompt ('\w \$ '), echo and builtins.

import type { Sys } from '../../sys/sys.ts';
import { ASH } from '../shell/ash.ts';
import { shellMain } from '../shell/main.ts';

export default async function ash(sys: Sys): Promise<number> {
  return shellMain(sys, ASH);
}

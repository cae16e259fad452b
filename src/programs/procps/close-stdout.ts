// procps's close_stdout: a failed output is "NAME: write error[: strerror]" and status 1, but a
// closed pipe (EPIPE, SIGPIPE ignored) is no error at all, so `ps | head` stays quiet.

import type { SysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { guardOutput, reportWriteError } from '../lib/tool.ts';

/**
 * Run a procps tool's `main`; `plain` drops the errno words (top, vmstat check ferror) except
 * for a closed stdout (EBADF), whose close fails too; 'always' drops them even then (free).
 */
export function procpsOutput(sys: Sys, name: string, main: () => Promise<number>, plain: boolean | 'always' = false): Promise<number> {
  return guardOutput(sys, name, 1, main, async (failure: SysError) => {
    if (failure.code === 'EPIPE') return 0;
    // A closed stdout (EBADF) fails the close too, whose errno shows.
    await reportWriteError(sys, name, failure, plain === 'always' || (plain && failure.code !== 'EBADF'));
    return 1;
  });
}

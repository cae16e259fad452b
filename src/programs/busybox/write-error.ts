// How busybox's applets meet a standard output that cannot be written (a full disk, a closed
// pipe with SIGPIPE ignored). Each applet has its own way, measured on busybox 1.35: some die
// with "APPLET: write error: ...", those that end through fflush_stdout_and_exit say "APPLET:
// standard output: ..." and keep the status they were ending with, and many never look.

import { strerror, type SysError } from '../../abi/errno.ts';

/** bb_perror_msg_and_die(bb_msg_write_error): "APPLET: write error: strerror", status 1. */
const WRITE_ERROR = new Set(['cat', 'echo', 'tail', 'tr', 'printf']);

/** fflush_stdout_and_exit(status): "APPLET: standard output: strerror", the applet's own status. */
const STANDARD_OUTPUT = new Set(['head', 'sort', 'uniq', 'wc', 'cut', 'base64', 'nl', 'paste', 'fold', 'expr', 'env', 'uname', 'du', 'realpath', 'id', 'cmp']);

/** Applets whose exit finds stdout in error and ends with 255, saying nothing. */
const SILENT_255 = new Set(['seq', 'dirname', 'pwd', 'whoami']);

/** basename tests its own fputs: no message, status 1. */
const SILENT_1 = new Set(['basename']);

/** The message and status for `applet` (anything not listed ignores the failure). */
export function busyboxWriteError(applet: string, failure: SysError, status: number): { message: string | null; status: number } {
  const err = strerror(failure.code);
  if (WRITE_ERROR.has(applet)) return { message: `${applet}: write error: ${err}\n`, status: 1 };
  if (STANDARD_OUTPUT.has(applet)) return { message: `${applet}: standard output: ${err}\n`, status };
  if (applet === 'yes') return { message: `yes: (null): ${err}\n`, status: 1 };
  if (SILENT_255.has(applet)) return { message: null, status: 255 };
  if (SILENT_1.has(applet)) return { message: null, status: 1 };
  return { message: null, status };
}

// Error messages as gnulib's error() writes them: standard output is flushed first, so a
// message lands after everything the program printed before it, even when both streams go to
// one pipe (`cmd 2>&1`), as with a C program's stdio.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { localeIsUtf8 } from './locale.ts';
import { quotearg } from './quotearg.ts';
import type { Tool } from './tool.ts';

/** "NAME: message" after flushing standard output; marks the run failed with `status`. */
export async function report(tool: Tool, message: string, status = 1): Promise<void> {
  await tool.out.flush();
  await tool.error(message, status);
}

/** "NAME: what: strerror" for a failed system call; rethrows anything that is not one. */
export async function reportSys(tool: Tool, e: unknown, what: string, status = 1): Promise<void> {
  if (!isSysError(e)) throw e;
  await report(tool, `${what}: ${strerror(e.code)}`, status);
}

/**
 * gnulib's quote(): the locale's quotes around a name ('x' in C, ‘x’ in a UTF-8 locale) with
 * backslash escapes, as GNU uses for operands and option arguments in usage-type messages
 * (quoteaf, the shell style of quote.ts, is for file names in the other messages).
 */
export function localeQuote(sys: Sys, s: string): string {
  return quotearg(s, { style: 'locale', utf8: localeIsUtf8((n) => sys.getenv(n)) });
}

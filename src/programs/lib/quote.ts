// How GNU tools quote file names in messages: `'name'` always for "cannot access 'x'", and only
// when needed for "cat: x: ..." (locale C: shell-escape style, so a quote inside switches to
// double quotes and control characters become $'\n' escapes). Both are quotearg styles.

import { quotearg } from './quotearg.ts';

/** Always quoted: 'a b', "it's", 'x'$'\n''y'. */
export function quote(s: string): string {
  return quotearg(s, { style: 'shell-escape-always', utf8: false });
}

/** Quoted only if the name would be ambiguous unquoted (spaces, quotes, control characters). */
export function quoteIfNeeded(s: string): string {
  return quotearg(s, { style: 'shell-escape', utf8: false });
}

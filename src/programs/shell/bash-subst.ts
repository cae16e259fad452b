// bash's ${x:OFF:LEN} and ${x/PAT/REP}, ${x//PAT/REP}, as busybox ash computes them (its
// subevalvar): offsets count from the end when negative, a negative LEN stops that many
// characters before the end, and a pattern replaces its longest match at the first place it
// matches. Only busybox ash's dialect parses these (lexer.ts); dash calls them bad.

import { compilePattern, hasMeta, patternSource, unescapePattern } from './pattern.ts';

/** ${x:OFF:LEN} of `value`, with OFF and LEN already evaluated (LEN null when not given). */
export function substring(value: string, off: number, len: number | null): string {
  const n = value.length;
  let pos = off < 0 ? n + off : off;
  let count = len ?? n;
  // Past either end: nothing (ash compares as unsigned).
  if (pos < 0 || pos >= n) {
    pos = 0;
    count = 0;
  }
  if (count < 0) count = n - pos + count;
  // A length still negative is huge as an unsigned number: the rest of the value.
  if (count < 0 || count > n - pos) count = n - pos;
  return value.slice(pos, pos + count);
}

/** ${x/PAT/REP} (all: ${x//PAT/REP}); `pattern` is escaped as expandPattern gives it. */
export function replacePattern(value: string, pattern: string, rep: string, all: boolean): string {
  const literal = hasMeta(pattern) ? null : unescapePattern(pattern);
  const whole = literal === null ? compilePattern(pattern) : null;
  // Where the next match starts (a search), then its longest end there (whole-string tests).
  const search = literal === null ? new RegExp(patternSource(pattern), 'g') : null;
  let out = '';
  let i = 0;
  while (i < value.length) {
    let start: number;
    if (literal !== null) start = literal === '' ? -1 : value.indexOf(literal, i);
    else {
      search!.lastIndex = i;
      start = search!.exec(value)?.index ?? -1;
    }
    let end = -1;
    if (start >= 0) {
      if (literal !== null) end = start + literal.length;
      else for (let j = value.length; j > start && end < 0; j--) if (whole!.test(value.slice(start, j))) end = j;
    }
    if (end < 0) {
      // Only an empty match here (or none): try from the next character.
      if (start < 0) break;
      out += value.slice(i, start + 1);
      i = start + 1;
      continue;
    }
    out += value.slice(i, start) + rep;
    i = end;
    if (!all) break;
  }
  return out + value.slice(i);
}

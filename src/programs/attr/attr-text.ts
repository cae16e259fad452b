// The text conventions getfattr and setfattr share (attr's libmisc): names and paths with
// backslash and chosen characters written as \ooo, read back by unquote, and strerror with
// ENODATA spelled "No such attribute" as the attr tools say it.

import { strerror, type ErrnoName } from '../../abi/errno.ts';

/** quote(): '\\' and each character of `chars` as a three-digit octal escape. */
export function attrQuote(s: string, chars: string): string {
  if (!s.includes('\\') && ![...chars].some((c) => s.includes(c))) return s;
  let out = '';
  for (const ch of s) {
    if (ch === '\\' || chars.includes(ch)) {
      const b = ch.charCodeAt(0);
      out += `\\${b >> 6}${(b >> 3) & 7}${b & 7}`;
    } else out += ch;
  }
  return out;
}

/** unquote(): \ooo escapes back to the characters they stand for (others left as they are). */
export function unquote(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

export function strerrorEa(code: ErrnoName): string {
  return code === 'ENODATA' ? 'No such attribute' : strerror(code);
}

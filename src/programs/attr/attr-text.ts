// The text conventions getfattr and setfattr share (attr's libmisc): names and paths with
// backslash and chosen characters written as \ooo, read back by unquote, and strerror with
// ENODATA spelled "No such attribute" as the attr tools say it; and how both read their
// command line (a usage error shows the synopsis, status 2).

import { strerror, type ErrnoName } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs, UsageError, type Parsed } from '../lib/options.ts';

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

/**
 * The parsed command line, or the status to exit with: after a usage error and `synopsis` (2),
 * or after answering --help or --version (whichever came last) as "NAME VERSION" (0).
 */
export async function attrArgs(sys: Sys, meta: ProgramMeta, synopsis: string): Promise<Parsed | number> {
  let args: Parsed;
  try {
    args = parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await sys.writeAll(2, `${e.text}\n${synopsis}`);
    return 2;
  }
  const first = args.last('--help', '--version');
  if (first === '--help') {
    await sys.writeAll(1, helpText(meta));
    return 0;
  }
  if (first === '--version') {
    await sys.writeAll(1, `${meta.name} ${meta.version}\n`);
    return 0;
  }
  return args;
}

// link (GNU coreutils): make one more name for a file with link(2) itself, no options and no
// questions asked (unlike ln: no -f, no directory targets). Exactly two operands.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quote } from '../lib/quote.ts';
import { quotearg } from '../lib/quotearg.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'link', package: 'GNU coreutils', version: '9.1',
  usage: ['FILE1 FILE2', 'OPTION'],
  summary: 'Give the existing FILE1 a second name, FILE2, by calling link(2).',
  options: [],
};

export default function link(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const ops = tool.args.operands;
    // Operands in usage errors are quoted for the locale (‘a’ under UTF-8); file names in failures are not.
    const lq = (s: string): string => quotearg(s, { style: 'locale', utf8: localeIsUtf8((n) => sys.getenv(n)) });
    if (ops.length === 0) return tool.usage('link: missing operand');
    if (ops.length === 1) return tool.usage(`link: missing operand after ${lq(ops[0]!)}`);
    if (ops.length > 2) return tool.usage(`link: extra operand ${lq(ops[2]!)}`);
    try {
      await sys.link(ops[0]!, ops[1]!);
    } catch (e) {
      await tool.sysError(e, `cannot create link ${quote(ops[1]!)} to ${quote(ops[0]!)}`);
    }
  });
}

// unlink (GNU coreutils): remove one name with unlink(2) itself: no options, no recursion, and a
// directory is refused by the kernel (EISDIR), not by the tool. Exactly one operand.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quote } from '../lib/quote.ts';
import { quotearg } from '../lib/quotearg.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'unlink', package: 'GNU coreutils', version: '9.1',
  usage: ['FILE', 'OPTION'],
  summary: 'Remove the name FILE by calling unlink(2).',
  options: [],
};

export default function unlink(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const ops = tool.args.operands;
    if (ops.length === 0) return tool.usage('unlink: missing operand');
    if (ops.length > 1) return tool.usage(`unlink: extra operand ${quotearg(ops[1]!, { style: 'locale', utf8: localeIsUtf8((n) => sys.getenv(n)) })}`);
    try {
      await sys.unlink(ops[0]!);
    } catch (e) {
      await tool.sysError(e, `cannot unlink ${quote(ops[0]!)}`);
    }
  });
}

// tty (GNU coreutils): print the name of the terminal on standard input, or "not a tty" with
// status 1; -s prints nothing and answers by status alone. A usage error is status 2.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quotearg } from '../lib/quotearg.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'tty', package: 'GNU coreutils', version: '9.1',
  exitFailure: 3,
  usage: ['[OPTION]...'],
  summary: 'Print the file name of the terminal standard input is connected to.',
  options: [{ short: 's', long: 'silent', help: 'print nothing; only the exit status tells' }, { long: 'quiet', key: 'silent', help: 'the same as --silent' }],
  usageStatus: 2,
};

export default function tty(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const ops = tool.args.operands;
    if (ops.length) return tool.usage(`tty: extra operand ${quotearg(ops[0]!, { style: 'locale', utf8: localeIsUtf8((n) => sys.getenv(n)) })}`);
    if (tool.args.has('silent')) return (await sys.isatty(0).catch(() => false)) ? 0 : 1;
    let name: string | null = null;
    try {
      name = await sys.ttyname(0);
    } catch {
      // Not a terminal, or a terminal without a name: both are "not a tty".
    }
    await tool.out.write(`${name ?? 'not a tty'}\n`);
    return name === null ? 1 : 0;
  });
}

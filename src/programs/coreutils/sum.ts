// sum (GNU coreutils): the old 16-bit checksums, BSD's (-r, the default, 1K blocks) or System
// V's (-s, 512-byte blocks), with the block count and, when files are named, the name.

import { strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { legacySumFile } from '../lib/legacy-sum.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quoteIfNeeded } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'sum', package: 'GNU coreutils', version: '9.1',
  helpWriteError: 'plain',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Print a 16-bit checksum and the block count of each FILE.\nWith no FILE, or FILE "-", read standard input.',
  options: [
    { short: 'r', help: 'BSD checksum, counted in 1024-byte blocks (the default)' },
    { short: 's', long: 'sysv', help: 'System V checksum, counted in 512-byte blocks' },
  ],
};

export default function sum(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    tool.plainWriteError();
    const kind = tool.args.last('r', 'sysv') === 'sysv' ? 'sysv' : 'bsd';
    const named = tool.args.operands.length > 0;
    let ok = true;
    for (const name of named ? tool.args.operands : ['-']) {
      const got = await legacySumFile(sys, kind, name);
      if (typeof got === 'string') {
        await tool.out.flush();
        await tool.error(`${quoteIfNeeded(name)}: ${strerror(got)}`);
        ok = false;
        continue;
      }
      await tool.out.write(`${got.line(named ? name : null)}\n`);
    }
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!named || tool.args.operands.includes('-')) await tool.closeStdin('standard input');
    return ok && tool.status === 0 ? 0 : 1;
  });
}

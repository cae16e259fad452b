// yes (GNU coreutils): print its operands (or "y") on a line, over and over, until the reader
// goes away (SIGPIPE, or EPIPE when that is ignored) or a signal ends it. The line is repeated into one 64 KiB block so that
// each write carries many lines, as GNU's yes does.

import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'yes', package: 'GNU coreutils', version: '9.1',
  usage: ['[STRING]...', 'OPTION'],
  summary: "Print a line of the STRINGs (or 'y') again and again, until killed.",
  options: [],
};

export default function yes(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const ops = tool.args.operands;
    const line = utf8Encode(`${ops.length ? ops.join(' ') : 'y'}\n`);
    const copies = Math.max(1, Math.floor(65536 / line.length));
    const block = new Uint8Array(line.length * copies);
    for (let i = 0; i < copies; i++) block.set(line, i * line.length);
    try {
      for (;;) await sys.writeAll(1, block);
    } catch (e) {
      // Only with SIGPIPE ignored does a closed pipe come back as an error rather than end us.
      await tool.sysError(e, 'standard output');
      return 1;
    }
  });
}

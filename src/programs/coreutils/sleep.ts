// sleep (GNU coreutils): pause for the sum of its operands, each a number with an optional unit
// (s, m, h, d) and possibly a fraction or "infinity"; a signal is what ends `sleep infinity`.

import type { Sys } from '../../sys/sys.ts';
import { parseDuration, sleepSeconds } from '../lib/duration.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool, tryHelp } from '../lib/tool.ts';
import { isBusybox } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'sleep', package: 'GNU coreutils', version: '9.1',
  usage: ['NUMBER[SUFFIX]...', 'OPTION'],
  summary: "Wait for the total of the NUMBERs given, in seconds; a SUFFIX of 's', 'm', 'h' or 'd'\nmeans seconds, minutes, hours or days. NUMBER may have a fraction, or be 'infinity'.",
  options: [],
};

export default function sleep(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const operands = tool.args.operands;
    if (operands.length === 0) return tool.usage('sleep: missing operand');
    let total = 0;
    let bad = false;
    for (const op of operands) {
      const s = parseDuration(op);
      if (s === null) {
        if (isBusybox(sys)) {
          await sys.writeAll(2, `sleep: invalid number ${quote(op)}\n`);
          return 1;
        }
        await sys.writeAll(2, `sleep: invalid time interval ${quote(op)}\n`);
        bad = true;
      } else total += s;
    }
    if (bad) {
      await sys.writeAll(2, tryHelp(meta));
      return 1;
    }
    await sleepSeconds((ms) => sys.sleep(ms), total);
    return 0;
  });
}

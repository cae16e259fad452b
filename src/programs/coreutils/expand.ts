// expand (GNU coreutils): turn tabs into the blanks that reach the next tab stop (every 8
// columns, or as -t lists them); -i only in the blanks that start a line. Columns count bytes
// and a backspace steps back one, as GNU's expand counts them.

import type { Sys } from '../../sys/sys.ts';
import { withArgv } from '../lib/argv.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool } from '../lib/tool.ts';
import { latin1ToBytes } from './records.ts';
import { obsoleteTabs, readInputs, tabStopsOf } from './tab-stops.ts';

export const meta: ProgramMeta = {
  name: 'expand', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Write each FILE (standard input when none or "-") with its tabs turned into spaces.',
  options: [
    { short: 'i', long: 'initial', help: 'leave tabs that follow something other than a blank' },
    { short: 't', long: 'tabs', arg: 'required', argName: 'N', help: 'put tab stops every N columns rather than 8' },
    { long: 'tabs', key: 'tabs', arg: 'required', argName: 'LIST', help: 'put tab stops at the columns LIST gives (commas or\nblanks between); a last "/N" repeats every N columns after the\nlast stop, a last "+N" every N columns from the last stop' },
  ],
};

export default function expand(sys: Sys): Promise<number> {
  return runTool(withArgv(sys, obsoleteTabs(sys.argv).argv), meta, async (tool) => {
    // A checked fwrite dies with the errno words; close_stdout then finds the stream failed too.
    tool.wordWriteError({ midRun: (err) => `expand: write error: ${err}\nexpand: write error\n` });
    const stops = await tabStopsOf(tool);
    if (!stops) return 1;
    const initialOnly = tool.args.has('initial');
    const text = await readInputs(tool.sys, tool, tool.args.operands);
    let out = '';
    let column = 0;
    const at = { index: 0 };
    let convert = true;
    for (let i = 0; i < text.length; i++) {
      let c = text[i]!;
      if (convert) {
        if (c === '\t') {
          let next = stops.next(column, at);
          if (next === null) next = column + 1;
          while (++column < next) out += ' ';
          c = ' ';
        } else if (c === '\b') {
          if (column) column--;
          if (at.index) at.index--;
        } else column++;
        convert = !initialOnly || c === ' ' || c === '\t';
      }
      out += c;
      if (c === '\n') {
        column = 0;
        at.index = 0;
        convert = true;
      }
      if (out.length >= 65536) {
        await tool.out.write(latin1ToBytes(out));
        out = '';
      }
    }
    await tool.out.write(latin1ToBytes(out));
  });
}

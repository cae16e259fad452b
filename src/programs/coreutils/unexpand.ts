// unexpand (GNU coreutils): turn the blanks that reach a tab stop into tabs, in the blanks that
// start a line (or everywhere with -a, which -t implies). Columns count bytes; a single blank
// just before a stop stays a blank, as GNU's unexpand leaves it.

import type { Sys } from '../../sys/sys.ts';
import { withArgv } from '../lib/argv.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool } from '../lib/tool.ts';
import { latin1ToBytes } from './records.ts';
import { obsoleteTabs, readInputs, tabStopsOf } from './tab-stops.ts';

export const meta: ProgramMeta = {
  name: 'unexpand', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Write each FILE (standard input when none or "-") with runs of blanks turned into tabs.',
  options: [
    { short: 'a', long: 'all', help: 'turn blanks into tabs anywhere, not only at the start of a line' },
    { long: 'first-only', help: 'only the blanks at the start of a line (overrides -a)' },
    { short: 't', long: 'tabs', arg: 'required', argName: 'N', help: 'put tab stops every N columns rather than 8 (implies -a)' },
    { long: 'tabs', key: 'tabs', arg: 'required', argName: 'LIST', help: 'put tab stops at the columns LIST gives (commas or\nblanks between); a last "/N" repeats every N columns after the\nlast stop, a last "+N" every N columns from the last stop' },
  ],
};

export default function unexpand(sys: Sys): Promise<number> {
  const old = obsoleteTabs(sys.argv);
  return runTool(withArgv(sys, old.argv), meta, async (tool) => {
    // A checked fwrite dies with the errno words; close_stdout then finds the stream failed too.
    tool.wordWriteError({ midRun: (err) => `unexpand: write error: ${err}\nunexpand: write error\n` });
    const stops = await tabStopsOf(tool);
    if (!stops) return 1;
    // -t implies -a; the old -N form does not. (An option's word is argv[end], argv[0] aside.)
    const explicitTabs = tool.args.options.some((o) => o.key === 'tabs' && !old.rewritten.has(o.end));
    const entire = (tool.args.has('all') || explicitTabs) && !tool.args.has('first-only');
    const text = await readInputs(tool.sys, tool, tool.args.operands);
    let out = '';
    let i = 0;
    // One line at a time, as unexpand's loop runs: state starts afresh after each newline.
    while (i < text.length) {
      let convert = true;
      let column = 0;
      let nextTab = 0;
      const at = { index: 0 };
      let oneBlankBeforeStop = false;
      let prevBlank = true;
      let pending: string[] = [];
      let c = '';
      do {
        c = i < text.length ? text[i++]! : '';
        if (convert) {
          const blank = c === ' ' || c === '\t';
          if (blank) {
            const next = stops.next(column, at);
            if (next === null) convert = false;
            else nextTab = next;
            if (convert) {
              if (c === '\t') {
                column = nextTab;
                if (pending.length) pending[0] = '\t';
              } else {
                column++;
                if (!(prevBlank && column === nextTab)) {
                  // Not yet known whether these blanks will become a tab.
                  if (column === nextTab) oneBlankBeforeStop = true;
                  pending.push(c);
                  prevBlank = true;
                  continue;
                }
                c = '\t';
                pending[0] = '\t';
              }
              // Drop the pending blanks, unless one blank came just before the last stop.
              pending = oneBlankBeforeStop ? pending.slice(0, 1) : [];
            }
          } else if (c === '\b') {
            if (column) column--;
            nextTab = column;
            if (at.index) at.index--;
          } else column++;
          if (pending.length) {
            if (pending.length > 1 && oneBlankBeforeStop) pending[0] = '\t';
            out += pending.join('');
            pending = [];
            oneBlankBeforeStop = false;
          }
          prevBlank = blank;
          convert &&= entire || blank;
        }
        out += c;
      } while (c !== '\n' && c !== '');
      if (out.length >= 65536) {
        await tool.out.write(latin1ToBytes(out));
        out = '';
      }
    }
    await tool.out.write(latin1ToBytes(out));
  });
}

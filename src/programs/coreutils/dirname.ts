// dirname (GNU coreutils): each name without its last component ("." when nothing is left, "/"
// for names in the root), NUL-ended with -z.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'dirname', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION] NAME...'],
  summary: 'Print each NAME without its last component; "." if NAME has no slash.',
  options: [{ short: 'z', long: 'zero', help: 'end each output line with NUL, not newline' }],
};

/** gnulib's dir_len: the last component and the slashes before it stripped, the root kept. */
function dirName(name: string): string {
  let base = 0;
  while (name[base] === '/') base++;
  let lastWasSlash = false;
  for (let p = base; p < name.length; p++) {
    if (name[p] === '/') lastWasSlash = true;
    else if (lastWasSlash) {
      base = p;
      lastWasSlash = false;
    }
  }
  const prefix = name.startsWith('/') ? 1 : 0;
  let length = base;
  while (prefix < length && name[length - 1] === '/') length--;
  return length === 0 ? '.' : name.slice(0, length);
}

export default function dirname(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const ops = tool.args.operands;
    if (ops.length === 0) return tool.usage('dirname: missing operand');
    const end = tool.args.has('zero') ? '\0' : '\n';
    for (const name of ops) await tool.out.write(dirName(name) + end);
  });
}

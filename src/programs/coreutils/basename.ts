// basename (GNU coreutils): the last component of a name, without trailing slashes and, if
// given, without SUFFIX; several names with -a (or -s SUFFIX), NUL-ended with -z.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'basename', package: 'GNU coreutils', version: '9.1',
  usage: ['NAME [SUFFIX]', 'OPTION... NAME...'],
  summary: 'Print NAME without its leading directories, and without SUFFIX if it ends with one.',
  options: [
    { short: 'a', long: 'multiple', help: 'take every operand as a NAME' },
    { short: 's', long: 'suffix', arg: 'required', argName: 'SUFFIX', help: 'remove SUFFIX from each NAME; implies -a' },
    { short: 'z', long: 'zero', help: 'end each output line with NUL, not newline' },
  ],
};

/** gnulib's last_component: after the last run of slashes that is followed by something. */
export function lastComponent(name: string): number {
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
  return base;
}

function baseName(name: string, suffix: string | undefined): string {
  const at = lastComponent(name);
  let base = name.slice(at);
  if (base === '') return name === '' ? '' : '/';
  base = base.replace(/\/+$/, '');
  if (suffix && base.length > suffix.length && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  return base;
}

export default function basename(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const ops = a.operands;
    if (ops.length === 0) return tool.usage('basename: missing operand');
    let suffix = a.value('suffix');
    const multiple = a.has('multiple') || suffix !== undefined;
    if (!multiple) {
      if (ops.length > 2) return tool.usage(`basename: extra operand ${quote(ops[2]!)}`);
      suffix = ops[1];
    }
    const end = a.has('zero') ? '\0' : '\n';
    for (const name of multiple ? ops : [ops[0]!]) await tool.out.write(baseName(name, suffix) + end);
  });
}

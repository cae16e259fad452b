// printenv (GNU coreutils): the whole environment, one NAME=VALUE a line, or the values of the
// named variables; exit status 1 if any of them is not set. -0 ends lines with NUL.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'printenv', package: 'GNU coreutils', version: '9.1',
  exitFailure: 2,
  usage: ['[OPTION]... [VARIABLE]...'],
  summary: 'Print the values of the environment VARIABLEs, or the whole environment.',
  usageStatus: 2,
  options: [{ short: '0', long: 'null', help: 'end each output line with NUL, not newline' }],
};

export default function printenv(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const end = tool.args.has('null') ? '\0' : '\n';
    const names = tool.args.operands;
    if (names.length === 0) {
      for (const e of sys.envp) await tool.out.write(e + end);
      return 0;
    }
    let missing = 0;
    for (const name of names) {
      const found = name.includes('=') ? undefined : sys.envp.find((e) => e.startsWith(`${name}=`));
      if (found === undefined) missing++;
      else await tool.out.write(found.slice(name.length + 1) + end);
    }
    return missing ? 1 : 0;
  });
}

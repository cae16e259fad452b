// env (GNU coreutils): with no command, print the environment one variable a line; otherwise
// run the command with NAME=VALUE words added (-i: starting from nothing, -u NAME: without NAME,
// -C DIR: in DIR, -0: NUL-terminated listing).
// A command that cannot run gives 127 (not found) or 126, with GNU's message.

import { strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';
import { execPath } from '../lib/exec-path.ts';

export const meta: ProgramMeta = {
  name: 'env', package: 'GNU coreutils', version: '9.1',
  exitFailure: 125,
  usage: ['[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]'],
  summary: 'Run COMMAND with the environment changed by NAME=VALUE words; with no COMMAND, print the environment.',
  options: [
    { short: 'i', long: 'ignore-environment', help: 'start from an empty environment' },
    { short: '0', long: 'null', help: 'end each printed variable with NUL, not newline' },
    { short: 'u', long: 'unset', arg: 'required', argName: 'NAME', help: 'remove NAME from the environment' },
    { short: 'C', long: 'chdir', arg: 'required', argName: 'DIR', help: 'change the working directory to DIR first' },
  ],
  usageStatus: 125,
  stopAtOperand: true,
};

export default function env(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    let vars = a.has('ignore-environment') ? [] : [...sys.envp];
    for (const name of a.values('unset')) vars = vars.filter((v) => !v.startsWith(`${name}=`));
    const args = [...a.operands];
    if (args[0] === '-') {
      args.shift();
      vars = [];
    }
    while (args.length && /^[^=]+=/.test(args[0]!)) {
      const word = args.shift()!;
      const name = word.slice(0, word.indexOf('='));
      vars = [...vars.filter((v) => !v.startsWith(`${name}=`)), word];
    }
    if (args.length === 0) {
      if (a.has('chdir')) return tool.usage(`env: must specify command with --chdir (-C)`);
      await tool.out.write(vars.map((v) => `${v}${a.has('null') ? '\0' : '\n'}`).join(''));
      return 0;
    }
    const dir = a.value('chdir');
    if (dir !== undefined) {
      try {
        await sys.chdir(dir);
      } catch (e) {
        await tool.sysError(e, `cannot change directory to ${quote(dir)}`, 125);
        return 125;
      }
    }
    const command = args[0]!;
    // The PATH searched is the new environment's, as execvp reads it after env has set it.
    const failure = await execPath(sys, args, { path: vars.find((v) => v.startsWith('PATH='))?.slice(5) ?? '/usr/bin:/bin', envp: vars });
    await tool.error(tool.busybox ? `can't execute '${command}': ${strerror(failure)}` : `${quote(command)}: ${strerror(failure)}`);
    return failure === 'ENOENT' ? 127 : 126;
  });
}

// mkfifo (GNU coreutils): make named pipes. Without -m they get a=rw minus the umask; -m MODE
// (as chmod reads it, permission bits only) is set exactly, whatever the umask.

import { isSysError, strerror } from '../../abi/errno.ts';
import { S_IFIFO } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { report } from '../lib/report.ts';
import { setExactMode, specialFileMode } from '../lib/special-file.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'mkfifo', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... NAME...'],
  summary: 'Make a named pipe (FIFO) with each NAME.',
  options: [
    { short: 'm', long: 'mode', arg: 'required', argName: 'MODE', help: 'give the pipes permission bits MODE (as chmod reads it)\ninstead of a=rw minus the umask' },
  ],
};

export default function mkfifo(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    if (a.operands.length === 0) return tool.usage('mkfifo: missing operand');
    const spec = a.value('mode');
    const mode = await specialFileMode(tool, spec);
    if (mode === null) return 1;
    let status = 0;
    for (const name of a.operands) {
      try {
        await sys.mknod(name, S_IFIFO | mode, 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await report(tool, `cannot create fifo ${quote(name)}: ${strerror(e.code)}`);
        status = 1;
        continue;
      }
      if (spec !== undefined && !(await setExactMode(tool, name, mode))) status = 1;
    }
    return status;
  });
}

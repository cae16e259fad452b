// pwd (GNU coreutils): the current directory. -P (the default) resolves it from the kernel
// (getcwd); -L prints $PWD instead when it is an absolute name without "." or ".." components
// that leads to the same directory.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'pwd', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]...'],
  summary: 'Print the full name of the current working directory.',
  options: [
    { short: 'L', long: 'logical', help: 'print $PWD if it names the current directory, even through symlinks' },
    { short: 'P', long: 'physical', help: 'print the name with every symlink resolved (the default)' },
  ],
};

async function logicalPwd(sys: Sys): Promise<string | null> {
  const pwd = sys.getenv('PWD');
  if (!pwd || !pwd.startsWith('/') || /(^|\/)\.\.?(\/|$)/.test(pwd)) return null;
  try {
    const [a, b] = await Promise.all([sys.stat(pwd), sys.stat('.')]);
    return a.dev === b.dev && a.ino === b.ino ? pwd : null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
}

export default function pwd(sys: Sys): Promise<number> {
  // Run as /bin/pwd (the shell has its own pwd), it names itself as GNU does: by argv[0].
  return runTool(sys, { ...meta, name: sys.argv[0] || meta.name }, async (tool) => {
    const a = tool.args;
    if (a.operands.length) await tool.error('ignoring non-option arguments', 0);
    if (a.last('logical', 'physical') === 'logical') {
      const l = await logicalPwd(sys);
      if (l !== null) {
        await tool.out.write(`${l}\n`);
        return 0;
      }
    }
    try {
      await tool.out.write(`${await sys.getcwd()}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await tool.error(`couldn't find directory entry in '..' with matching i-node: ${strerror(e.code)}`);
      return 1;
    }
  });
}

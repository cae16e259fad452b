// whoami (GNU coreutils): the user name of the effective user id, from /etc/passwd.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { userById } from '../lib/passwd.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'whoami', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]...'],
  summary: 'Print the name of the effective user (the same as id -un).',
  options: [],
};

export default function whoami(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    if (tool.args.operands.length) return tool.usage(`whoami: extra operand ${quote(tool.args.operands[0]!)}`);
    const uid = await sys.geteuid();
    const user = await userById(sys, uid);
    if (!user) {
      await tool.error(`cannot find name for user ID ${uid}`);
      return 1;
    }
    await tool.out.write(`${user.name}\n`);
  });
}

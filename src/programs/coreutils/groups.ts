// groups (GNU coreutils): the names of the groups of this process, or "USER : groups..." for
// each USER named (their primary group and every /etc/group entry that lists them).

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';
import { Accounts, selfIdentity } from '../lib/identity.ts';

export const meta: ProgramMeta = {
  name: 'groups', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [USERNAME]...'],
  summary: 'Print the groups of each USERNAME, or of the current process.',
  options: [],
};

export default function groups(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const acc = new Accounts(sys);
    const names = async (gids: number[]): Promise<string> => {
      const out: string[] = [];
      for (const g of gids) {
        const e = await acc.group(g);
        if (!e) await tool.error(`cannot find name for group ID ${g}`);
        out.push(e ? e.name : String(g));
      }
      return out.join(' ');
    };
    if (tool.args.operands.length === 0) {
      const self = await selfIdentity(sys);
      await tool.out.write(`${await names(self.groups)}\n`);
      return;
    }
    for (const name of tool.args.operands) {
      const u = await acc.userNamed(name, false);
      if (!u) {
        await tool.error(`${quote(name)}: no such user`);
        continue;
      }
      await tool.out.write(`${name} : ${await names(await acc.groupsOf(u))}\n`);
    }
  });
}

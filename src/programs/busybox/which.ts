// busybox which: the first executable named COMMAND in $PATH (-a: every one); a name with a
// slash is checked as it is. Status 1 if any COMMAND was not found; nothing is printed for it.

import type { Sys } from '../../sys/sys.ts';
import { dialectOf } from '../lib/tool.ts';
import { whichPaths } from '../lib/which-search.ts';

export default async function which(sys: Sys): Promise<number> {
  let args = sys.argv.slice(1);
  let all = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const a = args.shift()!;
    if (a === '--') break;
    if (a !== '-a') {
      const msg = a.startsWith('--') ? `which: unrecognized option '${a}'` : `which: invalid option -- '${a.slice(1).replace(/a/g, '')[0]}'`;
      await sys.writeAll(2, `${msg}\n${dialectOf(sys)?.usage('which') ?? ''}`);
      return 1;
    }
    all = true;
  }
  if (args.length === 0) {
    await sys.writeAll(2, dialectOf(sys)?.usage('which') ?? '');
    return 1;
  }
  const env = sys.envp.find((v) => v.startsWith('PATH='));
  const path = env ? env.slice(5) : '/sbin:/usr/sbin:/bin:/usr/bin';
  const { out, status } = await whichPaths(sys, args, path.split(':'), all);
  await sys.writeAll(1, out);
  return status;
}

// pivot_root (util-linux 2.38): make NEW_ROOT the root of this mount namespace and move the old
// root to PUT_OLD below it, with pivot_root(2). Run in a new mount namespace (unshare -m), with
// NEW_ROOT a mount point, then unmount PUT_OLD: the container's root is all that is left.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool, tryHelp } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'pivot_root', package: 'util-linux', version: '2.38.1', style: 'util-linux',
  usage: ['[options] new_root put_old'],
  summary: 'Make new_root the root filesystem of this mount namespace; the old root moves to put_old.',
  // util-linux's short spellings of --help and --version (listed with them in --help).
  options: [{ short: 'h', key: '--help', help: '' }, { short: 'V', key: '--version', help: '' }],
};

export default function pivotRoot(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const ops = tool.args.operands;
    if (ops.length !== 2) {
      await sys.writeAll(2, `pivot_root: bad usage\n${tryHelp(meta)}`);
      return 1;
    }
    try {
      await sys.pivotRoot(ops[0]!, ops[1]!);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `pivot_root: failed to change root from \`${ops[0]}' to \`${ops[1]}': ${strerror(e.code)}\n`);
      return 1;
    }
    return 0;
  });
}

// The pids controller's files (kernel/cgroup/pids.c): pids.max, .current, .peak, .events and
// .events.local. None exists on the root. Counters are hierarchical; see pids-css.ts.

import { SysError } from '../../../abi/errno.ts';
import type { Cgroup } from '../cgroup.ts';
import type { CgroupTree } from '../cgroup-tree.ts';
import { kstrtoll, maxOr, strstrip } from '../parse.ts';
import type { PidsCss } from '../pids-css.ts';
import type { CgroupFileType } from './file-type.ts';

/** PID_MAX_LIMIT + 1 on 64-bit: pids.max must stay below it. */
const PIDS_MAX = 4 * 1024 * 1024 + 1;

const css = (cg: Cgroup): PidsCss => cg.css.pids!;

/** v1 and pids_localevents report refusals where the fork was tried, v2 where the limit was. */
function eventsLine(tree: CgroupTree, p: PidsCss, local: boolean): string {
  if (tree.flags.has('pids_localevents')) return `max ${p.forkFailLocal}\n`;
  return `max ${local ? p.eventsMaxLocal : p.eventsMax}\n`;
}

export const PIDS_FILES: readonly CgroupFileType[] = [
  {
    name: 'pids.max', controller: 'pids', where: 'not-root',
    show: (cg) => `${maxOr(css(cg).limit)}\n`,
    write: (cg, _tree, text) => {
      const buf = strstrip(text);
      if (buf === 'max') {
        css(cg).limit = Infinity;
        return;
      }
      const limit = kstrtoll(buf, 0);
      if (limit < 0n || limit >= BigInt(PIDS_MAX)) throw new SysError('EINVAL');
      // Lowering below pids.current is allowed: existing tasks stay, new forks fail.
      css(cg).limit = Number(limit);
    },
  },
  { name: 'pids.current', controller: 'pids', where: 'not-root', show: (cg) => `${css(cg).counter}\n` },
  { name: 'pids.peak', controller: 'pids', where: 'not-root', show: (cg) => `${css(cg).watermark}\n` },
  { name: 'pids.events', controller: 'pids', where: 'not-root', show: (cg, tree) => eventsLine(tree, css(cg), false) },
  { name: 'pids.events.local', controller: 'pids', where: 'not-root', show: (cg, tree) => eventsLine(tree, css(cg), true) },
];

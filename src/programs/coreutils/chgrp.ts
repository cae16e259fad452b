// chgrp (GNU coreutils): set the group of each FILE to GROUP (a name from /etc/group or a
// number) or to a reference file's. -R walks directories without following the symbolic links
// it meets (-H/-L change that); without -R a link's target is changed (-h: the link itself).
// `chgrp -R 0 /var/log/httpd` is how container images let group 0 share what the owner has.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { IdCache } from '../lib/idcache.ts';
import { chownFiles, ownerCommand, ownerOptions, referenceOwner, type ChownJob } from '../lib/owner.ts';
import { groupByName } from '../lib/passwd.ts';
import { localeQuote, report } from '../lib/report.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'chgrp', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... GROUP FILE...', '[OPTION]... --reference=RFILE FILE...'],
  summary: "Set the group of each FILE to GROUP; with --reference, to RFILE's group.",
  options: ownerOptions('take the group from RFILE'),
};

export default function chgrp(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const start = await ownerCommand(tool);
    if (typeof start === 'number') return start;
    const { operands, ref, common } = start;
    let gid = -1;
    let groupName: string | null = null;
    if (ref !== undefined) {
      const st = await referenceOwner(tool, ref);
      if (!st) return 1;
      gid = st.gid;
      groupName = (await new IdCache(sys).group(gid)) ?? String(gid);
    } else {
      const name = operands.shift()!;
      if (name !== '') {
        groupName = name;
        const gr = await groupByName(sys, name);
        if (gr) gid = gr.gid;
        else if (/^\d+$/.test(name) && Number(name) < 0xffffffff) gid = Number(name);
        else {
          await report(tool, tool.busybox ? `unknown group ${name}` : `invalid group: ${localeQuote(sys, name)}`);
          return 1;
        }
      }
    }
    const job: ChownJob = { ...common, uid: -1, gid, requiredUid: -1, requiredGid: -1, userName: null, groupName };
    return (await chownFiles(tool, job, operands)) ? 0 : 1;
  });
}

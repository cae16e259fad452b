// chown (GNU coreutils): set the owner (and group) of each FILE from OWNER[:[GROUP]], :GROUP,
// numeric ids or a reference file. Without -R a symbolic link's target is changed (-h: the
// link itself); -R walks directories, changing each after what is in it, without following
// the links it meets (-H follows command-line links, -L all). --from only touches files that
// have the given owner now; -v/-c report.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { IdCache } from '../lib/idcache.ts';
import { chownFiles, parseOwnerSpec, ownerCommand, ownerOptions, referenceOwner, type ChownJob } from '../lib/owner.ts';
import { localeQuote, report } from '../lib/report.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'chown', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [OWNER][:[GROUP]] FILE...', '[OPTION]... --reference=RFILE FILE...'],
  summary: "Set the owner and/or group of each FILE to OWNER and/or GROUP; with --reference,\nto RFILE's. 'OWNER:' means OWNER's login group; ':GROUP' changes the group only.",
  options: ownerOptions('take the owner and group from RFILE', [{ long: 'from', arg: 'required', argName: 'CURRENT_OWNER:CURRENT_GROUP', help: 'change only files whose owner and/or group are these now' }]),
};

export default function chown(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const start = await ownerCommand(tool);
    if (typeof start === 'number') return start;
    const { operands, ref, common } = start;
    let requiredUid = -1;
    let requiredGid = -1;
    const from = tool.args.value('from');
    if (from !== undefined) {
      const r = await parseOwnerSpec(sys, from);
      if ('error' in r) {
        await report(tool, `${r.error}: ${localeQuote(sys, from)}`);
        return 1;
      }
      requiredUid = r.spec.uid;
      requiredGid = r.spec.gid;
    }
    let job: ChownJob;
    if (ref !== undefined) {
      const st = await referenceOwner(tool, ref);
      if (!st) return 1;
      const names = new IdCache(sys);
      job = {
        ...common, uid: st.uid, gid: st.gid, requiredUid, requiredGid,
        userName: (await names.user(st.uid)) ?? String(st.uid), groupName: (await names.group(st.gid)) ?? String(st.gid),
      };
    } else {
      const spec = operands.shift()!;
      const r = await parseOwnerSpec(sys, spec);
      if ('error' in r) {
        if (tool.busybox) await report(tool, `unknown user${/[:.]/.test(spec) ? '/group' : ''} ${spec}`);
        else await report(tool, `${r.error}: ${localeQuote(sys, spec)}`);
        return 1;
      }
      if (r.warning) await report(tool, `${r.warning}: ${localeQuote(sys, spec)}`);
      const s = r.spec;
      // A group without a user reports as ":GROUP", not "group GROUP".
      job = { ...common, uid: s.uid, gid: s.gid, requiredUid, requiredGid, userName: s.userName ?? (s.groupName !== null ? '' : null), groupName: s.groupName };
    }
    return (await chownFiles(tool, job, operands)) ? 0 : 1;
  });
}

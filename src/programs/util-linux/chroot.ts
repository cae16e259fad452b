// chroot (GNU coreutils 9.1): run a command (default: "$SHELL -i", or /bin/sh -i) with its root
// directory set to NEWROOT, after chdir("/") unless --skip-chdir; --userspec and --groups set
// the user, group and supplementary groups first. A NEWROOT that is already "/" changes nothing.

import { type ErrnoName, isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { groupByName, groupEntries, userById, userByName } from '../lib/passwd.ts';
import { quote } from '../lib/quote.ts';
import { runTool, tryHelp } from '../lib/tool.ts';
import { execvp } from './exec.ts';

export const meta: ProgramMeta = {
  name: 'chroot', package: 'GNU coreutils', version: '9.1',
  exitFailure: 125,
  usage: ['[OPTION] NEWROOT [COMMAND [ARG]...]', 'OPTION'],
  summary: 'Run COMMAND with NEWROOT as its root directory.',
  epilog: 'With no COMMAND, run \'"$SHELL" -i\' (without SHELL: \'/bin/sh -i\').',
  usageStatus: 125,
  stopAtOperand: true,
  options: [
    { long: 'groups', arg: 'required', argName: 'G_LIST', help: 'the supplementary groups, as g1,g2,..,gN' },
    { long: 'userspec', arg: 'required', argName: 'USER:GROUP', help: 'the user and group (names or ids) to run as' },
    { long: 'skip-chdir', help: "stay in the working directory instead of '/'" },
  ],
};

const EXIT_CANCELED = 125;

class Exit extends Error {
  constructor(readonly status: number) {
    super('exit');
  }
}

async function die(sys: Sys, message: string, code?: ErrnoName): Promise<never> {
  await sys.writeAll(2, `chroot: ${message}${code ? `: ${strerror(code)}` : ''}\n`);
  throw new Exit(EXIT_CANCELED);
}

const num = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : null);

/** USER[:GROUP] as parse_user_spec reads it: names first, then numbers. */
async function userSpec(sys: Sys, spec: string): Promise<{ uid: number | null; gid: number | null; name: string | null }> {
  const colon = spec.search(/[:.]/);
  const user = colon < 0 ? spec : spec.slice(0, colon);
  const group = colon < 0 ? null : spec.slice(colon + 1);
  let uid: number | null = null;
  let gid: number | null = null;
  let name: string | null = null;
  if (user !== '') {
    const pw = await userByName(sys, user);
    if (pw) {
      uid = pw.uid;
      name = pw.name;
      if (group === '') gid = pw.gid;
    } else if ((uid = num(user)) === null) await die(sys, 'invalid user');
  }
  if (group) {
    const gr = await groupByName(sys, group);
    gid = gr ? gr.gid : num(group);
    if (gid === null) await die(sys, 'invalid group');
  }
  return { uid, gid, name };
}

async function groupList(sys: Sys, list: string): Promise<number[]> {
  const out: number[] = [];
  for (const g of list.split(',').filter((x) => x !== '')) {
    const gr = await groupByName(sys, g);
    const gid = gr ? gr.gid : num(g);
    if (gid === null) {
      await sys.writeAll(2, `chroot: invalid group ${quote(g)}\n`);
      throw new Exit(EXIT_CANCELED);
    }
    out.push(gid);
  }
  return out;
}

async function isRoot(sys: Sys, dir: string): Promise<boolean> {
  try {
    const [a, b] = [await sys.stat(dir), await sys.stat('/')];
    return a.dev === b.dev && a.ino === b.ino;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

async function run(sys: Sys, args: { operands: string[]; userspec?: string; groups?: string; skipChdir: boolean }): Promise<number> {
  const newroot = args.operands[0]!;
  const oldroot = await isRoot(sys, newroot);
  if (!oldroot && args.skipChdir) {
    await sys.writeAll(2, `chroot: option --skip-chdir only permitted if NEWROOT is old '/'\n${tryHelp(meta)}`);
    return EXIT_CANCELED;
  }
  if (!oldroot) {
    try {
      await sys.chroot(newroot);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await die(sys, `cannot change root directory to ${quote(newroot)}`, e.code);
    }
    if (!args.skipChdir) await sys.chdir('/').catch((e) => (isSysError(e) ? die(sys, 'cannot chdir to root directory', e.code) : Promise.reject(e)));
  }
  const argv = args.operands.length > 1 ? args.operands.slice(1) : [sys.getenv('SHELL') ?? '/bin/sh', '-i'];
  // Users and groups are looked up inside the new root, where the command will run.
  let uid: number | null = null;
  let gid: number | null = null;
  let name: string | null = null;
  if (args.userspec !== undefined) ({ uid, gid, name } = await userSpec(sys, args.userspec));
  if (uid !== null && (args.groups === undefined || gid === null)) {
    const pw = await userById(sys, uid);
    if (pw) {
      gid ??= pw.gid;
      name = pw.name;
    } else if (gid === null) await die(sys, `no group specified for unknown uid: ${uid}`);
  }
  let gids: number[] | null = null;
  if (args.groups) gids = await groupList(sys, args.groups);
  else if (args.groups === undefined && gid !== null && name !== null) {
    const entries = await groupEntries(sys);
    gids = [gid, ...entries.filter((g) => g.members.includes(name!) && g.gid !== gid).map((g) => g.gid)];
  }
  if ((uid !== null || args.groups !== undefined) && gids !== null) {
    await sys.setgroups(gids).catch((e) => (isSysError(e) ? die(sys, 'failed to set supplemental groups', e.code) : Promise.reject(e)));
  }
  if (gid !== null) await sys.setresgid(gid, gid, gid).catch((e) => (isSysError(e) ? die(sys, 'failed to set group-ID', e.code) : Promise.reject(e)));
  if (uid !== null) await sys.setresuid(uid, uid, uid).catch((e) => (isSysError(e) ? die(sys, 'failed to set user-ID', e.code) : Promise.reject(e)));
  const code = await execvp(sys, argv[0]!, argv);
  await sys.writeAll(2, `chroot: failed to run command ${quote(argv[0]!)}: ${strerror(code)}\n`);
  return code === 'ENOENT' ? 127 : 126;
}

export default function chroot(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    if (a.operands.length === 0) return tool.usage('chroot: missing operand');
    try {
      return await run(sys, { operands: a.operands, userspec: a.value('userspec'), groups: a.value('groups'), skipChdir: a.has('skip-chdir') });
    } catch (e) {
      if (e instanceof Exit) return e.status;
      throw e;
    }
  });
}

// id (GNU coreutils): user and group identity, of this process or of USER operands. The default
// line is "uid=0(root) gid=0(root) groups=0(root)" (euid= and egid= too when they differ);
// -u, -g, -G print one of them as numbers or, with -n, names; -r uses the real ids; -z ends
// with NUL. Names come from /etc/passwd and /etc/group; supplementary groups from getgroups(2).

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { Accounts, groupList, selfIdentity, type Identity } from '../lib/identity.ts';
import { quote } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'id', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [USER]...'],
  summary: 'Print the user and group ids and names of each USER, or of the current process.',
  options: [
    { short: 'a', help: '(accepted and ignored)' },
    { short: 'Z', long: 'context', help: 'print the security context (none here: an error)' },
    { short: 'g', long: 'group', help: 'print only the effective group id' },
    { short: 'G', long: 'groups', help: 'print all group ids' },
    { short: 'n', long: 'name', help: 'print names instead of numbers, with -u, -g or -G' },
    { short: 'r', long: 'real', help: 'print real ids instead of effective ones, with -u, -g or -G' },
    { short: 'u', long: 'user', help: 'print only the effective user id' },
    { short: 'z', long: 'zero', help: 'separate items with NUL, not spaces; not in the default format' },
  ],
};

export default function id(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const only = ['user', 'group', 'groups'].filter((k) => a.has(k));
    if (a.has('context')) {
      await tool.error('--context (-Z) works only on an SELinux-enabled kernel');
      return 1;
    }
    const misuse = only.length > 1 ? 'cannot print "only" of more than one choice'
      : only.length === 0 && (a.has('name') || a.has('real')) ? 'cannot print only names or real IDs in default format'
        : only.length === 0 && a.has('zero') ? 'option --zero not permitted in default format' : null;
    if (misuse) {
      await tool.error(misuse);
      return 1;
    }
    const acc = new Accounts(sys);
    const ids: Identity[] = [];
    if (a.operands.length === 0) ids.push(await selfIdentity(sys));
    for (const name of a.operands) {
      const u = await acc.userNamed(name);
      if (!u) {
        if (tool.busybox) return tool.error(`unknown user ${name}`);
        await tool.error(`${quote(name)}: no such user`);
        continue;
      }
      ids.push({ ruid: u.uid, euid: u.uid, rgid: u.gid, egid: u.gid, groups: await acc.groupsOf(u), named: true });
    }
    for (const who of ids) {
      // busybox lists getgroups(2) as it is, and no groups= when it is empty.
      if (tool.busybox && !who.named) who.groups = await sys.getgroups();
      if (only.length) await printOnly(tool, acc, who, only[0]!, a.has('name'), a.has('real'), a.has('zero'));
      else await tool.out.write(`${await fullLine(acc, who)}\n`);
    }
  });
}

async function printOnly(tool: Tool, acc: Accounts, who: Identity, what: string, names: boolean, real: boolean, zero: boolean): Promise<void> {
  const end = zero ? '\0' : '\n';
  if (what === 'user') {
    const uid = real ? who.ruid : who.euid;
    await tool.out.write(`${names ? await userName(tool, acc, uid) : uid}${end}`);
    return;
  }
  if (what === 'group') {
    const gid = real ? who.rgid : who.egid;
    await tool.out.write(`${names ? await groupName(tool, acc, gid) : gid}${end}`);
    return;
  }
  const list = who.named ? who.groups : groupList(real ? who.rgid : who.egid, who.groups);
  const items: string[] = [];
  for (const g of list) items.push(names ? await groupName(tool, acc, g) : String(g));
  await tool.out.write(items.join(zero ? '\0' : ' ') + end);
}

async function userName(tool: Tool, acc: Accounts, uid: number): Promise<string> {
  const u = await acc.user(uid);
  if (u) return u.name;
  await tool.error(`cannot find name for user ID ${uid}`);
  return String(uid);
}

async function groupName(tool: Tool, acc: Accounts, gid: number): Promise<string> {
  const g = await acc.group(gid);
  if (g) return g.name;
  await tool.error(`cannot find name for group ID ${gid}`);
  return String(gid);
}

async function fullLine(acc: Accounts, who: Identity): Promise<string> {
  const u = async (n: number): Promise<string> => {
    const e = await acc.user(n);
    return e ? `${n}(${e.name})` : String(n);
  };
  const g = async (n: number): Promise<string> => {
    const e = await acc.group(n);
    return e ? `${n}(${e.name})` : String(n);
  };
  let line = `uid=${await u(who.ruid)} gid=${await g(who.rgid)}`;
  if (!who.named && who.euid !== who.ruid) line += ` euid=${await u(who.euid)}`;
  if (!who.named && who.egid !== who.rgid) line += ` egid=${await g(who.egid)}`;
  if (who.groups.length) {
    const parts: string[] = [];
    for (const x of who.groups) parts.push(await g(x));
    line += ` groups=${parts.join(',')}`;
  }
  return line;
}

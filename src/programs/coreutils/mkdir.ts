// mkdir (GNU coreutils): make directories. -p makes missing parents (which get u+wx whatever
// the umask says, as GNU gives them) and is quiet about directories that exist; -m sets the
// new directory's mode as chmod would, the umask not applying to it; -v says what it made.

import { isSysError, strerror } from '../../abi/errno.ts';
import { S_IFDIR, S_IFMT } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { adjustMode, compileMode } from '../lib/mode.ts';
import { quote } from '../lib/quote.ts';
import { localeQuote, report } from '../lib/report.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'mkdir', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... DIRECTORY...'],
  summary: 'Make each DIRECTORY that does not exist yet.',
  options: [
    { short: 'm', long: 'mode', arg: 'required', argName: 'MODE', help: 'give new directories MODE (as chmod reads it) instead of a=rwx minus the umask' },
    { short: 'p', long: 'parents', help: 'make missing parent directories too, and do not fail\nwhen a directory exists already' },
    { short: 'v', long: 'verbose', help: 'say which directories were made' },
  ],
};

interface Plan {
  mode: number;
  bits: number;
  umaskSelf: number;
  umaskAncestor: number;
  parents: boolean;
  verbose: boolean;
}

async function isDirectory(sys: Sys, path: string): Promise<boolean> {
  try {
    return ((await sys.stat(path)).mode & S_IFMT) === S_IFDIR;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

async function announce(tool: Tool, plan: Plan, path: string): Promise<void> {
  if (plan.verbose) await tool.out.write(`mkdir: created directory ${quote(path)}\n`);
}

/** The missing ancestors of `path`, each named by the prefix of `path` that reaches it. */
async function makeAncestors(tool: Tool, plan: Plan, path: string): Promise<boolean> {
  const { sys } = tool;
  const re = /[^/]+/g;
  const parts: number[] = [];
  for (let m = re.exec(path); m; m = re.exec(path)) parts.push(m.index + m[0].length);
  parts.pop();
  await sys.umask(plan.umaskAncestor);
  try {
    for (const end of parts) {
      const prefix = path.slice(0, end);
      const last = prefix.slice(prefix.lastIndexOf('/') + 1);
      if (last === '.' || last === '..') continue;
      try {
        await sys.mkdir(prefix, 0o777);
        await announce(tool, plan, prefix);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code === 'EEXIST' && (await isDirectory(sys, prefix))) continue;
        const code = e.code === 'EEXIST' ? 'ENOTDIR' : e.code;
        await report(tool, `${tool.busybox ? `can't create directory '${prefix}'` : `cannot create directory ${localeQuote(sys, prefix)}`}: ${strerror(code)}`);
        return false;
      }
    }
  } finally {
    await sys.umask(plan.umaskSelf);
  }
  return true;
}

async function makeDir(tool: Tool, plan: Plan, path: string): Promise<void> {
  const { sys } = tool;
  if (plan.parents && !(await makeAncestors(tool, plan, path))) return;
  try {
    await sys.mkdir(path, plan.mode);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (plan.parents && e.code === 'EEXIST' && (await isDirectory(sys, path))) return;
    await report(tool, `${tool.busybox ? `can't create directory '${path}'` : `cannot create directory ${localeQuote(sys, path)}`}: ${strerror(e.code)}`);
    return;
  }
  await announce(tool, plan, path);
  // mkdir(2) leaves out set-ID bits (and the group may bring set-group-ID); set what -m named.
  if (plan.bits) {
    try {
      const st = await sys.stat(path);
      if ((st.mode ^ plan.mode) & plan.bits) await sys.chmod(path, plan.mode | (st.mode & 0o7777 & ~plan.bits));
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `cannot change permissions of ${quote(path)}: ${strerror(e.code)}`);
    }
  }
}

export default function mkdir(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    if (a.operands.length === 0) return tool.usage('mkdir: missing operand');
    const umask = await sys.umask(0);
    await sys.umask(umask);
    const plan: Plan = {
      mode: 0o777, bits: 0, umaskSelf: umask, umaskAncestor: umask & ~0o300,
      parents: a.has('parents'), verbose: a.has('verbose'),
    };
    const modeText = a.value('mode');
    if (modeText !== undefined) {
      const changes = compileMode(modeText);
      if (!changes) {
        await report(tool, `invalid mode ${localeQuote(sys, modeText)}`);
        return 1;
      }
      const adjusted = adjustMode(0o777, true, umask, changes);
      plan.mode = adjusted.mode;
      plan.bits = adjusted.bits;
      plan.umaskSelf = umask & ~plan.mode;
    }
    await sys.umask(plan.umaskSelf);
    for (const path of a.operands) await makeDir(tool, plan, path);
  });
}

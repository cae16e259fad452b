// rmdir (GNU coreutils): remove empty directories. -p then removes each parent named in the
// operand (a/b/c, a/b, a) until one fails; --ignore-fail-on-non-empty keeps quiet about
// directories that still hold something; -v says what it is removing.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { report } from '../lib/report.ts';
import { runTool, type Tool } from '../lib/tool.ts';
import { listDir } from '../lib/walk.ts';

export const meta: ProgramMeta = {
  name: 'rmdir', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... DIRECTORY...'],
  summary: 'Remove each DIRECTORY, which must be empty.',
  options: [
    { long: 'ignore-fail-on-non-empty', help: 'say nothing about a directory that could not be\nremoved only because it is not empty' },
    { short: 'p', long: 'parents', help: "remove DIRECTORY and then each parent its name has;\n'rmdir -p a/b/c' is 'rmdir a/b/c a/b a'" },
    { short: 'v', long: 'verbose', help: 'say which directory is being removed' },
  ],
};

interface Opts {
  ignoreNonEmpty: boolean;
  verbose: boolean;
}

async function tryRmdir(sys: Sys, dir: string): Promise<ErrnoName | null> {
  try {
    await sys.rmdir(dir);
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.code;
  }
}

/** GNU's ignorable_failure: "not empty", or a refusal on a directory that is indeed not empty. */
async function ignorable(sys: Sys, opts: Opts, code: ErrnoName, dir: string): Promise<boolean> {
  if (!opts.ignoreNonEmpty) return false;
  if (code === 'ENOTEMPTY' || code === 'EEXIST') return true;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EBUSY') {
    try {
      return (await listDir(sys, dir)).length > 0;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  return false;
}

function stripTrailingSlashes(s: string): string {
  const t = s.replace(/\/+$/, '');
  return t === '' && s !== '' ? '/' : t;
}

async function say(tool: Tool, opts: Opts, dir: string): Promise<void> {
  if (opts.verbose) await tool.out.write(`rmdir: removing directory, ${quote(dir)}\n`);
}

async function removeParents(tool: Tool, opts: Opts, operand: string): Promise<boolean> {
  let dir = stripTrailingSlashes(operand);
  for (;;) {
    const slash = dir.lastIndexOf('/');
    if (slash < 0) return true;
    let end = slash;
    while (end > 0 && dir[end] === '/') end--;
    dir = dir.slice(0, end + 1);
    await say(tool, opts, dir);
    const code = await tryRmdir(tool.sys, dir);
    if (code === null) continue;
    if (await ignorable(tool.sys, opts, code, dir)) return true;
    const what = code !== 'ENOTDIR' ? 'failed to remove directory' : 'failed to remove';
    await report(tool, `${tool.busybox ? `'${dir}'` : `${what} ${quote(dir)}`}: ${strerror(code)}`);
    return false;
  }
}

/** On Linux rmdir("link/") says ENOTDIR without following; GNU explains that case. */
async function symlinkWithSlash(sys: Sys, dir: string): Promise<boolean> {
  if (!dir.endsWith('/')) return false;
  try {
    if (((await sys.stat(dir)).mode & S_IFMT) !== S_IFDIR) return false;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'ENOTDIR') return false;
  }
  try {
    return ((await sys.lstat(stripTrailingSlashes(dir))).mode & S_IFMT) === S_IFLNK;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

export default function rmdir(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    if (a.operands.length === 0) return tool.usage('rmdir: missing operand');
    const opts: Opts = { ignoreNonEmpty: a.has('ignore-fail-on-non-empty'), verbose: a.has('verbose') };
    let ok = true;
    for (const dir of a.operands) {
      await say(tool, opts, dir);
      const code = await tryRmdir(sys, dir);
      if (code === null) {
        if (a.has('parents')) ok = (await removeParents(tool, opts, dir)) && ok;
        continue;
      }
      if (await ignorable(sys, opts, code, dir)) continue;
      if (code === 'ENOTDIR' && (await symlinkWithSlash(sys, dir))) await report(tool, `failed to remove ${quote(dir)}: Symbolic link not followed`);
      else await report(tool, `${tool.busybox ? `'${dir}'` : `failed to remove ${quote(dir)}`}: ${strerror(code)}`);
      ok = false;
    }
    return ok ? 0 : 1;
  });
}

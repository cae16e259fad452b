// install (GNU coreutils): copy files and set their mode (default rwxr-xr-x, -m MODE), owner
// (-o) and group (-g); with -d make directories (and their parents) instead; -D makes the
// leading directories of DEST first; -C leaves a destination alone when it is the same already;
// -s runs strip (or --strip-program) on each copy. The umask plays no part, as in GNU install.

import { isSysError, strerror } from '../../abi/errno.ts';
import { S_IFDIR, S_IFMT, S_IFREG, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { WEXITSTATUS, WIFEXITED } from '../../abi/signals.ts';
import { backupSettings } from '../lib/backup.ts';
import { dirName } from '../lib/canonicalize.ts';
import { Copier, joinName, type CopyOptions } from '../lib/copy.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { adjustMode, compileMode } from '../lib/mode.ts';
import { groupByName, userByName } from '../lib/passwd.ts';
import { quote } from '../lib/quote.ts';
import { localeQuote, report } from '../lib/report.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';
import { YesNo } from '../lib/yesno.ts';

export const meta: ProgramMeta = {
  name: 'install', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [-T] SOURCE DEST', '[OPTION]... SOURCE... DIRECTORY', '[OPTION]... -t DIRECTORY SOURCE...', '[OPTION]... -d DIRECTORY...'],
  summary: 'Copy SOURCE to DEST or SOURCEs into DIRECTORY, setting mode and owner as it goes;\nwith -d, make each DIRECTORY and its missing parents.',
  options: [
    { long: 'backup', arg: 'optional', argName: 'CONTROL', help: 'back up each destination that exists' },
    { short: 'b', help: 'like --backup, without an argument' },
    { short: 'c', help: '(accepted and ignored)' },
    { short: 'C', long: 'compare', help: 'leave a destination alone when its content, owner, group\nand mode are what they would become' },
    { short: 'd', long: 'directory', help: 'take every argument as a directory to make, with its parents' },
    { short: 'D', help: 'make the missing leading directories of DEST, then copy' },
    { short: 'g', long: 'group', arg: 'required', argName: 'GROUP', help: "give the copies group GROUP instead of the process's" },
    { short: 'm', long: 'mode', arg: 'required', argName: 'MODE', help: 'give the copies MODE (as chmod reads it) instead of rwxr-xr-x' },
    { short: 'o', long: 'owner', arg: 'required', argName: 'OWNER', help: 'give the copies owner OWNER (root only)' },
    { short: 'p', long: 'preserve-timestamps', help: "give the copies their sources' access and modification times" },
    { short: 's', long: 'strip', help: 'strip symbol tables from the copies' },
    { long: 'strip-program', arg: 'required', argName: 'PROGRAM', help: 'the program -s runs to strip' },
    { short: 'S', long: 'suffix', arg: 'required', argName: 'SUFFIX', help: "end backup names with SUFFIX instead of '~'" },
    { short: 't', long: 'target-directory', arg: 'required', argName: 'DIRECTORY', help: 'copy every SOURCE into DIRECTORY' },
    { short: 'T', long: 'no-target-directory', help: 'take DEST as a plain name, never a directory' },
    { short: 'v', long: 'verbose', help: 'say what is made and copied' },
  ],
};

const DEFAULT_MODE = 0o755;

interface Plan {
  mode: number;
  dirMode: number;
  dirModeBits: number;
  owner: number;
  group: number;
  verbose: boolean;
  compare: boolean;
  strip: string | null;
  preserveTimes: boolean;
}

/** A user or group by name, else a number (decimal, 0octal, 0xhex); null when neither. */
function numericId(s: string): number | null {
  const m = /^(?:0[xX]([0-9a-fA-F]+)|0([0-7]*)|([1-9][0-9]*))$/.exec(s);
  if (!m) return null;
  const v = m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2] || '0', 8) : Number(m[3]);
  return v > 0xfffffffe ? null : v;
}

async function isDirectory(sys: Sys, path: string): Promise<boolean> {
  try {
    return ((await sys.stat(path)).mode & S_IFMT) === S_IFDIR;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

/** make_dir_parents for -d and -D: missing ancestors get 0755, announced with -v. */
async function makeAncestors(tool: Tool, plan: Plan, path: string): Promise<boolean> {
  const { sys } = tool;
  const re = /[^/]+/g;
  const ends: number[] = [];
  for (let m = re.exec(path); m; m = re.exec(path)) ends.push(m.index + m[0].length);
  ends.pop();
  for (const end of ends) {
    const prefix = path.slice(0, end);
    const last = prefix.slice(prefix.lastIndexOf('/') + 1);
    if (last === '.' || last === '..') continue;
    try {
      await sys.mkdir(prefix, DEFAULT_MODE);
      if (plan.verbose) await tool.out.write(`install: creating directory ${quote(prefix)}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'EEXIST' && (await isDirectory(sys, prefix))) continue;
      await report(tool, `cannot create directory ${quote(prefix)}: ${strerror(e.code === 'EEXIST' ? 'ENOTDIR' : e.code)}`);
      return false;
    }
  }
  return true;
}

/** install -d DIR: make it (and its parents), then give it the owner and mode asked for. */
async function makeDirectory(tool: Tool, plan: Plan, dir: string): Promise<boolean> {
  const { sys } = tool;
  if (!(await makeAncestors(tool, plan, dir))) return false;
  try {
    await sys.mkdir(dir, plan.dirMode & 0o777);
    if (plan.verbose) await tool.out.write(`install: creating directory ${quote(dir)}\n`);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (!(e.code === 'EEXIST' && (await isDirectory(sys, dir)))) {
      await report(tool, `cannot create directory ${quote(dir)}: ${strerror(e.code)}`);
      return false;
    }
  }
  try {
    if (plan.owner !== -1 || plan.group !== -1) await sys.chown(dir, plan.owner, plan.group);
    const st = await sys.stat(dir);
    const mode = plan.dirMode | (st.mode & 0o7777 & ~plan.dirModeBits);
    if ((st.mode & 0o7777) !== mode) await sys.chmod(dir, mode);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await report(tool, `cannot change permissions of ${quote(dir)}: ${strerror(e.code)}`);
    return false;
  }
  return true;
}

async function sameContent(sys: Sys, a: string, b: string): Promise<boolean> {
  const read = async (p: string): Promise<Uint8Array> => {
    const fd = await sys.open(p, 0);
    try {
      return await sys.readAll(fd);
    } finally {
      await sys.close(fd);
    }
  };
  const [x, y] = [await read(a), await read(b)];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** install -C: whether DEST differs from what installing SOURCE would make it. */
async function needCopy(sys: Sys, plan: Plan, src: string, dst: string): Promise<boolean> {
  const extra = (m: number): boolean => (m & 0o7000) !== 0;
  if (extra(plan.mode)) return true;
  let s: Stat;
  let d: Stat;
  try {
    s = await sys.lstat(src);
    d = await sys.lstat(dst);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return true;
  }
  if ((s.mode & S_IFMT) !== S_IFREG || (d.mode & S_IFMT) !== S_IFREG || extra(s.mode) || extra(d.mode)) return true;
  if (s.size !== d.size || (d.mode & 0o7777) !== plan.mode) return true;
  if (d.uid !== (plan.owner === -1 ? await sys.getuid() : plan.owner)) return true;
  if (d.gid !== (plan.group === -1 ? await sys.getgid() : plan.group)) return true;
  try {
    return !(await sameContent(sys, src, dst));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return true;
  }
}

/** Run the strip program on a copy, as GNU install forks and execs it. */
async function strip(tool: Tool, program: string, path: string): Promise<boolean> {
  const { sys } = tool;
  await tool.out.flush();
  const pid = await sys.fork(async (child) => {
    const dirs = program.includes('/') ? [''] : (child.getenv('PATH') ?? '/usr/bin:/bin').split(':');
    let failure: string = 'ENOENT';
    for (const dir of dirs) {
      try {
        await child.execve(dir === '' ? program : `${dir || '.'}/${program}`, [program, path]);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code !== 'ENOENT') failure = e.code;
      }
    }
    await child.writeAll(2, `install: cannot run ${quote(program)}: ${strerror(failure as 'ENOENT')}\n`);
    return 1;
  });
  const [, status] = await sys.wait4(pid);
  if (WIFEXITED(status) && WEXITSTATUS(status) === 0) return true;
  await report(tool, 'strip process terminated abnormally');
  return false;
}

async function installFile(tool: Tool, plan: Plan, copier: Copier, src: string, dst: string): Promise<boolean> {
  const { sys } = tool;
  let srcSt: Stat | null = null;
  if (plan.preserveTimes) {
    try {
      srcSt = await sys.stat(src);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `cannot stat ${quote(src)}: ${strerror(e.code)}`);
      return false;
    }
  }
  if (!(plan.compare && !(await needCopy(sys, plan, src, dst)))) {
    if (!(await copier.copy(src, dst, false)).ok) return false;
  }
  if (plan.strip !== null && !(await strip(tool, plan.strip, dst))) {
    try {
      await sys.unlink(dst);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `cannot unlink ${quote(dst)}: ${strerror(e.code)}`);
    }
    return false;
  }
  if (srcSt && (plan.strip !== null || (srcSt.mode & S_IFMT) !== S_IFREG)) {
    try {
      await sys.utimensat(dst, srcSt.atimeNs, srcSt.mtimeNs);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `cannot set timestamps for ${quote(dst)}: ${strerror(e.code)}`);
      return false;
    }
  }
  if (plan.owner !== -1 || plan.group !== -1) {
    try {
      await sys.chown(dst, plan.owner, plan.group);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `cannot change ownership of ${quote(dst)}: ${strerror(e.code)}`);
      return false;
    }
  }
  try {
    await sys.chmod(dst, plan.mode);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await report(tool, `cannot change permissions of ${quote(dst)}: ${strerror(e.code)}`);
    return false;
  }
  return true;
}

export default function install(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    await sys.umask(0);
    const dirArg = a.has('directory');
    const stripFiles = a.has('strip');
    const compare = a.has('compare');
    const preserveTimes = a.has('preserve-timestamps');
    const targets = a.values('target-directory');
    if (targets.length > 1) {
      await report(tool, 'multiple target directories specified');
      return 1;
    }
    let target: string | undefined = targets[0];
    if (dirArg && stripFiles) {
      await report(tool, 'the strip option may not be used when installing a directory');
      return 1;
    }
    if (dirArg && target !== undefined) {
      await report(tool, 'target directory not allowed when installing a directory');
      return 1;
    }
    if (compare && preserveTimes) return tool.usage('install: options --compare (-C) and --preserve-timestamps are mutually exclusive');
    if (compare && stripFiles) return tool.usage('install: options --compare (-C) and --strip are mutually exclusive');
    const backup = backupSettings(sys, 'install', a);
    if ('error' in backup) {
      await sys.writeAll(2, `${backup.error}\n${tryHelp(meta)}`);
      return 1;
    }
    const files = [...a.operands];
    if (files.length <= (dirArg || target !== undefined ? 0 : 1)) {
      return tool.usage(files.length === 0 ? 'install: missing file operand' : `install: missing destination file operand after ${quote(files[0]!)}`);
    }
    const mkdirAndInstall = a.has('D');
    if (a.has('no-target-directory')) {
      if (target !== undefined) {
        await report(tool, 'cannot combine --target-directory (-t) and --no-target-directory (-T)');
        return 1;
      }
      if (files.length > 2) return tool.usage(`install: extra operand ${quote(files[2]!)}`);
    } else if (target !== undefined) {
      if (!mkdirAndInstall) {
        try {
          if (((await sys.stat(target)).mode & S_IFMT) !== S_IFDIR) {
            await report(tool, `target ${quote(target)} is not a directory`);
            return 1;
          }
        } catch (e) {
          if (!isSysError(e)) throw e;
          await report(tool, `failed to access ${quote(target)}: ${strerror(e.code)}`);
          return 1;
        }
      }
    } else if (!dirArg) {
      const last = files[files.length - 1]!;
      if (await isDirectory(sys, last)) {
        target = last;
        files.pop();
      } else if (files.length > 2) {
        let code: string = 'ENOTDIR';
        try {
          await sys.stat(last);
        } catch (e) {
          if (!isSysError(e)) throw e;
          code = e.code;
        }
        await report(tool, `target ${quote(last)}: ${strerror(code as 'ENOTDIR')}`);
        return 1;
      }
    }
    const plan: Plan = {
      mode: DEFAULT_MODE, dirMode: DEFAULT_MODE, dirModeBits: 0o7777, owner: -1, group: -1,
      verbose: a.has('verbose'), compare, strip: stripFiles ? a.value('strip-program') ?? 'strip' : null, preserveTimes,
    };
    const modeText = a.value('mode');
    if (modeText !== undefined) {
      const changes = compileMode(modeText);
      if (!changes) {
        await report(tool, `invalid mode ${localeQuote(sys, modeText)}`);
        return 1;
      }
      plan.mode = adjustMode(0, false, 0, changes).mode;
      const d = adjustMode(0, true, 0, changes);
      plan.dirMode = d.mode;
      plan.dirModeBits = d.bits;
    }
    const ownerName = a.value('owner');
    if (ownerName !== undefined) {
      const id = (await userByName(sys, ownerName))?.uid ?? numericId(ownerName);
      if (id === null) {
        await report(tool, `invalid user ${localeQuote(sys, ownerName)}`);
        return 1;
      }
      plan.owner = id;
    }
    const groupName = a.value('group');
    if (groupName !== undefined) {
      const id = (await groupByName(sys, groupName))?.gid ?? numericId(groupName);
      if (id === null) {
        await report(tool, `invalid group ${localeQuote(sys, groupName)}`);
        return 1;
      }
      plan.group = id;
    }
    let ok = true;
    if (dirArg) {
      for (const dir of files) ok = (await makeDirectory(tool, plan, dir)) && ok;
      return ok ? 0 : 1;
    }
    const x: CopyOptions = {
      program: 'install', recursive: false, dereference: 'always', hardLink: false, symbolicLink: false,
      interactive: 'unspecified', removeDestination: true, force: false, update: false, verbose: plan.verbose,
      preserveMode: false, preserveOwnership: false, preserveTimestamps: preserveTimes, preserveLinks: false,
      preserveXattr: false, requirePreserve: false, requirePreserveXattr: false, explicitNoPreserveMode: false,
      setMode: 0o600, oneFileSystem: false, copyAsRegular: true, dataCopyRequired: true, backup, stdinTty: false,
    };
    const copier = new Copier(tool, x, new YesNo(sys));
    if (target !== undefined) {
      if (mkdirAndInstall && !(await makeDirectory(tool, { ...plan, dirMode: DEFAULT_MODE, dirModeBits: 0o7777, owner: -1, group: -1 }, target))) return 1;
      copier.destInfo = new Map();
      for (const f of files) {
        const base = f.replace(/(.)\/+$/, '$1').split('/').pop() || f;
        ok = (await installFile(tool, plan, copier, f, joinName(target, base))) && ok;
      }
    } else {
      const [src, dst] = [files[0]!, files[1]!];
      if (mkdirAndInstall) {
        const dir = dirName(dst);
        if (dir !== '.' && !(await makeAncestors(tool, plan, `${dir}/x`))) return 1;
      }
      ok = await installFile(tool, plan, copier, src, dst);
    }
    return ok ? 0 : 1;
  });
}

// cd and pwd with dash's logical paths: the shell remembers the directory as reached through
// symlinks (PWD), `cd ..` goes up lexically, `cd -` goes to OLDPWD and prints it, CDPATH is
// searched for relative names, -P uses the physical path.

import { type ErrnoName, isSysError } from '../../../abi/errno.ts';
import { isDir } from '../../../abi/stat.ts';
import { defineBuiltin } from '../builtin-table.ts';
import { fromBytes, toBytes } from '../bytes.ts';
import type { Shell } from '../shell.ts';
import { parseOpts } from './options.ts';

/**
 * dash's updatepwd: the logical directory `dir` names from `curdir`, with `.` and `..` folded
 * lexically; exactly two leading slashes are kept, as POSIX allows them a meaning.
 */
export function updatepwd(curdir: string | null, dir: string): string | null {
  let out: string;
  let lim = 1;
  let rest: string;
  if (!dir.startsWith('/')) {
    if (curdir === null) return null;
    out = curdir.endsWith('/') ? curdir : `${curdir}/`;
    if (out.length > 1 && out[1] === '/') lim = 2;
    rest = dir;
  } else if (dir[1] === '/' && dir[2] !== '/') {
    out = '//';
    lim = 2;
    rest = dir.slice(2);
  } else {
    out = '/';
    rest = dir.slice(1);
  }
  for (const p of rest.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      while (out.length > lim) {
        out = out.slice(0, -1);
        if (out.endsWith('/')) break;
      }
      continue;
    }
    out += `${p}/`;
  }
  if (out.length > lim) out = out.slice(0, -1);
  return out;
}

async function getcwd(sh: Shell): Promise<string | null> {
  try {
    return toBytes(await sh.sys.getcwd());
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
}

/** dash's getpwd at startup: keep an inherited PWD if it names the current directory. */
export async function initPwd(sh: Shell): Promise<void> {
  const pwd = sh.getVar('PWD');
  if (pwd && pwd.startsWith('/')) {
    try {
      const a = await sh.sys.stat(fromBytes(pwd));
      const b = await sh.sys.stat('.');
      if (a.dev === b.dev && a.ino === b.ino) {
        sh.curdir = pwd;
        sh.setVar('PWD', pwd, { exported: sh.vars.lookup('PWD')?.exported });
        return;
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  const cwd = await getcwd(sh);
  sh.curdir = cwd;
  if (cwd !== null) sh.vars.set('PWD', cwd, { exported: true });
}

/** Change directory; null when done, else why not (ash names the reason). */
async function docd(sh: Shell, dest: string, physical: boolean): Promise<ErrnoName | null> {
  const dir = physical ? null : updatepwd(sh.curdir, dest);
  try {
    await sh.sys.chdir(fromBytes(dir ?? dest));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.code;
  }
  const old = sh.curdir;
  sh.curdir = physical || dir === null ? await getcwd(sh) : dir;
  if (old !== null) sh.setVar('OLDPWD', old);
  if (sh.curdir !== null) sh.setVar('PWD', sh.curdir);
  return null;
}

defineBuiltin('cd', false, async (sh, argv) => {
  const { opts, rest } = parseOpts(sh, argv, 'LP');
  let physical = false;
  for (const [c] of opts) physical = c === 'P';
  let given: string | undefined = rest[0];
  let print = false;
  if (given === undefined) given = sh.getVar('HOME');
  else if (given === '-') {
    given = sh.getVar('OLDPWD');
    print = true;
  }
  const dest = given ?? '';
  const relativeToCwd = dest.startsWith('/') || /^\.\.?(\/|$)/.test(dest);
  if (!relativeToCwd) {
    const target = dest === '' ? '.' : dest;
    const cdpath = sh.getVar('CDPATH') ?? '';
    for (const entry of cdpath.split(':')) {
      const p = entry === '' ? target : `${entry}/${target}`;
      try {
        const st = await sh.sys.stat(fromBytes(p));
        if (!isDir(st.mode)) continue;
      } catch (e) {
        if (!isSysError(e)) throw e;
        continue;
      }
      if (entry !== '') print = true;
      const failed = await docd(sh, p, physical);
      if (failed === null) {
        if (print) sh.out(`${sh.curdir}\n`);
        return 0;
      }
      sh.error(sh.dialect.cdFailed(dest, failed));
    }
  }
  const failed = await docd(sh, dest, physical);
  if (failed !== null) sh.error(sh.dialect.cdFailed(dest, failed));
  if (print) sh.out(`${sh.curdir}\n`);
  return 0;
});

defineBuiltin('pwd', false, async (sh, argv) => {
  const { opts } = parseOpts(sh, argv, 'LP');
  let physical = false;
  for (const [c] of opts) physical = c === 'P';
  const dir = physical ? await getcwd(sh) : sh.curdir ?? (await getcwd(sh));
  if (dir === null) sh.error('getcwd() failed: No such file or directory');
  sh.out(`${dir}\n`);
  return 0;
});

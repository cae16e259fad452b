// The shell's idea of its directory, with dash's logical paths: the directory as reached through
// symlinks (PWD), folded lexically for `..`; set at startup from an inherited PWD when it names
// the current directory. The cd and pwd builtins (chdir.ts) load on their first use.

import { isSysError } from '../../../abi/errno.ts';
import { fromBytes, toBytes } from '../bytes.ts';
import type { Shell } from '../shell.ts';

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

export async function getcwd(sh: Shell): Promise<string | null> {
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
  sh.physdir = cwd;
  if (cwd !== null) sh.vars.set('PWD', cwd, { exported: true });
}

// cd and pwd, loaded on first use (builtins/index.ts): `cd ..` goes up lexically from the logical
// directory (cd.ts), `cd -` goes to OLDPWD and prints it, CDPATH is searched for relative names,
// -P uses the physical path.

import { type ErrnoName, isSysError } from '../../../abi/errno.ts';
import { isDir } from '../../../abi/stat.ts';
import { defineBuiltin } from '../builtin-table.ts';
import { fromBytes } from '../bytes.ts';
import type { Shell } from '../shell.ts';
import { getcwd, updatepwd } from './cd.ts';
import { parseOpts } from './options.ts';

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
  // A physical cd learns the physical directory; a logical one leaves it to be asked for.
  sh.curdir = physical || dir === null ? await getcwd(sh) : dir;
  sh.physdir = physical || dir === null ? sh.curdir : null;
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
  if (physical && sh.physdir === null) sh.physdir = await getcwd(sh);
  const dir = physical ? sh.physdir : sh.curdir ?? (await getcwd(sh));
  if (dir === null) sh.error('getcwd() failed: No such file or directory');
  sh.out(`${dir}\n`);
  return 0;
});

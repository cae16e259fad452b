// Finding commands on PATH, as dash's find_command: each directory in turn (an empty entry is
// the current directory), the first regular file wins (whether it may be executed is execve's
// business), and the answer is remembered until PATH changes or `hash -r`.

import { isSysError } from '../../abi/errno.ts';
import { isReg } from '../../abi/stat.ts';
import { fromBytes } from './bytes.ts';
import type { Shell } from './shell.ts';

/** The file a command name runs, or null. Names with a slash are used as they are. */
export async function findCommand(sh: Shell, name: string, path = sh.getVar('PATH') ?? ''): Promise<string | null> {
  if (name.includes('/')) return name;
  const usingShellPath = path === (sh.getVar('PATH') ?? '');
  if (usingShellPath) {
    const hashed = sh.cmdHash.get(name);
    if (hashed !== undefined) return hashed;
  }
  for (const dir of path.split(':')) {
    const full = dir === '' ? name : `${dir}/${name}`;
    try {
      const st = await sh.sys.stat(fromBytes(full));
      if (!isReg(st.mode)) continue;
    } catch (e) {
      if (!isSysError(e)) throw e;
      continue;
    }
    if (usingShellPath) sh.cmdHash.set(name, full);
    return full;
  }
  return null;
}

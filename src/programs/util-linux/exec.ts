// execvp(3) for the namespace tools: a name without '/' is searched in PATH, the way glibc does
// it (a file found but not runnable is remembered as EACCES while the search goes on), and
// util-linux's way of running the user's shell when no command is given.

import { type ErrnoName, isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';

/** Runs `argv` (never returns on success); on failure the errno of the search. */
export async function execvp(sys: Sys, file: string, argv: string[]): Promise<ErrnoName> {
  if (file.includes('/')) {
    try {
      return await sys.execve(file, argv);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return e.code;
    }
  }
  const path = sys.getenv('PATH') ?? '/bin:/usr/bin';
  let failure: ErrnoName = 'ENOENT';
  for (const dir of path.split(':')) {
    try {
      return await sys.execve(`${dir || '.'}/${file}`, argv);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'EACCES') failure = 'EACCES';
      else if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR' && failure !== 'EACCES') failure = e.code;
    }
  }
  return failure;
}

/** util-linux's exec_shell(): $SHELL (or /bin/sh) as a login shell, argv[0] "-NAME". */
export async function execShell(sys: Sys): Promise<{ shell: string; error: ErrnoName }> {
  const shell = sys.getenv('SHELL') ?? '/bin/sh';
  const base = shell.slice(shell.lastIndexOf('/') + 1);
  try {
    return await sys.execve(shell, [`-${base}`]);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { shell, error: e.code };
  }
}

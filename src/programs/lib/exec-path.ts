// execvp as the GNU tools run the command they are given (env, nice, nohup, timeout): a name
// without '/' is tried in each PATH directory in turn; the error kept is the last one that was
// not ENOENT (so a file found but not runnable is reported as such).

import { type ErrnoName, isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';

/**
 * Runs `argv` (never returns on success); on failure, why. `path` is the PATH to search (the
 * process's own by default) and `envp` the environment the command gets.
 */
export async function execPath(sys: Sys, argv: string[], opts: { path?: string; envp?: string[] } = {}): Promise<ErrnoName> {
  const command = argv[0]!;
  const path = opts.path ?? sys.getenv('PATH') ?? '/usr/bin:/bin';
  const candidates = command.includes('/') ? [command] : path.split(':').map((d) => `${d || '.'}/${command}`);
  let failure: ErrnoName = 'ENOENT';
  for (const file of candidates) {
    try {
      return await sys.execve(file, argv, opts.envp ?? sys.envp);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code !== 'ENOENT') failure = e.code;
    }
  }
  return failure;
}

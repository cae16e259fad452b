// A test program for the identity tests: `asuser UID GID[,GROUP...] COMMAND ARG...` drops to
// those ids (and supplementary groups) and runs COMMAND, as su or setpriv would.

import type { Sys } from '../../../src/sys/sys.ts';

export async function asUser(sys: Sys): Promise<number> {
  const [uid, gids, command, ...args] = sys.argv.slice(1);
  const [gid, ...groups] = gids!.split(',').map(Number);
  await sys.setgroups(groups);
  await sys.setresgid(gid!, gid!, gid!);
  await sys.setresuid(Number(uid), Number(uid), Number(uid));
  return sys.execve(`/bin/${command}`, [command!, ...args]);
}

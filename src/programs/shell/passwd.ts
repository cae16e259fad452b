// The account database through sys, as getpwnam/getpwuid read it: home directories for ~user and
// user names for PS1's \u. Also the shell's one way to read a whole file as a byte string.

import { isSysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_RDONLY } from '../../abi/open-flags.ts';
import { bytesToLatin1, fromBytes } from './bytes.ts';
import type { Shell } from './shell.ts';

/** A whole file as a byte string (the shell's own encoding); fails with the SysError of open/read. */
export async function readTextFile(sh: Shell, path: string): Promise<string> {
  const fd = await sh.sys.open(fromBytes(path), O_RDONLY | O_CLOEXEC);
  try {
    return bytesToLatin1(await sh.sys.readAll(fd));
  } finally {
    await sh.sys.close(fd);
  }
}

/** /etc/passwd's entries split into fields; none when it cannot be read. */
async function passwd(sh: Shell): Promise<string[][]> {
  try {
    return (await readTextFile(sh, '/etc/passwd')).split('\n').map((line) => line.split(':'));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return [];
  }
}

export async function homeOf(sh: Shell, user: string): Promise<string | null> {
  const entry = (await passwd(sh)).find((f) => f[0] === user && f.length >= 6);
  return entry ? entry[5]! : null;
}

/** The name of `uid`, or null when the database has none. */
export async function nameOf(sh: Shell, uid: number): Promise<string | null> {
  const entry = (await passwd(sh)).find((f) => f.length > 2 && Number(f[2]) === uid);
  return entry ? entry[0]! : null;
}

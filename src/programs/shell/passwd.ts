// Home directories for ~user, read from /etc/passwd through sys (what getpwnam does).

import { isSysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_RDONLY } from '../../abi/open-flags.ts';
import { bytesToLatin1 } from './bytes.ts';
import type { Shell } from './shell.ts';

export async function homeOf(sh: Shell, user: string): Promise<string | null> {
  let fd: number;
  try {
    fd = await sh.sys.open('/etc/passwd', O_RDONLY | O_CLOEXEC);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
  try {
    const text = bytesToLatin1(await sh.sys.readAll(fd));
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f[0] === user && f.length >= 6) return f[5]!;
    }
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  } finally {
    await sh.sys.close(fd).catch((e: unknown) => {
      if (!isSysError(e)) throw e;
    });
  }
}

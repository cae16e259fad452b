// What mkfifo and mknod share about -m MODE: it is read as chmod reads it, applied to a=rw,
// may name permission bits only, and is set exactly, whatever the umask, by a chmod after the
// file is made (without -m the kernel's umask applies to a=rw).

import { isSysError, strerror } from '../../abi/errno.ts';
import { adjustMode, compileMode } from './mode.ts';
import { quote } from './quote.ts';
import { report } from './report.ts';
import type { Tool } from './tool.ts';

/** The mode to make the file with (0666 without -m); null after a message for a bad MODE. */
export async function specialFileMode(tool: Tool, spec: string | undefined): Promise<number | null> {
  let mode = 0o666;
  if (spec === undefined) return mode;
  const changes = compileMode(spec);
  if (!changes) {
    await report(tool, 'invalid mode');
    return null;
  }
  const umask = await tool.sys.umask(0);
  await tool.sys.umask(umask);
  mode = adjustMode(mode, false, umask, changes).mode;
  if (mode & ~0o777) {
    await report(tool, 'mode must specify only file permission bits');
    return null;
  }
  return mode;
}

/** Give the new file exactly the -m mode; false after a message when chmod fails. */
export async function setExactMode(tool: Tool, name: string, mode: number): Promise<boolean> {
  try {
    await tool.sys.chmod(name, mode);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    await report(tool, `cannot set permissions of ${quote(name)}: ${strerror(e.code)}`);
    return false;
  }
}

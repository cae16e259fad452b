// What `which` does for each name, in debianutils' script and in busybox's applet alike: a name
// with a slash is checked as it is, any other is looked for in each PATH directory in turn (an
// empty one is "."), the first executable regular file wins (every one with -a). The two differ
// in how they cut PATH and in their options; each brings its own directory list.

import { S_IFMT, S_IFREG } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';

const X_OK = 1;

/** `[ -f FILE ] && [ -x FILE ]`: a regular file (after symlinks) its caller may execute. */
export async function executableFile(sys: Sys, file: string): Promise<boolean> {
  try {
    if (((await sys.stat(file)).mode & S_IFMT) !== S_IFREG) return false;
    await sys.access(file, X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The lines which prints for `names`, and its status: 1 when any name was not found. */
export async function whichPaths(sys: Sys, names: readonly string[], dirs: readonly string[], all: boolean): Promise<{ out: string; status: number }> {
  let status = 0;
  let out = '';
  for (const name of names) {
    let found = false;
    if (name.includes('/')) {
      found = await executableFile(sys, name);
      if (found) out += `${name}\n`;
    } else {
      for (const dir of dirs) {
        const file = `${dir || '.'}/${name}`;
        if (!(await executableFile(sys, file))) continue;
        out += `${file}\n`;
        found = true;
        if (!all) break;
      }
    }
    if (!found) status = 1;
  }
  return { out, status };
}

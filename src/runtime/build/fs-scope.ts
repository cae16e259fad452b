// Paths inside a root that is not ours to leave: a build context, or a step's merged overlay.
// Symlinks are followed as if `root` were `/` (securejoin's rule, what BuildKit's file ops do),
// so `/var/run -> /run` in an image lands on <root>/run and a link pointing out of a context
// lands back inside it. All work goes through syscalls; the plain file helpers are in
// ../sys-files.ts.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { isLink, lstatOrNull } from '../sys-files.ts';

/** Lexical clean of a slash path relative to a root: no `.`, `..` clamped at the root. */
export function cleanRel(path: string): string[] {
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return out;
}

/**
 * The host path of `path` inside `root`, symlinks resolved within the root (the last component
 * too when `followLast`). Components that do not exist are appended as they are.
 */
export async function scopedPath(sys: Sys, root: string, path: string, followLast = true): Promise<string> {
  let todo = cleanRel(path);
  const done: string[] = [];
  let links = 0;
  while (todo.length > 0) {
    const c = todo.shift()!;
    if (c === '..') {
      done.pop();
      continue;
    }
    const host = `${root}/${[...done, c].join('/')}`;
    const st = await lstatOrNull(sys, host);
    if (st && isLink(st) && (todo.length > 0 || followLast)) {
      if (++links > 40) throw new Error(`too many links: ${path}`);
      const target = await sys.readlink(host);
      const parts = target.split('/').filter((p) => p !== '' && p !== '.');
      if (target.startsWith('/')) done.length = 0;
      todo = [...parts, ...todo];
      continue;
    }
    done.push(c);
    if (!st) {
      for (const rest of todo) {
        if (rest === '..') done.pop();
        else if (rest !== '.' && rest !== '') done.push(rest);
      }
      break;
    }
  }
  return done.length ? `${root}/${done.join('/')}` : root;
}

/**
 * mkdir -p of a host path, each new directory with exactly `mode` (chmod past the umask) and
 * owned by uid:gid, as BuildKit makes directories for a step's user.
 */
export async function mkdirAllAs(sys: Sys, path: string, mode = 0o755, uid = 0, gid = 0): Promise<void> {
  const st = await lstatOrNull(sys, path);
  if (st) return;
  const parent = path.slice(0, path.lastIndexOf('/'));
  if (parent !== '' && parent !== path) await mkdirAllAs(sys, parent, mode, uid, gid);
  try {
    await sys.mkdir(path, mode);
    await sys.chmod(path, mode);
    if (uid !== 0 || gid !== 0) await sys.lchown(path, uid, gid);
  } catch (e) {
    if (!isSysError(e, 'EEXIST')) throw e;
  }
}

// Paths inside a root that is not ours to leave: a build context, or a step's merged overlay.
// Symlinks are followed as if `root` were `/` (securejoin's rule, what BuildKit's file ops do),
// so `/var/run -> /run` in an image lands on <root>/run and a link pointing out of a context
// lands back inside it. All work goes through syscalls.

import { isSysError } from '../../abi/errno.ts';
import { O_CREAT, O_DIRECTORY, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';

export const isDir = (st: Stat): boolean => (st.mode & S_IFMT) === S_IFDIR;
export const isLink = (st: Stat): boolean => (st.mode & S_IFMT) === S_IFLNK;
export const isFile = (st: Stat): boolean => (st.mode & S_IFMT) === S_IFREG;

export async function lstatOrNull(sys: Sys, path: string): Promise<Stat | null> {
  try {
    return await sys.lstat(path);
  } catch (e) {
    if (isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR')) return null;
    throw e;
  }
}

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

export async function readFileBytes(sys: Sys, path: string): Promise<Uint8Array> {
  const fd = await sys.open(path, O_RDONLY);
  try {
    return await sys.readAll(fd);
  } finally {
    await sys.close(fd);
  }
}

export async function writeFileBytes(sys: Sys, path: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  try {
    await sys.writeAll(fd, data);
  } finally {
    await sys.close(fd);
  }
}

export async function listNames(sys: Sys, path: string): Promise<string[]> {
  const fd = await sys.open(path, O_RDONLY | O_DIRECTORY);
  try {
    return (await sys.getdents(fd))
      .map((d) => d.name)
      .filter((n) => n !== '.' && n !== '..')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } finally {
    await sys.close(fd);
  }
}

/** mkdir -p of a host path, each new directory with `mode` and owner. */
export async function mkdirAll(sys: Sys, path: string, mode = 0o755, uid = 0, gid = 0): Promise<void> {
  const st = await lstatOrNull(sys, path);
  if (st) return;
  const parent = path.slice(0, path.lastIndexOf('/'));
  if (parent !== '' && parent !== path) await mkdirAll(sys, parent, mode, uid, gid);
  try {
    await sys.mkdir(path, mode);
    await sys.chmod(path, mode);
    if (uid !== 0 || gid !== 0) await sys.lchown(path, uid, gid);
  } catch (e) {
    if (!isSysError(e, 'EEXIST')) throw e;
  }
}

/** rm -rf of a host path. */
export async function removeAll(sys: Sys, path: string): Promise<void> {
  const st = await lstatOrNull(sys, path);
  if (!st) return;
  if (isDir(st)) {
    for (const n of await listNames(sys, path)) await removeAll(sys, `${path}/${n}`);
    await sys.rmdir(path);
  } else {
    await sys.unlink(path);
  }
}

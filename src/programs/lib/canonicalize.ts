// gnulib's canonicalize_filename_mode, through the kernel: an absolute name with no ".", ".."
// or symbolic link in it. The mode says how much must exist: every component (`existing`,
// readlink -e / realpath -e, ln -L), all but the last (`all-but-last`, readlink -f and
// realpath's default), or nothing (`missing`, -m, ln -r). `noLinks` leaves symbolic links as
// they are (realpath -s). Also dir_name and relpath, which ln -r and realpath build on.

import { isSysError, SysError, type ErrnoName } from '../../abi/errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';

export type CanMode = 'existing' | 'all-but-last' | 'missing';

const MAXSYMLINKS = 40;

/** The canonical name, or the errno the C function fails with. */
export async function canonicalize(sys: Sys, name: string, mode: CanMode, noLinks = false): Promise<string | { error: ErrnoName }> {
  try {
    return await canonicalizeOrThrow(sys, name, mode, noLinks);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { error: e.code };
  }
}

/** The canonical name; a failure is thrown as the SysError (ENOENT, ENOTDIR, ELOOP...). */
export async function canonicalizeOrThrow(sys: Sys, name: string, mode: CanMode, noLinks = false): Promise<string> {
  if (name === '') throw new SysError('ENOENT');
  let dest: string[] = [];
  if (!name.startsWith('/')) {
    const cwd = await sys.getcwd();
    dest = cwd.split('/').filter((p) => p !== '');
  }
  // Remaining text to walk; symlink targets are spliced in front of it.
  let rest = name;
  let links = 0;
  const path = (): string => `/${dest.join('/')}`;
  for (;;) {
    rest = rest.replace(/^\/+/, '');
    if (rest === '') break;
    const slash = rest.indexOf('/');
    const comp = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    if (comp === '.') continue;
    if (comp === '..') {
      dest.pop();
      continue;
    }
    dest.push(comp);
    const last = rest.replace(/^\/+/, '') === '';
    // A trailing "/" (or "/." ...) asks for a directory.
    const needDir = /^(\/+\.?)+\/*$/.test(rest) || (rest !== '' && /^[/.]*$/.test(rest) && rest.includes('/'));
    let st;
    try {
      st = await sys.lstat(path());
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (mode === 'existing') throw e;
      if (mode === 'all-but-last' && (!last || e.code !== 'ENOENT')) throw e;
      continue;
    }
    if (!noLinks && (st.mode & S_IFMT) === S_IFLNK) {
      if (++links > MAXSYMLINKS) {
        // A loop: -m keeps the name as it stands, the other modes fail.
        if (mode === 'missing') continue;
        throw new SysError('ELOOP');
      }
      const target = await sys.readlink(path());
      dest.pop();
      if (target.startsWith('/')) dest = [];
      rest = `${target}${rest}`;
      continue;
    }
    if ((st.mode & S_IFMT) !== S_IFDIR && (!last || needDir) && mode !== 'missing') {
      if (noLinks && (st.mode & S_IFMT) === S_IFLNK) {
        // A link left as it is: what it points to decides whether it is a directory.
        try {
          if (((await sys.stat(path())).mode & S_IFMT) === S_IFDIR) continue;
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
      throw new SysError('ENOTDIR');
    }
  }
  return path();
}

/** realpath.c's path_prefix: whether canonical `prefix` is `path` or one of its parents. */
export function pathPrefix(prefix: string, path: string): boolean {
  if (prefix === '/') return !path.startsWith('//');
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** dir_name: everything before the last component ("." when there is none, "/" for the root). */
export function dirName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  const dir = trimmed.slice(0, slash).replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}

/** relpath: canonical `fname` as seen from the canonical directory `reldir`. */
export function relativePath(fname: string, reldir: string): string {
  return relpath(fname, reldir);
}

/** relpath: `fname` relative to the directory `reldir` (both canonical). */
export function relpath(fname: string, reldir: string): string {
  const a = reldir.split('/').filter((p) => p !== '');
  const b = fname.split('/').filter((p) => p !== '');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const down = b.slice(i);
  const parts = [...up, ...down];
  return parts.length ? parts.join('/') : '.';
}

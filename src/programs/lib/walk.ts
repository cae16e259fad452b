// A file hierarchy walk in the manner of fts(3), as chmod -R, chown -R, chgrp -R and rm -r use
// it: each command-line name is a root, directories are visited before their entries (and again
// after them when asked), entries come in the order the directory lists them, and the
// follow mode says which symbolic links are followed: P never, H only the command-line names,
// L every one (with a directory cycle reported instead of entered).

import { isSysError, SysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../../abi/stat.ts';
import type { DirEntry, Sys } from '../../sys/sys.ts';
import { quote } from './quote.ts';

export type Follow = 'P' | 'H' | 'L';

/**
 * What an entry is, in fts's terms: `dir` (FTS_D, before the entries), `post` (FTS_DP, after),
 * `unreadable` (FTS_DNR: a directory whose entries could not be listed, given after its `dir`
 * visit in place of `post`), `symlink` (FTS_SL, not followed), `dangling` (FTS_SLNONE, a link
 * that was to be followed but points nowhere), `no-stat` (FTS_NS), `cycle` (FTS_DC), `file`.
 */
export type EntryKind = 'file' | 'dir' | 'post' | 'unreadable' | 'symlink' | 'dangling' | 'no-stat' | 'cycle';

export interface WalkEntry {
  /** The name as fts_path gives it: the root as written, then `/entry` per level. */
  path: string;
  /** 0 for a command-line name. */
  level: number;
  kind: EntryKind;
  /** stat or lstat as the follow mode says; absent for no-stat. */
  stat?: Stat;
  /** The failure behind no-stat and unreadable. */
  error?: SysError;
}

export interface WalkOptions {
  follow: Follow;
  /** Also visit each directory after its entries (rm). */
  postorder?: boolean;
}

/** What a visit answers: 'skip' for a directory not to be entered, 'stop' to end the walk. */
export type VisitResult = void | 'skip' | 'stop';

/** fts's name joining: one trailing slash of the parent is dropped before adding "/name". */
export function childPath(parent: string, name: string): string {
  return `${parent.endsWith('/') ? parent.slice(0, -1) : parent}/${name}`;
}

async function statFor(sys: Sys, path: string, follow: boolean): Promise<{ stat?: Stat; kind: EntryKind; error?: SysError }> {
  try {
    const st = follow ? await sys.stat(path) : await sys.lstat(path);
    return { stat: st, kind: kindOf(st) };
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (follow) {
      // A link whose target is missing is still something to report on.
      try {
        const ls = await sys.lstat(path);
        if ((ls.mode & S_IFMT) === S_IFLNK) return { stat: ls, kind: 'dangling' };
      } catch (e2) {
        if (!isSysError(e2)) throw e2;
      }
    }
    return { kind: 'no-stat', error: e };
  }
}

function kindOf(st: Stat): EntryKind {
  const t = st.mode & S_IFMT;
  return t === S_IFDIR ? 'dir' : t === S_IFLNK ? 'symlink' : 'file';
}

/** A directory's entries without "." and "..", in the order getdents gives them. */
export async function listDir(sys: Sys, path: string): Promise<DirEntry[]> {
  const fd = await sys.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  try {
    return (await sys.getdents(fd)).filter((e) => e.name !== '.' && e.name !== '..');
  } finally {
    await sys.close(fd);
  }
}

/** Walk one command-line name; returns false when a visit asked to stop. */
export async function walk(sys: Sys, root: string, opts: WalkOptions, visit: (e: WalkEntry) => Promise<VisitResult>): Promise<boolean> {
  const ancestors: string[] = [];
  const go = async (path: string, level: number): Promise<boolean> => {
    const follow = opts.follow === 'L' || (opts.follow === 'H' && level === 0);
    const found = await statFor(sys, path, follow);
    const entry: WalkEntry = { path, level, ...found };
    if (entry.kind !== 'dir') return (await visit(entry)) !== 'stop';
    const key = `${entry.stat!.dev}:${entry.stat!.ino}`;
    if (ancestors.includes(key)) return (await visit({ ...entry, kind: 'cycle' })) !== 'stop';
    const answer = await visit(entry);
    if (answer === 'stop') return false;
    if (answer === 'skip') return true;
    let names: DirEntry[];
    try {
      names = await listDir(sys, path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return (await visit({ ...entry, kind: 'unreadable', error: e })) !== 'stop';
    }
    ancestors.push(key);
    try {
      for (const d of names) if (!(await go(childPath(path, d.name), level + 1))) return false;
    } finally {
      ancestors.pop();
    }
    if (opts.postorder) return (await visit({ ...entry, kind: 'post' })) !== 'stop';
    return true;
  };
  return go(root, 0);
}

/** GNU's two lines for a recursive operation that reached "/" under --preserve-root. */
export function rootWarning(name: string): string[] {
  return [
    name === '/' ? `it is dangerous to operate recursively on ${quote(name)}` : `it is dangerous to operate recursively on ${quote(name)} (same as ${quote('/')})`,
    'use --no-preserve-root to override this failsafe',
  ];
}

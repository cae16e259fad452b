// The engine's file helpers, one per job, each made only of syscalls (so a trace of the engine
// shows plain open/read/write/mkdir/rename/unlink calls): whole-file reads and writes, atomic
// replacement of state documents, mkdir -p, rm -rf, directory listings in Go's order, and random
// ids from /dev/urandom. Every part of the engine uses these; none keeps its own copy.

import { isSysError } from '../abi/errno.ts';
import { O_CREAT, O_DIRECTORY, O_RDONLY, O_TRUNC, O_WRONLY } from '../abi/open-flags.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type Stat } from '../abi/stat.ts';
import { utf8Decode } from '../base/text.ts';
import type { DirEntry, Sys } from '../sys/sys.ts';
import { byteCompare } from './go-style.ts';

export const isDir = (st: Stat): boolean => (st.mode & S_IFMT) === S_IFDIR;
export const isLink = (st: Stat): boolean => (st.mode & S_IFMT) === S_IFLNK;
export const isFile = (st: Stat): boolean => (st.mode & S_IFMT) === S_IFREG;

/** A missing path (or a path through a non-directory) reads as "not there". */
const isMissing = (e: unknown): boolean => isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR');

export async function readFile(sys: Sys, path: string): Promise<Uint8Array> {
  const fd = await sys.open(path, O_RDONLY);
  try {
    return await sys.readAll(fd);
  } finally {
    await sys.close(fd);
  }
}

/** The file's bytes, or null when it does not exist. */
export async function readFileOrNull(sys: Sys, path: string): Promise<Uint8Array | null> {
  let fd: number;
  try {
    fd = await sys.open(path, O_RDONLY);
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
  try {
    return await sys.readAll(fd);
  } finally {
    await sys.close(fd);
  }
}

export async function readText(sys: Sys, path: string): Promise<string> {
  return utf8Decode(await readFile(sys, path));
}

/** The file's text, or null when it does not exist. */
export async function readTextOrNull(sys: Sys, path: string): Promise<string | null> {
  const b = await readFileOrNull(sys, path);
  return b === null ? null : utf8Decode(b);
}

/** Create or truncate `path` and write all of `data` (a string is written as UTF-8). */
export async function writeFile(sys: Sys, path: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  try {
    await sys.writeAll(fd, data);
  } finally {
    await sys.close(fd);
  }
}

/**
 * Write `path` so that readers see the old or the new content, never a part: write aside under
 * a name of this process's own, then rename over.
 */
export async function writeFileAtomic(sys: Sys, path: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
  const aside = `${path}.${await sys.getpid()}.tmp`;
  await writeFile(sys, aside, data, mode);
  await sys.rename(aside, path);
}

export async function lstatOrNull(sys: Sys, path: string): Promise<Stat | null> {
  try {
    return await sys.lstat(path);
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

export async function exists(sys: Sys, path: string): Promise<boolean> {
  return (await lstatOrNull(sys, path)) !== null;
}

/**
 * mkdir -p: the missing directories of `path` are made, the last with `mode` and the ones above
 * it with `parentMode` (by default `mode` too, as Go's os.MkdirAll). An existing path is fine.
 */
export async function mkdirAll(sys: Sys, path: string, mode = 0o755, parentMode = mode): Promise<void> {
  try {
    await sys.mkdir(path, mode);
    return;
  } catch (e) {
    if (isSysError(e, 'EEXIST')) return;
    if (!isSysError(e, 'ENOENT')) throw e;
    const parent = path.slice(0, path.lastIndexOf('/'));
    if (parent === '' || parent === path) throw e;
    await mkdirAll(sys, parent, parentMode);
  }
  try {
    await sys.mkdir(path, mode);
  } catch (e) {
    if (!isSysError(e, 'EEXIST')) throw e;
  }
}

/** A directory's entries without "." and "..", sorted bytewise as Go's filepath.Walk does. */
export async function listEntries(sys: Sys, path: string): Promise<DirEntry[]> {
  const fd = await sys.open(path, O_RDONLY | O_DIRECTORY);
  let entries;
  try {
    // getdents64 here answers every entry in one call.
    entries = await sys.getdents(fd);
  } finally {
    await sys.close(fd);
  }
  return entries.filter((e) => e.name !== '.' && e.name !== '..').sort((a, b) => byteCompare(a.name, b.name));
}

/** listEntries, with a missing directory read as empty. */
export async function listEntriesOrEmpty(sys: Sys, path: string): Promise<DirEntry[]> {
  try {
    return await listEntries(sys, path);
  } catch (e) {
    if (isMissing(e)) return [];
    throw e;
  }
}

/** The names in a directory, sorted bytewise. */
export async function listNames(sys: Sys, path: string): Promise<string[]> {
  return (await listEntries(sys, path)).map((e) => e.name);
}

/** listNames, with a missing directory read as empty. */
export async function listNamesOrEmpty(sys: Sys, path: string): Promise<string[]> {
  return (await listEntriesOrEmpty(sys, path)).map((e) => e.name);
}

/** rm -rf, through unlink/rmdir; a missing path is fine. */
export async function removeAll(sys: Sys, path: string): Promise<void> {
  const st = await lstatOrNull(sys, path);
  if (!st) return;
  if (isDir(st)) {
    for (const e of await listEntriesOrEmpty(sys, path)) await removeAll(sys, `${path}/${e.name}`);
    await sys.rmdir(path);
  } else {
    await sys.unlink(path);
  }
}

/** `n` random bytes from /dev/urandom, or from the host's generator on a machine without one. */
export async function randomBytes(sys: Sys, n: number): Promise<Uint8Array> {
  try {
    const fd = await sys.open('/dev/urandom', O_RDONLY);
    try {
      const b = await sys.read(fd, n);
      if (b.length === n) return b;
    } finally {
      await sys.close(fd);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  // No /dev/urandom (a bare test machine).
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256);
  return out;
}

/** `bytes` random bytes as lowercase hex (32 bytes: a container, layer or mount id). */
export async function randomHex(sys: Sys, bytes = 32): Promise<string> {
  return Array.from(await randomBytes(sys, bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The file's text, or null when it cannot be read for any kernel reason: for /proc and cgroup
 * files of a process or cgroup that may be gone by the time it is read.
 */
export async function readTextIfReadable(sys: Sys, path: string): Promise<string | null> {
  try {
    return await readText(sys, path);
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
}

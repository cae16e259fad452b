// File work the package managers share, made of system calls only: read and write small text
// files, create directories with their parents, lay down a package's entries (each file written
// beside its final name and renamed over it, as dpkg, rpm and apk do, so a file in a lower
// overlay layer is replaced rather than copied up and truncated), remove them again, and measure
// or empty a directory tree (caches, lists).

import { isSysError } from '../../../abi/errno.ts';
import { O_CREAT, O_DIRECTORY, O_TRUNC, O_WRONLY, O_APPEND } from '../../../abi/open-flags.ts';
import { S_IFMT, S_IFDIR, S_IFLNK } from '../../../abi/stat.ts';
import { utf8Decode, utf8Encode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';
import { fillerChunks } from '../../../runtime/distro/filler.ts';
import type { FileEntry } from '../../../runtime/distro/expand.ts';

export async function exists(sys: Sys, path: string): Promise<boolean> {
  try {
    await sys.lstat(path);
    return true;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

export async function isDir(sys: Sys, path: string): Promise<boolean> {
  try {
    return ((await sys.stat(path)).mode & S_IFMT) === S_IFDIR;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

/** A file's text, or null when it cannot be read. */
export async function readText(sys: Sys, path: string): Promise<string | null> {
  let fd: number;
  try {
    fd = await sys.open(path, 0);
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
  try {
    return utf8Decode(await sys.readAll(fd));
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  } finally {
    await sys.close(fd);
  }
}

export async function writeText(sys: Sys, path: string, text: string | Uint8Array, mode = 0o644, append = false): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), mode);
  try {
    await sys.writeAll(fd, typeof text === 'string' ? utf8Encode(text) : text);
  } finally {
    await sys.close(fd);
  }
}

/** mkdir -p: every missing directory of `path` (existing ones, and links to them, are left alone). */
export async function mkdirp(sys: Sys, path: string, mode = 0o755): Promise<void> {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += `/${part}`;
    try {
      await sys.mkdir(at, mode);
    } catch (e) {
      if (!isSysError(e, 'EEXIST')) throw e;
    }
  }
}

export async function listDir(sys: Sys, path: string): Promise<string[]> {
  let fd: number;
  try {
    fd = await sys.open(path, O_DIRECTORY);
  } catch (e) {
    if (isSysError(e)) return [];
    throw e;
  }
  try {
    // getdents64 here hands back the whole directory in one call.
    return (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..').sort();
  } finally {
    await sys.close(fd);
  }
}

/** Bytes and regular files under `path` (not following links), as du -sb counts file sizes. */
export async function treeSize(sys: Sys, path: string): Promise<{ bytes: number; files: number }> {
  let st;
  try {
    st = await sys.lstat(path);
  } catch (e) {
    if (isSysError(e)) return { bytes: 0, files: 0 };
    throw e;
  }
  if ((st.mode & S_IFMT) !== S_IFDIR) return { bytes: st.size, files: (st.mode & S_IFMT) === S_IFLNK ? 0 : 1 };
  let bytes = 0;
  let files = 0;
  for (const name of await listDir(sys, path)) {
    const sub = await treeSize(sys, `${path}/${name}`);
    bytes += sub.bytes;
    files += sub.files;
  }
  return { bytes, files };
}

/** rm -rf; returns how many non-directories went. Errors other than "not there" are thrown. */
export async function removeTree(sys: Sys, path: string): Promise<number> {
  let st;
  try {
    st = await sys.lstat(path);
  } catch (e) {
    if (isSysError(e, 'ENOENT')) return 0;
    throw e;
  }
  if ((st.mode & S_IFMT) !== S_IFDIR) {
    await sys.unlink(path);
    return 1;
  }
  let n = 0;
  for (const name of await listDir(sys, path)) n += await removeTree(sys, `${path}/${name}`);
  await sys.rmdir(path);
  return n;
}

/** Empty a directory but keep it (and keep the names in `keep`). */
export async function emptyDir(sys: Sys, path: string, keep: string[] = []): Promise<number> {
  let n = 0;
  for (const name of await listDir(sys, path)) if (!keep.includes(name)) n += await removeTree(sys, `${path}/${name}`);
  return n;
}

/** User and group names to ids, from /etc/passwd and /etc/group as they are now. */
export interface Ids {
  uid(name: string): number;
  gid(name: string): number;
}

export async function loadIds(sys: Sys, root = ''): Promise<Ids> {
  const table = async (file: string): Promise<Map<string, number>> => {
    const m = new Map<string, number>();
    for (const line of ((await readText(sys, `${root}${file}`)) ?? '').split('\n')) {
      const f = line.split(':');
      if (f.length >= 3 && f[0]) m.set(f[0], Number(f[2]));
    }
    return m;
  };
  const users = await table('/etc/passwd');
  const groups = await table('/etc/group');
  return {
    uid: (n) => users.get(n) ?? (/^\d+$/.test(n) ? Number(n) : 0),
    gid: (n) => groups.get(n) ?? (/^\d+$/.test(n) ? Number(n) : 0),
  };
}

/** Add account lines (passwd and group format) whose names are not there yet, as useradd would. */
export async function ensureAccounts(sys: Sys, root: string, users: string[], groups: string[]): Promise<void> {
  const add = async (file: string, lines: string[]): Promise<void> => {
    if (!lines.length) return;
    const text = (await readText(sys, `${root}${file}`)) ?? '';
    const have = new Set(text.split('\n').map((l) => l.split(':')[0]));
    const missing = lines.filter((l) => !have.has(l.split(':')[0]));
    if (!missing.length) return;
    await writeText(sys, `${root}${file}`, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);
  };
  await add('/etc/group', groups);
  await add('/etc/passwd', users);
}

/**
 * Write entries under `root`. Files go to PATH+`suffix` first and are renamed into place; an
 * existing directory is kept (an explicit one gets the package's mode and owner).
 */
export async function writeEntries(sys: Sys, root: string, entries: FileEntry[], ids: Ids, suffix: string): Promise<void> {
  for (const e of entries) {
    const path = `${root}${e.path}`;
    if (e.type === 'dir') {
      try {
        await sys.mkdir(path, e.mode);
      } catch (err) {
        if (!isSysError(err, 'EEXIST')) throw err;
        if (e.implicit) continue;
      }
      if (e.implicit) continue;
      await sys.chmod(path, e.mode);
      if (e.owner !== 'root' || e.group !== 'root') await sys.chown(path, ids.uid(e.owner), ids.gid(e.group));
      continue;
    }
    const slash = path.lastIndexOf('/');
    const tmp = `${path.slice(0, slash + 1)}${path.slice(slash + 1)}${suffix}`;
    if (e.type === 'symlink') {
      await removeIfThere(sys, tmp);
      await sys.symlink(e.target!, tmp);
    } else {
      const fd = await sys.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, e.mode);
      try {
        if (e.fill) for (const chunk of fillerChunks(e.fill)) await sys.writeAll(fd, chunk);
        else await sys.writeAll(fd, e.text ?? '');
      } finally {
        await sys.close(fd);
      }
      await sys.chmod(tmp, e.mode);
      if (e.owner !== 'root' || e.group !== 'root') await sys.chown(tmp, ids.uid(e.owner), ids.gid(e.group));
    }
    try {
      await sys.rename(tmp, path);
    } catch (err) {
      // A directory where the package has a file: leave the directory, drop the new file.
      await removeIfThere(sys, tmp);
      if (!isSysError(err, 'EISDIR') && !isSysError(err, 'ENOTEMPTY')) throw err;
    }
  }
}

async function removeIfThere(sys: Sys, path: string): Promise<void> {
  try {
    await sys.unlink(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

/**
 * Remove a package's paths: files and links first, then its directories deepest first when they
 * are empty and no other package still lists them (`shared`).
 */
export async function removePaths(sys: Sys, root: string, paths: string[], shared: Set<string>, keep: Set<string> = new Set()): Promise<void> {
  const dirs: string[] = [];
  for (const p of paths) {
    if (keep.has(p)) continue;
    let st;
    try {
      st = await sys.lstat(`${root}${p}`);
    } catch (e) {
      if (isSysError(e)) continue;
      throw e;
    }
    if ((st.mode & S_IFMT) === S_IFDIR) dirs.push(p);
    else if (!shared.has(p)) await removeIfThere(sys, `${root}${p}`);
  }
  dirs.sort((a, b) => b.length - a.length);
  for (const d of dirs) {
    if (shared.has(d) || d === '/' || d === '/.') continue;
    try {
      await sys.rmdir(`${root}${d}`);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

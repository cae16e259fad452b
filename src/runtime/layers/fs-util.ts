// Small file helpers for the engine's library, each made only of syscalls (so a trace of the
// engine shows plain open/read/write/mkdir/unlink calls): whole-file reads and writes, mkdir -p,
// rm -rf, and a sorted directory listing.

import { isSysError } from '../../abi/errno.ts';
import { O_CREAT, O_DIRECTORY, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import type { Stat } from '../../abi/stat.ts';
import { S_IFDIR, S_IFMT } from '../../abi/stat.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

export async function readFile(sys: Sys, path: string): Promise<Uint8Array> {
  const fd = await sys.open(path, O_RDONLY);
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
export async function readTextIfExists(sys: Sys, path: string): Promise<string | null> {
  try {
    return await readText(sys, path);
  } catch (e) {
    if (isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR')) return null;
    throw e;
  }
}

export async function writeFile(sys: Sys, path: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  try {
    await sys.writeAll(fd, data);
  } finally {
    await sys.close(fd);
  }
}

/** Write to a temporary name and rename into place, so readers see the old or the new file. */
export async function writeFileAtomic(sys: Sys, path: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(sys, tmp, data, mode);
  await sys.rename(tmp, path);
}

export async function lstatOrNull(sys: Sys, path: string): Promise<Stat | null> {
  try {
    return await sys.lstat(path);
  } catch (e) {
    if (isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR')) return null;
    throw e;
  }
}

export async function exists(sys: Sys, path: string): Promise<boolean> {
  return (await lstatOrNull(sys, path)) !== null;
}

/** mkdir -p: every missing component made with `mode`. */
export async function mkdirAll(sys: Sys, path: string, mode = 0o755): Promise<void> {
  const parts = path.split('/').filter(Boolean);
  let at = path.startsWith('/') ? '' : '.';
  for (const p of parts) {
    at = `${at}/${p}`;
    try {
      await sys.mkdir(at, mode);
    } catch (e) {
      if (!isSysError(e, 'EEXIST')) throw e;
    }
  }
}

/** The names in a directory (no "." or ".."), sorted bytewise as Go's filepath.Walk does. */
export async function listDir(sys: Sys, path: string): Promise<{ name: string; type: string }[]> {
  const fd = await sys.open(path, O_RDONLY | O_DIRECTORY);
  let entries;
  try {
    entries = await sys.getdents(fd);
  } finally {
    await sys.close(fd);
  }
  return entries.filter((e) => e.name !== '.' && e.name !== '..').sort((a, b) => byteCompare(a.name, b.name));
}

export async function listDirOrEmpty(sys: Sys, path: string): Promise<{ name: string; type: string }[]> {
  try {
    return await listDir(sys, path);
  } catch (e) {
    if (isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR')) return [];
    throw e;
  }
}

/** rm -rf: removes a file or a whole tree; a missing path is fine. */
export async function removeAll(sys: Sys, path: string): Promise<void> {
  const st = await lstatOrNull(sys, path);
  if (!st) return;
  if ((st.mode & S_IFMT) === S_IFDIR) {
    for (const e of await listDir(sys, path)) await removeAll(sys, `${path}/${e.name}`);
    await sys.rmdir(path);
  } else {
    await sys.unlink(path);
  }
}

/** Compare as Go compares strings (by UTF-8 bytes; code-point order gives the same result). */
export function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ia = [...a];
  const ib = [...b];
  for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
    const x = ia[i]!.codePointAt(0)!;
    const y = ib[i]!.codePointAt(0)!;
    if (x !== y) return x - y;
  }
  return ia.length - ib.length;
}

/** `n` random bytes from /dev/urandom, or from a digest of the clock when there is none. */
export async function randomBytes(sys: Sys, n: number): Promise<Uint8Array> {
  try {
    const fd = await sys.open('/dev/urandom', O_RDONLY);
    try {
      const b = await sys.read(fd, n);
      if (b.length === n) return b;
    } finally {
      await sys.close(fd);
    }
  } catch {
    // No /dev/urandom on this machine: fall through.
  }
  const out = new Uint8Array(n);
  const seed = Number((await sys.clockGettime(0)) % 0xffffffffn) ^ (Math.random() * 0xffffffff);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = (x ^ (Math.random() * 256)) & 0xff;
  }
  return out;
}

export async function randomHex(sys: Sys, bytes = 32): Promise<string> {
  return [...(await randomBytes(sys, bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

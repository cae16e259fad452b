// Small file helpers over Sys for the engine's state files: read a whole file, write one
// atomically (write aside, then rename over, so a reader never sees half a document), remove a
// tree. Everything goes through syscalls, so a trace shows each step.

import { isSysError } from '../../abi/errno.ts';
import { O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
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
    await sys.writeAll(fd, typeof data === 'string' ? utf8Encode(data) : data);
  } finally {
    await sys.close(fd);
  }
}

/** Write `path` so that readers see the old or the new content, never a part. */
export async function writeAtomic(sys: Sys, path: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
  const aside = `${path}.${await sys.getpid()}.tmp`;
  await writeFile(sys, aside, data, mode);
  await sys.rename(aside, path);
}

export async function mkdirp(sys: Sys, path: string, mode = 0o755): Promise<void> {
  try {
    await sys.mkdir(path, mode);
  } catch (e) {
    if (isSysError(e, 'EEXIST')) return;
    if (!isSysError(e, 'ENOENT')) throw e;
    const parent = path.slice(0, path.lastIndexOf('/'));
    if (parent === '' || parent === path) throw e;
    await mkdirp(sys, parent, 0o755);
    await mkdirp(sys, path, mode);
  }
}

export async function listDir(sys: Sys, path: string): Promise<string[]> {
  let fd: number;
  try {
    fd = await sys.open(path, O_RDONLY | 0o200000);
  } catch (e) {
    if (isSysError(e, 'ENOENT')) return [];
    throw e;
  }
  try {
    // getdents64 here answers every entry in one call.
    return (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
  } finally {
    await sys.close(fd);
  }
}

/** rm -rf, through unlink/rmdir; a missing path is fine. */
export async function removeTree(sys: Sys, path: string): Promise<void> {
  let st;
  try {
    st = await sys.lstat(path);
  } catch (e) {
    if (isSysError(e, 'ENOENT')) return;
    throw e;
  }
  if ((st.mode & 0o170000) === 0o040000) {
    for (const name of await listDir(sys, path)) await removeTree(sys, `${path}/${name}`);
    await sys.rmdir(path);
  } else {
    await sys.unlink(path);
  }
}

/** RFC3339Nano as Go prints it: UTC, trailing zeros of the fraction trimmed. */
export function rfc3339Nano(ns: bigint): string {
  const secs = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  const base = new Date(Number(secs) * 1000).toISOString().slice(0, 19);
  const f = frac.toString().padStart(9, '0').replace(/0+$/, '');
  return `${base}${f ? `.${f}` : ''}Z`;
}

/** The time on the kernel's realtime clock, as Docker stamps records. */
export async function now(sys: Sys): Promise<string> {
  return rfc3339Nano(await sys.clockGettime(0));
}

/** JSON as Go's encoding/json writes it: `<`, `>`, `&` and U+2028/9 escaped. */
export function goJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** `n` random bytes as hex, from /dev/urandom. */
export async function randomHex(sys: Sys, bytes: number): Promise<string> {
  const raw = await readRandom(sys, bytes);
  return Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function readRandom(sys: Sys, n: number): Promise<Uint8Array> {
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
  // No /dev/urandom (a bare test machine): fall back on the host's generator.
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256);
  return out;
}

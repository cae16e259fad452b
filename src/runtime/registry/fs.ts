// The few file operations the registry's storage needs, over Sys (so strace shows them).

import { isSysError } from '../../abi/errno.ts';
import { O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

export async function readFileOrNull(sys: Sys, path: string): Promise<Uint8Array | null> {
  let fd: number;
  try {
    fd = await sys.open(path, O_RDONLY);
  } catch (e) {
    if (isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR')) return null;
    throw e;
  }
  try {
    return await sys.readAll(fd);
  } finally {
    await sys.close(fd);
  }
}

export async function readTextOrNull(sys: Sys, path: string): Promise<string | null> {
  const b = await readFileOrNull(sys, path);
  return b === null ? null : utf8Decode(b);
}

export async function writeFile(sys: Sys, path: string, data: Uint8Array | string): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  try {
    await sys.writeAll(fd, data);
  } finally {
    await sys.close(fd);
  }
}

export async function mkdirp(sys: Sys, path: string): Promise<void> {
  try {
    await sys.mkdir(path, 0o755);
  } catch (e) {
    if (isSysError(e, 'EEXIST')) return;
    if (!isSysError(e, 'ENOENT')) throw e;
    const parent = path.slice(0, path.lastIndexOf('/'));
    if (parent === '') throw e;
    await mkdirp(sys, parent);
    await mkdirp(sys, path);
  }
}

export async function exists(sys: Sys, path: string): Promise<boolean> {
  try {
    await sys.lstat(path);
    return true;
  } catch (e) {
    if (isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR')) return false;
    throw e;
  }
}

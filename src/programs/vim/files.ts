// Reading a file into lines and writing lines back, with the messages vi-compatible vim prints
// ('shortmess' empty: "3 lines, 49 bytes", "[New File]", "[noeol]"). A write truncates and
// rewrites the file in place through the kernel, so it keeps its inode and mode and an overlay
// copies it up as any writer would.

import { isSysError, type ErrnoName } from '../../abi/errno.ts';
import { O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFMT } from '../../abi/stat.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

const W_OK = 2;

export interface Loaded {
  lines: string[];
  message: string;
  exists: boolean;
  readonly: boolean;
}

function counts(lines: number, bytes: number): string {
  return `${lines} ${lines === 1 ? 'line' : 'lines'}, ${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

export async function loadFile(sys: Sys, name: string): Promise<Loaded> {
  let st;
  try {
    st = await sys.stat(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'ENOENT') return { lines: [''], message: `"${name}" [New File]`, exists: false, readonly: false };
    if (e.code === 'EACCES') return { lines: [''], message: `"${name}" [Permission Denied]`, exists: false, readonly: false };
    return { lines: [''], message: `"${name}" [New DIRECTORY]`, exists: false, readonly: false };
  }
  if ((st.mode & S_IFMT) === S_IFDIR) return { lines: [''], message: `"${name}" is a directory`, exists: false, readonly: false };
  let fd: number;
  try {
    fd = await sys.open(name, O_RDONLY);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { lines: [''], message: `"${name}" [Permission Denied]`, exists: true, readonly: true };
  }
  let bytes: Uint8Array;
  try {
    bytes = await sys.readAll(fd);
  } finally {
    await sys.close(fd);
  }
  const readonly = await sys.access(name, W_OK).then(() => false, () => true);
  const text = utf8Decode(bytes);
  const noeol = text.length > 0 && !text.endsWith('\n');
  const lines = text === '' ? [''] : (noeol ? text : text.slice(0, -1)).split('\n');
  const shownLines = text === '' ? 0 : lines.length;
  const flags = (readonly ? ' [readonly]' : '') + (noeol ? ' [noeol]' : '');
  return { lines, message: `"${name}"${flags} ${counts(shownLines, bytes.length)}`, exists: true, readonly };
}

export type WriteResult = { ok: true; message: string } | { ok: false; message: string };

const WRITE_ERRORS: Partial<Record<ErrnoName, string>> = {
  ENOSPC: 'E514: Write error (file system full?)',
  EDQUOT: 'E514: Write error (file system full?)',
  EIO: 'E514: Write error (file system full?)',
};

/** Write `lines` to `name` (created 0666 less the umask if new), as :w does. */
export async function writeFile(sys: Sys, name: string, lines: string[], lineRange?: [number, number]): Promise<WriteResult> {
  let isNew = false;
  try {
    const st = await sys.stat(name);
    if ((st.mode & S_IFMT) === S_IFDIR) return { ok: false, message: `E502: "${name}" is a directory` };
  } catch (e) {
    if (!isSysError(e)) throw e;
    isNew = true;
  }
  const part = lineRange ? lines.slice(lineRange[0], lineRange[1]) : lines;
  const data = utf8Encode(part.join('\n') + '\n');
  let fd: number;
  try {
    fd = await sys.open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { ok: false, message: `"${name}" E212: Can't open file for writing` };
  }
  try {
    await sys.writeAll(fd, data);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.close(fd).catch(() => undefined);
    return { ok: false, message: `"${name}" ${WRITE_ERRORS[e.code] ?? 'E667: Fsync failed'}` };
  }
  await sys.close(fd);
  return { ok: true, message: `"${name}"${isNew ? ' [New File]' : ''} ${counts(part.length, data.length)} written` };
}

// Reading and writing files as nano 7.2 does, with its status-bar messages. A write opens the
// file O_WRONLY|O_CREAT|O_TRUNC, writes, fsyncs and closes (measured with strace), so the file
// keeps its inode and mode and an overlay copies it up as any writer would. Debian's
// /etc/nanorc sets `locking`: while a file is open a vim-style lock file `.NAME.swp` sits
// beside it, rewritten with a "modified" byte when the buffer first changes.

import { isSysError } from '../../abi/errno.ts';
import { strerror } from '../../abi/errno.ts';
import { O_CREAT, O_EXCL, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFMT } from '../../abi/stat.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

const W_OK = 2;

export interface Loaded {
  lines: string[];
  message: string;
  /** False when the name is not kept (a directory opens an unnamed buffer). */
  keepName: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export async function loadFile(sys: Sys, name: string): Promise<Loaded> {
  let st;
  try {
    st = await sys.stat(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'ENOENT') return { lines: [''], message: 'New File', keepName: true };
    return { lines: [''], message: `Error reading ${name}: ${strerror(e.code)}`, keepName: true };
  }
  if ((st.mode & S_IFMT) === S_IFDIR) return { lines: [''], message: `"${name}" is a directory`, keepName: false };
  let fd: number;
  try {
    fd = await sys.open(name, O_RDONLY);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { lines: [''], message: `Error reading ${name}: ${strerror(e.code)}`, keepName: true };
  }
  let bytes: Uint8Array;
  try {
    bytes = await sys.readAll(fd);
  } finally {
    await sys.close(fd);
  }
  const text = utf8Decode(bytes);
  const lines = text.split('\n');
  // Lines read: every newline ends one, and text after the last newline is one more.
  const count = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
  const writable = await sys.access(name, W_OK).then(() => true, () => false);
  const message = writable ? `Read ${plural(count, 'line', 'lines')}` : `File '${name}' is unwritable`;
  return { lines, message, keepName: true };
}

export type WriteResult = { ok: true; message: string } | { ok: false; message: string };

/** Write `text` to `name` in place (created 0666 less the umask if new). */
export async function writeFile(sys: Sys, name: string, text: string, lineCount: number): Promise<WriteResult> {
  let fd: number;
  try {
    fd = await sys.open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { ok: false, message: `Error writing ${name}: ${strerror(e.code)}` };
  }
  try {
    await sys.writeAll(fd, utf8Encode(text));
    await sys.fsync(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.close(fd).catch(() => undefined);
    return { ok: false, message: `Error writing ${name}: ${strerror(e.code)}` };
  }
  await sys.close(fd);
  return { ok: true, message: `Wrote ${plural(lineCount, 'line', 'lines')}` };
}

/** Where nano keeps the lock file of `name`: `.NAME.swp` in the same directory. */
export function lockPath(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? `./.${name}.swp` : `${name.slice(0, slash + 1)}.${name.slice(slash + 1)}.swp`;
}

async function userName(sys: Sys): Promise<string> {
  const uid = await sys.getuid();
  try {
    const fd = await sys.open('/etc/passwd', O_RDONLY);
    const text = utf8Decode(await sys.readAll(fd));
    await sys.close(fd);
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f.length > 2 && Number(f[2]) === uid) return f[0]!;
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  return String(uid);
}

/** Write the lock file (vim's swap-file header: program, pid, user, host, file, modified). */
export async function writeLock(sys: Sys, name: string, modified: boolean): Promise<boolean> {
  const data = new Uint8Array(1024);
  const put = (at: number, s: string, max: number): void => data.set(utf8Encode(s).subarray(0, max), at);
  put(0, 'b0nano 7.2', 24);
  const pid = await sys.getpid();
  data[24] = pid & 0xff;
  data[25] = (pid >> 8) & 0xff;
  data[26] = (pid >> 16) & 0xff;
  data[27] = (pid >> 24) & 0xff;
  put(28, await userName(sys), 40);
  put(68, (await sys.uname()).nodename, 40);
  put(108, name, 768);
  if (modified) data[1007] = 0x55;
  const path = lockPath(name);
  try {
    await sys.unlink(path).catch(() => undefined);
    const fd = await sys.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o666);
    await sys.writeAll(fd, data);
    await sys.close(fd);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

export async function removeLock(sys: Sys, name: string): Promise<void> {
  await sys.unlink(lockPath(name)).catch(() => undefined);
}

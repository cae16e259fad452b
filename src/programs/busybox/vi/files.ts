// busybox vi's file messages: "'FILE' 3L, 50C" for what :w wrote and :e or :r read, and its
// errors ("'FILE' is not a regular file", "'FILE' Permission denied"). A write truncates and
// rewrites the file in place, as vim's files.ts does, so an overlay copies it up as any writer's.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../../abi/open-flags.ts';
import { S_IFMT, S_IFREG } from '../../../abi/stat.ts';
import { utf8Encode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';
import { loadFile } from '../../vim/files.ts';

export interface BbLoaded {
  lines: string[];
  /** The message to show ('' for none), and whether the file could be read. */
  message: string;
  ok: boolean;
  readonly: boolean;
}

const sizeOf = (lines: string[]): number => utf8Encode(lines.join('\n') + '\n').length;

export async function bbLoad(sys: Sys, name: string): Promise<BbLoaded> {
  try {
    const st = await sys.stat(name);
    if ((st.mode & S_IFMT) !== S_IFREG) return { lines: [''], message: `'${name}' is not a regular file`, ok: false, readonly: false };
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'ENOENT') return { lines: [''], message: '', ok: false, readonly: false };
    return { lines: [''], message: `'${name}' ${strerror(e.code)}`, ok: false, readonly: false };
  }
  const got = await loadFile(sys, name);
  const empty = got.lines.length === 1 && got.lines[0] === '';
  const lines = empty ? 0 : got.lines.length;
  return { lines: got.lines, message: `'${name}' ${lines}L, ${empty ? 0 : sizeOf(got.lines)}C`, ok: true, readonly: got.readonly };
}

export async function bbWrite(sys: Sys, name: string, lines: string[]): Promise<{ ok: boolean; message: string }> {
  const data = utf8Encode(lines.join('\n') + '\n');
  let fd: number;
  try {
    fd = await sys.open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { ok: false, message: `'${name}' ${strerror(e.code)}` };
  }
  try {
    await sys.writeAll(fd, data);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { ok: false, message: `'${name}' ${strerror(e.code)}` };
  } finally {
    await sys.close(fd).catch(() => undefined);
  }
  return { ok: true, message: `'${name}' ${lines.length}L, ${data.length}C` };
}

// Reading a program's inputs: a file operand or "-" for standard input, whole or line by line,
// as text (UTF-8) or bytes. Errors are the caller's to report, with the operand's name.

import { utf8Decode, utf8StreamDecoder } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

const CHUNK = 65536;

/** Open an operand for reading ("-" is standard input, which is not closed afterwards). */
export async function withInput<T>(sys: Sys, name: string, use: (fd: number) => Promise<T>): Promise<T> {
  if (name === '-') return use(0);
  const fd = await sys.open(name, 0);
  try {
    return await use(fd);
  } finally {
    await sys.close(fd);
  }
}

export async function readAllBytes(sys: Sys, name: string): Promise<Uint8Array> {
  return withInput(sys, name, (fd) => sys.readAll(fd));
}

export async function readAllText(sys: Sys, name: string): Promise<string> {
  return utf8Decode(await readAllBytes(sys, name));
}

/**
 * Lines of a descriptor as they arrive, each without its newline; `last` tells whether the final
 * line had no newline (so tools like cat -A or sed can keep it that way). Reads incrementally, so
 * `tail -f` style and interactive pipelines are not held back until end of file.
 */
export async function* lines(sys: Sys, fd: number): AsyncGenerator<{ line: string; newline: boolean }> {
  const decode = utf8StreamDecoder();
  let pending = '';
  for (let chunk = await sys.read(fd, CHUNK); chunk.length > 0; chunk = await sys.read(fd, CHUNK)) {
    pending += decode(chunk);
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
      yield { line: pending.slice(start, nl), newline: true };
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  if (pending) yield { line: pending, newline: false };
}

/** Split text into lines without their newlines; a final newline does not make an empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

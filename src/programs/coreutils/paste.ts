// paste (GNU coreutils): join corresponding lines of the FILEs side by side, separated by TAB
// or the -d characters used in turn (\n \t \\ \0 and friends understood); -s joins all lines of
// each file into one line instead. "-" may be named several times and takes turns with itself.

import { isSysError, strerror } from '../../abi/errno.ts';
import { concatBytes } from '../../base/bytes.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quoteIfNeeded } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'paste', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Write the lines of each FILE side by side, separated by TABs.\nWith no FILE, or FILE "-", read standard input.',
  options: [
    { short: 'd', long: 'delimiters', arg: 'required', argName: 'LIST', help: 'separate with the characters of LIST in turn instead of TAB' },
    { short: 's', long: 'serial', help: 'paste one file at a time: all its lines on one line' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
  ],
};

const ESCAPES: Record<string, number[]> = { '0': [], b: [8], f: [12], n: [10], r: [13], t: [9], v: [11], '\\': [92] };

/** The delimiter list, each entry zero or one byte; null if it ends in a lone backslash. */
function parseDelims(text: string): Uint8Array[] | null {
  const bytes = utf8Encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 92) {
      out.push(bytes.subarray(i, i + 1));
      continue;
    }
    if (++i >= bytes.length) return null;
    const c = String.fromCharCode(bytes[i]!);
    out.push(Uint8Array.from(ESCAPES[c] ?? [bytes[i]!]));
  }
  return out;
}

/** A file's lines, read line by line on demand (so "-" twice takes turns). */
class LineSource {
  private buf: Uint8Array = new Uint8Array(0);
  private eof = false;
  constructor(private readonly sys: Sys, readonly fd: number, private readonly eol: number) {}

  async next(): Promise<Uint8Array | null> {
    for (;;) {
      const at = this.buf.indexOf(this.eol);
      if (at >= 0) {
        const line = this.buf.slice(0, at);
        this.buf = this.buf.subarray(at + 1);
        return line;
      }
      if (this.eof) {
        if (this.buf.length === 0) return null;
        const line = this.buf;
        this.buf = new Uint8Array(0);
        return line;
      }
      const chunk = await this.sys.read(this.fd, 65536);
      if (chunk.length === 0) this.eof = true;
      else this.buf = concatBytes([this.buf, chunk]);
    }
  }
}

async function open(tool: Tool, name: string): Promise<number | null> {
  if (name === '-') return 0;
  try {
    return await tool.sys.open(name, 0);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await tool.error(`${quoteIfNeeded(name)}: ${strerror(e.code)}`);
    return null;
  }
}

/** paste closes a standard input it read, as GNU's does, and reports a failure as "-". */
async function closeStdin(tool: Tool): Promise<void> {
  try {
    await tool.sys.close(0);
  } catch (e) {
    await tool.sysError(e, '-');
  }
}

export default function paste(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    // A checked fwrite dies with the errno words; close_stdout then finds the stream failed too.
    tool.wordWriteError({ midRun: (err) => `paste: write error: ${err}\npaste: write error\n` });
    const a = tool.args;
    const delims = parseDelims(a.value('delimiters') ?? '\t');
    if (!delims) {
      await tool.error(`delimiter list ends with an unescaped backslash: ${a.value('delimiters')}`);
      return 1;
    }
    if (delims.length === 0) delims.push(new Uint8Array(0));
    const eol = a.has('zero-terminated') ? 0 : 10;
    const eolBytes = Uint8Array.of(eol);
    const names = a.operands.length ? a.operands : ['-'];
    const out = tool.out;
    if (a.has('serial')) {
      for (const name of names) {
        const fd = await open(tool, name);
        if (fd === null) continue;
        try {
          const src = new LineSource(sys, fd, eol);
          let d = 0;
          let first = true;
          for (let line = await src.next(); line !== null; line = await src.next()) {
            if (!first) {
              await out.write(delims[d]!);
              d = (d + 1) % delims.length;
            }
            await out.write(line);
            first = false;
          }
          await out.write(eolBytes);
        } catch (e) {
          await tool.sysError(e, quoteIfNeeded(name));
        } finally {
          if (fd !== 0) await sys.close(fd);
        }
      }
      if (names.includes('-')) await closeStdin(tool);
      return;
    }
    // Opening every file first, as GNU does: one that fails is reported and left out.
    const sources: LineSource[] = [];
    let stdin: LineSource | null = null;
    for (const name of names) {
      const fd = await open(tool, name);
      if (fd === null) return 1;
      if (fd === 0) sources.push((stdin ??= new LineSource(sys, 0, eol)));
      else sources.push(new LineSource(sys, fd, eol));
    }
    const done = sources.map(() => false);
    for (;;) {
      const parts: Uint8Array[] = [];
      let any = false;
      for (const [i, src] of sources.entries()) {
        let line: Uint8Array | null = null;
        if (!done[i]) {
          try {
            line = await src.next();
          } catch (e) {
            // A file that cannot be read (a directory, a closed stdin) ends there, reported.
            await tool.sysError(e, quoteIfNeeded(names[i]!));
          }
          if (line === null) done[i] = true;
          else any = true;
        }
        parts.push(line ?? new Uint8Array(0));
      }
      if (!any) break;
      for (const [i, p] of parts.entries()) {
        await out.write(p);
        await out.write(i === parts.length - 1 ? eolBytes : delims[i % delims.length]!);
      }
    }
    for (const src of sources) if (src.fd !== 0) await sys.close(src.fd);
    if (stdin) await closeStdin(tool);
  });
}

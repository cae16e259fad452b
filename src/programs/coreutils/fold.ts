// fold (GNU coreutils): break lines longer than -w columns (default 80). Columns count as a
// terminal shows them (TAB to the next multiple of 8, backspace one back, CR to the start),
// or bytes with -b; -s breaks after the last blank that fits instead of mid-word.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { withArgv } from '../lib/argv.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'fold', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Wrap the lines of each FILE (or standard input) to fit in a given width.',
  options: [
    { short: 'b', long: 'bytes', help: 'count bytes rather than columns' },
    { short: 's', long: 'spaces', help: 'break after the last blank that fits' },
    { short: 'w', long: 'width', arg: 'required', argName: 'WIDTH', help: 'use WIDTH columns instead of 80' },
  ],
};

function pushAll(to: number[], from: number[]): void {
  for (const x of from) to.push(x);
}

class Folder {
  private line: number[] = [];
  private column = 0;
  constructor(private readonly width: number, private readonly bytes: boolean, private readonly spaces: boolean, private readonly emit: (b: Uint8Array) => Promise<void>) {}

  private adjust(column: number, c: number): number {
    if (this.bytes) return column + 1;
    if (c === 8) return column > 0 ? column - 1 : 0;
    if (c === 13) return 0;
    if (c === 9) return column + 8 - (column % 8);
    return column + 1;
  }

  async feed(chunk: Uint8Array): Promise<void> {
    const out: number[] = [];
    for (const c of chunk) {
      if (c === 10) {
        pushAll(out, this.line);
        out.push(10);
        this.line = [];
        this.column = 0;
        continue;
      }
      for (;;) {
        this.column = this.adjust(this.column, c);
        if (this.column <= this.width) {
          this.line.push(c);
          break;
        }
        if (this.spaces) {
          let end = this.line.length;
          while (end > 0 && this.line[end - 1] !== 32 && this.line[end - 1] !== 9) end--;
          if (end > 0) {
            pushAll(out, this.line.slice(0, end));
            out.push(10);
            this.line = this.line.slice(end);
            this.column = 0;
            for (const x of this.line) this.column = this.adjust(this.column, x);
            continue;
          }
        }
        if (this.line.length === 0) {
          this.line.push(c);
          break;
        }
        pushAll(out, this.line);
        out.push(10);
        this.line = [];
        this.column = 0;
      }
      if (out.length >= 65536) await this.emit(Uint8Array.from(out.splice(0)));
    }
    if (out.length) await this.emit(Uint8Array.from(out));
  }

  async finish(): Promise<void> {
    if (this.line.length) await this.emit(Uint8Array.from(this.line));
    this.line = [];
    this.column = 0;
  }
}

export default function fold(sys: Sys): Promise<number> {
  // The old form -NUM means -w NUM.
  const argv = sys.argv.map((a, i) => (i > 0 && /^-[0-9]+$/.test(a) ? `-w${a.slice(1)}` : a));
  return runTool(withArgv(sys, argv), meta, async (tool) => {
    const a = tool.args;
    let width = 80;
    const w = a.value('width');
    if (w !== undefined) {
      if (!/^[ \t]*\+?[0-9]+$/.test(w)) {
        await tool.error(`invalid number of columns: ${quote(w)}`);
        return 1;
      }
      const n = Number(w.trim());
      if (n < 1 || !Number.isSafeInteger(n)) {
        await tool.error(`invalid number of columns: ${quote(w)}: ${n < 1 ? 'Numerical result out of range' : 'Value too large for defined data type'}`);
        return 1;
      }
      width = n;
    }
    const folder = new Folder(width, a.has('bytes'), a.has('spaces'), (b) => tool.out.write(b));
    for (const name of a.operands.length ? a.operands : ['-']) {
      let fd = 0;
      try {
        if (name !== '-') fd = await sys.open(name, 0);
        for (let chunk = await sys.read(fd, 65536); chunk.length > 0; chunk = await sys.read(fd, 65536)) await folder.feed(chunk);
        await folder.finish();
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${quoteIfNeeded(name)}: ${strerror(e.code)}`);
      } finally {
        if (fd !== 0) await sys.close(fd);
      }
    }
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && (a.operands.length === 0 || a.operands.includes('-'))) await tool.closeStdin();
  });
}

// yesno() as gnulib gives it to rm -i, cp -i, mv -i and ln -i: read one line of standard input
// (buffered as stdio buffers it, so the lines of one pipe feed prompts in turn) and take it as
// yes when it starts with 'y' or 'Y' (the C locale's rpmatch); end of file is no.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { Tool } from './tool.ts';

export class YesNo {
  private buffer: number[] = [];
  private eof = false;

  constructor(private readonly sys: Sys) {}

  private async line(): Promise<string | null> {
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl >= 0) return String.fromCharCode(...this.buffer.splice(0, nl + 1).slice(0, -1));
      if (this.eof) {
        if (this.buffer.length === 0) return null;
        return String.fromCharCode(...this.buffer.splice(0));
      }
      let chunk: Uint8Array;
      try {
        chunk = await this.sys.read(0, 4096);
      } catch (e) {
        if (!isSysError(e)) throw e;
        chunk = new Uint8Array(0);
      }
      if (chunk.length === 0) this.eof = true;
      else this.buffer.push(...chunk);
    }
  }

  async ask(): Promise<boolean> {
    const answer = await this.line();
    return answer !== null && /^[yY]/.test(answer);
  }
}

/**
 * Before a prompt: stdio keeps a terminal's standard output line-buffered, so what a program
 * printed is on the screen before it asks; into a pipe it stays buffered until exit.
 */
export async function flushForPrompt(tool: Tool): Promise<void> {
  if (await tool.sys.isatty(1)) await tool.out.flush();
}

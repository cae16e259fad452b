// Standard output and error for the package managers, kept in order: output is buffered as stdio
// buffers it, and flushed before anything goes to standard error or a question is asked, so a
// transcript reads as the real tool's does. ask() reads one answer line from standard input.

import { utf8Decode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';
import { Output } from '../../lib/tool.ts';

export class Console {
  readonly out: Output;
  quiet = false;

  constructor(readonly sys: Sys) {
    this.out = new Output(sys);
  }

  /** Text on standard output (nothing when quiet). */
  async print(text: string): Promise<void> {
    if (!this.quiet) await this.out.write(text);
  }

  /** Text on standard output even when quiet. */
  async always(text: string): Promise<void> {
    await this.out.write(text);
  }

  async err(text: string): Promise<void> {
    await this.out.flush();
    await this.sys.writeAll(2, text);
  }

  async flush(): Promise<void> {
    await this.out.flush();
  }

  /** Print `prompt` and read a line; null at end of input. */
  async ask(prompt: string): Promise<string | null> {
    await this.out.write(prompt);
    await this.out.flush();
    const bytes: number[] = [];
    for (;;) {
      let chunk: Uint8Array;
      try {
        chunk = await this.sys.read(0, 1);
      } catch {
        return bytes.length ? utf8Decode(new Uint8Array(bytes)) : null;
      }
      if (chunk.length === 0) return bytes.length ? utf8Decode(new Uint8Array(bytes)) : null;
      if (chunk[0] === 10) return utf8Decode(new Uint8Array(bytes));
      bytes.push(chunk[0]!);
    }
  }
}

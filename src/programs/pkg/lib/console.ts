// Standard output and error for the package managers, kept in order: output is buffered as stdio
// buffers it, and flushed before anything goes to standard error or a question is asked, so a
// transcript reads as the real tool's does. ask() reads one answer line from standard input.

import { isSysError, type SysError } from '../../../abi/errno.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';
import { Output, WriteError } from '../../lib/tool.ts';

export class Console {
  readonly out: Output;
  quiet = false;
  /**
   * The first failed write of standard output (a full disk, EPIPE with SIGPIPE ignored). As with
   * stdio's error flag, the output is dropped and the run goes on; a tool that checks (dpkg) says so at exit.
   */
  failure: SysError | null = null;

  constructor(readonly sys: Sys) {
    this.out = new Output(sys);
  }

  private async checked(write: Promise<void>): Promise<void> {
    try {
      await write;
    } catch (e) {
      if (!(e instanceof WriteError) || !isSysError(e.failure)) throw e;
      this.failure ??= e.failure;
    }
  }

  /** Text on standard output (nothing when quiet). */
  async print(text: string): Promise<void> {
    if (!this.quiet) await this.checked(this.out.write(text));
  }

  /** Text on standard output even when quiet. */
  async always(text: string): Promise<void> {
    await this.checked(this.out.write(text));
  }

  async err(text: string): Promise<void> {
    await this.checked(this.out.flush());
    await this.sys.writeAll(2, text).catch((e: unknown) => {
      if (!isSysError(e)) throw e;
    });
  }

  async flush(): Promise<void> {
    await this.checked(this.out.flush());
  }

  /** Print `prompt` and read a line; null at end of input. */
  async ask(prompt: string): Promise<string | null> {
    await this.checked(this.out.write(prompt));
    await this.checked(this.out.flush());
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

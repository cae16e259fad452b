// awk's files: records read with RS (a character, a regex, or "" for paragraphs) from a
// descriptor without reading past what a terminal or pipe has given, and output streams
// (stdout, files, `| "cmd"` pipes) buffered as stdio buffers them. Commands run as `sh -c`.

import { isSysError, strerror, type SysError } from '../../abi/errno.ts';
import { O_APPEND, O_CLOEXEC, O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import type { Regex } from './awk-regex.ts';
import { fromBytes, toBytes } from './awk-value.ts';

const CHUNK = 65536;

/** glibc's buffer for a file or pipe: mawk's output reaches the kernel this much at a time. */
const STDIO_BLOCK = 4096;

/** A read that failed (a directory, a closed stdin): mawk's "read error (...)", status 2. */
export class AwkReadError extends Error {
  constructor(readonly reason: string) {
    super(`read error (${reason})`);
  }
}

/** A write of an output stream failed; what it means (fatal or not) depends on who flushed. */
export class OutputFailure extends Error {
  constructor(readonly stream: OutStream, readonly failure: SysError) {
    super(strerror(failure.code));
  }
}

/** How records end: one byte, blank lines, or a regular expression. */
export type RecordSep = { mode: 'char'; ch: string } | { mode: 'para' } | { mode: 're'; re: Regex } | { mode: 'space' };

export class RecordReader {
  private buf = '';
  private pos = 0;
  private eof = false;

  constructor(private readonly sys: Sys, readonly fd: number, private readonly beforeRead: () => Promise<void> = async () => {}) {}

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    await this.beforeRead();
    let chunk: Uint8Array;
    try {
      chunk = await this.sys.read(this.fd, CHUNK);
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new AwkReadError(strerror(e.code));
    }
    if (chunk.length === 0) {
      this.eof = true;
      return false;
    }
    if (this.pos > CHUNK) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf += fromBytes(chunk);
    return true;
  }

  /** The next record, or null at end of input. */
  async next(rs: RecordSep): Promise<string | null> {
    switch (rs.mode) {
      case 'char': return this.nextChar(rs.ch);
      case 'para': return this.nextPara();
      case 'space': return this.nextSpace();
      case 're': return this.nextRe(rs.re);
    }
  }

  private async nextChar(ch: string): Promise<string | null> {
    let scanned = 0;
    for (;;) {
      const at = this.buf.indexOf(ch, this.pos + scanned);
      if (at >= 0) {
        const rec = this.buf.slice(this.pos, at);
        this.pos = at + 1;
        return rec;
      }
      scanned = this.buf.length - this.pos;
      if (!(await this.fill())) return this.rest();
    }
  }

  private rest(): string | null {
    if (this.pos >= this.buf.length) return null;
    const rec = this.buf.slice(this.pos);
    this.pos = this.buf.length;
    return rec;
  }

  private async skipNewlines(): Promise<void> {
    for (;;) {
      while (this.pos < this.buf.length && this.buf.charCodeAt(this.pos) === 10) this.pos++;
      if (this.pos < this.buf.length) return;
      if (!(await this.fill())) return;
    }
  }

  private async nextPara(): Promise<string | null> {
    await this.skipNewlines();
    let scanned = 0;
    for (;;) {
      const at = this.buf.indexOf('\n\n', this.pos + scanned);
      if (at >= 0) {
        const rec = this.buf.slice(this.pos, at);
        this.pos = at + 2;
        return rec;
      }
      scanned = Math.max(0, this.buf.length - this.pos - 1);
      if (!(await this.fill())) {
        const rec = this.rest();
        return rec === null ? null : rec.replace(/\n+$/, '');
      }
    }
  }

  private async nextSpace(): Promise<string | null> {
    const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10;
    for (;;) {
      while (this.pos < this.buf.length && isSpace(this.buf.charCodeAt(this.pos))) this.pos++;
      if (this.pos < this.buf.length) break;
      if (!(await this.fill())) return null;
    }
    let i = this.pos;
    for (;;) {
      while (i < this.buf.length && !isSpace(this.buf.charCodeAt(i))) i++;
      if (i < this.buf.length) {
        const rec = this.buf.slice(this.pos, i);
        this.pos = i + 1;
        return rec;
      }
      if (!(await this.fill())) return this.rest();
    }
  }

  private async nextRe(re: Regex): Promise<string | null> {
    for (;;) {
      const m = re.exec(this.buf, this.pos);
      // A match that reaches the end of what we have might grow with more input.
      if (m && m[1] > m[0] && (m[1] < this.buf.length || this.eof)) {
        const rec = this.buf.slice(this.pos, m[0]);
        this.pos = m[1];
        return rec;
      }
      if (!(await this.fill())) {
        const last = re.exec(this.buf, this.pos);
        if (last && last[1] > last[0]) {
          const rec = this.buf.slice(this.pos, last[0]);
          this.pos = last[1];
          return rec;
        }
        return this.rest();
      }
    }
  }
}

/** An output stream: stdout, a file, or a command's standard input. */
export class OutStream {
  private parts: string[] = [];
  size = 0;
  /** A buffer that stdio could not write (it keeps it): closing the stream fails again. */
  stuck: SysError | null = null;
  /** `name` is how mawk names the stream in "close failed on file NAME". */
  constructor(private readonly sys: Sys, readonly fd: number, readonly pid: number | null, readonly unbuffered = false,
    readonly name = fd === 1 ? '/dev/stdout' : '', public limit = STDIO_BLOCK) {}

  /** Whether stdio would have written its buffer by now. */
  get full(): boolean {
    return this.unbuffered || this.size >= this.limit;
  }

  write(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.size += s.length;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const s = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    try {
      await this.sys.writeAll(this.fd, toBytes(s));
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new OutputFailure(this, e);
    }
  }
}

/** The status `system()` and `close()` give: the exit status, or 256 + the signal. */
export function waitStatus(st: number): number {
  return WIFEXITED(st) ? WEXITSTATUS(st) : 256 + WTERMSIG(st);
}

/** Start `sh -c cmd` with one end of a pipe as its stdin (`dir` 'w') or stdout ('r'). */
export async function spawnShell(sys: Sys, cmd: string, dir: 'r' | 'w' | null, envp: string[]): Promise<{ pid: number; fd: number }> {
  // mawk's pipes exec "/bin/sh" by that name; system() goes through libc's, which says "sh".
  let ours = -1;
  let theirs = -1;
  if (dir) {
    const [r, w] = await sys.pipe(true);
    [ours, theirs] = dir === 'w' ? [w, r] : [r, w];
  }
  const argv = [dir ? '/bin/sh' : 'sh', '-c', cmd];
  const pid = await sys.fork(async (c) => {
    if (dir) await c.dup2(theirs, dir === 'w' ? 0 : 1);
    try {
      return await c.execve('/bin/sh', argv, envp);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 127;
    }
  });
  if (dir) await sys.close(theirs);
  return { pid, fd: ours };
}

export async function openOutputFile(sys: Sys, name: string, append: boolean): Promise<number> {
  return sys.open(name, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o666);
}

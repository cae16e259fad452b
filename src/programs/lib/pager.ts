// The terminal side of less and more: a screenful at a time, keys read one by one from the
// terminal in non-canonical mode (the data may come from a pipe on standard input, so keys come
// from /dev/tty), the terminal's modes restored on every way out, ^C included. Input is read
// only as far as the screen needs, so `yes | less` shows its first page at once.

import { isSysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import { copyTermios, ECHO, ICANON, VMIN, VTIME, type Termios } from '../../abi/termios.ts';
import { utf8Decode, utf8StreamDecoder } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

/** One input (a file or standard input), split into lines as it is read. */
export class Document {
  readonly lines: string[] = [];
  private pending = '';
  private eof = false;
  private readonly decode = utf8StreamDecoder();
  /** Bytes read so far, and the total when the input is a regular file (for more's percentage). */
  bytesRead = 0;

  constructor(private readonly sys: Sys, readonly name: string, readonly fd: number, readonly size: number | null) {}

  get complete(): boolean {
    return this.eof;
  }

  /** Read until there are at least `n` lines (or the input ends). */
  async ensure(n: number): Promise<void> {
    while (!this.eof && this.lines.length < n) {
      const chunk = await this.sys.read(this.fd, 65536);
      if (chunk.length === 0) {
        this.eof = true;
        if (this.pending !== '') this.lines.push(this.pending);
        this.pending = '';
        break;
      }
      this.bytesRead += chunk.length;
      const text = this.pending + this.decode(chunk);
      const parts = text.split('\n');
      this.pending = parts.pop()!;
      for (const p of parts) this.lines.push(p);
    }
  }
}

/** A line as the terminal should show it: tabs expanded, control characters as ^X (ESC kept with `raw`). */
export function displayLine(line: string, raw = false): string {
  let out = '';
  let col = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0)!;
    if (ch === '\t') {
      const n = 8 - (col % 8);
      out += ' '.repeat(n);
      col += n;
    } else if (raw && c === 27) {
      out += ch;
    } else if (c < 32 || c === 127) {
      out += `^${String.fromCharCode(c === 127 ? 63 : c + 64)}`;
      col += 2;
    } else {
      out += ch;
      col += 1;
    }
  }
  return out;
}

/** The screen rows a shown line takes at `cols` columns. */
export function rowsOf(shown: string, cols: number): number {
  return Math.max(1, Math.ceil([...shown].length / cols));
}

export interface Terminal {
  sys: Sys;
  /** Where keys are read: standard input if it is the terminal, else /dev/tty. */
  keyFd: number;
  rows: number;
  cols: number;
  /** Set by SIGINT: the pager quits, restoring the terminal. */
  interrupted: boolean;
  write(s: string): Promise<void>;
  /** One key (an escape sequence whole), or null at end of input or on ^C. */
  key(): Promise<string | null>;
}

/**
 * Put the terminal in non-canonical, no-echo mode around `body` and restore it afterwards (also
 * when ^C or an error ends the pager). SIGWINCH updates the size.
 */
export async function withTerminal(sys: Sys, body: (t: Terminal) => Promise<void>): Promise<void> {
  let keyFd = 0;
  let opened = false;
  if (!(await sys.isatty(0))) {
    keyFd = await sys.open('/dev/tty', 0);
    opened = true;
  }
  const saved: Termios = await sys.tcgetattr(keyFd);
  const raw = copyTermios(saved);
  raw.lflag &= ~(ICANON | ECHO);
  raw.cc[VMIN] = 1;
  raw.cc[VTIME] = 0;
  const size = async (): Promise<{ rows: number; cols: number }> => {
    const ws = await sys.getWinsize(1).catch(() => ({ row: 0, col: 0 }));
    return { rows: ws.row || 24, cols: ws.col || 80 };
  };
  const t: Terminal = {
    sys, keyFd, ...(await size()), interrupted: false,
    write: (s) => sys.writeAll(1, s),
    key: async () => {
      for (;;) {
        if (t.interrupted) return null;
        let b: Uint8Array;
        try {
          b = await sys.read(keyFd, 16);
        } catch (e) {
          if (isSysError(e, 'EINTR')) continue;
          throw e;
        }
        if (b.length === 0) return null;
        return utf8Decode(b);
      }
    },
  };
  const oldInt = await sys.sigaction(SIG.SIGINT, () => {
    t.interrupted = true;
  });
  const oldWinch = await sys.sigaction(SIG.SIGWINCH, async () => {
    Object.assign(t, await size());
  });
  await sys.tcsetattr(keyFd, 0, raw);
  try {
    await body(t);
  } finally {
    await sys.tcsetattr(keyFd, 0, saved);
    await sys.sigaction(SIG.SIGINT, oldInt);
    await sys.sigaction(SIG.SIGWINCH, oldWinch);
    if (opened) await sys.close(keyFd);
  }
}

export const REVERSE = (s: string): string => `\x1b[7m${s}\x1b[27m`;

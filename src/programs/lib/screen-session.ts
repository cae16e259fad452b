// The terminal side of a full-screen program (vi, busybox's vi, nano): the modes it found, raw
// mode while it runs (no echo, no line editing, no signals from keys, CR left as typed), the
// window size, keys read as text, and the signal handlers it sets, all put back at the end.

import { isSysError } from '../../abi/errno.ts';
import { ECHO, ECHOE, ICANON, ICRNL, IEXTEN, INLCR, ISIG, IXON, type Termios, VMIN, VTIME, copyTermios } from '../../abi/termios.ts';
import { utf8StreamDecoder } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

type Action = Awaited<ReturnType<Sys['sigaction']>>;

export class ScreenSession {
  private readonly decode = utf8StreamDecoder();
  private readonly replaced = new Map<number, Action>();

  private constructor(
    private readonly sys: Sys,
    /** The modes found on stdin; null when it is not a terminal. */
    readonly saved: Termios | null,
  ) {}

  static async open(sys: Sys): Promise<ScreenSession> {
    let saved: Termios | null = null;
    try {
      saved = await sys.tcgetattr(0);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    return new ScreenSession(sys, saved);
  }

  /** The window's size, 80x24 where the terminal does not say. */
  async size(): Promise<{ rows: number; cols: number }> {
    const ws = await this.sys.getWinsize(1).catch(() => ({ row: 0, col: 0 }));
    return { rows: ws.row || 24, cols: ws.col || 80 };
  }

  /** Typed keys as text: '' when a signal cut the read short, null at the end of input. */
  async read(): Promise<string | null> {
    try {
      const b = await this.sys.read(0, 4096);
      return b.length === 0 ? null : this.decode(b);
    } catch (e) {
      if (isSysError(e, 'EINTR')) return '';
      throw e;
    }
  }

  write(s: string): Promise<void> {
    return this.sys.writeAll(1, s);
  }

  /** Raw mode, from the modes found (nothing when stdin is no terminal). */
  async raw(): Promise<void> {
    if (!this.saved) return;
    const t = copyTermios(this.saved);
    t.iflag &= ~(ICRNL | IXON | INLCR);
    t.lflag &= ~(ICANON | ECHO | ISIG | ECHOE | IEXTEN);
    t.cc[VMIN] = 1;
    t.cc[VTIME] = 0;
    await this.sys.tcsetattr(0, 0, t);
  }

  /** The modes found, back (a terminal that went away is no error here). */
  async restoreModes(): Promise<void> {
    if (this.saved) await this.sys.tcsetattr(0, 0, this.saved).catch(() => undefined);
  }

  /** Handle `sig` while the session lasts; close() puts back what was there. */
  async on(sig: number, handler: () => void): Promise<void> {
    const before = await this.sys.sigaction(sig, handler);
    if (!this.replaced.has(sig)) this.replaced.set(sig, before);
  }

  /** The modes and the signal handlers as they were before the program started. */
  async close(): Promise<void> {
    await this.restoreModes();
    for (const [sig, action] of this.replaced) await this.sys.sigaction(sig, action);
    this.replaced.clear();
  }
}

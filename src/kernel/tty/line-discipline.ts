// The N_TTY line discipline, after Linux's drivers/tty/n_tty.c: input processing (ICRNL, IGNCR,
// ISTRIP...), signal characters, canonical line editing with Linux's exact echo bytes (erase as
// "\b \b", ^X for control characters under ECHOCTL, tab erase by column), flow control, and
// output processing (ONLCR, OCRNL, XTABS). It holds the 4096-byte read buffer and the column
// the terminal's cursor is at; the tty around it does the waiting, the signalling and the I/O.
//
// Kept true as in Linux: echoes wait in an echo queue until the end of each input batch (so a
// signal character's flush drops the echoes of characters before it in the same batch); a line
// never holds more than 4095 characters plus its terminator; nothing is consumed from the
// buffer except by a read.

import {
  ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOPRT, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG,
  ISTRIP, IUCLC, IUTF8, IXANY, IXON, NOFLSH, OCRNL, OLCUC, ONLCR, ONLRET, ONOCR, OPOST, PARMRK,
  TABDLY, type Termios, VDISABLE, VEOF, VEOL, VEOL2, VERASE, VINTR, VKILL, VLNEXT, VQUIT,
  VREPRINT, VSTART, VSTOP, VSUSP, VWERASE, XTABS, copyTermios, defaultTermios,
} from '../../abi/termios.ts';
import { SIG } from '../../abi/signals.ts';

/** N_TTY_BUF_SIZE: the read buffer; a canonical line holds at most this minus one characters. */
export const N_TTY_BUF_SIZE = 4096;
/** Echoes are pushed out early once this many wait (ECHO_COMMIT_WATERMARK). */
const ECHO_COMMIT_WATERMARK = 256;

/** What the line discipline needs from the terminal it serves. */
export interface LdiscPort {
  /** Echo output, already processed; the terminal passes it to its driver. */
  output(bytes: Uint8Array): void;
  /** ISIG: send `sig` to the terminal's foreground process group. */
  signal(sig: number): void;
  /** Drop output the driver has not delivered yet (a signal character's flush). */
  flushDriver(): void;
  /** IXON: ^S stops output, ^Q starts it. */
  setStopped(stopped: boolean): void;
  isStopped(): boolean;
}

/** One entry of the echo queue, turned into bytes (and column moves) when the queue is flushed. */
type EchoOp =
  | { op: 'byte'; c: number }
  | { op: 'ctl'; c: number }
  | { op: 'erase-tab'; chars: number; afterTab: boolean }
  | { op: 'set-canon-col' }
  | { op: 'move-back-col' };

const NL = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const BS = 0x08;

const isCntrl = (c: number): boolean => c < 0x20 || c === 0x7f;
const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const toLower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
const toUpper = (c: number): number => (c >= 0x61 && c <= 0x7a ? c - 0x20 : c);

export class LineDiscipline {
  private t: Termios = defaultTermios();
  /** Unread input; `eol[i]` marks the byte that ends a canonical line (a newline, EOL, or EOF as 0). */
  private buf: number[] = [];
  private eol: boolean[] = [];
  /** How many bytes at the front of `buf` belong to finished lines (canon_head - read_tail). */
  private canonLen = 0;
  private lnext = false;
  /** ECHOPRT: inside a "\...erased.../" run. */
  private erasing = false;
  private echoes: EchoOp[] = [];
  /** The cursor column as output and echo have left it; canonColumn is where the line began. */
  private column = 0;
  private canonColumn = 0;
  private specials = new Set<number>();

  constructor(private readonly port: LdiscPort) {
    this.setTermios(this.t);
  }

  get termios(): Termios {
    return this.t;
  }

  private get icanon(): boolean {
    return (this.t.lflag & ICANON) !== 0;
  }
  private L(flag: number): boolean {
    return (this.t.lflag & flag) !== 0;
  }
  private I(flag: number): boolean {
    return (this.t.iflag & flag) !== 0;
  }
  private O(flag: number): boolean {
    return (this.t.oflag & flag) !== 0;
  }
  private cc(i: number): number {
    return this.t.cc[i] ?? VDISABLE;
  }

  /** New settings (n_tty_set_termios): recompute the special characters; switching canonical mode re-frames pending input. */
  setTermios(next: Termios): void {
    const wasCanon = this.icanon;
    this.t = copyTermios(next);
    if (wasCanon !== this.icanon) {
      this.eol.fill(false);
      if (!this.icanon || this.buf.length === 0) {
        this.canonLen = 0;
      } else {
        // Raw input waiting when canonical mode comes on becomes one line, so it can be read.
        this.eol[this.buf.length - 1] = true;
        this.canonLen = this.buf.length;
      }
      this.erasing = false;
      this.lnext = false;
    }
    const s = new Set<number>();
    if (this.I(IGNCR) || this.I(ICRNL)) s.add(CR);
    if (this.I(INLCR)) s.add(NL);
    if (this.icanon) {
      for (const i of [VERASE, VKILL, VEOF, VEOL]) s.add(this.cc(i));
      s.add(NL);
      if (this.L(IEXTEN)) {
        for (const i of [VWERASE, VLNEXT, VEOL2]) s.add(this.cc(i));
        if (this.L(ECHO)) s.add(this.cc(VREPRINT));
      }
    }
    if (this.I(IXON)) {
      s.add(this.cc(VSTART));
      s.add(this.cc(VSTOP));
    }
    if (this.L(ISIG)) for (const i of [VINTR, VQUIT, VSUSP]) s.add(this.cc(i));
    s.delete(VDISABLE);
    this.specials = s;
  }

  // ---- input ------------------------------------------------------------------------------

  /**
   * Take keystrokes from the driver. Returns how many bytes were taken: the rest must wait for a
   * reader to make room (input is throttled, not lost), except in a canonical line that is already
   * full, whose extra characters are dropped as Linux drops them.
   */
  receive(data: Uint8Array): number {
    let taken = 0;
    for (; taken < data.length; taken++) {
      let room = N_TTY_BUF_SIZE - this.buf.length;
      if (this.I(PARMRK)) room = Math.floor((room + 2) / 3);
      room--;
      if (room <= 0) {
        const overflow = this.icanon && this.canonLen === 0;
        if (!overflow) break;
        // A full line with no end yet: the newest character gives way, so a newline still fits.
        if (room < 0) this.dropLast();
      }
      this.receiveByte(data[taken]!);
    }
    this.flushEchoes();
    return taken;
  }

  private dropLast(): void {
    if (this.buf.length > this.canonLen) {
      this.buf.pop();
      this.eol.pop();
    }
  }

  private receiveByte(byte: number): void {
    let c = byte;
    if (this.lnext) {
      this.lnext = false;
      if (this.I(ISTRIP)) c &= 0x7f;
      if (this.I(IUCLC) && this.L(IEXTEN)) c = toLower(c);
      this.receiveOrdinary(c);
      return;
    }
    if (this.I(ISTRIP)) c &= 0x7f;
    if (this.I(IUCLC) && this.L(IEXTEN)) c = toLower(c);
    if (this.specials.has(c)) this.receiveSpecial(c);
    else this.receiveOrdinary(c);
  }

  private restartOutputOnAnyKey(): void {
    if (this.port.isStopped() && this.I(IXON) && this.I(IXANY)) {
      this.port.setStopped(false);
      this.flushEchoes();
    }
  }

  private receiveOrdinary(c: number): void {
    this.restartOutputOnAnyKey();
    if (this.L(ECHO)) {
      this.finishErasing();
      if (this.canonLen === this.buf.length) this.echoes.push({ op: 'set-canon-col' });
      this.echoChar(c);
      this.commitEchoes();
    }
    if (c === 0xff && this.I(PARMRK)) this.put(c);
    this.put(c);
  }

  private receiveSpecial(c0: number): void {
    let c = c0;
    if (this.I(IXON) && (c === this.cc(VSTART) || c === this.cc(VSTOP))) {
      if (c === this.cc(VSTART)) {
        this.port.setStopped(false);
        this.flushEchoes();
      } else {
        this.port.setStopped(true);
      }
      return;
    }
    if (this.L(ISIG)) {
      const sig = c === this.cc(VINTR) ? SIG.SIGINT : c === this.cc(VQUIT) ? SIG.SIGQUIT : c === this.cc(VSUSP) ? SIG.SIGTSTP : 0;
      if (sig) {
        this.signalChar(sig, c);
        return;
      }
    }
    this.restartOutputOnAnyKey();
    if (c === CR) {
      if (this.I(IGNCR)) return;
      if (this.I(ICRNL)) c = NL;
    } else if (c === NL && this.I(INLCR)) {
      c = CR;
    }
    if (this.icanon && this.canonSpecial(c)) return;
    if (this.L(ECHO)) {
      this.finishErasing();
      if (c === NL) {
        this.echoRaw(NL);
      } else {
        if (this.canonLen === this.buf.length) this.echoes.push({ op: 'set-canon-col' });
        this.echoChar(c);
      }
      this.commitEchoes();
    }
    if (c === 0xff && this.I(PARMRK)) this.put(c);
    this.put(c);
  }

  /** The canonical-mode editing characters; true when `c` was one of them and is handled. */
  private canonSpecial(c: number): boolean {
    if (c === this.cc(VERASE) || c === this.cc(VKILL) || (c === this.cc(VWERASE) && this.L(IEXTEN))) {
      this.eraser(c);
      this.commitEchoes();
      return true;
    }
    if (c === this.cc(VLNEXT) && this.L(IEXTEN)) {
      this.lnext = true;
      if (this.L(ECHO)) {
        this.finishErasing();
        if (this.L(ECHOCTL)) {
          this.echoRaw(0x5e);
          this.echoRaw(BS);
          this.commitEchoes();
        }
      }
      return true;
    }
    if (c === this.cc(VREPRINT) && this.L(ECHO) && this.L(IEXTEN)) {
      this.finishErasing();
      this.echoChar(c);
      this.echoRaw(NL);
      for (let i = this.canonLen; i < this.buf.length; i++) this.echoChar(this.buf[i]!);
      this.commitEchoes();
      return true;
    }
    if (c === NL) {
      if (this.L(ECHO) || this.L(ECHONL)) {
        this.echoRaw(NL);
        this.commitEchoes();
      }
      this.endLine(c);
      return true;
    }
    if (c === this.cc(VEOF)) {
      // End of file is kept as a 0 that ends the line; a read hands over what precedes it.
      this.endLine(VDISABLE);
      return true;
    }
    if (c === this.cc(VEOL) || (c === this.cc(VEOL2) && this.L(IEXTEN))) {
      if (this.L(ECHO)) {
        if (this.canonLen === this.buf.length) this.echoes.push({ op: 'set-canon-col' });
        this.echoChar(c);
        this.commitEchoes();
      }
      if (c === 0xff && this.I(PARMRK)) this.put(c);
      this.endLine(c);
      return true;
    }
    return false;
  }

  private endLine(c: number): void {
    this.put(c);
    this.eol[this.buf.length - 1] = true;
    this.canonLen = this.buf.length;
  }

  private put(c: number): void {
    this.buf.push(c);
    this.eol.push(false);
  }

  private signalChar(sig: number, c: number): void {
    if (this.L(NOFLSH)) {
      this.port.signal(sig);
    } else {
      this.port.signal(sig);
      this.echoes = [];
      this.port.flushDriver();
      this.flushInput();
    }
    if (this.I(IXON)) this.port.setStopped(false);
    if (this.L(ECHO)) {
      this.echoChar(c);
      this.commitEchoes();
    } else {
      this.flushEchoes();
    }
  }

  private isContinuation(c: number): boolean {
    return this.I(IUTF8) && (c & 0xc0) === 0x80;
  }

  /** ERASE, WERASE and KILL in canonical mode, with the echo Linux gives each. */
  private eraser(c: number): void {
    if (this.buf.length === this.canonLen) return;
    let kind: 'erase' | 'werase' | 'kill';
    if (c === this.cc(VERASE)) {
      kind = 'erase';
    } else if (c === this.cc(VWERASE)) {
      kind = 'werase';
    } else {
      if (!this.L(ECHO)) {
        this.truncateTo(this.canonLen);
        return;
      }
      if (!this.L(ECHOK) || !this.L(ECHOKE) || !this.L(ECHOE)) {
        this.truncateTo(this.canonLen);
        this.finishErasing();
        this.echoChar(this.cc(VKILL));
        if (this.L(ECHOK)) this.echoRaw(NL);
        return;
      }
      kind = 'kill';
    }
    let seenAlnums = 0;
    while (this.buf.length > this.canonLen) {
      let head = this.buf.length;
      let ch: number;
      do {
        head--;
        ch = this.buf[head]!;
      } while (this.isContinuation(ch) && head > this.canonLen);
      // Never erase half of a character.
      if (this.isContinuation(ch)) break;
      if (kind === 'werase') {
        if (isAlnum(ch) || ch === 0x5f) seenAlnums++;
        else if (seenAlnums) break;
      }
      const erased = this.buf.slice(head);
      this.truncateTo(head);
      if (this.L(ECHO)) this.echoErase(kind, ch, erased);
      if (kind === 'erase') break;
    }
    if (this.buf.length === this.canonLen && this.L(ECHO)) this.finishErasing();
  }

  private echoErase(kind: 'erase' | 'werase' | 'kill', ch: number, erased: number[]): void {
    if (this.L(ECHOPRT)) {
      if (!this.erasing) {
        this.echoRaw(0x5c);
        this.erasing = true;
      }
      this.echoChar(ch);
      for (let i = 1; i < erased.length; i++) {
        this.echoRaw(erased[i]!);
        this.echoes.push({ op: 'move-back-col' });
      }
    } else if (kind === 'erase' && !this.L(ECHOE)) {
      this.echoChar(this.cc(VERASE));
    } else if (ch === TAB) {
      // Count the columns since the line began or since the previous tab, to know how far to go back.
      let chars = 0;
      let afterTab = false;
      for (let i = this.buf.length - 1; i >= this.canonLen; i--) {
        const b = this.buf[i]!;
        if (b === TAB) {
          afterTab = true;
          break;
        } else if (isCntrl(b)) {
          if (this.L(ECHOCTL)) chars += 2;
        } else if (!this.isContinuation(b)) {
          chars++;
        }
      }
      this.echoes.push({ op: 'erase-tab', chars: chars & 7, afterTab });
    } else {
      if (isCntrl(ch) && this.L(ECHOCTL)) this.echoRubout();
      if (!isCntrl(ch) || this.L(ECHOCTL)) this.echoRubout();
    }
  }

  private echoRubout(): void {
    this.echoRaw(BS);
    this.echoRaw(0x20);
    this.echoRaw(BS);
  }

  private truncateTo(n: number): void {
    this.buf.length = n;
    this.eol.length = n;
  }

  private finishErasing(): void {
    if (this.erasing) {
      this.echoRaw(0x2f);
      this.erasing = false;
    }
  }

  private echoRaw(c: number): void {
    this.echoes.push({ op: 'byte', c });
  }

  private echoChar(c: number): void {
    if (this.L(ECHOCTL) && isCntrl(c) && c !== TAB) this.echoes.push({ op: 'ctl', c });
    else this.echoes.push({ op: 'byte', c });
  }

  private commitEchoes(): void {
    if (this.echoes.length >= ECHO_COMMIT_WATERMARK) this.flushEchoes();
  }

  /** Turn queued echoes into bytes for the driver; held back while output is stopped. */
  flushEchoes(): void {
    if (this.echoes.length === 0 || this.port.isStopped()) return;
    const out: number[] = [];
    for (const e of this.echoes) {
      switch (e.op) {
        case 'set-canon-col':
          this.canonColumn = this.column;
          break;
        case 'move-back-col':
          if (this.column > 0) this.column--;
          break;
        case 'erase-tab': {
          const chars = e.afterTab ? e.chars : e.chars + this.canonColumn;
          for (let n = 8 - (chars & 7); n > 0; n--) {
            out.push(BS);
            if (this.column > 0) this.column--;
          }
          break;
        }
        case 'ctl':
          out.push(0x5e, e.c ^ 0o100);
          this.column += 2;
          break;
        case 'byte':
          if (this.O(OPOST)) this.outputChar(e.c, out);
          else out.push(e.c);
          break;
      }
    }
    this.echoes = [];
    if (out.length > 0) this.port.output(Uint8Array.from(out));
  }

  // ---- reading ----------------------------------------------------------------------------

  /** Is there something a read would return (a whole line in canonical mode)? */
  get inputAvailable(): boolean {
    return this.icanon ? this.canonLen > 0 : this.buf.length > 0;
  }

  get isCanonical(): boolean {
    return this.icanon;
  }

  /** FIONREAD: bytes a read could return (end-of-file marks do not count). */
  get readable(): number {
    if (!this.icanon) return this.buf.length;
    let n = this.canonLen;
    for (let i = 0; i < this.canonLen; i++) if (this.eol[i] && this.buf[i] === VDISABLE) n--;
    return n;
  }

  /**
   * A canonical read of at most `count` bytes from the first finished line (check inputAvailable
   * first). An end-of-file mark is consumed but not returned, so a line of just ^D reads as 0 bytes.
   */
  readLine(count: number): Uint8Array {
    const n = Math.min(count, this.canonLen);
    let end = -1;
    for (let i = 0; i < n; i++) {
      if (this.eol[i]) {
        end = i;
        break;
      }
    }
    let copy: number;
    let consume: number;
    if (end >= 0) {
      consume = end + 1;
      copy = this.buf[end] === VDISABLE ? end : end + 1;
    } else {
      consume = copy = n;
    }
    const out = Uint8Array.from(this.buf.slice(0, copy));
    this.consume(consume);
    // A read that filled the caller's buffer right before an end-of-file mark takes the mark too.
    if (end < 0 && this.canonLen > 0 && this.eol[0] && this.buf[0] === VDISABLE) this.consume(1);
    return out;
  }

  /** A non-canonical read: up to `count` of the bytes waiting. */
  readRaw(count: number): Uint8Array {
    const n = Math.min(count, this.buf.length);
    const out = Uint8Array.from(this.buf.slice(0, n));
    this.consume(n);
    return out;
  }

  private consume(n: number): void {
    this.buf.splice(0, n);
    this.eol.splice(0, n);
    this.canonLen = Math.max(0, this.canonLen - n);
  }

  /** Forget all input (a signal character, TCIFLUSH, TCSETSF). */
  flushInput(): void {
    this.buf = [];
    this.eol = [];
    this.canonLen = 0;
    this.lnext = false;
    this.erasing = false;
  }

  // ---- output -----------------------------------------------------------------------------

  /**
   * Output processing of a write: as many of `data`'s bytes as fit in `space` output bytes
   * (a byte's expansion is never split). Returns the bytes taken and what goes to the driver.
   */
  processOutput(data: Uint8Array, space: number): { taken: number; out: Uint8Array } {
    if (!this.O(OPOST)) {
      const n = Math.min(data.length, space);
      return { taken: n, out: data.slice(0, n) };
    }
    // Printable ASCII is copied straight through (only the column moves); the rest goes by way
    // of outputChar, and a byte whose expansion would not fit is left for the next write.
    const limit = Math.min(space, data.length * ((this.t.oflag & TABDLY) === XTABS ? 8 : 2));
    const out = new Uint8Array(limit);
    const plainFast = !this.O(OLCUC);
    const one: number[] = [];
    let o = 0;
    let taken = 0;
    for (; taken < data.length; taken++) {
      const c = data[taken]!;
      if (plainFast && c >= 0x20 && c < 0x7f) {
        if (o >= limit) break;
        out[o++] = c;
        this.column++;
        continue;
      }
      const saved = [this.column, this.canonColumn] as const;
      one.length = 0;
      this.outputChar(c, one);
      if (o + one.length > limit) {
        [this.column, this.canonColumn] = saved;
        break;
      }
      for (const b of one) out[o++] = b;
    }
    return { taken, out: out.subarray(0, o) };
  }

  /** do_output_char: one byte under OPOST, keeping the column. */
  private outputChar(c0: number, out: number[]): void {
    let c = c0;
    switch (c) {
      case NL:
        if (this.O(ONLRET)) this.column = 0;
        if (this.O(ONLCR)) {
          this.canonColumn = this.column = 0;
          out.push(CR, NL);
          return;
        }
        this.canonColumn = this.column;
        break;
      case CR:
        if (this.O(ONOCR) && this.column === 0) return;
        if (this.O(OCRNL)) {
          c = NL;
          if (this.O(ONLRET)) this.canonColumn = this.column = 0;
          break;
        }
        this.canonColumn = this.column = 0;
        break;
      case TAB: {
        const spaces = 8 - (this.column & 7);
        this.column += spaces;
        if ((this.t.oflag & TABDLY) === XTABS) {
          for (let i = 0; i < spaces; i++) out.push(0x20);
          return;
        }
        break;
      }
      case BS:
        if (this.column > 0) this.column--;
        break;
      default:
        if (!isCntrl(c)) {
          if (this.O(OLCUC)) c = toUpper(c);
          if (!this.isContinuation(c)) this.column++;
        }
    }
    out.push(c);
  }
}

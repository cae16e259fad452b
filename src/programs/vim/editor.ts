// The editor proper: Normal mode commands (counts, operators d c y with a motion, puts, undo,
// `.`), Insert mode, the screen's top line (scrolling a little, or redrawing round the cursor
// for a far jump, as vim does) and the command line for : / ?. Keys come from a host (the
// terminal in vim.ts); the screen is brought up to date only when no key is waiting, so keys
// that arrive together (a paste, a `.` replay) cost one update. What differs between the vis
// the core plays (vim.tiny, busybox's vi) is asked of a Dialect (dialect.ts).

import { TextBuffer } from './buffer.ts';
import type { Dialect, MessageId, MessageInfo } from './dialect.ts';
import { cellSpan, Display } from './display.ts';
import { type Flavour, introRows } from './intro.ts';
import { KeyQueue } from './keys.ts';
import { findChar, firstNonBlank, type Pos, wordBack, wordEnd, wordForward } from './motions.ts';
import { searchFrom, vimPattern } from './pattern.ts';

export interface Host {
  /** Typed text; '' when a signal interrupted the wait; null at end of input. */
  read(): Promise<string | null>;
  write(s: string): Promise<void>;
  size(): Promise<{ rows: number; cols: number }>;
  /** Seconds on the machine's clock (undo messages say how long ago a change was). */
  now(): Promise<number>;
  /** File access for :w and :e. */
  files: import('./ex.ts').FileAccess;
}

/** Thrown to leave the editor from anywhere in a command. */
export class Quit extends Error {
  constructor(readonly status: number) {
    super('quit');
  }
}

interface Register {
  text: string[];
  linewise: boolean;
}

interface Motion {
  pos: Pos;
  linewise: boolean;
  inclusive: boolean;
}

export class Editor {
  buf: TextBuffer;
  name: string | null;
  readonly = false;
  cur: Pos = { line: 0, col: 0 };
  /** The column j/k try to keep (Infinity after $). */
  want = 0;
  top = 0;
  numbered = false;
  msg = '';
  msgError = false;
  private msgSet = false;
  intro = false;
  private warnedReadonly = false;
  readonly display: Display;
  private readonly queue = new KeyQueue();
  private register: Register = { text: [''], linewise: false };
  lastSearch: { pat: string; forward: boolean } | null = null;
  private lastFind: { cmd: string; ch: string } | null = null;
  private dot: string[] | null = null;
  private recorded: string[] = [];
  private recording = false;
  private inserting = false;
  /** Whether Insert mode is on (busybox's status line shows it). */
  get inInsert(): boolean {
    return this.inserting;
  }
  /** Set by signal handlers in the host. */
  resized = false;
  deadly: string | null = null;
  /** Set when a command scrolled the screen a little (vim clears the message line then). */
  private redrawAll = false;

  constructor(readonly host: Host, rows: number, cols: number, readonly flavour: Flavour, lines: string[], name: string | null,
    readonly dialect: Dialect) {
    this.buf = new TextBuffer(lines, dialect.multiLevelUndo);
    this.name = name;
    this.display = new Display((s) => host.write(s), rows, cols);
    this.display.wrap = dialect.wrap;
    this.display.colourFill = dialect.colourFill;
  }

  setMessage(text: string, error = false): void {
    this.msg = text;
    this.msgError = error;
    this.msgSet = true;
  }

  /** Show a message in the dialect's words ('' or null from the dialect: none). */
  say(id: MessageId, vimText: string, info: MessageInfo = {}, error = false): void {
    const text = this.dialect.message(id, vimText, info);
    if (text) this.setMessage(text, error);
  }

  private beep(): void {
    void this.host.write('\x07');
  }

  // ---- keys ------------------------------------------------------------------------------

  /** The next key; the screen is updated first when nothing is waiting. */
  async key(codes = true): Promise<string> {
    while (this.queue.empty) {
      if (this.deadly) throw new Quit(1);
      if (this.resized) {
        this.resized = false;
        const { rows, cols } = await this.host.size();
        this.display.resize(rows, cols);
        await this.host.write('\x1b[H\x1b[2J');
        if (!this.msgSet) this.msg = '';
      }
      await this.refresh();
      const got = await this.host.read();
      if (got === null) throw new Quit(1);
      this.queue.push(got);
    }
    const k = this.queue.take(codes)!;
    if (this.recording) this.recorded.push(k.length > 1 ? arrowKeys(k) : k);
    return k;
  }

  // ---- the screen --------------------------------------------------------------------------

  private clampCursor(): void {
    const b = this.buf;
    this.cur.line = Math.max(0, Math.min(this.cur.line, b.length - 1));
    const len = b.line(this.cur.line).length;
    const max = this.inserting ? len : Math.max(0, len - 1);
    this.cur.col = Math.max(0, Math.min(this.cur.col, max));
  }

  private rowsOf(i: number): number {
    return this.display.rowsOf(this.buf.line(i), this.numbered);
  }

  /** Top line that puts `line` about halfway down, filling with lines below before the end. */
  private centred(line: number): number {
    const h = this.display.textRows;
    if (this.dialect.centreWithoutFill) return Math.max(0, line - Math.floor(h / 2));
    let used = this.rowsOf(line);
    let top = line;
    let below = line + 1;
    let takeBelow = true;
    for (;;) {
      let moved = false;
      if (takeBelow && below < this.buf.length) {
        const r = this.rowsOf(below);
        if (used + r <= h) {
          used += r;
          below++;
          moved = true;
        }
      } else if (!takeBelow && top > 0) {
        const r = this.rowsOf(top - 1);
        if (used + r <= h) {
          used += r;
          top--;
          moved = true;
        }
      }
      takeBelow = !takeBelow;
      if (!moved) {
        // One side ran out: fill from the other until the screen is full.
        const otherOk = takeBelow ? below < this.buf.length && used + this.rowsOf(below) <= h : top > 0 && used + this.rowsOf(top - 1) <= h;
        if (!otherOk) break;
      }
    }
    return top;
  }

  /** Does the cursor line fit on the screen from `top`? */
  private fits(top: number, line: number): boolean {
    let used = 0;
    for (let i = top; i <= line; i++) {
      used += this.rowsOf(i);
      if (used > this.display.textRows) return false;
    }
    return true;
  }

  private scrollToCursor(): void {
    const line = this.cur.line;
    const half = Math.floor(this.display.textRows / 2);
    if (line < this.top) {
      if (this.top - line >= half) this.top = this.centred(line);
      else {
        this.top = line;
        this.scrolled();
      }
    } else if (!this.fits(this.top, line)) {
      // How many lines a plain scroll would move; far jumps redraw round the cursor instead.
      let t = this.top;
      while (!this.fits(t, line)) t++;
      if (t - this.top >= half) this.top = this.centred(line);
      else {
        this.top = t;
        this.scrolled();
      }
    }
  }

  private scrolled(): void {
    if (!this.msgSet) this.msg = '';
  }

  async refresh(): Promise<void> {
    this.clampCursor();
    if (this.top >= this.buf.length) this.top = Math.max(0, this.buf.length - 1);
    this.scrollToCursor();
    if (!this.dialect.wrap) this.followSideways();
    const { rows, starts } = this.display.layout(this.buf.lines, this.top, this.numbered);
    if (this.intro) {
      for (const [r, text] of introRows(this.flavour, this.display.textRows, this.display.cols)) rows[r] = '\x00' + text;
    }
    const text = this.buf.line(this.cur.line);
    const span = cellSpan(text, this.cur.col);
    let cell = this.inserting || text.length === 0 ? span.start : span.end;
    if (this.inserting && this.cur.col >= text.length) cell = cellSpan(text, text.length).start;
    cell += this.numbered ? 8 : 0;
    const idx = this.cur.line - this.top;
    if (!this.dialect.wrap) cell -= this.display.offset;
    const row = (starts[idx] ?? 0) + Math.floor(cell / this.display.cols);
    if (!this.dialect.stickyMessages && !this.msgSet) this.msg = '';
    const status = this.msg ? null : this.dialect.statusLine(this);
    const bottom = status ?? this.msg;
    await this.display.update(rows, bottom, status === null && this.msgError, { row: Math.min(row, this.display.textRows - 1), col: cell % this.display.cols });
    this.msgSet = false;
  }

  /** Without wrapping, the column offset follows the cursor so that its cell is on the screen. */
  private followSideways(): void {
    const text = this.buf.line(this.cur.line);
    const cell = cellSpan(text, this.cur.col).start + (this.numbered ? 8 : 0);
    const d = this.display;
    if (cell < d.offset) d.offset = cell < d.cols ? 0 : cell;
    else if (cell >= d.offset + d.cols) d.offset = cell - d.cols + 1;
    else return;
    d.invalidate();
  }

  // ---- Normal mode -------------------------------------------------------------------------

  async run(): Promise<number> {
    try {
      for (;;) await this.command();
    } catch (e) {
      if (e instanceof Quit) return e.status;
      throw e;
    }
  }

  private async change<T>(body: () => Promise<T> | T): Promise<T> {
    if (this.readonly && !this.warnedReadonly) {
      this.warnedReadonly = true;
      this.say('readonly-change', 'W10: Warning: Changing a readonly file');
    }
    this.intro = false;
    return body();
  }

  /** One Normal mode command, from its count to its last key. */
  async command(): Promise<void> {
    this.recording = true;
    this.recorded = [];
    const lines0 = this.buf.length;
    let k = await this.key();
    let count = 0;
    while (/[1-9]/.test(k) || (count > 0 && k === '0')) {
      count = count * 10 + Number(k);
      k = await this.key();
    }
    if (k === 'u') {
      this.recording = false;
      return this.undo();
    }
    this.buf.begin(this.cur.line, this.cur.col, await this.host.now());
    let changed = false;
    try {
      await this.normal(k, count);
    } finally {
      changed = this.buf.end();
      this.recording = false;
    }
    if (changed) {
      this.intro = false;
      if (k !== '.') this.dot = this.recorded.slice();
    }
    // vim scrolls part of the screen for a change in the line count, which takes the message
    // line with it (differences.md: when it redraws instead, it keeps the message).
    if (this.buf.length !== lines0 && !this.msgSet) this.msg = '';
  }

  private async undo(): Promise<void> {
    this.buf.end();
    const r = this.buf.undo();
    if (!r) {
      const text = this.dialect.message('nothing-to-undo', '', {});
      if (text) this.setMessage(text);
      else this.beep();
      return;
    }
    this.cur = { line: r.line, col: r.col };
    r.ago = Math.max(0, Math.floor((await this.host.now()) - r.time));
    this.setMessage(this.dialect.undoMessage(this, r));
  }

  private async normal(k: string, count: number): Promise<void> {
    const n = Math.max(1, count);
    const b = this.buf;
    const line = (): string => b.line(this.cur.line);
    switch (k) {
      case '\x1b':
        this.beep();
        return;
      case '\x03':
        this.say('interrupt', b.modified ? 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim' : 'Type  :qa  and press <Enter> to exit Vim');
        return;
      case ':':
        return this.ex(count);
      case '/': case '?':
        return this.searchCommand(k === '/');
      case 'n': case 'N':
        return this.searchNext(k === 'n', n);
      case '.': {
        if (!this.dot) return;
        this.queue.unshift(this.dot.slice());
        this.buf.end();
        return;
      }
      case 'i': case 'a': case 'I': case 'A': case 'o': case 'O':
        return this.change(async () => {
          if (k === 'a' && line().length > 0) this.cur.col++;
          if (k === 'A') this.cur.col = line().length;
          if (k === 'I') this.cur.col = /^[ \t]*/.exec(line())![0].length;
          if (k === 'o' || k === 'O') {
            const at = this.cur.line + (k === 'o' ? 1 : 0);
            b.insert(at, ['']);
            this.cur = { line: at, col: 0 };
          }
          await this.insertMode(n);
        });
      case 'x': case 'X': case 'Del': {
        const text = line();
        if (k === 'X') {
          if (this.cur.col === 0) return this.beep();
          const from = Math.max(0, this.cur.col - n);
          return this.change(() => this.deleteChars(from, this.cur.col));
        }
        if (text.length === 0) return this.beep();
        return this.change(() => this.deleteChars(this.cur.col, Math.min(text.length, this.cur.col + n)));
      }
      case 'D': case 'C': {
        return this.change(async () => {
          if (n > 1) b.remove(this.cur.line + 1, Math.min(n - 1, b.length - this.cur.line - 1));
          this.deleteChars(this.cur.col, line().length);
          if (k === 'C') {
            this.cur.col = line().length;
            await this.insertMode(1);
          }
        });
      }
      case 's':
        return this.change(async () => {
          this.deleteChars(this.cur.col, Math.min(line().length, this.cur.col + n));
          await this.insertMode(1);
        });
      case 'S':
        return this.operate('c', 'c', n);
      case 'Y':
        return this.operate('y', 'y', n);
      case 'r': {
        const ch = await this.key(false);
        if (ch === '\x1b' || ch === '\x03') return;
        const text = line();
        if (this.cur.col + n > text.length) return this.beep();
        return this.change(() => {
          if (ch === '\r') {
            b.setLine(this.cur.line, text.slice(0, this.cur.col));
            b.insert(this.cur.line + 1, [text.slice(this.cur.col + n)]);
            this.cur = { line: this.cur.line + 1, col: 0 };
          } else {
            b.setLine(this.cur.line, text.slice(0, this.cur.col) + ch.repeat(n) + text.slice(this.cur.col + n));
            this.cur.col += n - 1;
          }
        });
      }
      case '~': {
        const text = line();
        if (!text.length) return;
        return this.change(() => {
          const end = Math.min(text.length, this.cur.col + n);
          const mid = [...text.slice(this.cur.col, end)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
          b.setLine(this.cur.line, text.slice(0, this.cur.col) + mid + text.slice(end));
          this.cur.col = end;
        });
      }
      case 'J': {
        const joins = Math.max(1, Math.min(n - 1, b.length - 1 - this.cur.line));
        if (this.cur.line >= b.length - 1) return this.beep();
        return this.change(() => {
          // vim leaves the cursor at the first join.
          let first = -1;
          for (let i = 0; i < joins; i++) {
            const a = line();
            const next = b.line(this.cur.line + 1).replace(/^[ \t]+/, '');
            const sep = a.length === 0 || /[ \t]$/.test(a) || next.startsWith(')') || next === '' ? '' : ' ';
            b.setLine(this.cur.line, a + sep + next);
            b.remove(this.cur.line + 1, 1);
            const at = sep ? a.length : Math.max(0, a.length - (a.length && !next ? 1 : 0));
            if (first < 0) first = at;
          }
          this.cur.col = first;
        });
      }
      case 'p': case 'P':
        return this.change(() => this.put(k === 'p', n));
      case 'd': case 'c': case 'y': {
        const m = await this.key();
        return this.operate(k, m, n);
      }
      case 'Z': {
        const z = await this.key();
        if (z === 'Z') return this.ex(0, 'x');
        if (z === 'Q') return this.ex(0, 'q!');
        return this.beep();
      }
      case '\x07': {
        const pct = Math.floor(((this.cur.line + 1) * 100) / b.length);
        this.say('file-info', `"${this.name ?? '[No Name]'}"${b.modified ? ' [Modified]' : ''} line ${this.cur.line + 1} of ${b.length} --${pct}%-- col ${this.cur.col + 1}`);
        return;
      }
      case '\x0c':
        this.display.invalidate();
        await this.host.write('\x1b[H\x1b[2J');
        return;
      case '\x06': case '\x02': case 'PageDown': case 'PageUp':
        return this.page(k === '\x06' || k === 'PageDown' ? n : -n);
      case '\x04': case '\x15':
        return this.halfPage(k === '\x04');
      case '\x05': case '\x19':
        this.top = Math.max(0, Math.min(b.length - 1, this.top + (k === '\x05' ? n : -n)));
        this.cur.line = Math.max(this.top, this.cur.line);
        this.scrolled();
        return;
      default: {
        const m = await this.motion(k, count);
        if (!m) return this.beep();
        this.moveTo(m, k);
      }
    }
  }

  private moveTo(m: Motion, k: string): void {
    this.cur = { ...m.pos };
    if (k === '$' || k === 'End') this.want = Infinity;
    else if (!['j', 'k', 'Up', 'Down', '\x0e', '\x10', '\x0a'].includes(k)) this.want = this.cur.col;
  }

  private deleteChars(from: number, to: number): void {
    const text = this.buf.line(this.cur.line);
    if (to <= from) return;
    this.register = { text: [text.slice(from, to)], linewise: false };
    this.buf.setLine(this.cur.line, text.slice(0, from) + text.slice(to));
    this.cur.col = from;
  }

  private put(after: boolean, n: number): void {
    const r = this.register;
    const b = this.buf;
    if (r.linewise) {
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(...r.text);
      const at = this.cur.line + (after ? 1 : 0);
      b.insert(at, lines);
      this.cur = { line: at, col: firstNonBlank(lines[0]!) };
      this.say('put', lines.length > 2 ? `${lines.length} more lines` : '', this.registerInfo());
      return;
    }
    this.say('put', '', this.registerInfo());
    const text = b.line(this.cur.line);
    const col = after && text.length ? this.cur.col + 1 : this.cur.col;
    const piece = r.text.map((t) => t).join('\n');
    const repeated = Array.from({ length: n }, () => piece).join('');
    const parts = (text.slice(0, col) + repeated + text.slice(col)).split('\n');
    b.setLine(this.cur.line, parts[0]!);
    if (parts.length > 1) b.insert(this.cur.line + 1, parts.slice(1));
    if (r.text.length === 1) this.cur.col = col + repeated.length - 1;
    else this.cur.col = col;
  }

  /** The register's size as busybox reports it: its newlines and its characters with them. */
  private registerInfo(): MessageInfo {
    const r = this.register;
    const lines = r.linewise ? r.text.length : r.text.length - 1;
    const chars = r.text.reduce((n, t) => n + t.length, 0) + lines;
    return { lines, chars, linewise: r.linewise };
  }

  // ---- motions -----------------------------------------------------------------------------

  private async motion(k: string, count: number): Promise<Motion | null> {
    const n = Math.max(1, count);
    const b = this.buf;
    const { line, col } = this.cur;
    const text = b.line(line);
    const at = (l: number, c: number, linewise = false, inclusive = false): Motion => ({ pos: { line: l, col: c }, linewise, inclusive });
    const vertical = (to: number): Motion | null => {
      if (to < 0 || to >= b.length) {
        if (to < 0 && line > 0) to = 0;
        else if (to >= b.length && line < b.length - 1) to = b.length - 1;
        else return null;
      }
      const t = b.line(to);
      const c = this.want === Infinity ? Math.max(0, t.length - 1) : Math.min(this.want, Math.max(0, t.length - 1));
      return at(to, c, true);
    };
    switch (k) {
      case 'h': case 'Left': case '\x08': case '\x7f':
        return col === 0 ? null : at(line, Math.max(0, col - n));
      case 'l': case 'Right': case ' ':
        return col >= text.length - 1 ? (this.pendingOp && text.length ? at(line, text.length) : null) : at(line, Math.min(this.pendingOp ? text.length : text.length - 1, col + n));
      case 'j': case 'Down': case '\x0e': case '\x0a':
        return vertical(line + n);
      case 'k': case 'Up': case '\x10':
        return vertical(line - n);
      case '+': case '\r': case '-': {
        const to = line + (k === '-' ? -n : n);
        if (to < 0 || to >= b.length) return null;
        return at(to, firstNonBlank(b.line(to)), true);
      }
      case '0': case 'Home':
        return at(line, 0);
      case '^':
        return at(line, firstNonBlank(text));
      case '$': case 'End': {
        const to = Math.min(b.length - 1, line + n - 1);
        return at(to, Math.max(0, b.line(to).length - 1), false, true);
      }
      case '|':
        return at(line, Math.min(n - 1, Math.max(0, text.length - 1)));
      case 'G': {
        const to = count ? Math.min(count, b.length) - 1 : b.length - 1;
        return at(to, firstNonBlank(b.line(to)), true);
      }
      case 'g': {
        const g = await this.key();
        if (g !== 'g') return null;
        const to = count ? Math.min(count, b.length) - 1 : 0;
        return at(to, firstNonBlank(b.line(to)), true);
      }
      case 'H': case 'L': case 'M': {
        const last = Math.min(b.length - 1, this.lastShownLine());
        const to = k === 'H' ? Math.min(last, this.top + n - 1) : k === 'L' ? Math.max(this.top, last - n + 1) : Math.floor((this.top + last) / 2);
        return at(to, firstNonBlank(b.line(to)), true);
      }
      case 'w': case 'W': case 'e': case 'E': case 'b': case 'B': {
        let p: Pos = { line, col };
        for (let i = 0; i < n; i++) {
          if (k === 'w' || k === 'W') p = wordForward(b.lines, p, k === 'W');
          else if (k === 'e' || k === 'E') p = wordEnd(b.lines, p, k === 'E');
          else p = wordBack(b.lines, p, k === 'B');
        }
        if ((k === 'w' || k === 'W') && !this.pendingOp && p.col >= b.line(p.line).length) p.col = Math.max(0, b.line(p.line).length - 1);
        if (p.line === line && p.col === col && k !== 'e' && k !== 'E') return null;
        return at(p.line, p.col, false, k === 'e' || k === 'E');
      }
      case 'f': case 'F': case 't': case 'T': {
        const ch = await this.key(false);
        if (ch === '\x1b') return null;
        this.lastFind = { cmd: k, ch };
        const c = findChar(text, col, k, ch, n);
        return c < 0 ? null : at(line, c, false, k === 'f' || k === 't');
      }
      case ';': case ',': {
        if (!this.lastFind) return null;
        const rev: Record<string, string> = { f: 'F', F: 'f', t: 'T', T: 't' };
        const cmd = k === ';' ? this.lastFind.cmd : rev[this.lastFind.cmd]!;
        const c = findChar(text, col, cmd, this.lastFind.ch, n);
        return c < 0 ? null : at(line, c, false, cmd === 'f' || cmd === 't');
      }
      default:
        return null;
    }
  }

  private lastShownLine(): number {
    let used = 0;
    let i = this.top;
    for (; i < this.buf.length; i++) {
      used += this.rowsOf(i);
      if (used > this.display.textRows) return i - 1;
    }
    return i - 1;
  }

  private pendingOp = false;

  /** d c y with a motion (or doubled for whole lines). */
  private async operate(op: string, m: string, n: number): Promise<void> {
    const b = this.buf;
    const start = { ...this.cur };
    let from: Pos;
    let to: Pos;
    let linewise: boolean;
    let inclusive = false;
    if (m === op) {
      const last = Math.min(b.length - 1, start.line + n - 1);
      from = { line: start.line, col: 0 };
      to = { line: last, col: 0 };
      linewise = true;
    } else {
      let motionKey = m;
      let count = n;
      if (/[1-9]/.test(m)) {
        let c = Number(m);
        for (let k = await this.key(); ; k = await this.key()) {
          if (/[0-9]/.test(k)) c = c * 10 + Number(k);
          else {
            motionKey = k;
            break;
          }
        }
        count = c * n;
      }
      // cw on a word changes to its end, as ce does.
      if (op === 'c' && (motionKey === 'w' || motionKey === 'W') && /\S/.test(b.line(start.line)[start.col] ?? '')) motionKey = motionKey === 'w' ? 'e' : 'E';
      this.pendingOp = true;
      let mo: Motion | null;
      try {
        mo = await this.motion(motionKey, count === 1 && m === motionKey ? 0 : count);
        if (mo && count > 1 && m === motionKey && !['G'].includes(motionKey)) mo = await this.motion(motionKey, count);
      } finally {
        this.pendingOp = false;
      }
      if (!mo) return this.beep();
      linewise = mo.linewise;
      inclusive = mo.inclusive;
      let end = mo.pos;
      // A word motion that would cross into the next line stops at this line's end.
      if ((motionKey === 'w' || motionKey === 'W') && end.line > start.line) end = { line: end.line - 1, col: b.line(end.line - 1).length };
      const before = end.line < start.line || (end.line === start.line && end.col < start.col);
      from = before ? end : start;
      to = before ? start : end;
      if (before) inclusive = false;
    }
    if (linewise) {
      const lines = b.lines.slice(from.line, to.line + 1);
      this.register = { text: lines, linewise: true };
      if (op === 'y') {
        this.say('yanked', lines.length > 2 ? `${lines.length} lines yanked` : '', this.registerInfo());
        this.cur = m === op ? start : { line: from.line, col: m === op ? start.col : this.cur.col };
        return;
      }
      return this.change(async () => {
        if (op === 'c') {
          b.remove(from.line + 1, to.line - from.line);
          b.setLine(from.line, '');
          this.cur = { line: from.line, col: 0 };
          await this.insertMode(1);
          return;
        }
        b.remove(from.line, lines.length);
        const l = Math.min(from.line, b.length - 1);
        this.cur = { line: l, col: firstNonBlank(b.line(l)) };
        this.say('deleted', lines.length > 2 ? `${lines.length} fewer lines` : '', this.registerInfo());
      });
    }
    const endCol = to.col + (inclusive ? 1 : 0);
    const text = from.line === to.line ? [b.line(from.line).slice(from.col, endCol)] : [
      b.line(from.line).slice(from.col), ...b.lines.slice(from.line + 1, to.line), b.line(to.line).slice(0, endCol),
    ];
    this.register = { text, linewise: false };
    if (op === 'y') {
      this.cur = { ...from };
      this.say('yanked', '', this.registerInfo());
      return;
    }
    if (op === 'd') this.say('deleted', '', this.registerInfo());
    return this.change(async () => {
      const joined = b.line(from.line).slice(0, from.col) + b.line(to.line).slice(endCol);
      if (to.line > from.line) b.remove(from.line + 1, to.line - from.line);
      b.setLine(from.line, joined);
      this.cur = { ...from };
      if (op === 'c') await this.insertMode(1);
    });
  }

  private async page(pages: number): Promise<void> {
    const b = this.buf;
    const h = this.display.textRows;
    if (pages > 0) {
      if (this.top >= b.length - 1) return this.beep();
      for (let i = 0; i < pages; i++) this.top = Math.min(b.length - 1, Math.max(this.top + 1, this.lastShownLine() - 1));
      if (this.cur.line < this.top) this.cur = { line: this.top, col: firstNonBlank(b.line(this.top)) };
    } else {
      if (this.top === 0) return this.beep();
      for (let i = 0; i < -pages; i++) this.top = Math.max(0, this.top + 2 - h);
      const last = this.lastShownLine();
      this.cur = { line: last, col: firstNonBlank(b.line(last)) };
    }
    this.msg = '';
  }

  private async halfPage(down: boolean): Promise<void> {
    const b = this.buf;
    const half = Math.floor(this.display.textRows / 2);
    if (down) {
      if (this.cur.line >= b.length - 1) return this.beep();
      const maxTop = Math.max(0, b.length - this.display.textRows);
      const newTop = Math.min(maxTop, this.top + half);
      this.top = Math.max(this.top, newTop);
      this.cur.line = Math.min(b.length - 1, this.cur.line + half);
    } else {
      if (this.cur.line === 0) return this.beep();
      this.top = Math.max(0, this.top - half);
      this.cur.line = Math.max(0, this.cur.line - half);
    }
    this.cur.col = firstNonBlank(b.line(this.cur.line));
    this.msg = '';
  }

  // ---- Insert mode -------------------------------------------------------------------------

  /** Type text until ESC; Backspace stops where the insert began, as 'backspace' empty does. */
  async insertMode(count: number): Promise<void> {
    const b = this.buf;
    this.inserting = true;
    let start = { ...this.cur };
    const typed: string[] = [];
    const type = (ch: string): void => {
      const text = b.line(this.cur.line);
      if (ch === '\r' || ch === '\n') {
        b.setLine(this.cur.line, text.slice(0, this.cur.col));
        b.insert(this.cur.line + 1, [text.slice(this.cur.col)]);
        this.cur = { line: this.cur.line + 1, col: 0 };
        start = { ...this.cur };
        return;
      }
      b.setLine(this.cur.line, text.slice(0, this.cur.col) + ch + text.slice(this.cur.col));
      this.cur.col += ch.length;
    };
    try {
      for (;;) {
        const k = await this.key(this.dialect.insertArrows);
        if (k === '\x1b' || k === '\x03') break;
        if (k.length > 1) {
          this.insertArrow(k);
          start = { ...this.cur };
          continue;
        }
        const text = b.line(this.cur.line);
        const floor = this.cur.line === start.line && !this.dialect.backspaceToLineStart ? start.col : 0;
        if (k === '\x7f' || k === '\x08') {
          if (this.cur.col <= floor) {
            this.beep();
            continue;
          }
          const from = this.cur.col - 1;
          b.setLine(this.cur.line, text.slice(0, from) + text.slice(this.cur.col));
          this.cur.col = from;
          typed.pop();
          continue;
        }
        if (k === '\x17' || k === '\x15') {
          let from = k === '\x15' ? floor : this.cur.col;
          if (k === '\x17') {
            while (from > floor && /[ \t]/.test(text[from - 1]!)) from--;
            const word = from > floor && /[\p{L}\p{N}_]/u.test(text[from - 1]!);
            while (from > floor && !/[ \t]/.test(text[from - 1]!) && /[\p{L}\p{N}_]/u.test(text[from - 1]!) === word) from--;
          }
          if (from >= this.cur.col) {
            this.beep();
            continue;
          }
          b.setLine(this.cur.line, text.slice(0, from) + text.slice(this.cur.col));
          this.cur.col = from;
          continue;
        }
        let ch = k;
        if (k === '\x16') ch = await this.key(false);
        else if (k.charCodeAt(0) < 32 && k !== '\t' && k !== '\r' && k !== '\n') continue;
        typed.push(ch);
        type(ch);
      }
      for (let i = 1; i < count; i++) for (const ch of typed) type(ch);
    } finally {
      this.inserting = false;
    }
    if (this.cur.col > 0) this.cur.col--;
    this.want = this.cur.col;
  }

  /** An arrow typed in Insert mode, for a dialect that takes them there (the cursor may sit past the end). */
  private insertArrow(k: string): void {
    const b = this.buf;
    if (k === 'Left') this.cur.col = Math.max(0, this.cur.col - 1);
    else if (k === 'Right') this.cur.col = Math.min(b.line(this.cur.line).length, this.cur.col + 1);
    else if (k === 'Up' || k === 'Down') {
      const to = this.cur.line + (k === 'Up' ? -1 : 1);
      if (to < 0 || to >= b.length) return;
      this.cur = { line: to, col: Math.min(this.cur.col, b.line(to).length) };
    } else if (k === 'Home') this.cur.col = 0;
    else if (k === 'End') this.cur.col = b.line(this.cur.line).length;
  }

  // ---- the command line ---------------------------------------------------------------------

  /** Read a command line after `prompt`; null when ESC, ^C or backspacing past the start cancel it. */
  async commandLine(prompt: string): Promise<string | null> {
    let text = '';
    for (;;) {
      await this.display.commandLine(prompt + text);
      const k = await this.key(true);
      if (k === '\r' || k === '\n') return text;
      if (k === '\x1b' || k === '\x03') {
        this.msg = '';
        this.display.invalidate();
        return null;
      }
      if (k === '\x7f' || k === '\x08') {
        if (!text) {
          this.msg = '';
          return null;
        }
        text = text.slice(0, -1);
      } else if (k === '\x15') text = '';
      else if (k === '\x16') text += await this.key(false);
      else if (k.length === 1 && (k >= ' ' || k === '\t')) text += k;
    }
  }

  private async ex(count: number, given?: string): Promise<void> {
    let text = given;
    if (text === undefined) {
      const typed = await this.commandLine(':');
      if (typed === null) return;
      text = count ? `.,.+${count - 1}${typed}` : typed;
      this.say('ex-echo', ':' + typed);
    }
    await this.dialect.runEx(this, text);
  }

  /** Used by ex.ts for commands that change text. */
  async changeEx(body: () => Promise<void> | void): Promise<void> {
    return this.change(body);
  }

  private async searchCommand(forward: boolean): Promise<void> {
    const typed = await this.commandLine(forward ? '/' : '?');
    if (typed === null) return;
    let pat = typed;
    if (pat === '') {
      if (!this.lastSearch) {
        this.say('no-pattern', 'E35: No previous regular expression', {}, true);
        return;
      }
      pat = this.lastSearch.pat;
    }
    this.lastSearch = { pat, forward };
    this.searchPattern(pat, forward, 1);
  }

  private searchNext(same: boolean, n: number): void {
    if (!this.lastSearch) {
      this.say('no-pattern', 'E35: No previous regular expression', {}, true);
      return;
    }
    const forward = same === this.lastSearch.forward;
    this.searchPattern(this.lastSearch.pat, forward, n);
  }

  searchPattern(pat: string, forward: boolean, n: number): void {
    let re: RegExp;
    try {
      re = vimPattern(pat);
    } catch {
      this.say('not-found', `E486: Pattern not found: ${pat}`, {}, true);
      return;
    }
    let pos = { ...this.cur };
    let wrapped = false;
    for (let i = 0; i < n; i++) {
      const m = searchFrom(this.buf.lines, re, pos.line, pos.col, forward);
      if (!m) {
        this.say('not-found', `E486: Pattern not found: ${pat}`, {}, true);
        return;
      }
      wrapped ||= m.wrapped;
      pos = { line: m.line, col: m.col };
    }
    this.cur = pos;
    this.want = pos.col;
    if (wrapped) this.setMessage(forward ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM', true);
    else this.say('search-echo', (forward ? '/' : '?') + pat);
  }

  /** `vi +/PAT FILE`: start on the first match. */
  queueSearch(pat: string): void {
    this.lastSearch = { pat, forward: true };
    this.cur = { line: 0, col: -1 };
    this.searchPattern(pat, true, 1);
    if (this.cur.col < 0) this.cur.col = 0;
  }

  // ---- used by ex.ts ---------------------------------------------------------------------

  gotoLine(line: number): void {
    const l = Math.max(0, Math.min(line, this.buf.length - 1));
    this.cur = { line: l, col: firstNonBlank(this.buf.line(l)) };
    this.want = this.cur.col;
  }

  replaceBuffer(lines: string[], name: string | null, readonly: boolean): void {
    this.buf = new TextBuffer(lines, this.dialect.multiLevelUndo);
    this.name = name;
    this.readonly = readonly;
    this.warnedReadonly = false;
    this.cur = { line: 0, col: 0 };
    this.top = 0;
    this.intro = false;
    this.display.invalidate();
  }
}

/** An arrow recorded for `.` goes back as the bytes the terminal sent. */
function arrowKeys(name: string): string {
  const codes: Record<string, string> = { Up: '\x1bOA', Down: '\x1bOB', Right: '\x1bOC', Left: '\x1bOD' };
  return codes[name] ?? '';
}

// nano's editing loop: keys in, buffer changes, the screen redrawn where it changed. Prompts
// (write out, search, go to line, the yes/no question on exit) are awaited in line, so each
// command reads as the dialogue nano has with the user. Status messages stay for 20 keystrokes
// (as nano blanks them), a cut blanks at once. Cursor movement keeps the wanted column across
// short lines (nano's placewewant); the view scrolls one line at a time, pages keep the cursor
// row, and a jump (search, go to line) to a line off screen centres it.

import { CANCEL_MENU, GOTO_MENU, type Item, MAIN_MENU, SEARCH_MENU, WRITE_MENU, helpLines, titleBar, yesNoLines } from './bars.ts';
import { TextBuffer } from './buffer.ts';
import { columnOf, indexAt, pageStart, rowText } from './view.ts';
import { Screen } from './screen.ts';

export interface Host {
  /** The next terminal input ('' when a signal interrupted the read; null at end of input). */
  read(): Promise<string | null>;
  write(s: string): Promise<void>;
  size(): Promise<{ rows: number; cols: number }>;
  exists(name: string): Promise<boolean>;
  write_file(name: string, text: string, lines: number): Promise<{ ok: boolean; message: string }>;
  lock(name: string, modified: boolean): Promise<void>;
  unlock(name: string): Promise<void>;
  /** Stop the process as ^T^Z does (the caller puts the terminal back first and after). */
  suspend(): Promise<void>;
}

/** Thrown out of the key loop when SIGTERM or SIGHUP arrives. */
export class Deadly extends Error {}

const STATUS_KEYS = 20;

export class Editor {
  buf: TextBuffer;
  name: string;
  readonly screen: Screen;
  private top = 0;
  private wantColumn = 0;
  private message: string | null = null;
  private blankIn = 0;
  private prompt: { text: string; cursor: number; menu: Item[] | 'yesno' } | null = null;
  private keys: string[] = [];
  private decoder: (s: string) => string[];
  private cut: string[] | null = null;
  private lastWasCut = false;
  private lastSearch = '';
  private centre = false;
  private lockedModified = false;
  done = false;
  /** Set from signal handlers; looked at between keys. */
  resized = false;
  continued = false;
  deadly = false;

  constructor(private readonly host: Host, rows: number, cols: number, lines: string[], name: string, decoder: (s: string) => string[]) {
    this.buf = new TextBuffer(lines);
    this.name = name;
    this.screen = new Screen((s) => host.write(s), rows, cols);
    this.decoder = decoder;
  }

  setMessage(text: string): void {
    this.message = text;
    this.blankIn = STATUS_KEYS;
  }

  gotoLine(line: number, column = 1): void {
    const last = this.buf.lines.length - 1;
    const l = line < 0 ? Math.max(0, last + 1 + line) : Math.min(Math.max(0, line - 1), last);
    this.buf.cursor = { line: l, x: indexAt(this.buf.lines[l]!, Math.max(0, column - 1)) };
    this.wantColumn = columnOf(this.buf.current, this.buf.cursor.x);
    this.centre = true;
  }

  // ---- keys ----

  private async handleSignals(): Promise<void> {
    if (this.deadly) throw new Deadly();
    if (this.resized) {
      this.resized = false;
      const { rows, cols } = await this.host.size();
      this.screen.resize(rows, cols);
    }
    if (this.continued) {
      this.continued = false;
      this.message = null;
      this.screen.invalidate();
    }
  }

  private async nextKey(): Promise<string | null> {
    for (;;) {
      await this.handleSignals();
      const k = this.keys.shift();
      if (k !== undefined) return k;
      await this.draw();
      const input = await this.host.read();
      if (input === null) return null;
      this.keys.push(...this.decoder(input));
    }
  }

  async run(): Promise<void> {
    if (this.name) await this.host.lock(this.name, false);
    while (!this.done) {
      const key = await this.nextKey();
      if (key === null) break;
      if (this.blankIn > 0 && --this.blankIn === 0) this.message = null;
      const wasCut = key === '\x0b';
      await this.command(key);
      if (!wasCut) this.lastWasCut = false;
      if (this.buf.modified !== this.lockedModified && this.name && !this.done) {
        this.lockedModified = this.buf.modified;
        if (this.lockedModified) await this.host.lock(this.name, true);
      }
    }
    if (this.name) await this.host.unlock(this.name);
  }

  private moved(): void {
    this.buf.breakMerge();
    this.wantColumn = columnOf(this.buf.current, this.buf.cursor.x);
  }

  /** Move to `line`, keeping the wanted column. */
  private toLine(line: number): void {
    const l = Math.max(0, Math.min(line, this.buf.lines.length - 1));
    this.buf.cursor = { line: l, x: indexAt(this.buf.lines[l]!, this.wantColumn) };
    this.buf.breakMerge();
  }

  private async command(key: string): Promise<void> {
    const b = this.buf;
    const c = b.cursor;
    switch (key) {
      case 'Up': case '\x10': this.toLine(c.line - 1); return;
      case 'Down': case '\x0e': this.toLine(c.line + 1); return;
      case 'Left': case '\x02':
        if (c.x > 0) b.cursor = { line: c.line, x: c.x - (b.current.charCodeAt(c.x - 1) >= 0xdc00 && b.current.charCodeAt(c.x - 1) <= 0xdfff ? 2 : 1) };
        else if (c.line > 0) b.cursor = { line: c.line - 1, x: b.lines[c.line - 1]!.length };
        this.moved();
        return;
      case 'Right': case '\x06':
        if (c.x < b.current.length) b.cursor = { line: c.line, x: c.x + (b.current.charCodeAt(c.x) >= 0xd800 && b.current.charCodeAt(c.x) <= 0xdbff ? 2 : 1) };
        else if (c.line < b.lines.length - 1) b.cursor = { line: c.line + 1, x: 0 };
        this.moved();
        return;
      case 'Home': case '\x01': b.cursor = { line: c.line, x: 0 }; this.moved(); return;
      case 'End': case '\x05': b.cursor = { line: c.line, x: b.current.length }; this.moved(); return;
      case 'PageDown': case '\x16': this.page(1); return;
      case 'PageUp': case '\x19': this.page(-1); return;
      case '\r': b.enter(); this.moved(); return;
      case '\x7f': case '\x08': if (b.backspace()) this.moved(); return;
      case 'Delete': case '\x04': if (b.delete()) this.moved(); return;
      case '\x0b': this.cutLine(); return;
      case '\x15': this.paste(); return;
      case 'M-u': this.undo(true); return;
      case 'M-e': this.undo(false); return;
      case '\x03': this.setMessage(this.position()); return;
      case '\x0f': await this.writeOut(false); return;
      case '\x13': await this.writeOut(true); return;
      case '\x18': await this.exit(); return;
      case '\x17': await this.search(false, true); return;
      case '\x11': await this.search(true, true); return;
      case 'M-w': await this.search(false, false); return;
      case 'M-q': await this.search(true, false); return;
      case '\x1f': await this.goTo(); return;
      case '\x1a': this.setMessage('To suspend, type ^T^Z'); return;
      case '\x14': await this.execute(); return;
      case '\x0c': this.screen.invalidate(); return;
      case '\x07': this.setMessage('Help is not available in this nano'); return;
      case '\x12': case '\x1c': case '\n': this.setMessage('Not available in this nano'); return;
      default:
        if (key === '\t' || (key.length <= 2 && key.codePointAt(0)! >= 32 && key !== '\x7f')) {
          b.insertText(key);
          this.wantColumn = columnOf(b.current, b.cursor.x);
        }
    }
  }

  private page(dir: 1 | -1): void {
    const b = this.buf;
    const rows = this.screen.textRows;
    const move = rows < 3 ? 1 : rows - 2;
    const row = b.cursor.line - this.top;
    const target = b.cursor.line + dir * move;
    if (target > b.lines.length - 1) b.cursor = { line: b.lines.length - 1, x: b.lines[b.lines.length - 1]!.length };
    else if (target < 0) b.cursor = { line: 0, x: 0 };
    else b.cursor = { line: target, x: indexAt(b.lines[target]!, this.wantColumn) };
    b.breakMerge();
    this.top = Math.max(0, b.cursor.line - row);
  }

  private cutLine(): void {
    const got = this.buf.cutLine();
    this.message = null;
    this.blankIn = 0;
    if (got) {
      if (this.lastWasCut && this.cut) {
        const joined = this.cut.slice();
        joined[joined.length - 1] += got[0]!;
        joined.push(...got.slice(1));
        this.cut = joined;
      } else this.cut = got;
    }
    this.lastWasCut = true;
    this.moved();
  }

  private paste(): void {
    if (!this.cut) {
      this.setMessage('Cutbuffer is empty');
      return;
    }
    this.buf.paste(this.cut);
    this.moved();
  }

  private undo(back: boolean): void {
    const name = back ? this.buf.undo() : this.buf.redo();
    if (name === null) this.setMessage(back ? 'Nothing to undo' : 'Nothing to redo');
    else this.setMessage(`${back ? 'Undid' : 'Redid'} ${name}`);
    this.wantColumn = columnOf(this.buf.current, this.buf.cursor.x);
  }

  /** The ^C report, with nano's field widths. */
  position(): string {
    const b = this.buf;
    const digits = (n: number): number => Math.max(2, String(n).length);
    const pct = (a: number, t: number): number => (t === 0 ? 0 : Math.floor((100 * a) / t));
    const lines = b.lines.length;
    const line = b.cursor.line + 1;
    const col = columnOf(b.current, b.cursor.x) + 1;
    const full = columnOf(b.current, b.current.length) + 1;
    let total = 0;
    let before = 0;
    for (let i = 0; i < lines; i++) {
      const len = [...b.lines[i]!].length + (i < lines - 1 ? 1 : 0);
      if (i < b.cursor.line) before += len;
      total += len;
    }
    before += [...b.current.slice(0, b.cursor.x)].length;
    const pad = (n: number, w: number): string => String(n).padStart(w);
    return `line ${pad(line, digits(lines))}/${lines} (${pad(pct(line, lines), 2)}%), col ${pad(col, 2)}/${pad(full, 2)} (${pad(pct(col, full), 3)}%), char ${pad(before, digits(total))}/${total} (${pad(pct(before, total), 2)}%)`;
  }

  // ---- prompts ----

  /** Ask on the status row; resolves with the answer, or null for ^C (or a key in `exits`). */
  private async ask(label: string, initial: string, menu: Item[], exits: string[] = []): Promise<string | null | { key: string }> {
    let answer = initial;
    let at = answer.length;
    try {
      for (;;) {
        this.prompt = { text: label + answer, cursor: label.length + at, menu };
        const key = await this.nextKey();
        if (key === null || key === '\x03') return null;
        if (exits.includes(key)) return { key };
        if (key === '\r') return answer;
        if (key === '\x7f' || key === '\x08') {
          if (at > 0) {
            answer = answer.slice(0, at - 1) + answer.slice(at);
            at--;
          }
        } else if (key === 'Delete' || key === '\x04') answer = answer.slice(0, at) + answer.slice(at + 1);
        else if (key === 'Left' || key === '\x02') at = Math.max(0, at - 1);
        else if (key === 'Right' || key === '\x06') at = Math.min(answer.length, at + 1);
        else if (key === 'Home' || key === '\x01') at = 0;
        else if (key === 'End' || key === '\x05') at = answer.length;
        else if (key === '\t' || (key.length <= 2 && key.codePointAt(0)! >= 32 && key !== '\x7f')) {
          answer = answer.slice(0, at) + key + answer.slice(at);
          at += key.length;
        }
      }
    } finally {
      this.prompt = null;
    }
  }

  private async yesNo(question: string): Promise<'y' | 'n' | null> {
    try {
      for (;;) {
        this.prompt = { text: question, cursor: question.length, menu: 'yesno' };
        const key = await this.nextKey();
        if (key === null || key === '\x03') return null;
        if (key === 'y' || key === 'Y') return 'y';
        if (key === 'n' || key === 'N') return 'n';
      }
    } finally {
      this.prompt = null;
    }
  }

  private cancelled(): void {
    this.setMessage('Cancelled');
  }

  /** ^O (with the name prompt) or ^S (straight to the current name); true when written. */
  private async writeOut(direct: boolean): Promise<boolean> {
    let name = this.name;
    if (!direct || !name) {
      const got = await this.ask('File Name to Write: ', this.name, WRITE_MENU);
      if (typeof got !== 'string' || got === '') {
        this.cancelled();
        return false;
      }
      if (got !== this.name && (await this.host.exists(got))) {
        const yes = await this.yesNo(`File "${got}" exists; OVERWRITE? `);
        if (yes !== 'y') {
          this.cancelled();
          return false;
        }
      }
      name = got;
    }
    const text = this.buf.text();
    const res = await this.host.write_file(name, text, this.buf.lines.length - 1);
    this.setMessage(res.message);
    if (!res.ok) return false;
    if (name !== this.name) {
      if (this.name) await this.host.unlock(this.name);
      this.name = name;
      await this.host.lock(name, false);
    } else if (this.lockedModified) await this.host.lock(name, false);
    this.lockedModified = false;
    this.buf.markSaved();
    return true;
  }

  private async exit(): Promise<void> {
    if (!this.buf.modified) {
      this.done = true;
      return;
    }
    const yes = await this.yesNo('Save modified buffer? ');
    if (yes === null) return this.cancelled();
    if (yes === 'n') {
      this.done = true;
      return;
    }
    if (await this.writeOut(false)) this.done = true;
  }

  private async search(backward: boolean, ask: boolean): Promise<void> {
    let what = this.lastSearch;
    if (ask) {
      const label = `Search${backward ? ' [Backwards]' : ''}${this.lastSearch ? ` [${this.lastSearch}]` : ''}: `;
      const got = await this.ask(label, '', SEARCH_MENU);
      if (typeof got !== 'string') return this.cancelled();
      if (got === '' && !this.lastSearch) return this.cancelled();
      if (got !== '') what = got;
      this.message = null;
      this.blankIn = 0;
    } else if (!what) {
      this.setMessage('No current search pattern');
      return;
    }
    this.lastSearch = what;
    const found = this.find(what, backward);
    if (!found) {
      this.setMessage(`"${what}" not found`);
      return;
    }
    const b = this.buf;
    const same = found.line === b.cursor.line && found.x === b.cursor.x;
    b.cursor = { line: found.line, x: found.x };
    this.moved();
    if (same) this.setMessage('This is the only occurrence');
    else if (found.wrapped) this.setMessage('Search Wrapped');
    if (found.line < this.top || found.line >= this.top + this.screen.textRows) this.centre = true;
  }

  /** nano's default search: plain text, case folded, from the cursor on, wrapping around. */
  private find(what: string, backward: boolean): { line: number; x: number; wrapped: boolean } | null {
    const b = this.buf;
    const needle = what.toLowerCase();
    const n = b.lines.length;
    const { line, x } = b.cursor;
    for (let step = 0; step <= n; step++) {
      const i = backward ? (line - step + n * 2) % n : (line + step) % n;
      const text = b.lines[i]!.toLowerCase();
      let at: number;
      if (!backward) {
        at = text.indexOf(needle, step === 0 ? x + 1 : 0);
        if (step === n) at = at >= 0 && at <= x ? at : -1;
      } else {
        at = step === 0 ? (x > 0 ? text.lastIndexOf(needle, x - 1) : -1) : text.lastIndexOf(needle);
        if (step === n) at = at >= x ? at : -1;
      }
      if (at >= 0) return { line: i, x: at, wrapped: backward ? i > line || (i === line && at >= x) : i < line || (i === line && at <= x) };
    }
    return null;
  }

  private async goTo(): Promise<void> {
    const got = await this.ask('Enter line number, column number: ', '', GOTO_MENU, ['\x19', '\x16']);
    if (got === null) return this.cancelled();
    if (typeof got === 'object') {
      if (got.key === '\x19') this.gotoLine(1);
      else this.gotoLine(this.buf.lines.length);
      return;
    }
    const m = /^\s*(-?\d+)?\s*(?:[,.: ]\s*(-?\d+))?\s*$/.exec(got);
    if (got.trim() === '') return this.cancelled();
    if (!m || (m[1] === undefined && m[2] === undefined) || m[1] === '0') {
      this.setMessage('Invalid line or column number');
      return;
    }
    const line = m[1] === undefined ? this.buf.cursor.line + 1 : Number(m[1]);
    this.gotoLine(line, m[2] === undefined ? 1 : Math.max(1, Number(m[2])));
    this.message = null;
    this.blankIn = 0;
  }

  /** ^T: only ^Z (suspend) is offered; running a command into the buffer is not. */
  private async execute(): Promise<void> {
    const got = await this.ask('Command to execute: ', '', CANCEL_MENU, ['\x1a']);
    if (got === null) return this.cancelled();
    if (typeof got === 'object') {
      await this.host.suspend();
      this.screen.invalidate();
      return;
    }
    this.setMessage('Executing commands is not available in this nano');
  }

  // ---- drawing ----

  private scroll(): void {
    const rows = this.screen.textRows;
    const line = this.buf.cursor.line;
    if (this.centre) {
      this.centre = false;
      this.top = Math.max(0, line - Math.floor(rows / 2));
    }
    if (line < this.top) this.top = line;
    else if (line >= this.top + rows) this.top = line - rows + 1;
  }

  async draw(): Promise<void> {
    this.scroll();
    const cols = this.screen.cols;
    const b = this.buf;
    const text: string[] = [];
    const cursorCol = columnOf(b.current, b.cursor.x);
    const start = pageStart(cursorCol, cols);
    for (let r = 0; r < this.screen.textRows; r++) {
      const i = this.top + r;
      if (i >= b.lines.length) break;
      text.push(rowText(b.lines[i]!, i === b.cursor.line ? start : 0, cols));
    }
    const p = this.prompt;
    const help = p ? (p.menu === 'yesno' ? yesNoLines() : helpLines(p.menu, cols)) : helpLines(MAIN_MENU, cols);
    await this.screen.draw({
      title: titleBar(cols, this.name || 'New Buffer', b.modified),
      text,
      status: p ? { prompt: p.text } : this.message ? { message: this.message } : null,
      help,
      cursor: p
        ? { row: this.screen.rows - 3, col: Math.min(p.cursor, cols - 1) }
        : { row: 1 + b.cursor.line - this.top, col: cursorCol - start },
    });
  }
}

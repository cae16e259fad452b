// The interactive line editor (what readline is to bash): the terminal goes to raw mode while a
// line is typed and back before the command runs. Keys: arrows, Home/End, Delete, Backspace,
// ^A ^E ^B ^F ^K ^U ^W ^Y ^L ^T ^D ^C, ^P/^N and Up/Down through history, ^R incremental search,
// Tab completion. Lines wider than the terminal wrap. Typed-ahead and pasted text is kept, so
// pasting several lines runs them one after another.

import { isSysError } from '../../../abi/errno.ts';
import {
  BRKINT, ECHO, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG, ISTRIP, IXON, type Termios, TCSADRAIN, VMIN, VTIME, copyTermios,
} from '../../../abi/termios.ts';
import { utf8Encode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { Shell } from '../shell.ts';
import { History } from './history.ts';
import { promptText, promptWidth } from './prompt.ts';
import { utf8StreamDecoder } from '../../../base/text.ts';
import { onDemand } from '../../../base/on-demand.ts';

// Completion is loaded on the first Tab: the prompt shows without it.
const loadCompletion = onDemand(() => import('./completion.ts'));

/** Thrown by readLine when the user pressed ^C: the caller drops what was typed so far. */
export class LineInterrupted extends Error {
  constructor() {
    super('^C');
    this.name = 'LineInterrupted';
  }
}

const ESC = '\x1b';

/** One key: a printable text, or a named key. */
type Key = { text: string } | { name: string };

export class LineEditor {
  readonly history: History;
  private pending = '';
  private decode = utf8StreamDecoder();
  private eof = false;
  // The line being edited.
  private buf = '';
  private cursor = 0;
  private prompt = '';
  /** Terminal row of the cursor, counted from the prompt's first row. */
  private row = 0;
  private histIndex = 0;
  private saved = '';
  private killed = '';
  private lastWasTab = false;

  constructor(private readonly sh: Shell, private readonly inFd: number, private readonly outFd: number, historyFile: string | null) {
    this.history = new History(sh.sys, historyFile);
  }

  private get sys(): Sys {
    return this.sh.sys;
  }

  private async write(s: string): Promise<void> {
    try {
      await this.sys.writeAll(this.outFd, utf8Encode(s));
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }

  private async columns(): Promise<number> {
    try {
      const ws = await this.sys.getWinsize(this.outFd);
      return ws.col > 0 ? ws.col : 80;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 80;
    }
  }

  /** Raw input: no echo, no line buffering, no signal keys; output processing stays on. */
  private static raw(t: Termios): Termios {
    const r = copyTermios(t);
    r.iflag &= ~(BRKINT | ICRNL | INLCR | IGNCR | ISTRIP | IXON);
    r.lflag &= ~(ECHO | ICANON | ISIG | IEXTEN);
    r.cc[VMIN] = 1;
    r.cc[VTIME] = 0;
    return r;
  }

  /** Read one line (with its newline); null at end of input (^D on an empty line). */
  async readLine(prompt: string): Promise<string | null> {
    if (this.eof && !this.pending) return null;
    let saved: Termios | null = null;
    try {
      saved = await this.sys.tcgetattr(this.inFd);
      await this.sys.tcsetattr(this.inFd, TCSADRAIN, LineEditor.raw(saved));
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    try {
      return await this.edit(prompt);
    } finally {
      if (saved) {
        try {
          await this.sys.tcsetattr(this.inFd, TCSADRAIN, saved);
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
    }
  }

  private async edit(prompt: string): Promise<string | null> {
    this.buf = '';
    this.cursor = 0;
    this.prompt = prompt;
    this.row = 0;
    this.histIndex = this.history.entries.length;
    this.saved = '';
    this.lastWasTab = false;
    await this.write(promptText(prompt));
    for (;;) {
      const key = await this.nextKey();
      if (key === null) {
        if (this.buf === '') return null;
        continue;
      }
      const tab = 'name' in key && key.name === 'tab';
      const result = await this.handle(key);
      this.lastWasTab = tab;
      if (result !== undefined) return result;
    }
  }

  /** Act on a key; a string or null ends the line. */
  private async handle(key: Key): Promise<string | null | undefined> {
    if ('text' in key) {
      this.buf = this.buf.slice(0, this.cursor) + key.text + this.buf.slice(this.cursor);
      this.cursor += key.text.length;
      // Typing at the end of the line needs no redraw.
      if (this.cursor === this.buf.length && !key.text.includes('\n')) await this.refresh();
      else await this.refresh();
      return undefined;
    }
    switch (key.name) {
      case 'enter': {
        this.cursor = this.buf.length;
        await this.refresh();
        await this.write('\n');
        const line = this.buf;
        await this.history.add(line);
        return `${line}\n`;
      }
      case 'eof':
        if (this.buf === '') {
          await this.write('\n');
          this.eof = true;
          return null;
        }
        return this.deleteAt(this.cursor);
      case 'interrupt':
        this.cursor = this.buf.length;
        await this.refresh();
        await this.write('^C\n');
        throw new LineInterrupted();
      case 'left': case 'ctrl-b':
        if (this.cursor > 0) this.cursor--;
        break;
      case 'right': case 'ctrl-f':
        if (this.cursor < this.buf.length) this.cursor++;
        break;
      case 'home': case 'ctrl-a':
        this.cursor = 0;
        break;
      case 'end': case 'ctrl-e':
        this.cursor = this.buf.length;
        break;
      case 'word-left':
        this.cursor = this.wordStart(this.cursor);
        break;
      case 'word-right': {
        let i = this.cursor;
        while (i < this.buf.length && /\s/.test(this.buf[i]!)) i++;
        while (i < this.buf.length && !/\s/.test(this.buf[i]!)) i++;
        this.cursor = i;
        break;
      }
      case 'backspace':
        if (this.cursor > 0) return this.deleteAt(this.cursor - 1, true);
        return undefined;
      case 'delete':
        return this.deleteAt(this.cursor);
      case 'kill-end':
        this.killed = this.buf.slice(this.cursor);
        this.buf = this.buf.slice(0, this.cursor);
        break;
      case 'kill-start':
        this.killed = this.buf.slice(0, this.cursor);
        this.buf = this.buf.slice(this.cursor);
        this.cursor = 0;
        break;
      case 'kill-word': {
        const start = this.wordStart(this.cursor);
        this.killed = this.buf.slice(start, this.cursor);
        this.buf = this.buf.slice(0, start) + this.buf.slice(this.cursor);
        this.cursor = start;
        break;
      }
      case 'yank':
        this.buf = this.buf.slice(0, this.cursor) + this.killed + this.buf.slice(this.cursor);
        this.cursor += this.killed.length;
        break;
      case 'transpose':
        if (this.cursor > 0 && this.buf.length > 1) {
          const at = this.cursor === this.buf.length ? this.cursor - 1 : this.cursor;
          this.buf = this.buf.slice(0, at - 1) + this.buf[at] + this.buf[at - 1] + this.buf.slice(at + 1);
          this.cursor = at + 1;
        }
        break;
      case 'clear':
        await this.write(`${ESC}[H${ESC}[2J`);
        this.row = 0;
        await this.write(promptText(this.prompt));
        break;
      case 'up':
        this.historyMove(-1);
        break;
      case 'down':
        this.historyMove(1);
        break;
      case 'search':
        return this.search();
      case 'tab':
        await this.complete();
        return undefined;
      default:
        return undefined;
    }
    await this.refresh();
    return undefined;
  }

  private async deleteAt(at: number, moveBack = false): Promise<undefined> {
    if (at < 0 || at >= this.buf.length) return undefined;
    this.buf = this.buf.slice(0, at) + this.buf.slice(at + 1);
    if (moveBack) this.cursor--;
    await this.refresh();
    return undefined;
  }

  private wordStart(from: number): number {
    let i = from;
    while (i > 0 && /\s/.test(this.buf[i - 1]!)) i--;
    while (i > 0 && !/\s/.test(this.buf[i - 1]!)) i--;
    return i;
  }

  private historyMove(dir: number): void {
    const entries = this.history.entries;
    const next = this.histIndex + dir;
    if (next < 0 || next > entries.length) return;
    if (this.histIndex === entries.length) this.saved = this.buf;
    this.histIndex = next;
    this.buf = next === entries.length ? this.saved : entries[next]!;
    this.cursor = this.buf.length;
  }

  /** ^R: search backwards as the user types; Enter runs the match, ^G gives up. */
  private async search(): Promise<string | null | undefined> {
    let query = '';
    let at = this.history.entries.length;
    let match = -1;
    const show = async (): Promise<void> => {
      const text = match >= 0 ? this.history.entries[match]! : '';
      await this.write(`\r${ESC}[J(reverse-i-search)\`${query}': ${text}`);
    };
    await this.moveToStart();
    await show();
    for (;;) {
      const key = await this.nextKey();
      if (key === null) return null;
      if ('text' in key) {
        query += key.text;
        match = this.history.search(query, match >= 0 ? match + 1 : at);
      } else if (key.name === 'search') {
        if (match > 0) {
          const older = this.history.search(query, match);
          if (older >= 0) match = older;
        }
      } else if (key.name === 'backspace') {
        query = query.slice(0, -1);
        match = query ? this.history.search(query, at) : -1;
      } else {
        await this.write(`\r${ESC}[J`);
        this.row = 0;
        if (key.name === 'interrupt' || key.name === 'cancel') {
          await this.write(promptText(this.prompt));
          await this.refresh();
          return undefined;
        }
        if (match >= 0) {
          this.buf = this.history.entries[match]!;
          this.cursor = this.buf.length;
        }
        await this.write(promptText(this.prompt));
        await this.refresh();
        if (key.name === 'enter') return this.handle(key);
        if (key.name !== 'cancel') return this.handle(key);
        return undefined;
      }
      at = match >= 0 ? match + 1 : at;
      await show();
    }
  }

  private async complete(): Promise<void> {
    const { commonPrefix, complete } = await loadCompletion();
    const c = await complete(this.sh, this.buf, this.cursor);
    if (c.matches.length === 0) {
      await this.write('\x07');
      return;
    }
    const word = this.buf.slice(c.start, this.cursor);
    let insert: string;
    if (c.matches.length === 1) insert = c.matches[0]! + c.suffixes[0]!;
    else insert = commonPrefix(c.matches);
    if (insert.length > word.length) {
      this.buf = this.buf.slice(0, c.start) + insert + this.buf.slice(this.cursor);
      this.cursor = c.start + insert.length;
      await this.refresh();
      return;
    }
    if (!this.lastWasTab) {
      await this.write('\x07');
      return;
    }
    // A second Tab lists the candidates in columns, then the line again.
    const names = c.matches.map((m) => m.replace(/.*\/(?=.)/, ''));
    const width = Math.max(...names.map((n) => n.length)) + 2;
    const cols = Math.max(1, Math.floor((await this.columns()) / width));
    let listing = '';
    for (let i = 0; i < names.length; i++) {
      listing += names[i]!.padEnd(width);
      if ((i + 1) % cols === 0 || i === names.length - 1) listing = `${listing.trimEnd()}\n`;
    }
    await this.moveToEnd();
    await this.write(`\n${listing}${promptText(this.prompt)}`);
    this.row = 0;
    await this.refresh();
  }

  // ---- drawing ------------------------------------------------------------------------------

  private async moveToStart(): Promise<void> {
    let s = '';
    if (this.row > 0) s += `${ESC}[${this.row}A`;
    s += '\r';
    this.row = 0;
    await this.write(s);
  }

  private async moveToEnd(): Promise<void> {
    const cols = await this.columns();
    const p = this.lastPromptWidth();
    const endRow = Math.floor((p + this.buf.length) / cols);
    if (endRow > this.row) await this.write(`${ESC}[${endRow - this.row}B`);
    this.row = endRow;
  }

  /** Width of the prompt's last line (a prompt may span lines). */
  private lastPromptWidth(): number {
    const text = this.prompt;
    const nl = text.lastIndexOf('\n');
    return promptWidth(nl >= 0 ? text.slice(nl + 1) : text);
  }

  /** Redraw the prompt's last line and the buffer, and put the cursor in place. */
  private async refresh(): Promise<void> {
    const cols = await this.columns();
    const p = this.lastPromptWidth();
    const nl = this.prompt.lastIndexOf('\n');
    const lastPrompt = promptText(nl >= 0 ? this.prompt.slice(nl + 1) : this.prompt);
    let s = '';
    if (this.row > 0) s += `${ESC}[${this.row}A`;
    s += `\r${ESC}[J${lastPrompt}${this.buf}`;
    const total = p + this.buf.length;
    // At an exact multiple of the width the terminal has not wrapped yet: make it.
    if (total > 0 && total % cols === 0) s += '\n';
    const endRow = Math.floor(total / cols);
    const pos = p + this.cursor;
    const curRow = Math.floor(pos / cols);
    const curCol = pos % cols;
    if (endRow > curRow) s += `${ESC}[${endRow - curRow}A`;
    s += '\r';
    if (curCol > 0) s += `${ESC}[${curCol}C`;
    this.row = curRow;
    await this.write(s);
  }

  // ---- input --------------------------------------------------------------------------------

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    for (;;) {
      try {
        const chunk = await this.sys.read(this.inFd, 4096);
        if (chunk.length === 0) {
          this.eof = true;
          return false;
        }
        this.pending += this.decode(chunk);
        return true;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code === 'EINTR') continue;
        this.eof = true;
        return false;
      }
    }
  }

  /** The next key, decoding escape sequences; null at end of input. */
  private async nextKey(): Promise<Key | null> {
    while (!this.pending) if (!(await this.fill())) return null;
    const c = this.pending[0]!;
    if (c === ESC) {
      // Wait for the rest of a sequence that arrived split.
      if (this.pending.length < 3 && !this.eof) await this.fill();
      const m = /^\x1b(?:\[([0-9;]*)([A-Za-z~])|O([A-Za-z])|([bfd\x7f]))/.exec(this.pending);
      if (m) {
        this.pending = this.pending.slice(m[0].length);
        const code = m[2] ?? m[3];
        if (m[4]) return { name: m[4] === 'b' ? 'word-left' : m[4] === 'f' ? 'word-right' : 'kill-word' };
        switch (code) {
          case 'A': return { name: 'up' };
          case 'B': return { name: 'down' };
          case 'C': return { name: 'right' };
          case 'D': return { name: 'left' };
          case 'H': return { name: 'home' };
          case 'F': return { name: 'end' };
          case '~': {
            const n = m[1];
            if (n === '1' || n === '7') return { name: 'home' };
            if (n === '4' || n === '8') return { name: 'end' };
            if (n === '3') return { name: 'delete' };
            return { name: 'ignore' };
          }
          default: return { name: 'ignore' };
        }
      }
      this.pending = this.pending.slice(1);
      return { name: 'cancel' };
    }
    this.pending = this.pending.slice(c.length);
    const code = c.charCodeAt(0);
    if (code >= 32 && code !== 127) {
      // Take a run of plain text at once (pastes), stopping at the first control char.
      let text = c;
      const m = /^[^\x00-\x1f\x7f]*/.exec(this.pending)!;
      text += m[0];
      this.pending = this.pending.slice(m[0].length);
      return { text };
    }
    switch (code) {
      case 1: return { name: 'ctrl-a' };
      case 2: return { name: 'ctrl-b' };
      case 3: return { name: 'interrupt' };
      case 4: return { name: 'eof' };
      case 5: return { name: 'ctrl-e' };
      case 6: return { name: 'ctrl-f' };
      case 7: return { name: 'cancel' };
      case 8: case 127: return { name: 'backspace' };
      case 9: return { name: 'tab' };
      case 10: case 13: return { name: 'enter' };
      case 11: return { name: 'kill-end' };
      case 12: return { name: 'clear' };
      case 14: return { name: 'down' };
      case 16: return { name: 'up' };
      case 18: return { name: 'search' };
      case 20: return { name: 'transpose' };
      case 21: return { name: 'kill-start' };
      case 23: return { name: 'kill-word' };
      case 25: return { name: 'yank' };
      default: return { name: 'ignore' };
    }
  }
}

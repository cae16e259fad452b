// The text being edited: lines (the last one always empty, nano's "magic line", so a written
// file ends with a newline), the cursor, and nano's undo/redo history. Every change replaces a
// run of lines and records the old and new runs, so undo and redo cost the lines a change
// touched, never the whole buffer. Typing on one line extends the last "addition" record, so
// M-U takes back a whole word typed at once, as nano does.

export interface Cursor {
  line: number;
  x: number;
}

interface Change {
  /** nano's name for the action, shown as "[ Undid NAME ]". */
  name: string;
  start: number;
  before: string[];
  after: string[];
  cursorBefore: Cursor;
  cursorAfter: Cursor;
}

export class TextBuffer {
  lines: string[];
  cursor: Cursor = { line: 0, x: 0 };
  private history: Change[] = [];
  /** How many changes of `history` are applied (the rest can be redone). */
  private applied = 0;
  /** `applied` when the file was last read or written; -1 once that state cannot come back. */
  private savedAt = 0;
  /** Whether the next typed character may join the last addition. */
  private canMerge = false;

  constructor(lines: string[]) {
    this.lines = lines.length ? lines : [''];
    if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  get modified(): boolean {
    return this.applied !== this.savedAt;
  }

  get current(): string {
    return this.lines[this.cursor.line]!;
  }

  markSaved(): void {
    this.savedAt = this.applied;
    this.canMerge = false;
  }

  /** End a run of typing (a cursor move or another command comes between). */
  breakMerge(): void {
    this.canMerge = false;
  }

  /** Replace `count` lines from `start` by `after`, recorded for undo under `name`. */
  private change(name: string, start: number, count: number, after: string[], cursorAfter: Cursor): void {
    const before = this.lines.slice(start, start + count);
    const cursorBefore = { ...this.cursor };
    this.lines.splice(start, count, ...after);
    const added = this.keepMagicLine();
    this.history.length = this.applied;
    if (this.savedAt > this.applied) this.savedAt = -1;
    this.history.push({ name, start, before, after: added ? [...after, ''] : after, cursorBefore, cursorAfter: { ...cursorAfter } });
    this.applied++;
    this.cursor = { ...cursorAfter };
  }

  /** nano keeps an empty line at the end: typing on it opens a new one below. */
  private keepMagicLine(): boolean {
    if (this.lines[this.lines.length - 1] === '') return false;
    this.lines.push('');
    return true;
  }

  insertText(text: string): void {
    const { line, x } = this.cursor;
    const cur = this.lines[line]!;
    const last = this.history[this.applied - 1];
    if (this.canMerge && last && last.name === 'addition' && last.start === line &&
        last.cursorAfter.line === line && last.cursorAfter.x === x && !text.includes('\n')) {
      // The line typed on is no longer the magic line (the first addition opened a new one).
      this.lines[line] = cur.slice(0, x) + text + cur.slice(x);
      last.after[0] = this.lines[line]!;
      this.cursor = { line, x: x + text.length };
      last.cursorAfter = { ...this.cursor };
      return;
    }
    const parts = (cur.slice(0, x) + text + cur.slice(x)).split('\n');
    const tailLen = cur.length - x;
    const endLine = line + parts.length - 1;
    const endX = parts[parts.length - 1]!.length - tailLen;
    this.change(text.includes('\n') ? 'insertion' : 'addition', line, 1, parts, { line: endLine, x: endX });
    this.canMerge = !text.includes('\n');
  }

  enter(): void {
    const { line, x } = this.cursor;
    const cur = this.lines[line]!;
    this.change('line break', line, 1, [cur.slice(0, x), cur.slice(x)], { line: line + 1, x: 0 });
    this.canMerge = false;
  }

  backspace(): boolean {
    const { line, x } = this.cursor;
    this.canMerge = false;
    if (x > 0) {
      const cur = this.lines[line]!;
      const w = charBefore(cur, x);
      this.change('deletion', line, 1, [cur.slice(0, x - w) + cur.slice(x)], { line, x: x - w });
      return true;
    }
    if (line === 0) return false;
    const prev = this.lines[line - 1]!;
    this.change('deletion', line - 1, 2, [prev + this.lines[line]!], { line: line - 1, x: prev.length });
    return true;
  }

  delete(): boolean {
    const { line, x } = this.cursor;
    this.canMerge = false;
    const cur = this.lines[line]!;
    if (x < cur.length) {
      const w = charAt(cur, x);
      this.change('deletion', line, 1, [cur.slice(0, x) + cur.slice(x + w)], { line, x });
      return true;
    }
    if (line >= this.lines.length - 1) return false;
    // Joining the last text line with the magic line would change nothing.
    if (line === this.lines.length - 2 && this.lines[line + 1] === '') return false;
    this.change('deletion', line, 2, [cur + this.lines[line + 1]!], { line, x });
    return true;
  }

  /** Cut the cursor line (with its newline); returns the cut text lines, or null if nothing. */
  cutLine(): string[] | null {
    const { line } = this.cursor;
    this.canMerge = false;
    const isLast = line === this.lines.length - 1;
    if (isLast) {
      if (this.lines[line] === '') return null;
      const text = this.lines[line]!;
      this.change('cut', line, 1, [''], { line, x: 0 });
      return [text];
    }
    const text = this.lines[line]!;
    this.change('cut', line, 1, [], { line, x: 0 });
    return [text, ''];
  }

  /** Insert the cut text at the cursor (a trailing '' means it ends with a newline). */
  paste(cut: string[]): void {
    const { line, x } = this.cursor;
    const cur = this.lines[line]!;
    const parts = cut.slice();
    parts[0] = cur.slice(0, x) + parts[0]!;
    const endLine = line + parts.length - 1;
    const endX = parts[parts.length - 1]!.length;
    parts[parts.length - 1] = parts[parts.length - 1]! + cur.slice(x);
    this.canMerge = false;
    this.change('paste', line, 1, parts, { line: endLine, x: endX });
  }

  /** Take back the last change; returns its name, or null when there is none. */
  undo(): string | null {
    if (this.applied === 0) return null;
    const c = this.history[--this.applied]!;
    this.lines.splice(c.start, c.after.length, ...c.before);
    this.cursor = { ...c.cursorBefore };
    this.canMerge = false;
    return c.name;
  }

  redo(): string | null {
    if (this.applied >= this.history.length) return null;
    const c = this.history[this.applied++]!;
    this.lines.splice(c.start, c.before.length, ...c.after);
    this.cursor = { ...c.cursorAfter };
    this.canMerge = false;
    return c.name;
  }

  /** The file's text as nano writes it: every line ends with a newline. */
  text(): string {
    return this.lines.slice(0, -1).map((l) => l + '\n').join('');
  }
}

/** UTF-16 units of the character before `x` (a surrogate pair counts as one character). */
export function charBefore(s: string, x: number): number {
  const c = s.charCodeAt(x - 1);
  return x >= 2 && c >= 0xdc00 && c <= 0xdfff ? 2 : 1;
}

export function charAt(s: string, x: number): number {
  const c = s.charCodeAt(x);
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

// The text being edited (one string per line) and its undo, as vi-compatible vim keeps it: one
// level, where `u` undoes the last change and a second `u` redoes it (or, for busybox's vi, a
// stack where each `u` goes one change further back). Every edit goes through
// setLine/insert/remove, which note the lines a change touches, so an undo record costs what the
// change touched and never a copy of the whole buffer.

/** One change: lines [top, top + count) now stand where `saved` stood before. */
interface UndoRecord {
  top: number;
  count: number;
  saved: string[];
  /** The cursor when the change began, where undo puts it back. */
  line: number;
  col: number;
  seq: number;
  /** Seconds (kernel clock) when the change was made. */
  time: number;
  /** Whether the buffer was modified before the change (undoing it restores that). */
  wasModified: boolean;
  undone: boolean;
}

export interface UndoResult {
  line: number;
  col: number;
  /** Line count difference the undo made (negative: lines removed). */
  delta: number;
  changed: number;
  seq: number;
  undone: boolean;
  time: number;
  /** Whole seconds since the change (the editor fills it in). */
  ago: number;
  /** The first line the undo replaced, the lines it took away and the lines it put back. */
  top: number;
  removed: string[];
  restored: string[];
}

export class TextBuffer {
  lines: string[];
  modified = false;
  private seq = 0;
  private last: UndoRecord | null = null;
  /** Older changes, when every `u` goes one further back. */
  private older: UndoRecord[] = [];
  /** The change being recorded, between begin() and the end of the command. */
  private open: UndoRecord | null = null;

  constructor(lines: string[] = [''], readonly multiLevel = false) {
    this.lines = lines.length ? lines : [''];
  }

  get length(): number {
    return this.lines.length;
  }

  line(i: number): string {
    return this.lines[i] ?? '';
  }

  /** Start a change (no-op if one is open): the cursor is where undo will return. */
  begin(line: number, col: number, now: number): void {
    if (this.open) return;
    this.open = { top: -1, count: 0, saved: [], line, col, seq: 0, time: now, wasModified: this.modified, undone: false };
  }

  /** Close the change; true if it changed anything. */
  end(): boolean {
    const rec = this.open;
    this.open = null;
    if (!rec || rec.top < 0) return false;
    rec.seq = ++this.seq;
    if (this.multiLevel && this.last) this.older.push(this.last);
    this.last = rec;
    this.lastTop = rec.top;
    return true;
  }

  /** How many changes were made so far (busybox's undo message counts from it). */
  get changes(): number {
    return this.seq;
  }

  /** The first line the last change touched. */
  lastTop = -1;

  get changing(): boolean {
    return this.open !== null;
  }

  /** Widen the open record so it covers current lines [a, b) before they are touched. */
  private touch(a: number, b: number): UndoRecord {
    const rec = this.open;
    if (!rec) throw new Error('vim buffer: edit outside a change');
    this.modified = true;
    if (rec.top < 0) {
      rec.top = a;
      rec.count = b - a;
      rec.saved = this.lines.slice(a, b);
      return rec;
    }
    if (a < rec.top) {
      rec.saved = this.lines.slice(a, rec.top).concat(rec.saved);
      rec.count += rec.top - a;
      rec.top = a;
    }
    const end = rec.top + rec.count;
    if (b > end) {
      rec.saved = rec.saved.concat(this.lines.slice(end, b));
      rec.count += b - end;
    }
    return rec;
  }

  setLine(i: number, text: string): void {
    if (this.lines[i] === text) return;
    this.touch(i, i + 1);
    this.lines[i] = text;
  }

  insert(at: number, lines: string[]): void {
    const rec = this.touch(at, at);
    this.lines.splice(at, 0, ...lines);
    rec.count += lines.length;
  }

  /** Remove `n` lines from `at`; the buffer always keeps one (empty) line. */
  remove(at: number, n: number): void {
    if (n <= 0) return;
    const rec = this.touch(at, at + n);
    this.lines.splice(at, n);
    rec.count -= n;
    if (this.lines.length === 0) {
      this.lines.push('');
      rec.count += 1;
    }
  }

  /** `u` in vi-compatible mode: undo the last change, or redo it if it was just undone. */
  undo(): UndoResult | null {
    const rec = this.last;
    if (!rec) return null;
    const restored = rec.saved;
    const now = this.lines.splice(rec.top, rec.count, ...rec.saved);
    const delta = rec.saved.length - rec.count;
    const changed = Math.max(rec.saved.length, rec.count);
    rec.count = rec.saved.length;
    rec.saved = now;
    rec.undone = !rec.undone;
    const wasModified = rec.wasModified;
    rec.wasModified = this.modified;
    this.modified = rec.undone ? wasModified : true;
    if (this.lines.length === 0) this.lines.push('');
    if (this.multiLevel) this.last = this.older.pop() ?? null;
    return {
      line: Math.min(rec.top, this.lines.length - 1), col: rec.col, delta, changed, seq: rec.seq, undone: rec.undone, time: rec.time,
      ago: 0, top: rec.top, removed: now, restored,
    };
  }

  /** The whole text as the file would hold it. */
  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

// The screen as vim draws it: buffer lines from the top line down, long lines wrapped at the
// terminal's width, `~` past the end, `@` rows where the next line does not fit, and the bottom
// line for messages (or, for a vi that does not wrap, each line cut at the width from a column
// offset that follows the cursor sideways). The terminal keeps what was last drawn per row, so an update writes only
// the rows that changed, and the work per key is one screenful, never the whole buffer.

export const NUMBER_WIDTH = 8;

/** A character's cells as vim shows it: tabs to the next multiple of 8, controls as ^X. */
export function cellsOf(ch: string, col: number): string {
  if (ch === '\t') return ' '.repeat(8 - (col % 8));
  const c = ch.codePointAt(0)!;
  if (c < 32) return '^' + String.fromCharCode(c + 64);
  if (c === 127) return '^?';
  return ch;
}

/** The text of a line as screen cells (one UTF-16 unit per cell for what learners type). */
export function shownText(text: string): string {
  let out = '';
  for (const ch of text) out += cellsOf(ch, out.length);
  return out;
}

/** The cell where character `col` of `text` starts, and where it ends (inclusive). */
export function cellSpan(text: string, col: number): { start: number; end: number } {
  let cells = 0;
  let i = 0;
  for (const ch of text) {
    const w = cellsOf(ch, cells).length;
    if (i === col) return { start: cells, end: cells + w - 1 };
    cells += w;
    i += ch.length;
  }
  return { start: cells, end: cells };
}

export class Display {
  rows: number;
  cols: number;
  /** What each screen row shows now ('' unknown after a clear). */
  private shown: (string | null)[] = [];
  private shownMessage: string | null = null;
  /** Lines wrap (vim), or each takes one row from the column `offset` on. */
  wrap = true;
  offset = 0;
  /** `~` rows in vim's NonText colour, or plain. */
  colourFill = true;
  constructor(private readonly write: (s: string) => Promise<void>, rows: number, cols: number) {
    this.rows = rows;
    this.cols = cols;
  }

  get textRows(): number {
    return Math.max(1, this.rows - 1);
  }

  resize(rows: number, cols: number): void {
    this.rows = rows;
    this.cols = cols;
    this.invalidate();
  }

  /** Forget what the screen shows (after a clear), so the next update draws every row. */
  invalidate(): void {
    this.shown = [];
    this.shownMessage = null;
  }

  /** Screen rows a buffer line takes. */
  rowsOf(text: string, numbered: boolean): number {
    if (!this.wrap) return 1;
    const w = shownText(text).length + (numbered ? NUMBER_WIDTH : 0);
    return Math.max(1, Math.ceil(w / this.cols));
  }

  /** Build the rows for lines from `top`; returns them and the first row of each shown line. */
  layout(lines: string[], top: number, numbered: boolean): { rows: string[]; starts: number[] } {
    const rows: string[] = [];
    const starts: number[] = [];
    const h = this.textRows;
    let i = top;
    for (; i < lines.length && rows.length < h; i++) {
      let text = (numbered ? `${String(i + 1).padStart(NUMBER_WIDTH - 1)} ` : '') + shownText(lines[i]!);
      if (!this.wrap) text = text.slice(this.offset, this.offset + this.cols);
      const n = Math.max(1, Math.ceil(text.length / this.cols));
      if (rows.length + n > h && i !== top) break;
      starts.push(rows.length);
      for (let r = 0; r < n && rows.length < h; r++) rows.push(text.slice(r * this.cols, (r + 1) * this.cols));
    }
    // Without wrapping, the `~` sits in the text's first column and scrolls away sideways with it.
    const fill = i < lines.length ? '@' : !this.wrap && this.offset > 0 ? '' : '~';
    while (rows.length < h) rows.push('\x00' + fill);
    return { rows, starts };
  }

  /** Draw the rows that differ from what is shown, then the message and the cursor. */
  async update(rows: string[], message: string, error: boolean, cursor: { row: number; col: number }): Promise<void> {
    let out = '';
    for (let r = 0; r < rows.length; r++) {
      const want = rows[r]!;
      if (this.shown[r] === want) continue;
      this.shown[r] = want;
      out += `\x1b[${r + 1};1H`;
      if (want.startsWith('\x00')) out += this.colourFill ? `\x1b[94m${want.slice(1)}\x1b[m\x1b[K` : `${want.slice(1)}\x1b[K`;
      else out += want.length >= this.cols ? want : `${want}\x1b[K`;
    }
    const msg = (error ? '\x01' : '') + message;
    if (this.shownMessage !== msg) {
      this.shownMessage = msg;
      const text = [...message].slice(0, this.cols - 1).join('');
      out += `\x1b[${this.rows};1H` + (error ? `\x1b[97m\x1b[41m${text}\x1b[m` : text) + '\x1b[K';
    }
    out += `\x1b[${cursor.row + 1};${cursor.col + 1}H`;
    if (out) await this.write(out.length > 12 ? `\x1b[?25l${out}\x1b[?25h` : out);
  }

  /** The bottom line while a command line is typed. */
  async commandLine(text: string): Promise<void> {
    this.shownMessage = null;
    const shown = shownText(text);
    await this.write(`\x1b[${this.rows};1H${shown}\x1b[K`);
  }
}

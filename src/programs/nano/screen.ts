// The terminal side of nano's screen: the title row, the text rows, the status row and the two
// help rows. The screen keeps what it last drew on each row and writes only the rows that
// changed, so a keystroke costs the rows it touched, never the whole buffer or a full redraw.

import type { Span } from './bars.ts';

export interface Frame {
  title: string;
  text: string[];
  /** A message shown centred in reverse video ("[ Read 3 lines ]"), or a prompt line. */
  status: { message: string } | { prompt: string } | null;
  help: [Span[], Span[]];
  cursor: { row: number; col: number };
}

const REV = '\x1b[7m';
const OFF = '\x1b[m';

function spans(row: Span[]): string {
  return row.map(([t, rev]) => (rev ? REV + t + OFF : t)).join('');
}

export class Screen {
  rows: number;
  cols: number;
  private shown: (string | undefined)[] = [];

  constructor(private readonly write: (s: string) => Promise<void>, rows: number, cols: number) {
    this.rows = rows;
    this.cols = cols;
  }

  /** Rows of text between the title and the status row. */
  get textRows(): number {
    return Math.max(1, this.rows - 4);
  }

  resize(rows: number, cols: number): void {
    this.rows = rows;
    this.cols = cols;
    this.shown = [];
  }

  /** Forget what the terminal shows: the next draw clears it and writes every row. */
  invalidate(): void {
    this.shown = [];
  }

  private line(row: number, content: string, plainLength: number): string {
    if (this.shown[row] === content) return '';
    this.shown[row] = content;
    return `\x1b[${row + 1};1H${content}${plainLength < this.cols ? '\x1b[K' : ''}`;
  }

  async draw(f: Frame): Promise<void> {
    let out = this.shown.length === 0 ? '\x1b[H\x1b[2J' : '';
    out += this.line(0, REV + f.title + OFF, this.cols);
    for (let r = 0; r < this.textRows; r++) {
      const t = f.text[r] ?? '';
      out += this.line(1 + r, t, t.length);
    }
    const statusRow = this.rows - 3;
    if (statusRow > 0) {
      let content = '';
      if (f.status && 'message' in f.status) {
        const msg = `[ ${f.status.message} ]`;
        const text = [...msg].slice(0, this.cols).join('');
        const at = Math.max(0, Math.floor((this.cols - [...text].length) / 2));
        content = `\x1b[K\x1b[${statusRow + 1};${at + 1}H${REV}${text}${OFF}`;
      } else if (f.status) {
        content = [...f.status.prompt].slice(0, this.cols).join('');
      }
      out += this.line(statusRow, content, 0);
    }
    for (let i = 0; i < 2; i++) {
      const row = this.rows - 2 + i;
      if (row > statusRow) out += this.line(row, spans(f.help[i]!), 0);
    }
    out += `\x1b[${f.cursor.row + 1};${f.cursor.col + 1}H`;
    await this.write(`\x1b[?25l${out}\x1b[?25h`);
  }
}

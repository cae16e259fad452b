// How a buffer line looks on nano's screen: tabs to the next multiple of 8, control characters
// as ^X, and a line wider than the screen scrolled sideways. Only the cursor's line scrolls: it
// starts at nano's page start for the cursor column, with `<` in its first cell when scrolled and
// `>` in its last when more text follows; other lines show their start and a `>`.

const TABSIZE = 8;

/** Screen cells of `text` from its start (one cell per character for what learners type). */
export function cells(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\t') out += ' '.repeat(TABSIZE - (out.length % TABSIZE));
    else {
      const c = ch.codePointAt(0)!;
      if (c < 32) out += '^' + String.fromCharCode(c + 64);
      else if (c === 127) out += '^?';
      else out += ch.length === 2 ? '\u0000' : ch;
    }
  }
  return out;
}

/** The display column of index `x` of `text` (nano's xplustabs). */
export function columnOf(text: string, x: number): number {
  return cells(text.slice(0, x)).length;
}

/** The index of `text` whose column is the largest not past `column` (nano's actual_x). */
export function indexAt(text: string, column: number): number {
  let col = 0;
  let i = 0;
  for (const ch of text) {
    const w = ch === '\t' ? TABSIZE - (col % TABSIZE) : cells(ch).length;
    if (col + w > column) return i;
    col += w;
    i += ch.length;
  }
  return i;
}

/** The first column shown when the cursor is at `column`, in `cols` cells (get_page_start). */
export function pageStart(column: number, cols: number): number {
  if (column === 0 || column + 2 < cols) return 0;
  if (cols > 8) return column - 6 - ((column - 6) % (cols - 8));
  return column - (cols - 2);
}

/** The cells of `text` shown from column `start` in `cols` cells, with the scroll markers. */
export function rowText(text: string, start: number, cols: number): string {
  const all = cells(text);
  if (all.length <= start + cols && start === 0) return all.replace(/\u0000/g, '?');
  let shown = all.slice(start, start + cols);
  if (all.length > start + cols) shown = shown.slice(0, cols - 1) + '>';
  if (start > 0) shown = '<' + shown.slice(1);
  return shown.replace(/\u0000/g, '?');
}

// Go's text/tabwriter as the docker CLI uses it: cells end at tabs, each column is as wide as
// its widest cell plus the padding (at least `minWidth`), widths count runes, and the last cell
// of a line is never padded. Columns are laid out per block of consecutive lines that have them.

export function tabwrite(text: string, minWidth = 10, padding = 3): string {
  const lines = text.split('\n');
  const trailing = lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  const cells = lines.map((l) => l.split('\t'));
  const out: string[] = lines.map(() => '');
  format(cells, out, 0, 0, cells.length, minWidth, padding);
  return out.join('\n') + (trailing ? '\n' : '');
}

const runes = (s: string): number => [...s].length;

// Go's tabwriter.format: a column is the run of consecutive lines with a cell in column `col`
// (a terminated cell: one followed by a tab).
function format(cells: string[][], out: string[], col: number, line0: number, line1: number, minWidth: number, padding: number): void {
  let line = line0;
  while (line < line1) {
    const row = cells[line]!;
    if (col >= row.length - 1) {
      if (col === row.length - 1) out[line] += row[col]!;
      line++;
      continue;
    }
    // a block starts here
    const start = line;
    let width = minWidth;
    let discardable = true;
    for (; line < line1; line++) {
      const r = cells[line]!;
      if (col >= r.length - 1) break;
      const w = runes(r[col]!) + padding;
      if (w > width) width = w;
      if (r[col] !== '') discardable = false;
    }
    void discardable;
    for (let l = start; l < line; l++) {
      const c = cells[l]![col]!;
      out[l] += c + ' '.repeat(width - runes(c));
    }
    format(cells, out, col + 1, start, line, minWidth, padding);
  }
}

// Cursor motions within the text as vim counts them: words (letters, digits and _ against
// other non-blank characters), WORDs (non-blank runs), the first non-blank, and f/t searches.
// Pure functions over lines, so they are tested without a terminal.

export interface Pos {
  line: number;
  col: number;
}

type Kind = 0 | 1 | 2; // blank, punctuation, word character

function kindOf(ch: string | undefined, big: boolean): Kind {
  if (ch === undefined || ch === ' ' || ch === '\t') return 0;
  if (big) return 2;
  return /[\p{L}\p{N}_]/u.test(ch) ? 2 : 1;
}

export function firstNonBlank(line: string): number {
  const m = /^[ \t]*/.exec(line)![0].length;
  return m >= line.length ? Math.max(0, line.length - 1) : m;
}

/** `w`/`W`: the start of the next word; an empty line counts as a word. */
export function wordForward(lines: string[], p: Pos, big: boolean, stopAtEol = false): Pos {
  let { line, col } = p;
  let text = lines[line]!;
  const start = kindOf(text[col], big);
  // Skip the rest of this word.
  if (start !== 0) while (col < text.length && kindOf(text[col], big) === start) col++;
  // Then blanks, crossing lines (an empty line stops).
  for (;;) {
    while (col < text.length && kindOf(text[col], big) === 0) col++;
    if (col < text.length) return { line, col };
    if (stopAtEol || line + 1 >= lines.length) return { line, col: Math.max(0, text.length) };
    line++;
    col = 0;
    text = lines[line]!;
    if (text.length === 0) return { line, col: 0 };
  }
}

/** `e`/`E`: the end of this word or the next. */
export function wordEnd(lines: string[], p: Pos, big: boolean): Pos {
  let { line, col } = p;
  let text = lines[line]!;
  col++;
  for (;;) {
    while (col < text.length && kindOf(text[col], big) === 0) col++;
    if (col < text.length) break;
    if (line + 1 >= lines.length) return { line, col: Math.max(0, text.length - 1) };
    line++;
    col = 0;
    text = lines[line]!;
  }
  const k = kindOf(text[col], big);
  while (col + 1 < text.length && kindOf(text[col + 1], big) === k) col++;
  return { line, col };
}

/** `b`/`B`: the start of this word or the previous one. */
export function wordBack(lines: string[], p: Pos, big: boolean): Pos {
  let { line, col } = p;
  let text = lines[line]!;
  col--;
  for (;;) {
    while (col >= 0 && kindOf(text[col], big) === 0) col--;
    if (col >= 0) break;
    if (line === 0) return { line: 0, col: 0 };
    line--;
    text = lines[line]!;
    col = text.length - 1;
    if (text.length === 0) return { line, col: 0 };
  }
  const k = kindOf(text[col], big);
  while (col > 0 && kindOf(text[col - 1], big) === k) col--;
  return { line, col };
}

/** f F t T: the column of the `n`th `ch` on the line, or -1. */
export function findChar(text: string, col: number, cmd: string, ch: string, n: number): number {
  const forward = cmd === 'f' || cmd === 't';
  let c = col;
  for (let i = 0; i < n; i++) {
    c = forward ? text.indexOf(ch, c + 1 + (cmd === 't' && i === 0 && text[c + 1] === ch ? 1 : 0)) : text.lastIndexOf(ch, c - 1 - (cmd === 'T' && i === 0 && text[c - 1] === ch ? 1 : 0));
    if (c < 0) return -1;
  }
  if (cmd === 't') return c - 1;
  if (cmd === 'T') return c + 1;
  return c;
}

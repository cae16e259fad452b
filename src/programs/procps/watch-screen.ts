// watch's screen: the command's output laid into rows and columns as watch's run_command lays
// it into the curses window (tabs to every 8th column, control characters dropped, long lines
// wrapped or, with -w, cut, a line that exactly fills the width not followed by an empty one),
// compared cell by cell with the last run for -d and -g, and drawn as escape sequences.

/** Which of watch's options change how the output is laid out. */
export interface LayoutOptions {
  color: boolean;
  wrap: boolean;
}

export class ScreenBuffer {
  private chars: string[][];
  /** The SGR parameters (-c) in force at each cell, '' for none. */
  private sgr: string[][];
  private prevChars: string[][] | null = null;
  private standout: boolean[][];
  private prevStandout: boolean[][];
  /** Nothing to compare with yet (the first run, or the first after a resize). */
  first = true;

  constructor(readonly rows: number, readonly cols: number) {
    this.chars = this.grid(' ');
    this.sgr = this.grid('');
    this.standout = this.grid(false);
    this.prevStandout = this.grid(false);
  }

  private grid<T>(fill: T): T[][] {
    return Array.from({ length: this.rows }, () => new Array<T>(this.cols).fill(fill));
  }

  /** Start a new run: the last one is kept to compare with. */
  begin(): void {
    this.prevChars = this.chars.map((r) => r.slice());
    this.prevStandout = this.standout;
    this.standout = this.grid(false);
  }

  /** The run has been shown: from now on there is something to compare with. */
  settle(): void {
    this.first = false;
  }

  putTitle(title: string): void {
    if (this.rows === 0) return;
    for (let x = 0; x < this.cols; x++) {
      this.chars[0]![x] = title[x] ?? ' ';
      this.sgr[0]![x] = '';
    }
  }

  /**
   * Lay `text` out from row `top` down; returns whether any character differs from the last
   * run's (what -g watches for).
   */
  fill(text: string, top: number, opt: LayoutOptions & { diff: boolean; permanent: boolean }): boolean {
    const input = [...text];
    let at = 0;
    const getc = (): string | null => (at < input.length ? input[at++]! : null);
    let changed = false;
    let sgr = '';
    let oldEol = true;
    for (let y = top; y < this.rows; y++) {
      let eol = false;
      let tabPending = false;
      for (let x = 0; x < this.cols; x++) {
        let c: string | null = ' ';
        if (!eol) {
          if (!tabPending) {
            do c = getc();
            while (c !== null && skipped(c) && !(c === '\x1b' && opt.color));
          }
          if (c === '\x1b' && opt.color) {
            x--;
            sgr = ansi(input, () => at, (n) => (at = n), sgr);
            continue;
          }
          if (c === '\n') {
            if (!oldEol && x === 0) {
              // The last line filled the width exactly: its newline makes no empty line.
              x = -1;
              continue;
            }
            eol = true;
          } else if (c === '\t') tabPending = true;
          if (c === null || c === '\n' || c === '\t') c = ' ';
          if (tabPending && (x + 1) % 8 === 0) tabPending = false;
        }
        const ch = c ?? ' ';
        const old = this.prevChars?.[y]?.[x];
        if (!this.first && old !== ch) changed = true;
        if (opt.diff) this.standout[y]![x] = !this.first && (old !== ch || (opt.permanent && this.prevStandout[y]![x]!));
        this.chars[y]![x] = ch;
        this.sgr[y]![x] = eol || c === null ? '' : sgr;
      }
      oldEol = eol;
      if (!opt.wrap && !eol) {
        // -w: the rest of the line is not shown.
        for (let c = getc(); c !== null && c !== '\n'; c = getc()) {
          if (c === '\x1b' && opt.color) sgr = ansi(input, () => at, (n) => (at = n), sgr);
        }
        oldEol = true;
      }
    }
    return changed;
  }

  /** The whole screen as escape sequences: each row placed, its attributes switched as needed. */
  render(diff: boolean): string {
    let out = '';
    for (let y = 0; y < this.rows; y++) {
      let end = this.cols;
      while (end > 0 && this.chars[y]![end - 1] === ' ' && !this.standout[y]![end - 1] && this.sgr[y]![end - 1] === '') end--;
      out += `\x1b[${y + 1};1H`;
      let sgr = '';
      let so = false;
      for (let x = 0; x < end; x++) {
        const want = this.sgr[y]![x]!;
        if (want !== sgr) {
          out += `\x1b[0m${want ? `\x1b[${want}m` : ''}`;
          sgr = want;
          so = false;
        }
        const s = diff && this.standout[y]![x]!;
        if (s !== so) {
          out += s ? '\x1b[7m' : '\x1b[27m';
          so = s;
        }
        out += this.chars[y]![x];
      }
      if (so) out += '\x1b[27m';
      if (sgr) out += '\x1b[0m';
      if (end < this.cols) out += '\x1b[K';
    }
    return out;
  }
}

/** Characters watch reads past: control characters other than newline and tab. */
function skipped(c: string): boolean {
  const code = c.codePointAt(0)!;
  return code < 32 ? c !== '\n' && c !== '\t' : code === 127;
}

/** After an ESC: a CSI sequence; an SGR one (ending in m) changes the attributes in force. */
function ansi(input: string[], pos: () => number, set: (n: number) => void, sgr: string): string {
  let at = pos();
  if (input[at] !== '[') return sgr;
  at++;
  let params = '';
  while (at < input.length && /[0-9;]/.test(input[at]!)) params += input[at++];
  const final = input[at++];
  set(at);
  if (final !== 'm') return sgr;
  // Attributes add up until a reset (0 or nothing).
  let state = sgr;
  for (const p of params.split(';')) {
    if (p === '' || Number(p) === 0) state = '';
    else state = state ? `${state};${p}` : p;
  }
  return state;
}

// grep's search of one file: text arrives in chunks of whole lines (in the matcher's text form)
// and is searched with one global RegExp over the whole chunk, so lines that do not match never
// become strings of their own. It selects lines (matching, or not matching with -v), counts them,
// and prints them with GNU's prefixes, context lines, `--` separators and colours.

import { utf8Length } from '../../base/text.ts';
import type { Matcher } from '../lib/regex.ts';

/** SGR sequences from GREP_COLORS (GNU's defaults: ms=01;31:mc=01;31:fn=35:ln=32:bn=32:se=36). */
export interface Colors {
  ms: string;
  mc: string;
  fn: string;
  ln: string;
  bn: string;
  se: string;
  sl: string;
  cx: string;
  /** rv: under -v, sl colours context lines and cx selected ones. */
  rv: boolean;
  /** Append \e[K (erase to end of line) after each start and end sequence, unless `ne`. */
  el: boolean;
}

export interface ScanConfig {
  /** null: no pattern at all (grep -f /dev/null), which matches nothing. */
  matcher: Matcher | null;
  invert: boolean;
  /** What a selected line does: print it, count it, or only decide the answer (-l, -L, -q). */
  mode: 'lines' | 'count' | 'exists';
  only: boolean;
  lineNumbers: boolean;
  byteOffsets: boolean;
  initialTab: boolean;
  before: number;
  after: number;
  /** Any of -A, -B, -C was given (even 0): groups get separators. */
  context: boolean;
  maxCount: number;
  eol: string;
  color: Colors | null;
  groupSeparator: string | null;
  utf8: boolean;
  /** -Z: a zero byte follows a file name instead of its separator. */
  nullAfterName: boolean;
  /** -a: lines with bytes that are not UTF-8 are printed like any other. */
  textBinary: boolean;
}

/** Where output goes: text-form strings, and whether anything was printed yet (for `--`). */
export interface Sink {
  write(text: string): void;
  /** A group of lines was printed (by any file): the next non-adjacent group gets a separator. */
  printedGroup: boolean;
}

/** What the scan of one file asks its caller to do after a chunk. */
export type ScanState = 'more' | 'done' | 'binary';

export class FileScan {
  /** Selected lines so far. */
  selected = 0;
  /** The file turned out to be binary and a line was selected (print GNU's message). */
  binaryMatched = false;
  /** The chunk being processed is known to be binary (NUL seen). */
  binary = false;
  private lastOut = 0; // absolute number of the last line printed (or passed over as -o context)
  private afterLeft = 0;
  private printedHere = false; // a line of this file was printed (or passed over as -o context)
  private stopped = false; // max count reached: only trailing context from now on
  private prefixName: string | null;
  private offsetWidth: number;
  // Line counting within the current chunk.
  private text = '';
  private baseOffset = 0;
  private cPos = 0;
  private cLine = 1;

  constructor(private readonly cfg: ScanConfig, private readonly out: Sink, name: string | null, offsetWidth: number) {
    this.prefixName = name;
    this.offsetWidth = offsetWidth;
  }

  /** True once nothing more in this file can change the output or the answer. */
  get finished(): boolean {
    return this.binaryMatched || (this.stopped && this.afterLeft === 0) || (this.cfg.mode === 'exists' && this.selected > 0);
  }

  /**
   * Search `text` (whole lines, each ending in eol) from `start`; the lines before `start` were
   * searched with the previous chunk and are only kept for before-context. `firstLine` is the
   * number of the first line of `text`, `firstOffset` its byte offset in the file.
   */
  scan(text: string, start: number, firstLine: number, firstOffset: number): void {
    this.text = text;
    this.baseOffset = firstOffset;
    this.cPos = 0;
    this.cLine = firstLine;
    const { cfg } = this;
    const eol = cfg.eol;
    let pos = start;
    while (pos < text.length && !this.finished) {
      if (this.stopped) {
        // Trailing context after the last selected line, whatever the lines hold.
        const end = text.indexOf(eol, pos);
        this.context(pos, end);
        pos = end + 1;
        continue;
      }
      const hit = this.nextMatchLine(pos);
      const hitStart = hit ? hit[0] : text.length;
      if (!cfg.invert) {
        this.passOver(pos, hitStart);
        if (!hit || this.finished) break;
        this.select(hit[0], hit[1]);
        pos = hit[1] + 1;
      } else {
        const next = this.selectRange(pos, hitStart);
        if (this.finished) break;
        if (this.stopped) {
          pos = next;
          continue;
        }
        if (!hit) break;
        this.passOver(hit[0], hit[1] + 1);
        pos = hit[1] + 1;
      }
    }
  }

  /** The next line holding a match, as [start, index of its eol]. */
  private nextMatchLine(from: number): [number, number] | null {
    const m = this.cfg.matcher;
    if (!m) return null;
    const re = m.regex;
    re.lastIndex = from;
    const found = re.exec(this.text);
    if (!found || found.index >= this.text.length) return null;
    const eol = this.cfg.eol;
    const start = found.index === 0 ? 0 : this.text.lastIndexOf(eol, found.index - 1) + 1;
    return [Math.max(start, from), this.text.indexOf(eol, found.index)];
  }

  private lineAt(p: number): number {
    const { text } = this;
    const eol = this.cfg.eol;
    if (p >= this.cPos) {
      let i = text.indexOf(eol, this.cPos);
      while (i >= 0 && i < p) {
        this.cLine++;
        i = text.indexOf(eol, i + 1);
      }
    } else {
      let i = text.lastIndexOf(eol, this.cPos - 1);
      while (i >= p) {
        this.cLine--;
        i = i === 0 ? -1 : text.lastIndexOf(eol, i - 1);
      }
    }
    this.cPos = p;
    return this.cLine;
  }

  private offsetAt(p: number): number {
    return this.baseOffset + (this.cfg.utf8 ? utf8Length(this.text.slice(0, p)) : p);
  }

  /** Lines in [a, b) that are not selected: after-context, or nothing. */
  private passOver(a: number, b: number): void {
    let p = a;
    while (this.afterLeft > 0 && p < b) {
      const end = this.text.indexOf(this.cfg.eol, p);
      this.context(p, end);
      p = end + 1;
    }
  }

  /** Every line in [a, b) is selected (-v between two matching lines); returns where it stopped. */
  private selectRange(a: number, b: number): number {
    if (a >= b) return b;
    const { cfg, text } = this;
    const eol = cfg.eol;
    const plain = cfg.mode === 'lines' && !cfg.only && !cfg.lineNumbers && !cfg.byteOffsets && this.prefixName === null && !cfg.context && !cfg.color && !this.binary && cfg.maxCount === Infinity;
    if (plain) {
      const block = text.slice(a, b);
      if (!cfg.utf8 || cfg.textBinary || !/[\udc80-\udcff]/.test(block)) {
        this.out.write(block);
        this.selected++; // only whether there was one matters without -c and -m
        return b;
      }
    }
    if (cfg.mode !== 'lines') {
      let p = a;
      while (p < b && !this.finished && !this.stopped) {
        this.selected++;
        if (this.selected >= cfg.maxCount) this.stopped = true;
        p = text.indexOf(eol, p) + 1;
      }
      return p;
    }
    let p = a;
    while (p < b && !this.finished && !this.stopped) {
      const end = text.indexOf(eol, p);
      this.select(p, end);
      p = end + 1;
    }
    return p;
  }

  /** One selected line [s, e). */
  private select(s: number, e: number): void {
    const { cfg } = this;
    this.selected++;
    if (this.selected >= cfg.maxCount) this.stopped = true;
    if (cfg.mode !== 'lines') return;
    if (this.binary || (cfg.utf8 && !cfg.textBinary && /[\udc80-\udcff]/.test(this.text.slice(s, e)))) {
      this.binaryMatched = true;
      return;
    }
    const line = this.lineAt(s);
    this.beforeContext(s, line);
    this.separatorBefore(line);
    if (cfg.only) {
      if (!cfg.invert) this.printMatches(s, e, line);
    } else this.printLine(s, e, line, ':', true);
    this.lastOut = line;
    this.printedHere = true;
    this.afterLeft = cfg.after;
  }

  private beforeContext(s: number, line: number): void {
    const n = Math.min(this.cfg.before, line - 1 - this.lastOut);
    if (n <= 0) return;
    const eol = this.cfg.eol;
    let p = s;
    let k = 0;
    while (k < n && p > 0) {
      p = p - 1 === 0 ? 0 : this.text.lastIndexOf(eol, p - 2) + 1;
      k++;
    }
    if (k === 0) return;
    for (let i = 0; i < k; i++) {
      const end = this.text.indexOf(eol, p);
      this.context(p, end, line - k + i);
      p = end + 1;
    }
  }

  private separatorBefore(line: number): void {
    const { cfg } = this;
    if (!cfg.context) return;
    if (cfg.groupSeparator !== null && this.out.printedGroup && (!this.printedHere || line > this.lastOut + 1)) {
      const c = cfg.color;
      this.out.write(c && c.se ? `${this.sgr(c.se)}${cfg.groupSeparator}${this.sgrEnd()}\n` : `${cfg.groupSeparator}\n`);
    }
    this.out.printedGroup = true;
  }

  /** A context line [s, e) (not selected). */
  private context(s: number, e: number, line = this.lineAt(s)): void {
    if (line <= this.lastOut) return;
    if (this.afterLeft > 0) this.afterLeft--;
    this.separatorBefore(line);
    if (!this.cfg.only) this.printLine(s, e, line, '-', false);
    this.lastOut = line;
    this.printedHere = true;
  }

  private sgr(code: string): string {
    return `\x1b[${code}m${this.cfg.color!.el ? '\x1b[K' : ''}`;
  }
  private sgrEnd(): string {
    return `\x1b[m${this.cfg.color!.el ? '\x1b[K' : ''}`;
  }

  private prefix(line: number, offset: number, sep: string): string {
    const { cfg } = this;
    const c = cfg.color;
    let out = '';
    const sepText = c && c.se ? `${this.sgr(c.se)}${sep}${this.sgrEnd()}` : sep;
    if (this.prefixName !== null) out += (c && c.fn ? `${this.sgr(c.fn)}${this.prefixName}${this.sgrEnd()}` : this.prefixName) + (cfg.nullAfterName ? '\0' : sepText);
    if (cfg.lineNumbers) {
      const n = cfg.initialTab ? String(line).padStart(this.offsetWidth) : String(line);
      out += (c && c.ln ? `${this.sgr(c.ln)}${n}${this.sgrEnd()}` : n) + sepText;
    }
    if (cfg.byteOffsets) {
      const n = cfg.initialTab ? String(offset).padStart(this.offsetWidth) : String(offset);
      out += (c && c.bn ? `${this.sgr(c.bn)}${n}${this.sgrEnd()}` : n) + sepText;
    }
    if (cfg.initialTab && out !== '') out += '\t';
    return out;
  }

  private printLine(s: number, e: number, line: number, sep: string, selected: boolean): void {
    const { cfg, text } = this;
    const head = this.prefix(line, cfg.byteOffsets ? this.offsetAt(s) : 0, sep);
    const c = cfg.color;
    if (!c) {
      this.out.write(head + text.slice(s, e) + cfg.eol);
      return;
    }
    // GNU's print_line: matches are coloured in lines that match (selected ones, or context
    // lines under -v) with ms or mc; sl and cx colour the rest of selected and context lines
    // (swapped by rv under -v).
    const matching = selected !== cfg.invert;
    const lineColor = selected !== (cfg.invert && c.rv) ? c.sl : c.cx;
    const matchColor = selected ? c.ms : c.mc;
    let body = '';
    let p = s;
    if (matching && matchColor && cfg.matcher) {
      for (const [ms, me] of this.matches(s, e)) {
        body += (lineColor ? this.sgr(lineColor) : '') + text.slice(p, ms) + this.sgr(matchColor) + text.slice(ms, me) + this.sgrEnd();
        p = me;
      }
    }
    const tail = text.slice(p, e);
    body += lineColor && tail ? this.sgr(lineColor) + tail + this.sgrEnd() : tail;
    this.out.write(head + body + cfg.eol);
  }

  /** Non-empty leftmost-longest matches within the line [s, e). */
  private *matches(s: number, e: number): Generator<[number, number]> {
    const m = this.cfg.matcher!;
    let p = s;
    while (p <= e) {
      const found = m.exec(this.text, p);
      if (!found || found.index > e) return;
      const end = found.index + found[0].length;
      if (end === found.index) {
        p = found.index + 1;
        continue;
      }
      yield [found.index, end];
      p = end;
    }
  }

  private printMatches(s: number, e: number, line: number): void {
    const { cfg, text } = this;
    const c = cfg.color;
    for (const [ms, me] of this.matches(s, e)) {
      const head = this.prefix(line, cfg.byteOffsets ? this.offsetAt(ms) : 0, ':');
      const body = c && c.ms ? this.sgr(c.ms) + text.slice(ms, me) + this.sgrEnd() : text.slice(ms, me);
      this.out.write(head + body + cfg.eol);
    }
  }
}

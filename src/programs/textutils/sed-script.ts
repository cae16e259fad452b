// sed's script compiler (GNU sed 4.9): turns -e expressions and -f files into a list of commands.
// It reads the script with GNU's primitives (inchar, savchar, in_nonblank, match_slash...) in
// the same order GNU does, so an error names the same expression and character position
// ("-e expression #1, char 5: unterminated `s' command") or file and line.

import { compileRegex, Matcher, RegexError, type RegexOptions } from '../lib/regex.ts';

/** A compile error; `dfa` errors are printed without a location and exit 4. */
export class SedError extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

export type AddrKind = 'num' | 'last' | 'regex' | 'step' | 'stepmod' | 'mod' | 'null';

export interface SedRegex {
  /** null: the empty regex, meaning the last regex used. */
  matcher: Matcher | null;
  icase: boolean;
  multiline: boolean;
}

export interface Addr {
  kind: AddrKind;
  n1: number;
  n2: number;
  regex?: SedRegex;
}

export type ReplItem = { t: 'lit'; s: string } | { t: 'group'; n: number } | { t: 'case'; c: 'L' | 'U' | 'E' | 'l' | 'u' };

export interface Subst {
  regex: SedRegex;
  repl: ReplItem[];
  global: boolean;
  print: boolean;
  nth: number;
  outf: string | null;
  maxRef: number;
}

export interface Cmd {
  a1: Addr | null;
  a2: Addr | null;
  bang: boolean;
  name: string;
  /** a, i, c: the text to write (with its final newline). */
  text?: string;
  /** b, t, T: the label ('' = end of script); resolved to `jump`. */
  label?: string;
  /** b, t, T, {: index of the command to continue at (for {, past the matching }). */
  jump?: number;
  /** q, Q: exit status; l, L: line length (-1 = the default). */
  int?: number;
  /** r, R, w, W: the file name. */
  fname?: string;
  subst?: Subst;
  /** y: the translation table. */
  ymap?: Map<string, string>;
  /** 0r FILE: print the file before the first line. */
  prepend?: boolean;
  // Range state, kept between cycles (GNU's RANGE_ACTIVE / RANGE_CLOSED).
  rangeActive: boolean;
  rangeClosed: boolean;
  rangeEnd: number;
}

export interface ScriptPiece {
  text: string;
  /** For -f: the file name (errors say "file F line L"); for -e: undefined. */
  file?: string;
}

export interface CompileOptions {
  extended: boolean;
  utf8: boolean;
  sandbox: boolean;
  posix: boolean;
}

export interface Program {
  cmds: Cmd[];
  /** `#n` on the first line of the first script. */
  quiet: boolean;
  /** Names of w files (and s///w), to open before running. */
  wfiles: string[];
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

const EOF = undefined;
type Ch = string | undefined;

export function compileScript(pieces: ScriptPiece[], opts: CompileOptions): Program {
  const c = new Compiler(opts);
  let exprCount = 0;
  for (const piece of pieces) {
    if (piece.file === undefined) exprCount++;
    c.compile(piece, exprCount);
  }
  c.finish();
  return { cmds: c.cmds, quiet: c.quiet, wfiles: c.wfiles };
}

class Compiler {
  cmds: Cmd[] = [];
  quiet = false;
  wfiles: string[] = [];
  private blocks: { index: number }[] = [];
  private labels = new Map<string, number>();
  private jumps: { index: number; label: string }[] = [];
  private first = true;
  // The piece being read.
  private s = '';
  private cur = 0;
  private line = 0;
  private file: string | undefined;
  private exprCount = 0;
  /** a/i/c text that continues into the next piece (a line ended in a backslash at its end). */
  private pendingText: { cmd: Cmd; text: string } | null = null;

  constructor(private readonly opts: CompileOptions) {}

  private bad(why: string): never {
    const where = this.file !== undefined ? `file ${this.file} line ${this.line}` : `-e expression #${this.exprCount}, char ${this.cur}`;
    throw new SedError(`${where}: ${why}`);
  }

  private inchar(): Ch {
    if (this.cur >= this.s.length) return EOF;
    const ch = this.s[this.cur++]!;
    if (ch === '\n') this.line++;
    return ch;
  }

  private savchar(ch: Ch): void {
    if (ch === EOF) return;
    if (ch === '\n' && this.line > 0) this.line--;
    this.cur--;
  }

  private inNonblank(): Ch {
    let ch: Ch;
    do ch = this.inchar();
    while (isBlank(ch));
    return ch;
  }

  private inInteger(ch: Ch): number {
    let num = 0;
    while (isDigit(ch)) {
      num = num * 10 + (ch!.charCodeAt(0) - 48);
      ch = this.inchar();
    }
    this.savchar(ch);
    return num;
  }

  private readEndOfCmd(): void {
    const ch = this.inNonblank();
    if (ch === '}' || ch === '#') this.savchar(ch);
    else if (ch !== EOF && ch !== '\n' && ch !== ';') this.bad('extra characters after command');
  }

  compile(piece: ScriptPiece, exprCount: number): void {
    this.s = piece.text;
    this.cur = 0;
    this.line = piece.file !== undefined ? 1 : 0;
    this.file = piece.file;
    this.exprCount = exprCount;
    if (this.pendingText) this.readText(null, '\n');
    this.program();
    this.first = false;
  }

  private newCmd(): Cmd {
    const cmd: Cmd = { a1: null, a2: null, bang: false, name: '', rangeActive: false, rangeClosed: false, rangeEnd: 0 };
    return cmd;
  }

  private program(): void {
    for (;;) {
      let ch: Ch;
      do ch = this.inchar();
      while (ch === ';' || isSpace(ch));
      if (ch === EOF) break;
      const cmd = this.newCmd();
      const a = this.address(ch);
      if (a) {
        if (a.kind === 'step' || a.kind === 'stepmod') this.bad('invalid usage of +N or ~N as first address');
        cmd.a1 = a;
        ch = this.inNonblank();
        if (ch === ',') {
          const a2 = this.address(this.inNonblank());
          if (!a2) this.bad("unexpected `,'");
          cmd.a2 = a2;
          ch = this.inNonblank();
        }
        if (cmd.a1.kind === 'num' && cmd.a1.n1 === 0 && ((!cmd.a2 && ch !== 'r') || (cmd.a2 && cmd.a2.kind !== 'regex') || this.opts.posix)) {
          this.bad('invalid usage of line address 0');
        }
      }
      if (ch === '!') {
        cmd.bang = true;
        ch = this.inNonblank();
        if (ch === '!') this.bad("multiple `!'s");
      }
      cmd.name = ch ?? '';
      if (!this.command(cmd, ch)) continue;
      this.cmds.push(cmd);
    }
  }

  /** One command after its addresses; false when it adds nothing to the list (#, v). */
  private command(cmd: Cmd, ch: Ch): boolean {
    switch (ch) {
      case '#': {
        if (cmd.a1) this.bad("comments don't accept any addresses");
        ch = this.inchar();
        if (ch === 'n' && this.first && this.line < 2 && this.cur === 2) this.quiet = true;
        while (ch !== EOF && ch !== '\n') ch = this.inchar();
        return false;
      }
      case 'v': {
        const version = this.readLabel();
        if (version !== '' && compareVersion(version, '4.9') > 0) this.bad('expected newer version of sed');
        return false;
      }
      case '{':
        this.blocks.push({ index: this.cmds.length });
        return true;
      case '}': {
        if (this.blocks.length === 0) this.bad("unexpected `}'");
        if (cmd.a1) this.bad("`}' doesn't want any addresses");
        this.readEndOfCmd();
        const open = this.blocks.pop()!;
        this.cmds[open.index]!.jump = this.cmds.length + 1;
        return true;
      }
      case 'e':
        this.bad("unknown command: `e'");
        break;
      case 'a': case 'i': case 'c': {
        ch = this.inNonblank();
        if (ch === EOF) this.bad("expected \\ after `a', `c' or `i'");
        if (ch === '\\') ch = this.inchar();
        else {
          if (this.opts.posix) this.bad("expected \\ after `a', `c' or `i'");
          this.savchar(ch);
          ch = '\n';
        }
        this.readText(cmd, ch);
        return true;
      }
      case ':': {
        if (cmd.a1) this.bad(": doesn't want any addresses");
        const label = this.readLabel();
        if (label === '') this.bad('":" lacks a label');
        this.labels.set(label, this.cmds.length);
        return true;
      }
      case 'T': case 'b': case 't':
        cmd.label = this.readLabel();
        this.jumps.push({ index: this.cmds.length, label: cmd.label });
        return true;
      case 'Q': case 'q': case 'L': case 'l': {
        if ((ch === 'q' || ch === 'Q') && cmd.a2) this.bad('command only uses one address');
        ch = this.inNonblank();
        if (isDigit(ch)) {
          cmd.int = this.inInteger(ch);
          ch = this.inNonblank();
        } else cmd.int = -1;
        if (ch === '}' || ch === '#') this.savchar(ch);
        else if (ch !== EOF && ch !== '\n' && ch !== ';') this.bad('extra characters after command');
        return true;
      }
      case '=': case 'd': case 'D': case 'F': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N':
      case 'p': case 'P': case 'z': case 'x':
        this.readEndOfCmd();
        return true;
      case 'r': case 'R': case 'w': case 'W': {
        const name = this.readFilename();
        if (name === '') this.bad('missing filename in r/R/w/W commands');
        cmd.fname = name;
        if (ch === 'w' || ch === 'W') this.wfiles.push(name);
        if (ch === 'r' && cmd.a1 && cmd.a1.kind === 'num' && cmd.a1.n1 === 0 && !cmd.a2) {
          // 0r FILE: GNU turns it into 1r that prints before the line.
          cmd.a1 = { kind: 'num', n1: 1, n2: 0 };
          cmd.prepend = true;
        }
        return true;
      }
      case 's': {
        const slash = this.inchar();
        const re = this.matchSlash(slash, true);
        if (re === null) this.bad("unterminated `s' command");
        const rhs = this.matchSlash(slash, false);
        if (rhs === null) this.bad("unterminated `s' command");
        const { items, maxRef } = parseReplacement(rhs);
        const flags = this.substFlags();
        const regex = this.compileRx(re, flags.icase, flags.multiline, maxRef);
        cmd.subst = { regex, repl: items, global: flags.global, print: flags.print, nth: flags.nth, outf: flags.outf, maxRef };
        if (flags.outf !== null) this.wfiles.push(flags.outf);
        return true;
      }
      case 'y': {
        const slash = this.inchar();
        const src = this.matchSlash(slash, false);
        if (src === null) this.bad("unterminated `y' command");
        const dst = this.matchSlash(slash, false);
        if (dst === null) this.bad("unterminated `y' command");
        const from = yChars(src, slash!);
        const to = yChars(dst, slash!);
        if (from.length !== to.length) this.bad("strings for `y' command are different lengths");
        const map = new Map<string, string>();
        from.forEach((f, i) => {
          if (!map.has(f)) map.set(f, to[i]!);
        });
        cmd.ymap = map;
        this.readEndOfCmd();
        return true;
      }
      case EOF:
        this.bad('missing command');
        break;
    }
    this.bad(`unknown command: \`${ch}'`);
  }

  private address(ch: Ch): Addr | null {
    if (ch === '/' || ch === '\\') {
      if (ch === '\\') ch = this.inchar();
      const b = this.matchSlash(ch, true);
      if (b === null) this.bad('unterminated address regex');
      let icase = false;
      let multiline = false;
      for (;;) {
        ch = this.inNonblank();
        if (ch === 'I' && !this.opts.posix) icase = true;
        else if (ch === 'M' && !this.opts.posix) multiline = true;
        else {
          this.savchar(ch);
          return { kind: 'regex', n1: 0, n2: 0, regex: this.compileRx(b, icase, multiline, 0) };
        }
      }
    }
    if (isDigit(ch)) {
      const n1 = this.inInteger(ch);
      ch = this.inNonblank();
      if (ch !== '~' || this.opts.posix) {
        this.savchar(ch);
        return { kind: 'num', n1, n2: 0 };
      }
      const step = this.inInteger(this.inNonblank());
      return step > 0 ? { kind: 'mod', n1, n2: step } : { kind: 'num', n1, n2: 0 };
    }
    if ((ch === '+' || ch === '~') && !this.opts.posix) {
      const n1 = this.inInteger(this.inNonblank());
      // +0 and ~0 end a range on the line that starts it.
      if (n1 === 0) return { kind: 'null', n1: 0, n2: 0 };
      return { kind: ch === '+' ? 'step' : 'stepmod', n1, n2: 0 };
    }
    if (ch === '$') return { kind: 'last', n1: 0, n2: 0 };
    return null;
  }

  /**
   * Text up to an unescaped `slash` on this line: `\n` becomes a newline in a regex, `\` before
   * the delimiter is dropped (kept before `&` in a replacement), other escapes are kept for later.
   * In a regex a bracket expression may hold the delimiter. null when unterminated.
   */
  private matchSlash(slash: Ch, regex: boolean): string | null {
    if (slash === EOF) return null;
    let b = '';
    let ch: Ch;
    while ((ch = this.inchar()) !== EOF && ch !== '\n') {
      if (ch === slash) return b;
      if (ch === '\\') {
        ch = this.inchar();
        if (ch === EOF) break;
        if (ch !== '\n' && (ch !== slash || (!regex && ch === '&'))) b += '\\';
      } else if (ch === '[' && regex) {
        b += ch;
        const got = this.bracket();
        b += got.text;
        ch = got.end;
        if (ch !== ']') break;
      }
      b += ch;
    }
    if (ch === '\n') this.savchar(ch);
    return null;
  }

  /**
   * The rest of a bracket expression in a regex (GNU's snarf_char_class): the delimiter and
   * backslashes are ordinary inside, and [:class:], [.x.], [=x=] may hold a `]`. Returns the text
   * read and the character that ended it (`]`, or a newline or EOF when unterminated).
   */
  private bracket(): { text: string; end: Ch } {
    let text = '';
    let state = 0;
    let delim: Ch;
    let ch = this.inchar();
    if (ch === '^') {
      text += ch;
      ch = this.inchar();
    }
    if (ch === ']') {
      text += ch;
      ch = this.inchar();
    }
    for (;; text += ch, ch = this.inchar()) {
      if (ch === EOF || ch === '\n') return { text, end: ch };
      if (ch === '.' || ch === ':' || ch === '=') {
        if (state === 1) {
          delim = ch;
          state = 2;
          continue;
        }
        if (state === 2 && ch === delim) {
          state = 3;
          continue;
        }
      } else if (ch === '[') {
        if (state === 0) state = 1;
        continue;
      } else if (ch === ']') {
        if (state === 0 || state === 1) return { text, end: ch };
        if (state === 3) state = 0;
      }
      state &= ~1;
    }
  }

  private substFlags(): { icase: boolean; multiline: boolean; global: boolean; print: boolean; nth: number; outf: string | null } {
    const f = { icase: false, multiline: false, global: false, print: false, nth: 0, outf: null as string | null };
    for (;;) {
      const ch = this.inchar();
      switch (ch) {
        case 'i': case 'I':
          if (this.opts.posix) this.bad("unknown option to `s'");
          f.icase = true;
          break;
        case 'm': case 'M':
          f.multiline = true;
          break;
        case 'p':
          if (f.print) this.bad("multiple `p' options to `s' command");
          f.print = true;
          break;
        case 'g':
          if (f.global) this.bad("multiple `g' options to `s' command");
          f.global = true;
          break;
        case 'w': {
          const name = this.readFilename();
          if (name === '') this.bad('missing filename in r/R/w/W commands');
          f.outf = name;
          return f;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
          if (f.nth) this.bad("multiple number options to `s' command");
          f.nth = this.inInteger(ch);
          if (!f.nth) this.bad("number option to `s' command may not be zero");
          break;
        case '}': case '#':
          this.savchar(ch);
          return f;
        case '\n': case ';': case EOF:
          return f;
        case ' ': case '\t':
          break; // GNU sed 4.9 lets blanks sit among the flags
        case '\r':
          if (this.inchar() === '\n') return f;
          this.bad("unknown option to `s'");
          break;
        default:
          this.bad("unknown option to `s'");
      }
    }
  }

  private readFilename(): string {
    if (this.opts.sandbox) this.bad('e/r/w commands disabled in sandbox mode');
    let b = '';
    let ch = this.inNonblank();
    while (ch !== EOF && ch !== '\n') {
      b += ch;
      ch = this.inchar();
    }
    return b;
  }

  private readLabel(): string {
    let b = '';
    let ch = this.inNonblank();
    while (ch !== EOF && ch !== '\n' && !isSpace(ch) && ch !== ';') {
      b += ch;
      ch = this.inchar();
    }
    this.savchar(ch);
    return b;
  }

  /**
   * a/i/c text: `leadin` is the first character (or '\n' for none). A backslash keeps the next
   * character (a backslash-newline continues the text on the next line).
   */
  private readText(cmd: Cmd | null, leadin: Ch): void {
    let text = '';
    if (cmd === null) {
      cmd = this.pendingText!.cmd;
      text = this.pendingText!.text;
      this.pendingText = null;
    } else if (leadin === EOF) {
      // `a\` at the very end of an expression: the text is in the next -e, if any.
      cmd.text = '';
      this.pendingText = { cmd, text: '' };
      return;
    }
    if (leadin !== EOF && leadin !== '\n') text += leadin;
    let ch = this.inchar();
    while (ch !== EOF && ch !== '\n') {
      if (ch === '\\') {
        ch = this.inchar();
        if (ch !== EOF) text += '\\';
      }
      if (ch === EOF) {
        cmd.text = convertText(text + '\n');
        this.pendingText = { cmd, text };
        return;
      }
      text += ch;
      ch = this.inchar();
    }
    cmd.text = convertText(text + '\n');
  }

  private compileRx(pattern: string, icase: boolean, multiline: boolean, maxRef: number): SedRegex {
    if (pattern === '') {
      if (icase || multiline) {
        // GNU: modifiers need a regex of their own.
        this.bad('no previous regular expression');
      }
      return { matcher: null, icase, multiline };
    }
    const opts: RegexOptions = { syntax: this.opts.extended ? 'extended' : 'basic', dialect: 'sed', icase, multiline, utf8: this.opts.utf8 };
    let matcher: Matcher;
    try {
      matcher = compileRegex(convertRegexEscapes(pattern), opts);
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      if (e.dfa) throw new SedError(e.message, 4);
      this.bad(e.message);
    }
    if (maxRef > matcher.groups) this.bad(`invalid reference \\${maxRef} on \`s' command's RHS`);
    return { matcher, icase, multiline };
  }

  finish(): void {
    if (this.blocks.length > 0) {
      this.file = undefined;
      this.cur = 0;
      this.exprCount = Math.max(this.exprCount, 1);
      this.bad("unmatched `{'");
    }
    // GNU keeps its jumps in a list built by prepending, so the last unknown label is reported.
    for (const j of [...this.jumps].reverse()) {
      if (j.label === '') continue;
      const target = this.labels.get(j.label);
      if (target === undefined) throw new SedError(`can't find label for jump to \`${j.label}'`, 4);
      this.cmds[j.index]!.jump = target;
    }
  }
}

function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The character a \d, \o, \x, \c or letter escape stands for, and how many characters it used. */
function escapeValue(s: string, i: number): [string, number] | null {
  const c = s[i + 1];
  const simple: Record<string, string> = { a: '\x07', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  if (c === undefined) return null;
  if (c in simple) return [simple[c]!, 2];
  const number = (re: RegExp, base: number, skip: number): [string, number] | null => {
    const m = re.exec(s.slice(i + 2));
    if (!m) return null;
    return [String.fromCharCode(parseInt(m[0], base) & 0xff), skip + m[0].length];
  };
  if (c === 'd') return number(/^[0-9]{1,3}/, 10, 2);
  if (c === 'o') return number(/^[0-7]{1,3}/, 8, 2);
  if (c === 'x') return number(/^[0-9a-fA-F]{1,2}/, 16, 2);
  if (c === 'c') {
    const x = s[i + 2];
    if (x === undefined) return null;
    return [String.fromCharCode(x.toUpperCase().charCodeAt(0) ^ 0x40), 3];
  }
  return null;
}

/** GNU's normalize_text for a regex: \t, \xHH... become the character; other escapes stay. */
export function convertRegexEscapes(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const v = escapeValue(s, i);
    if (v) {
      // A produced backslash stays a literal backslash.
      out += v[0] === '\\' ? '\\\\' : v[0];
      i += v[1] - 1;
    } else {
      out += ch + (s[i + 1] ?? '');
      i++;
    }
  }
  return out;
}

/** a/i/c text: escapes become characters, other backslashes are dropped. */
function convertText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const v = escapeValue(s, i);
    if (v) {
      out += v[0];
      i += v[1] - 1;
    } else if (i + 1 < s.length) {
      out += s[++i];
    }
  }
  return out;
}

/** The replacement of an s command, split into literal text, group references and case changes. */
export function parseReplacement(s: string): { items: ReplItem[]; maxRef: number } {
  const items: ReplItem[] = [];
  let lit = '';
  let maxRef = 0;
  const flush = (): void => {
    if (lit) items.push({ t: 'lit', s: lit });
    lit = '';
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '&') {
      flush();
      items.push({ t: 'group', n: 0 });
      continue;
    }
    if (ch !== '\\') {
      lit += ch;
      continue;
    }
    const next = s[i + 1];
    if (next === undefined) {
      lit += '\\';
      continue;
    }
    if (next >= '0' && next <= '9') {
      flush();
      const n = next.charCodeAt(0) - 48;
      maxRef = Math.max(maxRef, n);
      items.push({ t: 'group', n });
      i++;
      continue;
    }
    if (next === 'L' || next === 'U' || next === 'E' || next === 'l' || next === 'u') {
      flush();
      items.push({ t: 'case', c: next });
      i++;
      continue;
    }
    const v = escapeValue(s, i);
    if (v) {
      lit += v[0];
      i += v[1] - 1;
      continue;
    }
    lit += next;
    i++;
  }
  flush();
  return { items, maxRef };
}

/** The characters of one side of a y command: \\ is a backslash, \n a newline; other escapes convert. */
function yChars(s: string, _slash: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      out.push(ch);
      continue;
    }
    const next = s[i + 1];
    if (next === '\\') {
      out.push('\\');
      i++;
      continue;
    }
    const v = escapeValue(s, i);
    if (v) {
      out.push(v[0]);
      i += v[1] - 1;
      continue;
    }
    // Any other escaped character stands for itself.
    if (next !== undefined) {
      out.push(next);
      i++;
    }
  }
  return out;
}

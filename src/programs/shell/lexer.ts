// The shell's tokenizer, after dash's: it reads characters from the script (with alias text
// pushed in front), skips blanks and comments, recognises operators, and reads words into their
// parts (quotes, $ expansions, backquotes, arithmetic) and here-document bodies at the newline
// that follows their redirection. When the text runs out before the input is final it throws
// NEED_MORE so the caller can read more and parse the command again from its start.

import type { Node, ParamOp, ParamPart, Redir, RedirOp, Word, WordPart } from './ast.ts';
import { SyntaxError_ } from './errors.ts';

export const enum T {
  EOF, NL, SEMI, BG, AND, OR, PIPE, LP, RP, ENDCASE, ENDBQ, REDIR, WORD,
  NOT, CASE, DO, DONE, ELIF, ELSE, ESAC, FI, FOR, IF, IN, THEN, UNTIL, WHILE, BEGIN, END,
  /** busybox ash's `function` keyword (bash's); dash has no such keyword. */
  FUNCTION,
}

export const TOKNAME: readonly string[] = [
  'end of file', 'newline', '";"', '"&"', '"&&"', '"||"', '"|"', '"("', '")"', '";;"', '"`"',
  'redirection', 'word', '"!"', '"case"', '"do"', '"done"', '"elif"', '"else"', '"esac"', '"fi"',
  '"for"', '"if"', '"in"', '"then"', '"until"', '"while"', '"{"', '"}"', '"function"',
];

const KEYWORDS: ReadonlyMap<string, T> = new Map([
  ['!', T.NOT], ['case', T.CASE], ['do', T.DO], ['done', T.DONE], ['elif', T.ELIF], ['else', T.ELSE],
  ['esac', T.ESAC], ['fi', T.FI], ['for', T.FOR], ['if', T.IF], ['in', T.IN], ['then', T.THEN],
  ['until', T.UNTIL], ['while', T.WHILE], ['{', T.BEGIN], ['}', T.END],
]);

/** A reserved word; `bash` adds busybox ash's `function`. */
export function isKeyword(s: string, bash = false): boolean {
  return KEYWORDS.has(s) || (bash && s === 'function');
}

/** Thrown when the text ends in the middle of a command and more input may follow. */
export const NEED_MORE = Symbol('need more input');

export const CHKALIAS = 1;
export const CHKKWD = 2;
export const CHKNL = 4;

interface Frame {
  s: string;
  i: number;
  alias: string;
}

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  strip: boolean;
  quoted: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = '@*#?-$!';

export function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/** Where aliases come from (the shell's alias table). */
export type AliasLookup = (name: string) => string | undefined;

export class Lexer {
  /** The text being read: the script, or an alias pushed in front of it. */
  private s: string;
  private i = 0;
  private frames: Frame[] = [];
  line: number;
  final: boolean;

  // Token state, as dash keeps it.
  checkkwd = 0;
  tokpushback = false;
  lasttoken: T = T.EOF;
  /** The last word token (or the redirection of a REDIR token). */
  word: Word | null = null;
  wordQuoted = false;
  redir: Redir | null = null;
  private heredocs: PendingHeredoc[] = [];
  /** Set after an alias ending in a blank: the next word is checked for an alias too. */
  private aliasBlank = false;

  constructor(
    text: string,
    opts: { line?: number; final?: boolean; aliases?: AliasLookup; bash?: boolean },
    private readonly subParse: (lx: Lexer, closer: T) => Node | null,
  ) {
    this.s = text;
    this.line = opts.line ?? 1;
    this.final = opts.final ?? true;
    this.aliases = opts.aliases ?? (() => undefined);
    this.bash = opts.bash ?? false;
  }

  private readonly aliases: AliasLookup;
  /** Read bash's ${x:OFF:LEN}, ${x/PAT/REP}, `function` and `&>` (busybox ash has them; dash has not). */
  readonly bash: boolean;

  // ---- position, for restarting a command when more input arrives -------------------------

  /** The base text and where the next command starts in it. */
  mark(): { i: number; line: number } {
    return { i: this.frames.length ? this.frames[0]!.i : this.i, line: this.line };
  }

  reset(at: { i: number; line: number }, text: string, final: boolean): void {
    this.s = text;
    this.i = at.i;
    this.line = at.line;
    this.final = final;
    this.frames = [];
    this.heredocs = [];
    this.tokpushback = false;
    this.checkkwd = 0;
    this.aliasBlank = false;
  }

  /** The unread rest of the base text (for `.` and eval sharing nothing). */
  get baseText(): string {
    return this.frames.length ? this.frames[0]!.s : this.s;
  }

  atEnd(): boolean {
    return this.frames.length === 0 && this.i >= this.s.length;
  }

  // ---- characters -------------------------------------------------------------------------

  private getc(): string {
    for (;;) {
      if (this.i < this.s.length) {
        const c = this.s[this.i++]!;
        if (c === '\n' && this.frames.length === 0) this.line++;
        return c;
      }
      const f = this.frames.pop();
      if (f) {
        // An alias whose text ends in a blank lets the word after it be an alias too.
        if (/[ \t]$/.test(this.s)) this.aliasBlank = true;
        this.s = f.s;
        this.i = f.i;
        continue;
      }
      if (!this.final) throw NEED_MORE;
      return '';
    }
  }

  private ungetc(c: string): void {
    if (c === '') return;
    this.i--;
    if (c === '\n' && this.frames.length === 0) this.line--;
  }

  private peekc(): string {
    const c = this.getc();
    this.ungetc(c);
    return c;
  }

  /** The next character with backslash-newline pairs removed (as dash's pgetc_eatbnl). */
  private getcBnl(): string {
    for (;;) {
      const c = this.getc();
      if (c !== '\\') return c;
      const d = this.getc();
      if (d !== '\n') {
        this.ungetc(d);
        return c;
      }
    }
  }

  private peekcBnl(): string {
    for (;;) {
      const c = this.getc();
      if (c === '\\') {
        const d = this.getc();
        if (d === '\n') continue;
        this.ungetc(d);
      }
      this.ungetc(c);
      return c;
    }
  }

  private pushAlias(name: string, value: string): void {
    this.frames.push({ s: this.s, i: this.i, alias: name });
    this.s = value;
    this.i = 0;
  }

  private aliasActive(name: string): boolean {
    return this.frames.some((f) => f.alias === name);
  }

  // ---- tokens -----------------------------------------------------------------------------

  /** The next token, honouring and then clearing `checkkwd` (keywords, aliases, newlines). */
  readtoken(): T {
    let kwd = this.checkkwd;
    this.checkkwd = 0;
    let t: T;
    for (;;) {
      t = this.xxreadtoken();
      if (kwd & CHKNL) while (t === T.NL) t = this.xxreadtoken();
      if (this.aliasBlank) {
        kwd |= CHKALIAS;
        this.aliasBlank = false;
      }
      if (t !== T.WORD || this.wordQuoted) break;
      const text = this.word!.plain;
      if (text === undefined) break;
      if (kwd & CHKKWD) {
        const k = KEYWORDS.get(text) ?? (this.bash && text === 'function' ? T.FUNCTION : undefined);
        if (k !== undefined) {
          t = k;
          break;
        }
      }
      if (kwd & CHKALIAS) {
        const value = this.aliases(text);
        if (value !== undefined && !this.aliasActive(text)) {
          this.pushAlias(text, value);
          continue;
        }
      }
      break;
    }
    this.lasttoken = t;
    return t;
  }

  peektoken(): T {
    const t = this.readtoken();
    this.tokpushback = true;
    return t;
  }

  private xxreadtoken(): T {
    if (this.tokpushback) {
      this.tokpushback = false;
      return this.lasttoken;
    }
    for (;;) {
      const c = this.getcBnl();
      switch (c) {
        case ' ': case '\t':
          continue;
        case '#':
          // A comment runs to the end of the line; the newline itself is a token.
          for (;;) {
            const d = this.getc();
            if (d === '\n' || d === '') {
              this.ungetc(d);
              break;
            }
          }
          continue;
        case '':
          this.readHeredocs();
          return (this.lasttoken = T.EOF);
        case '\n':
          this.readHeredocs();
          return (this.lasttoken = T.NL);
        case '&':
          if (this.peekcBnl() === '&') {
            this.getcBnl();
            return (this.lasttoken = T.AND);
          }
          // bash's `&>FILE` (stdout and stderr to FILE), which busybox ash reads too.
          if (this.bash && this.peekcBnl() === '>') {
            this.getcBnl();
            this.redir = { fd: 1, op: '&>', target: { parts: [] } };
            return (this.lasttoken = T.REDIR);
          }
          return (this.lasttoken = T.BG);
        case '|':
          if (this.peekcBnl() === '|') {
            this.getcBnl();
            return (this.lasttoken = T.OR);
          }
          return (this.lasttoken = T.PIPE);
        case ';':
          if (this.peekcBnl() === ';') {
            this.getcBnl();
            return (this.lasttoken = T.ENDCASE);
          }
          return (this.lasttoken = T.SEMI);
        case '(':
          return (this.lasttoken = T.LP);
        case ')':
          return (this.lasttoken = T.RP);
        case '<': case '>':
          this.readRedirOp(c, -1);
          return (this.lasttoken = T.REDIR);
        default:
          return (this.lasttoken = this.readWord(c));
      }
    }
  }

  private readRedirOp(c: string, fd: number): void {
    let op: RedirOp;
    const d = this.getcBnl();
    if (c === '>') {
      if (d === '>') op = '>>';
      else if (d === '|') op = '>|';
      else if (d === '&') op = '>&';
      else {
        this.ungetc(d);
        op = '>';
      }
    } else if (d === '<') {
      const e = this.getcBnl();
      if (e === '-') op = '<<-';
      else {
        this.ungetc(e);
        op = '<<';
      }
    } else if (d === '>') op = '<>';
    else if (d === '&') op = '<&';
    else {
      this.ungetc(d);
      op = '<';
    }
    const defaultFd = op === '<' || op === '<<' || op === '<<-' || op === '<>' || op === '<&' ? 0 : 1;
    this.redir = { fd: fd >= 0 ? fd : defaultFd, op, target: { parts: [] } };
  }

  /** Register a here-document whose body starts after the next newline token. */
  addHeredoc(redir: Redir, word: Word, quoted: boolean): void {
    this.heredocs.push({ redir, delim: unquotedText(word.parts), strip: redir.op === '<<-', quoted });
  }

  // ---- words ------------------------------------------------------------------------------

  /** Read a word starting with `first` in unquoted context; an IO number becomes REDIR. */
  private readWord(first: string): T {
    const b = new PartsBuilder();
    let quoted = false;
    let c = first;
    for (;; c = this.getcBnl()) {
      switch (c) {
        case '': case ' ': case '\t': case '\n': case ';': case '&': case '|': case '(': case ')':
          this.ungetc(c);
          return this.endWord(b, quoted);
        case '<': case '>': {
          const text = b.plainText();
          if (!quoted && text !== null && /^[0-9]$/.test(text)) {
            this.readRedirOp(c, Number(text));
            return T.REDIR;
          }
          this.ungetc(c);
          return this.endWord(b, quoted);
        }
        case '\\': {
          const d = this.getc();
          if (d === '') b.lit('\\');
          else b.sq(d);
          quoted = true;
          break;
        }
        case "'":
          b.sq(this.readSingle());
          b.markQuoted();
          quoted = true;
          break;
        case '"':
          b.push({ k: 'dq', parts: this.readDouble() });
          quoted = true;
          break;
        case '$':
          this.readDollar(b, false);
          break;
        case '`':
          b.push(this.readBackquote(false));
          break;
        default:
          b.lit(c);
      }
    }
  }

  private endWord(b: PartsBuilder, quoted: boolean): T {
    const parts = b.done();
    const word: Word = { parts };
    const text = !quoted ? b.plainText() : null;
    if (text !== null) word.plain = text;
    this.word = word;
    this.wordQuoted = quoted;
    return T.WORD;
  }

  private readSingle(): string {
    let out = '';
    for (;;) {
      const c = this.getc();
      if (c === "'") return out;
      if (c === '') throw new SyntaxError_('Unterminated quoted string', this.line);
      out += c;
    }
  }

  /**
   * bash's $'...' (busybox ash has it): single-quoted, with busybox 1.35's escapes decoded
   * (\a \b \f \n \r \t \v \\ \' \", octal, \xHH); any other backslash stays as written.
   */
  private readDollarSingle(): string {
    const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    let out = '';
    for (;;) {
      const c = this.getc();
      if (c === "'") return out;
      if (c === '') throw new SyntaxError_('Unterminated quoted string', this.line);
      if (c !== '\\') {
        out += c;
        continue;
      }
      const d = this.getc();
      let digits = '';
      if (SIMPLE[d] !== undefined) out += SIMPLE[d];
      else if (d >= '0' && d <= '7') {
        digits = d;
        while (digits.length < 3 && /[0-7]/.test(this.peekc())) digits += this.getc();
        out += String.fromCharCode(parseInt(digits, 8) & 0xff);
      } else if (d === 'x' && /[0-9A-Fa-f]/.test(this.peekc())) {
        while (digits.length < 2 && /[0-9A-Fa-f]/.test(this.peekc())) digits += this.getc();
        out += String.fromCharCode(parseInt(digits, 16));
      } else if (d === '') throw new SyntaxError_('Unterminated quoted string', this.line);
      else out += `\\${d}`;
    }
  }

  /** The parts of a double-quoted string, after its opening quote. */
  private readDouble(): WordPart[] {
    const b = new PartsBuilder();
    for (;;) {
      const c = this.getcBnl();
      switch (c) {
        case '"':
          return b.done();
        case '':
          throw new SyntaxError_('Unterminated quoted string', this.line);
        case '\\': {
          const d = this.getc();
          if (d === '$' || d === '`' || d === '"' || d === '\\') b.sq(d);
          else {
            b.sq('\\');
            this.ungetc(d);
          }
          break;
        }
        case '$':
          this.readDollar(b, true);
          break;
        case '`':
          b.push(this.readBackquote(true));
          break;
        default:
          b.sq(c);
      }
    }
  }

  /** After a `$`: a parameter, `${...}`, `$(...)`, `$((...))`, or a plain dollar sign. */
  private readDollar(b: PartsBuilder, dq: boolean): void {
    const c = this.getcBnl();
    if (c === "'" && this.bash && !dq) {
      b.sq(this.readDollarSingle());
      b.markQuoted();
      return;
    }
    if (c === '(') {
      if (this.peekcBnl() === '(') {
        this.getcBnl();
        b.push(this.readArith());
      } else {
        const line = this.line;
        b.push({ k: 'cmd', body: this.readCmdSubst(), line });
      }
      return;
    }
    if (c === '{') {
      b.push(this.readBraceParam(dq));
      return;
    }
    if (NAME_START.test(c)) {
      let name = c;
      for (;;) {
        const d = this.getcBnl();
        if (d !== '' && NAME_CHAR.test(d)) name += d;
        else {
          this.ungetc(d);
          break;
        }
      }
      b.push({ k: 'param', name, op: '', colon: false, word: [] });
      return;
    }
    if ((c >= '0' && c <= '9') || (c !== '' && SPECIAL_PARAMS.includes(c))) {
      b.push({ k: 'param', name: c, op: '', colon: false, word: [] });
      return;
    }
    this.ungetc(c);
    if (dq) b.sq('$');
    else b.lit('$');
  }

  private readCmdSubst(): Node | null {
    const saved = { pb: this.tokpushback, kwd: this.checkkwd, last: this.lasttoken, word: this.word, wq: this.wordQuoted, redir: this.redir };
    this.tokpushback = false;
    const body = this.subParse(this, T.RP);
    this.tokpushback = saved.pb;
    this.checkkwd = saved.kwd;
    this.lasttoken = saved.last;
    this.word = saved.word;
    this.wordQuoted = saved.wq;
    this.redir = saved.redir;
    return body;
  }

  /** `$((...))` after its opening parentheses: text and expansions up to the matching `))`. */
  private readArith(): WordPart {
    const line = this.line;
    const b = new PartsBuilder();
    let depth = 0;
    for (;;) {
      const c = this.getcBnl();
      switch (c) {
        case '':
          throw new SyntaxError_("Missing '))'", this.line);
        case '(':
          depth++;
          b.sq(c);
          break;
        case ')':
          if (depth > 0) {
            depth--;
            b.sq(c);
            break;
          }
          if (this.getcBnl() === ')') return { k: 'arith', parts: b.done(), line };
          throw new SyntaxError_("Missing '))'", this.line);
        case '\\': {
          const d = this.getc();
          if (d === '$' || d === '`' || d === '"' || d === '\\') b.sq(d);
          else {
            b.sq('\\');
            this.ungetc(d);
          }
          break;
        }
        case '$':
          this.readDollar(b, true);
          break;
        case '`':
          b.push(this.readBackquote(true));
          break;
        default:
          b.sq(c);
      }
    }
  }

  private readBraceParam(dq: boolean): WordPart {
    let name = '';
    let op: ParamOp = '';
    let colon = false;
    let c = this.getcBnl();
    if (c === '#') {
      const d = this.peekcBnl();
      if (d === '}' ) name = '#';
      else if (d !== '' && (NAME_START.test(d) || (d >= '0' && d <= '9') || SPECIAL_PARAMS.includes(d))) {
        op = 'len';
        c = this.getcBnl();
      } else name = '#';
    }
    if (name === '') {
      if (c !== '' && NAME_START.test(c)) {
        name = c;
        for (;;) {
          const d = this.getcBnl();
          if (d !== '' && NAME_CHAR.test(d)) name += d;
          else {
            this.ungetc(d);
            break;
          }
        }
      } else if (c >= '0' && c <= '9' && c !== '') {
        name = c;
        for (;;) {
          const d = this.getcBnl();
          if (d >= '0' && d <= '9' && d !== '') name += d;
          else {
            this.ungetc(d);
            break;
          }
        }
      } else if (c !== '' && SPECIAL_PARAMS.includes(c)) name = c;
      else {
        this.ungetc(c);
        op = 'bad';
      }
    }
    const d = this.getcBnl();
    if (d === '}' && op !== 'bad') return { k: 'param', name, op, colon: false, word: [] };
    if (op === 'len' || op === 'bad') {
      // Anything else inside the braces is read as a word and reported when expanded.
      this.ungetc(d);
      this.readParamWord(dq);
      return { k: 'param', name, op: 'bad', colon: false, word: [] };
    }
    let e = d;
    if (this.bash && (e === '/' || e === ':')) {
      const b = this.readBashParam(e, dq, name);
      if (b) return b;
    }
    if (e === ':') {
      colon = true;
      e = this.getcBnl();
      if (e === '-' || e === '=' || e === '?' || e === '+') op = e;
      else {
        this.ungetc(e);
        this.readParamWord(dq);
        return { k: 'param', name, op: 'bad', colon: false, word: [] };
      }
    } else if (e === '-' || e === '=' || e === '?' || e === '+') op = e;
    else if (e === '#' || e === '%') {
      const f = this.getcBnl();
      if (f === e) op = (e + e) as ParamOp;
      else {
        this.ungetc(f);
        op = e;
      }
    } else {
      if (e === '') throw new SyntaxError_("Missing '}'", this.line);
      this.ungetc(e);
      this.readParamWord(dq);
      return { k: 'param', name, op: 'bad', colon: false, word: [] };
    }
    // Patterns are read unquoted even inside double quotes; other words keep the quoting.
    const pattern = op === '#' || op === '##' || op === '%' || op === '%%';
    const word = this.readParamWord(dq && !pattern);
    return { k: 'param', name, op, colon, word };
  }

  /**
   * After `${name` and `/` or `:`: bash's ${x/PAT/REP} or ${x//PAT/REP} (busybox 1.35 has no
   * /# or /% anchors: they are pattern text) or ${x:OFF:LEN}, or null when `:` starts one of
   * the POSIX forms (`:-` `:=` `:?` `:+`).
   */
  private readBashParam(first: string, dq: boolean, name: string): ParamPart | null {
    if (first === ':') {
      const e = this.peekcBnl();
      if (e === '-' || e === '=' || e === '?' || e === '+') return null;
      const off = this.readParamWord(dq, ':');
      const word2 = this.paramStop === ':' ? this.readParamWord(dq) : undefined;
      return { k: 'param', name, op: 'substr', colon: false, word: off, word2 };
    }
    let op: ParamOp = '/';
    const f = this.getcBnl();
    if (f === '/') op = '//';
    else this.ungetc(f);
    // The pattern is read unquoted even inside double quotes, as for ${x#PAT}.
    const pat = this.readParamWord(false, '/');
    const word2 = this.paramStop === '/' ? this.readParamWord(dq) : undefined;
    return { k: 'param', name, op, colon: false, word: pat, word2 };
  }

  /** Which character ended the last readParamWord: '}' or its `stop`. */
  private paramStop = '}';

  /** The word of `${x OP word}` up to the closing brace (or `stop`, outside quotes). */
  private readParamWord(dq: boolean, stop = '}'): WordPart[] {
    const b = new PartsBuilder();
    for (;;) {
      const c = this.getcBnl();
      if (c === stop && c !== '}') {
        this.paramStop = c;
        return b.done();
      }
      switch (c) {
        case '}':
          this.paramStop = '}';
          return b.done();
        case '':
          throw new SyntaxError_("Missing '}'", this.line);
        case '\\': {
          const d = this.getc();
          if (!dq || d === '$' || d === '`' || d === '"' || d === '\\' || d === '}') b.sq(d);
          else {
            b.sq('\\');
            this.ungetc(d);
          }
          break;
        }
        case "'":
          if (dq) b.sq(c);
          else {
            b.sq(this.readSingle());
            b.markQuoted();
          }
          break;
        case '"':
          b.push({ k: 'dq', parts: this.readDouble() });
          break;
        case '$':
          this.readDollar(b, dq);
          break;
        case '`':
          b.push(this.readBackquote(dq));
          break;
        default:
          if (dq) b.sq(c);
          else b.lit(c);
      }
    }
  }

  /** Old-style command substitution: the text up to the closing backquote, parsed on its own. */
  private readBackquote(dq: boolean): WordPart {
    const line = this.line;
    let text = '';
    for (;;) {
      const c = this.getc();
      if (c === '`') break;
      if (c === '') throw new SyntaxError_('EOF in backquote substitution', this.line);
      if (c === '\\') {
        const d = this.getc();
        if (d === '\n') continue;
        if (d === '\\' || d === '`' || d === '$' || (dq && d === '"')) text += d;
        else {
          text += '\\';
          this.ungetc(d);
        }
        continue;
      }
      text += c;
    }
    const sub = new Lexer(text, { line, final: true, aliases: this.aliases, bash: this.bash }, this.subParse);
    return { k: 'cmd', body: this.subParse(sub, T.EOF), line };
  }

  // ---- here-documents ---------------------------------------------------------------------

  private readHeredocs(): void {
    const list = this.heredocs;
    if (list.length === 0) return;
    this.heredocs = [];
    for (const h of list) {
      h.redir.heredoc = h.quoted
        ? { body: { parts: [{ k: 'sq', s: this.readHeredocRaw(h.delim, h.strip) }] }, quoted: true }
        : { body: { parts: this.readHeredocExpanding(h.delim, h.strip) }, quoted: false };
    }
  }

  /** At the start of a body line: skip tabs for <<-, and consume the line if it is the delimiter. */
  private atDelimiter(delim: string, strip: boolean): boolean {
    if (strip) {
      for (;;) {
        const c = this.getc();
        if (c !== '\t') {
          this.ungetc(c);
          break;
        }
      }
    }
    // Look ahead in the current text without consuming unless the whole line matches.
    const rest = this.s.slice(this.i, this.i + delim.length + 1);
    if (rest === delim + '\n') {
      for (let n = 0; n <= delim.length; n++) this.getc();
      return true;
    }
    if (rest === delim && this.i + delim.length === this.s.length && this.frames.length === 0) {
      if (!this.final) throw NEED_MORE;
      for (let n = 0; n < delim.length; n++) this.getc();
      // dash counts the delimiter's line even when the input ends right after it.
      this.line++;
      return true;
    }
    if (this.i + rest.length >= this.s.length && !this.final && delim.startsWith(rest)) throw NEED_MORE;
    return false;
  }

  private readHeredocRaw(delim: string, strip: boolean): string {
    let out = '';
    for (;;) {
      if (this.atDelimiter(delim, strip)) return out;
      for (;;) {
        const c = this.getc();
        if (c === '') return out;
        out += c;
        if (c === '\n') break;
      }
    }
  }

  /** All the remaining text read as a here-document body with no delimiter (PS1, PS4). */
  readExpandingText(): WordPart[] {
    return this.readHeredocExpanding(null, false);
  }

  private readHeredocExpanding(delim: string | null, strip: boolean): WordPart[] {
    const b = new PartsBuilder();
    let lineStart = true;
    for (;;) {
      if (lineStart && delim !== null && this.atDelimiter(delim, strip)) return b.done();
      lineStart = false;
      const c = this.getcBnl();
      switch (c) {
        case '':
          return b.done();
        case '\n':
          b.sq(c);
          lineStart = true;
          break;
        case '\\': {
          const d = this.getc();
          if (d === '$' || d === '`' || d === '\\') b.sq(d);
          else {
            b.sq('\\');
            this.ungetc(d);
          }
          break;
        }
        case '$':
          this.readDollar(b, true);
          break;
        case '`':
          b.push(this.readBackquote(true));
          break;
        default:
          b.sq(c);
      }
    }
  }
}

/** The text of a word with its quotes removed, expansions kept as written (for delimiters). */
export function unquotedText(parts: WordPart[]): string {
  let out = '';
  for (const p of parts) {
    switch (p.k) {
      case 'lit': case 'sq': out += p.s; break;
      case 'dq': out += unquotedText(p.parts); break;
      case 'param': out += p.op === '' ? (p.name.length > 1 && !/^[0-9]+$/.test(p.name) ? `$${p.name}` : `$${p.name}`) : '${...}'; break;
      case 'cmd': out += '$(...)'; break;
      case 'arith': out += '$((...))'; break;
    }
  }
  return out;
}

/** Collects parts, merging adjacent text of the same kind. */
class PartsBuilder {
  private parts: WordPart[] = [];
  private litBuf = '';
  private sqBuf = '';
  /** True when every part so far is unquoted literal text. */
  private onlyLit = true;
  private forceQuoted = false;

  lit(s: string): void {
    if (this.sqBuf) this.flushSq();
    this.litBuf += s;
  }

  sq(s: string): void {
    if (this.litBuf) this.flushLit();
    this.sqBuf += s;
    this.onlyLit = false;
  }

  /** An empty '' still makes the word quoted. */
  markQuoted(): void {
    this.onlyLit = false;
    this.forceQuoted = true;
  }

  push(p: WordPart): void {
    this.flushLit();
    this.flushSq();
    this.parts.push(p);
    this.onlyLit = false;
  }

  private flushLit(): void {
    if (this.litBuf) this.parts.push({ k: 'lit', s: this.litBuf });
    this.litBuf = '';
  }

  private flushSq(): void {
    if (this.sqBuf || this.forceQuoted) this.parts.push({ k: 'sq', s: this.sqBuf });
    this.sqBuf = '';
    this.forceQuoted = false;
  }

  done(): WordPart[] {
    this.flushLit();
    this.flushSq();
    return this.parts;
  }

  /** The text when the word so far is only unquoted literal text. */
  plainText(): string | null {
    if (!this.onlyLit) return null;
    if (this.parts.length === 0) return this.litBuf;
    if (this.parts.length === 1 && this.parts[0]!.k === 'lit' && !this.litBuf) return this.parts[0]!.s;
    return null;
  }
}

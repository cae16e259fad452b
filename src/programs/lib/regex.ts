// POSIX regular expressions as GNU grep and sed read them, translated into JavaScript RegExps.
//
//   const m = compileRegex('\\(ab\\)*c', { syntax: 'basic' });   // throws RegexError(GNU's words)
//   m.test(text);                    // does it match anywhere (fast: one native search)
//   m.exec(text, from);              // the leftmost-LONGEST match at or after `from`
//
// Both syntaxes have GNU's extensions: BRE \+ \? \| and ERE back-references \1..\9, the word
// operators \w \W \s \S \b \B \< \> and the buffer anchors \` \'. Bracket expressions take
// classes ([:alpha:]...), equivalence classes [=a=] and collating symbols [.a.] of one character.
// Odd corners follow one of the dialects: 'grep' (GNU grep's dfa: a stray `*` in an ERE is
// taken with a warning, an unmatched `)` or bad `{` is literal) or 'sed' (glibc regcomp: those
// are errors, and a BRE may not put `*` or `\{` after another repetition); 'regcomp' is 'sed'
// without the checks only GNU's dfa makes (pgrep calls glibc's regcomp alone). Where grep's dfa
// and the glibc regex it uses for the extent of a match read a stray operator differently, the
// Matcher keeps both: `regex` selects lines as the dfa would, exec() measures as glibc would.
//
// Text: the matcher works on strings in one of two forms (see bytesToText). In the C locale a
// string holds one character per byte (latin1), so `.` is one byte as in GNU tools with LANG=C;
// in a UTF-8 locale it holds the decoded text, with each byte that is not valid UTF-8 kept as a
// lone surrogate U+DC80..U+DCFF so that writing the text back gives the same bytes.
//
// Leftmost-longest: POSIX wants, of the matches that start leftmost, the longest; JavaScript
// takes the first one its backtracking finds. The start is the same either way, and for patterns
// without alternation or a repeated group (`\(ab\)*`) greedy backtracking already finds the
// longest. For the others exec() asks again for a match at the same start that ends further on
// (with a lookahead that bounds how much text may remain), until there is none. Captured groups
// are those of the longest match JavaScript found, which may differ from POSIX's subexpression
// rules in rare cases; a back-reference to a group that did not take part matches the empty
// string (POSIX: fails); in the C locale, case-insensitive back-references compare exactly.

export type RegexSyntax = 'basic' | 'extended';

export interface RegexOptions {
  syntax: RegexSyntax;
  /** Whose rules decide the odd corners (see above). Default 'sed'. */
  dialect?: 'grep' | 'sed' | 'regcomp';
  /** Ignore case (-i, the I flag). */
  icase?: boolean;
  /**
   * The character that ends a line in the text searched ('\n', or '\0' for -z) when one string
   * holds many lines: nothing in the pattern matches it, and ^ and $ match beside it. Omit it to
   * treat the whole string as one line (sed's pattern space, where `.` matches a newline).
   */
  lineEnd?: string;
  /**
   * sed's M flag (glibc's REG_NEWLINE): ^ and $ also match after and before each newline, and
   * `.` and `[^...]` do not match a newline.
   */
  multiline?: boolean;
  /** The text is decoded UTF-8 (see bytesToText) rather than one character per byte. */
  utf8?: boolean;
}

/** A pattern GNU would refuse; `message` is GNU's wording ("Unmatched ( or \\("). */
export class RegexError extends Error {
  /** True for the errors GNU's dfa raises on its own (sed then exits 4 without naming the expression). */
  constructor(message: string, readonly dfa = false) {
    super(message);
  }
}

// ---- parse ----------------------------------------------------------------------------------

type Assertion = 'bol' | 'eol' | 'word' | 'notword' | 'wstart' | 'wend' | 'bufstart' | 'bufend';
type SetItem = { t: 'char'; c: number } | { t: 'range'; lo: number; hi: number } | { t: 'class'; name: string };
type Node =
  | { t: 'char'; c: number }
  | { t: 'any' }
  | { t: 'set'; neg: boolean; items: SetItem[] }
  | { t: 'group'; n: number; body: Node }
  | { t: 'alt'; alts: Node[] }
  | { t: 'seq'; items: Node[] }
  | { t: 'rep'; body: Node; min: number; max: number }
  | { t: 'backref'; n: number }
  | { t: 'assert'; k: Assertion }
  | { t: 'wclass'; k: 'w' | 'W' | 's' | 'S' };

const CLASSES = new Set(['alpha', 'upper', 'lower', 'digit', 'xdigit', 'space', 'print', 'punct', 'graph', 'cntrl', 'blank', 'alnum']);
const DUP_MAX = 0x7fff;
const ch = (s: string): number => s.codePointAt(0)!;

class Parser {
  private pos = 0;
  groups = 0;
  private closed = new Set<number>();
  warnings: string[] = [];
  ambiguous = false;
  private readonly ere: boolean;
  private readonly grep: boolean;
  /** Whether GNU's dfa also reads the pattern (grep, sed), with checks of its own. */
  private readonly dfa: boolean;

  /** A repetition operator stood where it had nothing to repeat but an anchor (see `lenient`). */
  stray = false;

  /**
   * `lenient`: glibc's regcomp as GNU grep calls it (beside its dfa) for match extents: a stray
   * repetition operator is skipped, and a `)` right after it is an ordinary character.
   */
  constructor(private readonly p: number[], opts: RegexOptions, private readonly lenient = false) {
    this.ere = opts.syntax === 'extended';
    this.grep = opts.dialect === 'grep' && !lenient;
    this.dfa = opts.dialect !== 'regcomp';
  }

  parse(): Node {
    const node = this.alt(0);
    if (this.pos < this.p.length) {
      // Only a closing parenthesis stops alt() at depth 0.
      throw new RegexError('Unmatched ) or \\)');
    }
    return node;
  }

  private peek(k = 0): number | undefined {
    return this.p[this.pos + k];
  }
  private is(s: string, k = 0): boolean {
    return this.p[this.pos + k] === ch(s);
  }
  private atRepetition(): boolean {
    return this.is('*') || (this.ere ? this.is('+') || this.is('?') || (this.is('{') && this.intervalAhead()) : this.isEsc('+') || this.isEsc('?') || this.isEsc('{'));
  }

  /** At `\X` (BRE operator spelled with a backslash). */
  private isEsc(s: string): boolean {
    return this.is('\\') && this.is(s, 1);
  }
  private atAltBar(): boolean {
    return this.ere ? this.is('|') : this.isEsc('|');
  }
  private atClose(depth: number): boolean {
    // grep (both readings) takes an unmatched `)` as an ordinary character, and so does glibc's
    // regcomp with REG_EXTENDED (RE_UNMATCHED_RIGHT_PAREN_ORD; sed clears that bit).
    if (this.ere) return this.is(')') && (depth > 0 || !(this.grep || this.lenient || !this.dfa));
    return this.isEsc(')');
  }

  private alt(depth: number): Node {
    // Like glibc, a back-reference may only name a group closed earlier in its own branch.
    const initial = new Set(this.closed);
    const alts = [this.seq(depth)];
    while (this.atAltBar()) {
      this.pos += this.ere ? 1 : 2;
      const accumulated = this.closed;
      this.closed = new Set(initial);
      alts.push(this.seq(depth));
      for (const g of accumulated) this.closed.add(g);
    }
    if (alts.length === 1) return alts[0]!;
    this.ambiguous = true;
    return { t: 'alt', alts };
  }

  private seq(depth: number): Node {
    const items: Node[] = [];
    let first = true;
    // Whether a repetition operator here has nothing to repeat: at the start of the branch, and
    // (grep) while only zero-width atoms came, or (glibc) right after any anchor.
    let exprStart = true;
    while (this.pos < this.p.length && !this.atAltBar() && !this.atClose(depth)) {
      if (exprStart && this.atRepetition()) {
        this.leadingRepetition(items);
        first = false;
        exprStart = this.lenient && this.ere;
        continue;
      }
      const atom = this.atom(depth, first);
      first = false;
      if (atom.t === 'assert') {
        if (this.grep && !exprStart) {
          if (this.atRepetition()) this.stray = true;
          items.push(this.quantifiers(atom));
        } else {
          items.push(atom);
          exprStart = true;
        }
        continue;
      }
      items.push(this.quantifiers(atom));
      exprStart = false;
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  /** A repetition operator with nothing before it to repeat. */
  private leadingRepetition(items: Node[]): void {
    if (!this.ere) {
      // BRE: `*`, `\+` and `\?` are literal; `\{` is literal for grep and an error for glibc.
      if (this.is('*')) {
        items.push({ t: 'char', c: ch('*') });
        this.pos++;
        return;
      }
      const op = this.p[this.pos + 1]!;
      if (op === ch('{') && !this.grep) throw new RegexError('Invalid preceding regular expression');
      items.push({ t: 'char', c: op });
      this.pos += 2;
      return;
    }
    if (this.lenient) {
      this.pos++;
      if (this.is(')')) {
        items.push({ t: 'char', c: ch(')') });
        this.pos++;
      }
      return;
    }
    if (!this.grep) throw new RegexError('Invalid preceding regular expression');
    this.stray = true;
    const op = String.fromCodePoint(this.p[this.pos]!);
    this.warnings.push(`${op === '{' ? '{...}' : op} at start of expression`);
    // grep's dfa repeats the zero-width atoms before it (so `^*a` is `a` anywhere), or nothing.
    const last = items[items.length - 1];
    if (last && last.t === 'assert') items[items.length - 1] = this.quantifiers(last);
    else items.push(this.quantifiers({ t: 'seq', items: [] }));
  }

  /** One atom (repetition operators are handled by the caller). */
  private atom(depth: number, first: boolean): Node {
    const c = this.p[this.pos]!;
    const s = String.fromCodePoint(c);
    if (this.ere) {
      switch (s) {
        case '(': return this.group(depth);
        case ')': this.pos++; return { t: 'char', c }; // unmatched: grep and regcomp dialects
        case '^': this.pos++; return { t: 'assert', k: 'bol' };
        case '$': this.pos++; return { t: 'assert', k: 'eol' };
        case '{':
          // Not an interval (quantifiers() would have taken it): literal for grep.
          if (!this.grep) throw new RegexError('Invalid preceding regular expression');
          this.pos++;
          return { t: 'char', c };
      }
    } else {
      switch (s) {
        case '*':
          this.pos++;
          return { t: 'char', c };
        case '^':
          this.pos++;
          return first ? { t: 'assert', k: 'bol' } : { t: 'char', c };
        case '$':
          this.pos++;
          return this.pos === this.p.length || this.isEsc(')') || this.isEsc('|') ? { t: 'assert', k: 'eol' } : { t: 'char', c };
      }
    }
    if (s === '.') {
      this.pos++;
      return { t: 'any' };
    }
    if (s === '[') return this.bracket();
    if (s === '\\') return this.escape(depth);
    this.pos++;
    return { t: 'char', c };
  }

  private group(depth: number): Node {
    this.pos += this.ere ? 1 : 2;
    const n = ++this.groups;
    const body = this.alt(depth + 1);
    if (this.ere ? !this.is(')') : !this.isEsc(')')) throw new RegexError('Unmatched ( or \\(');
    this.pos += this.ere ? 1 : 2;
    this.closed.add(n);
    return { t: 'group', n, body };
  }

  private escape(depth: number): Node {
    const next = this.peek(1);
    if (next === undefined) throw new RegexError('Trailing backslash');
    const s = String.fromCodePoint(next);
    if (!this.ere) {
      switch (s) {
        case '(': return this.group(depth);
        case ')': throw new RegexError('Unmatched ) or \\)');
        case '{':
          throw new RegexError('Invalid preceding regular expression');
        case '}':
          this.pos += 2;
          return { t: 'char', c: next };
        case '+': case '?':
          // At the start of an expression these are literal; elsewhere quantifiers() took them.
          this.pos += 2;
          return { t: 'char', c: next };
      }
    }
    this.pos += 2;
    if (s >= '1' && s <= '9') {
      const n = next - 48;
      if (!this.closed.has(n)) throw new RegexError('Invalid back reference');
      return { t: 'backref', n };
    }
    switch (s) {
      case 'w': case 'W': case 's': case 'S': return { t: 'wclass', k: s };
      case 'b': return { t: 'assert', k: 'word' };
      case 'B': return { t: 'assert', k: 'notword' };
      case '<': return { t: 'assert', k: 'wstart' };
      case '>': return { t: 'assert', k: 'wend' };
      case '`': return { t: 'assert', k: 'bufstart' };
      case "'": return { t: 'assert', k: 'bufend' };
    }
    return { t: 'char', c: next };
  }

  /** Repetition operators after an atom. */
  private quantifiers(atom: Node): Node {
    let node = atom;
    let count = 0;
    for (;;) {
      let min: number;
      let max: number;
      // glibc's BRE refuses a `*` or `\{` right after another repetition (\+ and \? may follow).
      const strict = count > 0 && !this.ere && !this.grep;
      if (this.is('*')) {
        if (strict) throw new RegexError('Invalid preceding regular expression');
        this.pos++;
        [min, max] = [0, Infinity];
      } else if (this.ere ? this.is('+') : this.isEsc('+')) {
        this.pos += this.ere ? 1 : 2;
        [min, max] = [1, Infinity];
      } else if (this.ere ? this.is('?') : this.isEsc('?')) {
        this.pos += this.ere ? 1 : 2;
        [min, max] = [0, 1];
      } else if (this.ere ? this.is('{') : this.isEsc('{')) {
        if (strict) throw new RegexError('Invalid preceding regular expression');
        const bounds = this.interval();
        if (!bounds) break; // grep's ERE: not an interval, so `{` is literal
        [min, max] = bounds;
      } else break;
      // Greedy repetition of one character is already longest; of a group or back-reference it may not be.
      if (atom.t !== 'char' && atom.t !== 'any' && atom.t !== 'set' && atom.t !== 'wclass') this.ambiguous = true;
      node = { t: 'rep', body: node, min, max };
      count++;
    }
    return node;
  }

  /** Whether an ERE `{` here starts a well-formed interval (for the start-of-expression rule). */
  private intervalAhead(): boolean {
    const save = this.pos;
    try {
      return this.interval() !== null;
    } catch {
      return true;
    } finally {
      this.pos = save;
    }
  }

  /**
   * Parse `{m,n}` (or `\{m,n\}`) at the cursor. Returns null (cursor unmoved) where grep's ERE
   * takes the brace as a literal character; throws GNU's errors otherwise.
   */
  private interval(): [number, number] | null {
    const start = this.pos;
    this.pos += this.ere ? 1 : 2;
    const num = (): number | null => {
      let v: number | null = null;
      while (this.peek() !== undefined && this.peek()! >= 48 && this.peek()! <= 57) {
        v = (v ?? 0) * 10 + (this.peek()! - 48);
        if (v > 1e6) v = 1e6;
        this.pos++;
      }
      return v;
    };
    const lenient = this.ere && this.grep;
    const bad = (end: boolean): null => {
      if (lenient) {
        this.pos = start;
        return null;
      }
      throw new RegexError(end ? 'Unmatched \\{' : 'Invalid content of \\{\\}');
    };
    const min = num();
    let max: number | null = min;
    let comma = false;
    if (this.is(',')) {
      comma = true;
      this.pos++;
      max = num();
    }
    if (this.pos >= this.p.length) return bad(true);
    const closes = this.ere ? this.is('}') : this.isEsc('}');
    if (!closes) {
      if (!this.ere && this.is('\\') && this.pos + 1 >= this.p.length) return bad(true);
      return bad(false);
    }
    this.pos += this.ere ? 1 : 2;
    if (min === null && !comma) throw new RegexError('Invalid content of \\{\\}');
    const lo = min ?? 0;
    const hi = comma && max === null ? Infinity : max!;
    if (hi < lo) throw new RegexError('Invalid content of \\{\\}');
    if (lo > DUP_MAX || (hi !== Infinity && hi > DUP_MAX)) throw new RegexError('Regular expression too big');
    return [lo, hi];
  }

  private bracket(): Node {
    const open = this.pos;
    this.pos++;
    let neg = false;
    if (this.is('^')) {
      neg = true;
      this.pos++;
    }
    if (this.pos >= this.p.length) throw new RegexError(this.grep ? 'Invalid regular expression' : 'Unmatched [, [^, [:, [., or [=');
    const unmatched = (): never => {
      throw new RegexError('Unmatched [, [^, [:, [., or [=');
    };
    const items: SetItem[] = [];
    const contentStart = this.pos;
    let first = true;
    let sawRange = false;
    for (;;) {
      if (this.pos >= this.p.length) unmatched();
      if (this.is(']') && !first) break;
      first = false;
      let lo: SetItem;
      if (this.is('[') && (this.is(':', 1) || this.is('.', 1) || this.is('=', 1))) {
        lo = this.bracketSpecial(unmatched);
      } else {
        lo = { t: 'char', c: this.p[this.pos++]! };
      }
      if (this.is('-') && this.peek(1) !== undefined && !this.is(']', 1)) {
        this.pos++;
        let hi: SetItem;
        if (this.is('[') && (this.is('.', 1) || this.is('=', 1))) hi = this.bracketSpecial(unmatched);
        else if (this.is('[') && this.is(':', 1)) throw new RegexError('Invalid range end');
        else hi = { t: 'char', c: this.p[this.pos++]! };
        if (lo.t !== 'char' || hi.t !== 'char') throw new RegexError('Invalid range end');
        if (hi.c < lo.c) throw new RegexError('Invalid range end');
        items.push({ t: 'range', lo: lo.c, hi: hi.c });
        sawRange = true;
        continue;
      }
      items.push(lo);
    }
    const content = this.p.slice(contentStart, this.pos);
    this.pos++;
    // GNU's dfa refuses [:space:] written without the outer brackets.
    const colon = ch(':');
    if (this.dfa && !sawRange && content.length >= 2 && content[0] === colon && content[content.length - 1] === colon && content.some((c) => c !== colon)) {
      throw new RegexError('character class syntax is [[:space:]], not [:space:]', true);
    }
    void open;
    return { t: 'set', neg, items };
  }

  /** [:class:], [.c.] or [=c=] inside a bracket expression. */
  private bracketSpecial(unmatched: () => never): SetItem {
    const kind = String.fromCodePoint(this.p[this.pos + 1]!);
    const bodyStart = this.pos + 2;
    let end = bodyStart;
    while (end + 1 < this.p.length && !(this.p[end] === ch(kind) && this.p[end + 1] === ch(']'))) end++;
    if (end + 1 >= this.p.length) unmatched();
    const body = String.fromCodePoint(...this.p.slice(bodyStart, end));
    this.pos = end + 2;
    if (kind === ':') {
      if (!CLASSES.has(body)) throw new RegexError('Invalid character class name');
      return { t: 'class', name: body };
    }
    if ([...body].length !== 1) throw new RegexError('Invalid collation character');
    return { t: 'char', c: body.codePointAt(0)! };
  }
}

// ---- generate ---------------------------------------------------------------------------------

/** Byte-mode members of each class in the C locale. */
function classHas(name: string, b: number): boolean {
  const c = String.fromCharCode(b);
  if (b >= 128) return false;
  switch (name) {
    case 'alpha': return /[A-Za-z]/.test(c);
    case 'upper': return /[A-Z]/.test(c);
    case 'lower': return /[a-z]/.test(c);
    case 'digit': return /[0-9]/.test(c);
    case 'xdigit': return /[0-9A-Fa-f]/.test(c);
    case 'alnum': return /[0-9A-Za-z]/.test(c);
    case 'space': return b === 32 || (b >= 9 && b <= 13);
    case 'blank': return b === 32 || b === 9;
    case 'punct': return b > 32 && b < 127 && !/[0-9A-Za-z]/.test(c);
    case 'print': return b >= 32 && b < 127;
    case 'graph': return b > 32 && b < 127;
    case 'cntrl': return b < 32 || b === 127;
  }
  return false;
}

/** UTF-8-mode class bodies (inside [...] with the u flag). */
const UCLASS: Record<string, string> = {
  alpha: '\\p{Alphabetic}', upper: '\\p{Lu}', lower: '\\p{Ll}', digit: '0-9', xdigit: '0-9A-Fa-f',
  alnum: '\\p{Alphabetic}0-9', space: '\\s', blank: ' \\t\\p{Zs}', punct: '\\p{P}\\p{S}',
  print: '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}', graph: '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}', cntrl: '\\p{Cc}',
};

function hex(c: number): string {
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : c <= 0xffff ? `\\u${c.toString(16).padStart(4, '0')}` : `\\u{${c.toString(16)}}`;
}

/** A character outside a class. */
function litChar(c: number): string {
  const s = String.fromCodePoint(c);
  if ('\\^$.|?*+()[]{}/'.includes(s)) return `\\${s}`;
  if (c < 32 || c === 127 || (c >= 0x80 && c <= 0xff) || (c >= 0xd800 && c <= 0xdfff)) return hex(c);
  return s;
}

/** A character inside a class. */
function classChar(c: number): string {
  const s = String.fromCodePoint(c);
  if ('\\]-^['.includes(s)) return `\\${s}`;
  if (c < 32 || c === 127 || (c >= 0x80 && c <= 0xff) || (c >= 0xd800 && c <= 0xdfff)) return hex(c);
  return s;
}

/** A byte-mode class from a membership table, as compact ranges. */
function byteClass(member: boolean[]): string {
  let n = 0;
  for (const m of member) if (m) n++;
  if (n === 0) return '[^\\s\\S]';
  if (n === 256) return '[\\s\\S]';
  const ranges = (want: boolean): string => {
    let out = '';
    for (let i = 0; i < 256; i++) {
      if (member[i] !== want) continue;
      let j = i;
      while (j + 1 < 256 && member[j + 1] === want) j++;
      out += j === i ? classChar(i) : j === i + 1 ? classChar(i) + classChar(j) : `${classChar(i)}-${classChar(j)}`;
      i = j;
    }
    return out;
  };
  return n > 128 ? `[^${ranges(false)}]` : `[${ranges(true)}]`;
}

const WORD_BYTES = '[0-9A-Za-z_]';
const WORD_UTF8 = '[\\p{L}\\p{N}_]';

class Generator {
  readonly word: string;
  constructor(private readonly o: RegexOptions, private readonly groupBase: number) {
    this.word = o.utf8 ? WORD_UTF8 : WORD_BYTES;
  }

  private get eolChar(): string | undefined {
    return this.o.lineEnd;
  }

  /** The character `.` and `[^...]` leave out: the line end, or a newline under M. */
  private get notMatched(): string | undefined {
    return this.o.lineEnd ?? (this.o.multiline ? '\n' : undefined);
  }

  gen(n: Node): string {
    switch (n.t) {
      case 'char': return this.char(n.c);
      case 'any': return this.any();
      case 'set': return this.set(n);
      case 'group': return `(${this.gen(n.body)})`;
      case 'alt': return n.alts.map((a) => this.gen(a)).join('|');
      case 'seq': return n.items.map((i) => (i.t === 'alt' ? `(?:${this.gen(i)})` : this.gen(i))).join('');
      case 'rep': return this.rep(n);
      case 'backref': return `(?:\\${n.n + this.groupBase})`;
      case 'assert': return this.assertion(n.k);
      case 'wclass': return this.wclass(n.k);
    }
  }

  private char(c: number): string {
    if (this.o.icase && !this.o.utf8) {
      const s = String.fromCharCode(c);
      if (/[A-Za-z]/.test(s)) return `[${s.toLowerCase()}${s.toUpperCase()}]`;
    }
    return litChar(c);
  }

  private any(): string {
    const end = this.notMatched;
    if (this.o.utf8) return end !== undefined ? `[^${classChar(ch(end))}\\udc80-\\udcff]` : '[^\\udc80-\\udcff]';
    return end !== undefined ? `[^${classChar(ch(end))}]` : '[\\s\\S]';
  }

  private set(n: { neg: boolean; items: SetItem[] }): string {
    const end = this.eolChar;
    if (!this.o.utf8) {
      const member: boolean[] = new Array<boolean>(256).fill(false);
      const add = (b: number): void => {
        if (b < 256) member[b] = true;
      };
      for (const it of n.items) {
        if (it.t === 'char') add(it.c);
        else if (it.t === 'range') for (let b = it.lo; b <= Math.min(it.hi, 255); b++) add(b);
        else for (let b = 0; b < 256; b++) if (classHas(it.name, b)) add(b);
      }
      if (this.o.icase) {
        for (let b = 65; b <= 90; b++) if (member[b] || member[b + 32]) member[b] = member[b + 32] = true;
      }
      if (n.neg) for (let b = 0; b < 256; b++) member[b] = !member[b];
      if (end !== undefined) member[ch(end)] = false;
      if (n.neg && this.notMatched !== undefined) member[ch(this.notMatched)] = false;
      return byteClass(member);
    }
    let body = '';
    for (const it of n.items) {
      if (it.t === 'char') body += classChar(it.c);
      else if (it.t === 'range') body += `${classChar(it.lo)}-${classChar(it.hi)}`;
      else body += UCLASS[it.name]!;
    }
    // [[:space:]] holds the line end; a lookahead keeps it out.
    if (!n.neg) return body === '' ? '[^\\s\\S]' : end !== undefined ? `(?!${classChar(ch(end))})[${body}]` : `[${body}]`;
    const left = this.notMatched;
    return `[^${body}${left !== undefined ? classChar(ch(left)) : ''}\\udc80-\\udcff]`;
  }

  private rep(n: { body: Node; min: number; max: number }): string {
    let body = this.gen(n.body);
    const simple = n.body.t === 'char' || n.body.t === 'any' || n.body.t === 'set' || n.body.t === 'group' || n.body.t === 'wclass' || n.body.t === 'backref';
    if (!simple || body.startsWith('(?<') || body === '') body = `(?:${body})`;
    const { min, max } = n;
    const q = min === 0 && max === Infinity ? '*' : min === 1 && max === Infinity ? '+' : min === 0 && max === 1 ? '?' : max === Infinity ? `{${min},}` : min === max ? `{${min}}` : `{${min},${max}}`;
    return body + q;
  }

  private assertion(k: Assertion): string {
    const end = this.eolChar ?? (this.o.multiline ? '\n' : undefined);
    const w = this.word;
    const bytes = !this.o.utf8;
    switch (k) {
      case 'bol': return end !== undefined ? `(?<![^${classChar(ch(end))}])` : '^';
      case 'eol': return end !== undefined ? `(?![^${classChar(ch(end))}])` : '$';
      case 'bufstart': return this.eolChar !== undefined ? `(?<![^${classChar(ch(this.eolChar))}])` : '(?<![\\s\\S])';
      case 'bufend': return this.eolChar !== undefined ? `(?![^${classChar(ch(this.eolChar))}])` : '(?![\\s\\S])';
      case 'word': return bytes ? '\\b' : `(?:(?<!${w})(?=${w})|(?<=${w})(?!${w}))`;
      case 'notword': return bytes ? '\\B' : `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
      case 'wstart': return `(?<!${w})(?=${w})`;
      case 'wend': return `(?<=${w})(?!${w})`;
    }
  }

  private wclass(k: 'w' | 'W' | 's' | 'S'): string {
    const end = this.eolChar !== undefined ? classChar(ch(this.eolChar)) : '';
    const inner = this.word.slice(1, -1);
    switch (k) {
      case 'w': return this.word;
      case 'W': return `[^${inner}${end}${this.o.utf8 ? '\\udc80-\\udcff' : ''}]`;
      case 's':
        if (this.o.utf8) return end ? `[^\\S${end}]` : '\\s';
        return byteClass(Array.from({ length: 256 }, (_, b) => classHas('space', b) && b !== (this.eolChar === undefined ? -1 : ch(this.eolChar))));
      case 'S': return this.o.utf8 ? `[^\\s${end}\\udc80-\\udcff]` : `[^\\t-\\r ${end}]`;
    }
  }
}

// ---- compile and match ------------------------------------------------------------------------

export interface Translation {
  /** JavaScript pattern source. */
  source: string;
  /** Capturing groups it has. */
  groups: number;
  /** Whether leftmost-first may differ from leftmost-longest (alternation, repeated groups). */
  ambiguous: boolean;
  /** GNU grep's warnings ("* at start of expression"), without the "grep: warning: " prefix. */
  warnings: string[];
  /**
   * Where GNU grep's two engines read a stray repetition operator differently: the source glibc's
   * regex gives, which grep uses for the extent of matches (-o, colour); `source` selects lines.
   */
  extentSource?: string;
}

function codePoints(s: string, utf8: boolean): number[] {
  if (utf8) return Array.from(s, (c) => c.codePointAt(0)!);
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Translate one POSIX pattern (in the text form of bytesToText) into JavaScript source. Its
 * groups are numbered from groupBase + 1, so several translations can be joined with `|`.
 */
export function translateRegex(pattern: string, opts: RegexOptions, groupBase = 0): Translation {
  const points = codePoints(pattern, !!opts.utf8);
  const parser = new Parser(points, opts);
  const ast = parser.parse();
  const source = new Generator(opts, groupBase).gen(ast);
  const t: Translation = { source, groups: parser.groups, ambiguous: parser.ambiguous, warnings: parser.warnings };
  if (parser.stray && opts.syntax === 'extended') {
    // grep also compiles the pattern with glibc, which may refuse it or read it otherwise.
    const second = new Parser(points, opts, true);
    t.extentSource = new Generator(opts, groupBase).gen(second.parse());
    t.ambiguous = true;
  }
  return t;
}

/** A literal string (grep -F) as JavaScript source, with the options' case and line rules. */
export function translateFixed(text: string, opts: RegexOptions): Translation {
  const g = new Generator(opts, 0);
  const source = codePoints(text, !!opts.utf8).map((c) => g.gen({ t: 'char', c })).join('');
  return { source, groups: 0, ambiguous: false, warnings: [] };
}

/** The flags a translation must be compiled with. */
export function regexFlags(opts: RegexOptions): string {
  return opts.utf8 ? (opts.icase ? 'giu' : 'gu') : 'g';
}

/** A compiled pattern with POSIX's leftmost-longest matching. */
export class Matcher {
  /** The global RegExp; `lastIndex` is the caller's to set. */
  readonly regex: RegExp;
  private readonly longer = new Map<number, RegExp>();

  /** The RegExp exec() uses for a match's extent (grep's glibc reading, when it differs). */
  private readonly extent: RegExp;
  private readonly extentSource: string;

  constructor(readonly source: string, readonly flags: string, readonly ambiguous: boolean, readonly groups: number,
    private readonly lineEnd?: string, readonly warnings: string[] = [], extentSource?: string) {
    this.regex = new RegExp(source, flags);
    this.extentSource = extentSource ?? source;
    this.extent = extentSource === undefined ? this.regex : new RegExp(extentSource, flags);
  }

  /** The same matcher with `source` wrapped (grep -x, -w): wrap(source) for both readings. */
  wrapped(wrap: (source: string) => string): Matcher {
    const ext = this.extentSource === this.source ? undefined : wrap(this.extentSource);
    return new Matcher(wrap(this.source), this.flags, this.ambiguous, this.groups, this.lineEnd, this.warnings, ext);
  }

  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean {
    this.regex.lastIndex = 0;
    return this.regex.test(text);
  }

  /** The leftmost-longest match starting at or after `from`, or null. */
  exec(text: string, from = 0): RegExpExecArray | null {
    this.extent.lastIndex = from;
    let m = this.extent.exec(text);
    if (!m || !this.ambiguous) return m;
    const limit = this.lineEnd === undefined ? text.length : lineLimit(text, m.index, this.lineEnd);
    for (;;) {
      const end = m.index + m[0].length;
      const remain = limit - end;
      if (remain <= 0) return m;
      const re = this.longerThan(remain);
      re.lastIndex = m.index;
      const m2 = re.exec(text);
      if (!m2 || m2.index !== m.index || m2[0].length <= m[0].length) return m;
      m = m2;
    }
  }

  /** A sticky variant that only matches when fewer than `remain` characters follow its end. */
  private longerThan(remain: number): RegExp {
    let re = this.longer.get(remain);
    if (!re) {
      if (this.longer.size > 256) this.longer.clear();
      const rest = this.lineEnd === undefined ? '[\\s\\S]' : `[^${classChar(ch(this.lineEnd))}]`;
      re = new RegExp(`(?:${this.extentSource})(?!${rest}{${remain}})`, this.flags.replace('g', '') + 'y');
      this.longer.set(remain, re);
    }
    return re;
  }
}

function lineLimit(text: string, at: number, lineEnd: string): number {
  const i = text.indexOf(lineEnd, at);
  return i < 0 ? text.length : i;
}

/**
 * Compile one pattern, or several joined as alternatives (grep -e A -e B), into a Matcher.
 * Throws RegexError with GNU's message for a pattern GNU would refuse.
 */
export function compileRegex(patterns: string | string[], opts: RegexOptions): Matcher {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const parts: Translation[] = [];
  let groups = 0;
  for (const p of list) {
    const t = translateRegex(p, opts, groups);
    groups += t.groups;
    parts.push(t);
  }
  return joinTranslations(parts, opts);
}

/** Join translations (from translateRegex with running group bases, or translateFixed) as alternatives. */
export function joinTranslations(parts: Translation[], opts: RegexOptions): Matcher {
  const join = (pick: (t: Translation) => string): string => (parts.length === 1 ? pick(parts[0]!) : parts.map((t) => `(?:${pick(t)})`).join('|')) || '(?:)';
  const source = join((t) => t.source);
  const extent = parts.some((t) => t.extentSource !== undefined) ? join((t) => t.extentSource ?? t.source) : undefined;
  const ambiguous = parts.length > 1 || parts.some((t) => t.ambiguous);
  const groups = parts.reduce((n, t) => n + t.groups, 0);
  return new Matcher(source, regexFlags(opts), ambiguous, groups, opts.lineEnd, parts.flatMap((t) => t.warnings), extent);
}

// ---- text forms -------------------------------------------------------------------------------

const fatal = new (globalThis as unknown as { TextDecoder: new (l: string, o: { fatal: boolean }) => { decode(b: Uint8Array): string } }).TextDecoder('utf-8', { fatal: true });
const encoder = new (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder();

/**
 * Bytes as the matcher's text: one character per byte (utf8 false), or decoded UTF-8 where each
 * byte of an invalid sequence becomes U+DC80 + (byte - 0x80), so textToBytes gives them back.
 */
export function bytesToText(b: Uint8Array, utf8: boolean): string {
  if (!utf8) {
    // Most text is ASCII, where bytes and UTF-8 agree: the native decoder is many times faster
    // than building the string a byte at a time, and a length check tells whether it applied.
    const ascii = asciiOrNull(b);
    if (ascii !== null) return ascii;
    let s = '';
    for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
    return s;
  }
  try {
    return fatal.decode(b);
  } catch {
    return decodeLenient(b);
  }
}

function asciiOrNull(b: Uint8Array): string | null {
  try {
    const text = fatal.decode(b);
    return text.length === b.length ? text : null;
  } catch {
    return null;
  }
}

function decodeLenient(b: Uint8Array): string {
  const parts: string[] = [];
  let run = 0;
  let i = 0;
  const flush = (to: number): void => {
    if (to > run) parts.push(fatal.decode(b.subarray(run, to)));
  };
  while (i < b.length) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    const need = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < b.length + 0;
    if (ok) {
      for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) ok = false;
    }
    if (ok) {
      const y = b[i + 1]!;
      if ((x === 0xe0 && y < 0xa0) || (x === 0xed && y >= 0xa0) || (x === 0xf0 && y < 0x90) || (x === 0xf4 && y >= 0x90)) ok = false;
    }
    if (ok) {
      i += need + 1;
      continue;
    }
    flush(i);
    parts.push(String.fromCharCode(0xdc00 + x));
    i++;
    run = i;
  }
  flush(b.length);
  return parts.join('');
}

const LONE = /[\udc80-\udcff]/;

/** The inverse of bytesToText. */
export function textToBytes(s: string, utf8: boolean): Uint8Array {
  if (!utf8) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  if (!LONE.test(s)) return encoder.encode(s);
  const parts: Uint8Array[] = [];
  let size = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc80 || c > 0xdcff) continue;
    if (i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff) continue; // a real pair
    const head = encoder.encode(s.slice(run, i));
    parts.push(head, Uint8Array.of(c - 0xdc00));
    size += head.length + 1;
    run = i + 1;
  }
  const tail = encoder.encode(s.slice(run));
  parts.push(tail);
  size += tail.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A command-line string (as the program received it) in the matcher's text form. */
export function argToText(s: string, utf8: boolean): string {
  return utf8 ? s : bytesToText(encoder.encode(s), false);
}

/** Whether text holds bytes that are not valid UTF-8 (only meaningful in utf8 form). */
export function hasEncodingErrors(s: string): boolean {
  return LONE.test(s);
}

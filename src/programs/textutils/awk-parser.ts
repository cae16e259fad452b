// The awk grammar as mawk's parse.y ranks it, by recursive descent over the scanner's tokens:
// assignment < ?: < || < && < in < ~ < comparison < concatenation < + - < * / % < unary ! - <
// `| getline` < ^ < ++ -- < $. Inside print's argument list `>` redirects instead of comparing.
// Names get their kind here (scalar or array, global or a function's local), inferred from use
// and from the functions they are passed to, and misuse is reported in mawk's words.

import { AwkSyntaxError, BUILTINS, tokenize, type Token } from './awk-lexer.ts';
import { compileRegex, RegexError } from './awk-regex.ts';

export type SymType = 'none' | 'scalar' | 'array';

export interface Sym {
  name: string;
  scope: 'global' | 'local';
  index: number;
  type: SymType;
}

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; sym: Sym }
  | { k: 'special'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'elem'; sym: Sym; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'not' | 'neg' | 'pos'; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'cat'; a: Expr; b: Expr }
  | { k: 'cmp'; op: string; a: Expr; b: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'in'; subs: Expr[]; sym: Sym }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[]; line: number }
  | { k: 'builtin'; name: string; args: Expr[]; line: number }
  | { k: 'getline'; mode: 'plain' | 'file' | 'cmd'; target: Expr | null; src: Expr | null }
  | { k: 'group'; e: Expr }
  | { k: 'grouplist'; list: Expr[] }
  | { k: 'arrayref'; sym: Sym };

export interface Dest {
  mode: '>' | '>>' | '|';
  e: Expr;
}

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print' | 'printf'; args: Expr[]; dest: Dest | null }
  | { k: 'if'; c: Expr; t: Stmt; f: Stmt | null }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init: Stmt | null; c: Expr | null; step: Stmt | null; body: Stmt }
  | { k: 'forin'; v: Expr; sym: Sym; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' | 'nop' }
  | { k: 'exit' | 'return'; e: Expr | null }
  | { k: 'delete'; sym: Sym; subs: Expr[] | null };

export interface FuncDef {
  name: string;
  params: Sym[];
  body: Stmt;
  line: number;
  defined: boolean;
}

export interface Item {
  pattern: Expr | null;
  range: [Expr, Expr] | null;
  body: Stmt | null;
}

export interface Program {
  begins: Stmt[];
  ends: Stmt[];
  items: Item[];
  funcs: Map<string, FuncDef>;
  globals: Sym[];
  /** Whether any main rule or END exists (then input is read). */
  readsInput: boolean;
}

export const SPECIALS = new Set(['NF', 'NR', 'FNR', 'FS', 'OFS', 'ORS', 'RS', 'FILENAME', 'SUBSEP', 'RSTART', 'RLENGTH', 'CONVFMT', 'OFMT']);

interface CallLink {
  arg: Sym;
  func: string;
  param: number;
}

function display(t: Token): string {
  switch (t.kind) {
    case 'nl': return 'end of line';
    case 'eof': return 'end of file';
    case 'ere': return `/${t.text}/`;
    default: return t.text;
  }
}

export class AwkParser {
  private toks: Token[];
  private p = 0;
  private globals = new Map<string, Sym>();
  private globalList: Sym[] = [];
  private funcs = new Map<string, FuncDef>();
  private locals: Map<string, Sym> | null = null;
  private links: CallLink[] = [];
  private calls: { name: string; argc: number; line: number }[] = [];
  private loopDepth = 0;
  private inFunction = false;
  private inBeginEnd = false;
  /** Inside print's list, outside any parentheses: `>` redirects. */
  private noGt = false;
  private noIn = false;

  constructor(src: string) {
    this.toks = this.dropExtras(tokenize(src));
    for (const name of ['ENVIRON', 'ARGV']) this.global(name).type = 'array';
    this.global('ARGC').type = 'scalar';
  }

  /** mawk's scanner drops a `)` or `}` that closes nothing, after saying so. */
  private dropExtras(toks: Token[]): Token[] {
    let parens = 0;
    let braces = 0;
    const out: Token[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.kind === 'op' && t.text === '(') parens++;
      if (t.kind === 'op' && t.text === ')' && --parens < 0) throw new AwkSyntaxError(t.line, "extra ')'");
      if (t.kind === 'op' && t.text === '{') braces++;
      if (t.kind === 'op' && t.text === '}' && --braces < 0) {
        const rest = toks.slice(i + 1).filter((x) => x.kind !== 'nl');
        const err = new AwkSyntaxError(t.line, "extra '}'");
        if (rest.length === 1) (err as AwkSyntaxError & { also?: string }).also = `line ${t.line}: syntax error at or near end of line`;
        throw err;
      }
      out.push(t);
    }
    return out;
  }

  // ---- token helpers ---------------------------------------------------------------------------

  private peek(o = 0): Token {
    return this.toks[Math.min(this.p + o, this.toks.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (this.p < this.toks.length - 1) this.p++;
    return t;
  }
  private isOp(text: string, o = 0): boolean {
    const t = this.peek(o);
    return t.kind === 'op' && t.text === text;
  }
  private isKw(text: string, o = 0): boolean {
    const t = this.peek(o);
    return t.kind === 'kw' && t.text === text;
  }
  private eatOp(text: string): void {
    if (!this.isOp(text)) this.fail();
    this.p++;
  }
  private optNewlines(): void {
    while (this.peek().kind === 'nl') this.p++;
  }

  private fail(at: Token = this.peek()): never {
    let parens = 0;
    let braces = 0;
    const idx = this.toks.indexOf(at);
    for (let i = 0; i <= idx; i++) {
      const t = this.toks[i]!;
      if (t.kind !== 'op') continue;
      if (t.text === '(') parens++;
      else if (t.text === ')') parens--;
      else if (t.text === '{') braces++;
      else if (t.text === '}') braces--;
    }
    const shown = display(at);
    const closesStmt = at.kind === 'nl' || at.kind === 'eof' || (at.kind === 'op' && (at.text === ';' || at.text === '}'));
    if (parens > 0 && closesStmt) throw new AwkSyntaxError(at.line, `missing ) near ${shown}`);
    if (braces > 0 && (at.kind === 'eof' || (at.kind === 'kw' && (at.text === 'BEGIN' || at.text === 'END')))) {
      throw new AwkSyntaxError(at.line, `missing } near ${shown}`);
    }
    throw new AwkSyntaxError(at.line, `syntax error at or near ${shown}`);
  }

  private error(message: string, line = this.peek().line): never {
    throw new AwkSyntaxError(line, message);
  }

  // ---- names -----------------------------------------------------------------------------------

  private global(name: string): Sym {
    let s = this.globals.get(name);
    if (!s) {
      s = { name, scope: 'global', index: this.globalList.length, type: 'none' };
      this.globals.set(name, s);
      this.globalList.push(s);
    }
    return s;
  }

  private sym(name: string): Sym {
    return this.locals?.get(name) ?? this.global(name);
  }

  private use(s: Sym, type: 'scalar' | 'array', line: number): Sym {
    if (s.type === 'none') s.type = type;
    else if (s.type !== type) {
      const what = s.type === 'array' ? (s.scope === 'local' ? 'local array' : 'array') : s.scope === 'local' ? 'local variable' : 'variable';
      this.error(`illegal reference to ${what} ${s.name}`, line);
    }
    return s;
  }

  // ---- program ---------------------------------------------------------------------------------

  parse(): Program {
    const prog: Program = { begins: [], ends: [], items: [], funcs: this.funcs, globals: this.globalList, readsInput: false };
    this.skipTerminators();
    while (this.peek().kind !== 'eof') {
      this.item(prog);
      this.skipTerminators();
    }
    this.resolveLinks();
    const endLine = this.toks[this.toks.length - 1]!.line;
    for (const f of this.funcs.values()) if (!f.defined) this.error(`function ${f.name} never defined`, endLine);
    for (const c of this.calls) {
      if (c.argc > this.funcs.get(c.name)!.params.length) this.error(`too many arguments in call to ${c.name}`, c.line);
    }
    prog.readsInput = prog.items.length > 0 || prog.ends.length > 0;
    return prog;
  }

  private skipTerminators(): void {
    while (this.peek().kind === 'nl' || this.isOp(';')) this.p++;
  }

  private item(prog: Program): void {
    const t = this.peek();
    if (t.kind === 'kw' && (t.text === 'BEGIN' || t.text === 'END')) {
      this.p++;
      if (!this.isOp('{')) this.fail();
      this.inBeginEnd = true;
      const body = this.block();
      this.inBeginEnd = false;
      (t.text === 'BEGIN' ? prog.begins : prog.ends).push(body);
      return;
    }
    if (t.kind === 'kw' && t.text === 'function') {
      this.functionDef();
      return;
    }
    let pattern: Expr | null = null;
    let range: [Expr, Expr] | null = null;
    if (!this.isOp('{')) {
      pattern = this.expr();
      if (this.isOp(',')) {
        this.p++;
        this.optNewlines();
        range = [pattern, this.expr()];
        pattern = null;
      }
    }
    let body: Stmt | null = null;
    if (this.isOp('{')) body = this.block();
    else if (!(this.peek().kind === 'nl' || this.peek().kind === 'eof' || this.isOp(';'))) this.fail();
    prog.items.push({ pattern, range, body });
  }

  private functionDef(): void {
    const fnTok = this.next();
    const nameTok = this.next();
    if (nameTok.kind !== 'name' && nameTok.kind !== 'funcname') this.fail(nameTok);
    const name = nameTok.text;
    const def = this.funcDef(name, fnTok.line);
    if (def.defined) this.error(`redefinition of ${name}`, nameTok.line);
    this.eatOp('(');
    const locals = new Map<string, Sym>();
    const params: Sym[] = [];
    this.optNewlines();
    while (!this.isOp(')')) {
      const pt = this.next();
      if (pt.kind !== 'name') this.fail(pt);
      if (locals.has(pt.text)) this.error(`${pt.text} is duplicated in argument list`, pt.line);
      const s: Sym = { name: pt.text, scope: 'local', index: params.length, type: 'none' };
      locals.set(pt.text, s);
      params.push(s);
      this.optNewlines();
      if (this.isOp(',')) {
        this.p++;
        this.optNewlines();
      } else if (!this.isOp(')')) this.fail();
    }
    this.p++;
    this.optNewlines();
    def.params = params;
    this.locals = locals;
    this.inFunction = true;
    if (!this.isOp('{')) this.fail();
    def.body = this.block();
    def.defined = true;
    this.locals = null;
    this.inFunction = false;
  }

  private funcDef(name: string, line: number): FuncDef {
    let def = this.funcs.get(name);
    if (!def) {
      def = { name, params: [], body: { k: 'nop' }, line, defined: false };
      this.funcs.set(name, def);
    }
    return def;
  }

  /** Settle the kind of names passed to functions: a name takes its parameter's kind, and back. */
  private resolveLinks(): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const l of this.links) {
        const param = this.funcs.get(l.func)?.params[l.param];
        if (!param) continue;
        if (param.type !== 'none' && l.arg.type === 'none') {
          l.arg.type = param.type;
          changed = true;
        } else if (l.arg.type !== 'none' && param.type === 'none') {
          param.type = l.arg.type;
          changed = true;
        } else if (l.arg.type !== 'none' && param.type !== l.arg.type) {
          this.error(`type error in arg(${l.param + 1}) in call to ${l.func}`);
        }
      }
    }
  }

  // ---- statements ------------------------------------------------------------------------------

  private block(): Stmt {
    this.eatOp('{');
    const body: Stmt[] = [];
    this.skipTerminators();
    while (!this.isOp('}')) {
      if (this.peek().kind === 'eof') this.fail();
      body.push(this.statement());
      this.skipTerminators();
    }
    this.p++;
    return body.length === 1 ? body[0]! : { k: 'block', body };
  }

  /** After a simple statement: `;`, a newline, or (not eaten) a `}`. */
  private endSimple(): void {
    const t = this.peek();
    if (t.kind === 'nl' || (t.kind === 'op' && t.text === ';')) {
      this.p++;
      return;
    }
    if (t.kind === 'eof' || (t.kind === 'op' && t.text === '}')) return;
    this.fail();
  }

  private statement(): Stmt {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '{') return this.block();
    if (t.kind === 'op' && t.text === ';') {
      this.p++;
      return { k: 'nop' };
    }
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'if': return this.ifStmt();
        case 'while': {
          this.p++;
          this.eatOp('(');
          const c = this.expr();
          this.eatOp(')');
          if (this.isOp(';')) {
            this.p++;
            return { k: 'while', c, body: { k: 'nop' } };
          }
          this.optNewlines();
          return { k: 'while', c, body: this.loopBody() };
        }
        case 'do': {
          this.p++;
          this.optNewlines();
          const body = this.loopBody();
          this.skipTerminators();
          if (!this.isKw('while')) this.fail();
          this.p++;
          this.eatOp('(');
          const c = this.expr();
          this.eatOp(')');
          this.endSimple();
          return { k: 'do', body, c };
        }
        case 'for': return this.forStmt();
        case 'break':
        case 'continue': {
          this.p++;
          if (this.loopDepth === 0) this.error(`${t.text} statement outside of loop`, t.line);
          this.endSimple();
          return { k: t.text };
        }
        case 'next':
        case 'nextfile': {
          this.p++;
          if (this.inBeginEnd || this.inFunction) this.error(`improper use of ${t.text}`, t.line);
          this.endSimple();
          return { k: t.text };
        }
        case 'exit': {
          this.p++;
          const e = this.atSimpleEnd() ? null : this.expr();
          this.endSimple();
          return { k: 'exit', e };
        }
        case 'return': {
          this.p++;
          if (!this.inFunction) this.error('return outside function body', t.line);
          const e = this.atSimpleEnd() ? null : this.expr();
          this.endSimple();
          return { k: 'return', e };
        }
        case 'delete': {
          this.p++;
          const nt = this.next();
          if (nt.kind !== 'name') this.fail(nt);
          const sym = this.use(this.sym(nt.text), 'array', nt.line);
          let subs: Expr[] | null = null;
          if (this.isOp('[')) {
            this.p++;
            subs = this.exprList(']');
          }
          this.endSimple();
          return { k: 'delete', sym, subs };
        }
        case 'print':
        case 'printf': return this.printStmt();
      }
    }
    const s = this.simpleStatement();
    this.endSimple();
    return s;
  }

  private atSimpleEnd(): boolean {
    const t = this.peek();
    return t.kind === 'nl' || t.kind === 'eof' || (t.kind === 'op' && (t.text === ';' || t.text === '}'));
  }

  private loopBody(): Stmt {
    this.loopDepth++;
    try {
      return this.statement();
    } finally {
      this.loopDepth--;
    }
  }

  private simpleStatement(): Stmt {
    if (this.isKw('print') || this.isKw('printf')) return this.printStmt(false);
    return { k: 'expr', e: this.expr() };
  }

  private ifStmt(): Stmt {
    this.p++;
    this.eatOp('(');
    const c = this.expr();
    this.eatOp(')');
    this.optNewlines();
    let t: Stmt;
    if (this.isOp(';')) {
      this.p++;
      t = { k: 'nop' };
    } else t = this.statement();
    // `else` may follow after newlines or one `;`.
    const save = this.p;
    this.optNewlines();
    if (this.isOp(';')) {
      this.p++;
      this.optNewlines();
    }
    if (this.isKw('else')) {
      this.p++;
      this.optNewlines();
      const f = this.isOp(';') ? (this.p++, { k: 'nop' } as Stmt) : this.statement();
      return { k: 'if', c, t, f };
    }
    this.p = save;
    return { k: 'if', c, t, f: null };
  }

  private forStmt(): Stmt {
    this.p++;
    this.eatOp('(');
    // for (name in array)
    if (this.peek().kind === 'name' && this.isKw('in', 1) && this.peek(2).kind === 'name' && this.isOp(')', 3)) {
      const vt = this.next();
      const v: Expr = this.varExpr(vt);
      this.p++;
      const at = this.next();
      const sym = this.use(this.sym(at.text), 'array', at.line);
      this.p++;
      this.optNewlines();
      return { k: 'forin', v, sym, body: this.loopBody() };
    }
    const init = this.isOp(';') ? null : this.simpleStatement();
    this.eatOp(';');
    this.optNewlines();
    const c = this.isOp(';') ? null : this.expr();
    this.eatOp(';');
    this.optNewlines();
    const step = this.isOp(')') ? null : this.simpleStatement();
    this.eatOp(')');
    if (this.isOp(';')) {
      this.p++;
      return { k: 'for', init, c, step, body: { k: 'nop' } };
    }
    this.optNewlines();
    return { k: 'for', init, c, step, body: this.loopBody() };
  }

  private printStmt(end = true): Stmt {
    const kw = this.next().text as 'print' | 'printf';
    let args: Expr[] = [];
    const saveGt = this.noGt;
    this.noGt = true;
    try {
      if (!this.atPrintEnd()) {
        // print (a, b) > "f": a parenthesized list is the argument list.
        if (this.isOp('(')) {
          const save = this.p;
          this.p++;
          this.noGt = false;
          const list = this.exprList(')');
          this.noGt = true;
          if (list.length > 1 && this.atPrintEnd()) args = list;
          else if (list.length > 1 && this.isKw('in')) {
            this.p = save;
            args = this.printArgs();
          } else {
            this.p = save;
            args = this.printArgs();
          }
        } else args = this.printArgs();
      }
    } finally {
      this.noGt = saveGt;
    }
    if (kw === 'printf' && args.length === 0) this.error('no arguments in call to printf');
    let dest: Dest | null = null;
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '>' || t.text === '>>' || t.text === '|')) {
      this.p++;
      const saveIn = this.noGt;
      this.noGt = true;
      const e = this.ternary();
      this.noGt = saveIn;
      dest = { mode: t.text as Dest['mode'], e };
    }
    if (end) this.endSimple();
    return { k: kw, args, dest };
  }

  private atPrintEnd(): boolean {
    const t = this.peek();
    return this.atSimpleEnd() || (t.kind === 'op' && (t.text === '>' || t.text === '>>' || t.text === '|'));
  }

  private printArgs(): Expr[] {
    const args = [this.expr()];
    while (this.isOp(',')) {
      this.p++;
      this.optNewlines();
      args.push(this.expr());
    }
    return args;
  }

  private exprList(close: string): Expr[] {
    const saveGt = this.noGt;
    const saveIn = this.noIn;
    this.noGt = false;
    this.noIn = false;
    const list: Expr[] = [];
    this.optNewlines();
    if (!this.isOp(close)) {
      list.push(this.expr());
      this.optNewlines();
      while (this.isOp(',')) {
        this.p++;
        this.optNewlines();
        list.push(this.expr());
        this.optNewlines();
      }
    }
    this.eatOp(close);
    this.noGt = saveGt;
    this.noIn = saveIn;
    return list;
  }

  // ---- expressions -----------------------------------------------------------------------------

  expr(): Expr {
    return this.ternary();
  }

  private isLvalue(e: Expr): boolean {
    return e.k === 'var' || e.k === 'special' || e.k === 'field' || e.k === 'elem';
  }

  private ternary(): Expr {
    const c = this.orExpr();
    const t = this.peek();
    if (t.kind === 'op' && t.text === '?') {
      this.p++;
      this.optNewlines();
      const a = this.ternary();
      this.optNewlines();
      this.eatOp(':');
      this.optNewlines();
      const b = this.ternary();
      return { k: 'cond', c, a, b };
    }
    if (t.kind === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(t.text)) {
      if (!this.isLvalue(c)) this.fail();
      this.p++;
      this.optNewlines();
      const e = this.ternary();
      return { k: 'assign', op: t.text, target: c, e };
    }
    return c;
  }

  private orExpr(): Expr {
    let a = this.andExpr();
    while (this.isOp('||')) {
      this.p++;
      this.optNewlines();
      a = { k: 'or', a, b: this.andExpr() };
    }
    return a;
  }

  private andExpr(): Expr {
    let a = this.inExpr();
    while (this.isOp('&&')) {
      this.p++;
      this.optNewlines();
      a = { k: 'and', a, b: this.inExpr() };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.isKw('in') && !this.noIn) {
      this.p++;
      const at = this.next();
      if (at.kind !== 'name') this.fail(at);
      const sym = this.use(this.sym(at.text), 'array', at.line);
      a = { k: 'in', subs: a.k === 'grouplist' ? a.list : [a], sym };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.cmpExpr();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '~' || t.text === '!~')) {
        this.p++;
        a = { k: 'match', neg: t.text === '!~', a, re: this.constRegex(this.cmpExpr(), t.line) };
      } else return a;
    }
  }

  private cmpExpr(): Expr {
    let a = this.concatExpr();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op') return a;
      const op = t.text;
      if (op === '<' || op === '<=' || op === '==' || op === '!=' || op === '>=' || (op === '>' && !this.noGt)) {
        this.p++;
        a = { k: 'cmp', op, a, b: this.concatExpr() };
      } else return a;
    }
  }

  /** Can this token begin an operand of concatenation? (Not + or -: those are binary.) */
  private startsOperand(t: Token): boolean {
    switch (t.kind) {
      case 'num': case 'str': case 'ere': case 'name': case 'funcname': case 'builtin': return true;
      case 'kw': return t.text === 'getline';
      case 'op': return t.text === '$' || t.text === '!' || t.text === '(' || t.text === '++' || t.text === '--';
      default: return false;
    }
  }

  private concatExpr(): Expr {
    let a = this.additive();
    while (this.startsOperand(this.peek()) && !(this.noIn && this.isKw('in'))) {
      a = { k: 'cat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '+' || t.text === '-')) {
        this.p++;
        a = { k: 'bin', op: t.text, a, b: this.multiplicative() };
      } else return a;
    }
  }

  private multiplicative(): Expr {
    let a = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '*' || t.text === '/' || t.text === '%')) {
        this.p++;
        a = { k: 'bin', op: t.text, a, b: this.unary() };
      } else return a;
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op') {
      if (t.text === '!') {
        this.p++;
        return { k: 'not', e: this.unary() };
      }
      if (t.text === '-') {
        this.p++;
        return { k: 'neg', e: this.unary() };
      }
      if (t.text === '+') {
        this.p++;
        return { k: 'pos', e: this.unary() };
      }
    }
    return this.pipeGetline();
  }

  private pipeGetline(): Expr {
    let a = this.power();
    while (this.isOp('|') && this.isKw('getline', 1)) {
      this.p += 2;
      const target = this.optLvalue();
      a = { k: 'getline', mode: 'cmd', target, src: a };
    }
    return a;
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.isOp('^')) {
      this.p++;
      // The exponent may carry its own sign: 2^-1.
      const t = this.peek();
      let b: Expr;
      if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '!')) {
        this.p++;
        const e = this.power();
        b = { k: t.text === '-' ? 'neg' : t.text === '+' ? 'pos' : 'not', e };
      } else b = this.power();
      return { k: 'bin', op: '^', a, b };
    }
    return a;
  }

  private postfix(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '++' || t.text === '--')) {
      this.p++;
      const target = this.postfix();
      if (!this.isLvalue(target)) this.fail();
      return { k: 'incdec', op: t.text as '++' | '--', prefix: true, target };
    }
    const e = this.primary();
    const n = this.peek();
    if (n.kind === 'op' && (n.text === '++' || n.text === '--') && this.isLvalue(e)) {
      this.p++;
      return { k: 'incdec', op: n.text as '++' | '--', prefix: false, target: e };
    }
    return e;
  }

  private varExpr(t: Token): Expr {
    if (SPECIALS.has(t.text) && !this.locals?.has(t.text)) return { k: 'special', name: t.text };
    if (this.isOp('[')) {
      this.p++;
      const sym = this.use(this.sym(t.text), 'array', t.line);
      const subs = this.exprList(']');
      return { k: 'elem', sym, subs };
    }
    return { k: 'var', sym: this.use(this.sym(t.text), 'scalar', t.line) };
  }

  /** The optional variable after `getline`. */
  private optLvalue(): Expr | null {
    const t = this.peek();
    if (t.kind === 'name') {
      this.p++;
      return this.varExpr(t);
    }
    if (t.kind === 'op' && t.text === '$') {
      this.p++;
      return { k: 'field', e: this.dollarOperand() };
    }
    return null;
  }

  private dollarOperand(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '++' || t.text === '--')) {
      this.p++;
      const target = this.dollarOperand();
      if (!this.isLvalue(target)) this.fail();
      return { k: 'incdec', op: t.text as '++' | '--', prefix: true, target };
    }
    if (t.kind === 'op' && t.text === '-') {
      this.p++;
      return { k: 'neg', e: this.dollarOperand() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'num': return { k: 'num', v: t.num! };
      case 'str': return { k: 'str', v: t.text };
      case 'ere':
        try {
          compileRegex(t.text);
        } catch (e) {
          if (e instanceof RegexError) this.error(`${e.message}\n${t.text}`, t.line);
          throw e;
        }
        return { k: 're', src: t.text };
      case 'name': return this.varExpr(t);
      case 'funcname': return this.userCall(t);
      case 'builtin': return this.builtinCall(t);
      case 'kw':
        if (t.text === 'getline') {
          const target = this.optLvalue();
          if (this.isOp('<')) {
            this.p++;
            const src = this.postfixForRedirect();
            return { k: 'getline', mode: 'file', target, src };
          }
          return { k: 'getline', mode: 'plain', target, src: null };
        }
        return this.fail(t);
      case 'op':
        if (t.text === '$') return { k: 'field', e: this.dollarOperand() };
        if (t.text === '(') {
          const list = this.exprList(')');
          if (list.length === 0) this.fail(this.toks[this.p - 1]!);
          if (list.length > 1) {
            if (!this.isKw('in')) this.fail();
            return { k: 'grouplist', list };
          }
          return { k: 'group', e: list[0]! };
        }
        if (t.text === '-' || t.text === '+' || t.text === '!') {
          const e = this.unary();
          return { k: t.text === '-' ? 'neg' : t.text === '+' ? 'pos' : 'not', e };
        }
        return this.fail(t);
      default:
        return this.fail(t);
    }
  }

  /** The file after `getline <`: a primary with its ++/-- and ^, no concatenation. */
  private postfixForRedirect(): Expr {
    const a = this.postfix();
    if (this.isOp('^')) {
      this.p++;
      return { k: 'bin', op: '^', a, b: this.power() };
    }
    return a;
  }

  private userCall(t: Token): Expr {
    this.eatOp('(');
    const saveGt = this.noGt;
    this.noGt = false;
    const args: Expr[] = [];
    this.optNewlines();
    while (!this.isOp(')')) {
      if (args.length > 0) {
        this.eatOp(',');
        this.optNewlines();
      }
      // A lone name may be an array: its kind can come from the parameter it lands in.
      const nameTok = this.peek();
      const after = this.peek(1);
      if (nameTok.kind === 'name' && after.kind === 'op' && (after.text === ',' || after.text === ')') && !(SPECIALS.has(nameTok.text) && !this.locals?.has(nameTok.text))) {
        this.p++;
        const sym = this.sym(nameTok.text);
        this.links.push({ arg: sym, func: t.text, param: args.length });
        args.push({ k: 'arrayref', sym });
      } else args.push(this.expr());
      this.optNewlines();
    }
    this.p++;
    this.noGt = saveGt;
    this.funcDef(t.text, t.line);
    this.calls.push({ name: t.text, argc: args.length, line: t.line });
    return { k: 'call', name: t.text, args, line: t.line };
  }

  private builtinCall(t: Token): Expr {
    const name = t.text;
    if (name === 'length' && !this.isOp('(')) return { k: 'builtin', name, args: [], line: t.line };
    if (!this.isOp('(')) this.fail();
    this.p++;
    const saveGt = this.noGt;
    const saveIn = this.noIn;
    this.noGt = false;
    this.noIn = false;
    const args: Expr[] = [];
    this.optNewlines();
    let i = 0;
    while (!this.isOp(')')) {
      if (i > 0) {
        this.eatOp(',');
        this.optNewlines();
      }
      // split's second argument and length's only one may name an array.
      const nameTok = this.peek();
      const after = this.peek(1);
      const bare = nameTok.kind === 'name' && after.kind === 'op' && (after.text === ',' || after.text === ')');
      if (bare && name === 'split' && i === 1) {
        this.p++;
        args.push({ k: 'arrayref', sym: this.use(this.sym(nameTok.text), 'array', nameTok.line) });
      } else if (bare && name === 'length' && i === 0 && this.sym(nameTok.text).type === 'array' && !SPECIALS.has(nameTok.text)) {
        this.p++;
        args.push({ k: 'arrayref', sym: this.sym(nameTok.text) });
      } else args.push(this.expr());
      this.optNewlines();
      i++;
    }
    this.p++;
    this.noGt = saveGt;
    this.noIn = saveIn;
    this.checkBuiltinArgs(name, args, t);
    return { k: 'builtin', name, args, line: t.line };
  }

  /** A string constant used as a regex is compiled with the program, as mawk does. */
  private constRegex(e: Expr, line: number): Expr {
    if (e.k === 'str') {
      try {
        compileRegex(e.v);
      } catch (err) {
        if (err instanceof RegexError) this.error(`${err.message}\n${e.v}`, line);
        throw err;
      }
    }
    return e;
  }

  private checkBuiltinArgs(name: string, args: Expr[], t: Token): void {
    const arity: Record<string, [number, number]> = {
      length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 3], sub: [2, 3], gsub: [2, 3], match: [2, 2],
      sprintf: [1, 255], sin: [1, 1], cos: [1, 1], atan2: [2, 2], exp: [1, 1], log: [1, 1], int: [1, 1], sqrt: [1, 1],
      rand: [0, 0], srand: [0, 1], close: [1, 1], system: [1, 1], toupper: [1, 1], tolower: [1, 1], fflush: [0, 1],
    };
    const [lo, hi] = arity[name]!;
    if (name === 'split' && args.length < 2) this.fail(this.toks[this.p - 1]!);
    if (args.length < lo || args.length > hi) this.error(`wrong number of arguments in call to ${name}`, t.line);
    if (name === 'match') this.constRegex(args[1]!, t.line);
    if (name === 'sub' || name === 'gsub') this.constRegex(args[0]!, t.line);
    if ((name === 'sub' || name === 'gsub') && args.length === 3 && !this.isLvalue(args[2]!)) this.fail(this.toks[this.p - 1]!);
    if (name === 'split' && args[1]!.k !== 'arrayref') this.error(`type error in arg(2) in call to split`, t.line);
  }
}

export function parseProgram(src: string): Program {
  return new AwkParser(src).parse();
}

export { BUILTINS };

// jq's filter language, parsed: a recursive-descent parser over the program text (no separate
// lexer, so string interpolation can parse its nested filters in place). Precedence, lowest
// first: `|`, `,`, `//`, `or`, `and`, comparisons, `+ -`, `* / %`, then postfix terms.

export type Node =
  | { t: 'identity' }
  | { t: 'index'; target: Node; key: Node; opt?: boolean }
  | { t: 'slice'; target: Node; from: Node | null; to: Node | null; opt?: boolean }
  | { t: 'iter'; target: Node; opt?: boolean }
  | { t: 'try'; body: Node; handler?: Node }
  | { t: 'pipe' | 'comma' | 'alt' | 'and' | 'or'; l: Node; r: Node }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'assign'; op: string; l: Node; r: Node }
  | { t: 'lit'; v: unknown }
  | { t: 'str'; parts: (string | Node)[]; fmt: string | null }
  | { t: 'format'; name: string }
  | { t: 'array'; body: Node | null }
  | { t: 'object'; entries: { key: Node; value: Node }[] }
  | { t: 'neg'; body: Node }
  | { t: 'var'; name: string; at?: number }
  | { t: 'as'; source: Node; name: string; body: Node }
  | { t: 'reduce'; source: Node; name: string; init: Node; update: Node }
  | { t: 'call'; name: string; args: Node[]; at?: number }
  | { t: 'if'; cond: Node; then: Node; else: Node | null };

/** A compile error: jq's message before " at <top-level>, line 1:". */
export class JqSyntaxError extends Error {}

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'end', 'and', 'or', 'as', 'def', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', '__loc__']);

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  fail(): never {
    this.ws();
    if (this.pos >= this.src.length) throw new JqSyntaxError('syntax error, unexpected $end (Unix shell quoting issues?)');
    throw new JqSyntaxError(`syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)`);
  }

  ws(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '#') while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      else return;
    }
  }

  /** Whether the next token is `s` (a word must end there); consumes it if so. */
  eat(s: string): boolean {
    this.ws();
    if (!this.src.startsWith(s, this.pos)) return false;
    if (/\w$/.test(s) && /\w/.test(this.src[this.pos + s.length] ?? '')) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.eat(s)) this.fail();
  }

  ident(): string | null {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*/.exec(this.src.slice(this.pos));
    if (!m) return null;
    return m[0];
  }

  pipe(): Node {
    const l = this.comma();
    if (this.eat('as')) {
      this.ws();
      if (!this.eat('$')) this.fail();
      const name = this.ident();
      if (!name) this.fail();
      this.pos += name.length;
      this.expect('|');
      return { t: 'as', source: l, name, body: this.pipe() };
    }
    if (this.peekOp('|')) {
      this.pos++;
      return { t: 'pipe', l, r: this.pipe() };
    }
    return l;
  }

  /** `|` but not `|=`; `/` but not `//` or `/=`, and so on. */
  peekOp(op: string): boolean {
    this.ws();
    if (!this.src.startsWith(op, this.pos)) return false;
    const next = this.src[this.pos + op.length];
    if (next === '=') return false;
    if (op === '/' && next === '/') return false;
    return true;
  }

  comma(): Node {
    let l = this.alt();
    while (this.peekOp(',')) {
      this.pos++;
      l = { t: 'comma', l, r: this.alt() };
    }
    return l;
  }

  alt(): Node {
    const l = this.assign();
    if (this.peekOp('//')) {
      this.pos += 2;
      return { t: 'alt', l, r: this.alt() };
    }
    return l;
  }

  /** `=`, `|=`, `+=`... (non-associative, binding tighter than `//`). */
  assign(): Node {
    const l = this.or();
    this.ws();
    for (const op of ['|=', '+=', '-=', '*=', '/=', '%=', '//=', '=']) {
      if (this.src.startsWith(op, this.pos) && !(op === '=' && this.src[this.pos + 1] === '=')) {
        this.pos += op.length;
        return { t: 'assign', op, l, r: this.alt() };
      }
    }
    return l;
  }

  or(): Node {
    let l = this.and();
    while (this.eat('or')) l = { t: 'or', l, r: this.and() };
    return l;
  }

  and(): Node {
    let l = this.compare();
    while (this.eat('and')) l = { t: 'and', l, r: this.compare() };
    return l;
  }

  compare(): Node {
    const l = this.additive();
    this.ws();
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { t: 'bin', op, l, r: this.additive() };
      }
    }
    return l;
  }

  additive(): Node {
    let l = this.multiplicative();
    for (;;) {
      if (this.peekOp('+')) this.pos++, (l = { t: 'bin', op: '+', l, r: this.multiplicative() });
      else if (this.peekOp('-')) this.pos++, (l = { t: 'bin', op: '-', l, r: this.multiplicative() });
      else return l;
    }
  }

  multiplicative(): Node {
    let l = this.postfix();
    for (;;) {
      const op = ['*', '/', '%'].find((o) => this.peekOp(o));
      if (!op) return l;
      this.pos++;
      l = { t: 'bin', op, l, r: this.postfix() };
    }
  }

  postfix(): Node {
    let n = this.term();
    for (;;) {
      this.ws();
      const c = this.src[this.pos];
      if (c === '?') {
        this.pos++;
        // `?` after an index step makes that step optional for each input it gets, as
        // jq's grammar binds it: `[.[].a?]` keeps going past an element it cannot index.
        n = n.t === 'index' || n.t === 'iter' || n.t === 'slice' ? { ...n, opt: true } : { t: 'try', body: n };
      } else if (c === '.' && this.src[this.pos + 1] === '[') {
        this.pos++;
      } else if (c === '.' && /[A-Za-z_"]/.test(this.src[this.pos + 1] ?? '')) {
        this.pos++;
        n = { t: 'index', target: n, key: this.fieldName() };
      } else if (c === '[') {
        n = this.bracket(n);
      } else return n;
    }
  }

  fieldName(): Node {
    if (this.src[this.pos] === '"') return this.string(null);
    const name = this.ident();
    if (!name) this.fail();
    this.pos += name.length;
    return { t: 'lit', v: name };
  }

  /** `[]`, `[e]`, `[e:]`, `[:e]`, `[e:e]` after a term. */
  bracket(target: Node): Node {
    this.expect('[');
    if (this.eat(']')) return { t: 'iter', target };
    if (this.eat(':')) {
      const to = this.pipe();
      this.expect(']');
      return { t: 'slice', target, from: null, to };
    }
    const key = this.pipe();
    if (this.eat(':')) {
      if (this.eat(']')) return { t: 'slice', target, from: key, to: null };
      const to = this.pipe();
      this.expect(']');
      return { t: 'slice', target, from: key, to };
    }
    this.expect(']');
    return { t: 'index', target, key };
  }

  term(): Node {
    this.ws();
    const c = this.src[this.pos];
    if (c === undefined) this.fail();
    if (c === '.' && !/[0-9]/.test(this.src[this.pos + 1] ?? '')) {
      this.pos++;
      const next = this.src[this.pos];
      if (next === '[') return this.bracket({ t: 'identity' });
      if (next !== undefined && /[A-Za-z_"]/.test(next)) return { t: 'index', target: { t: 'identity' }, key: this.fieldName() };
      if (next === '.') {
        this.pos++;
        return { t: 'call', name: 'recurse', args: [] };
      }
      return { t: 'identity' };
    }
    if (/[0-9.]/.test(c)) {
      const m = /^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos))!;
      this.pos += m[0].length;
      return { t: 'lit', v: Number(m[0]) };
    }
    if (c === '"') return this.string(null);
    if (c === '@') {
      this.pos++;
      const name = this.ident();
      if (!name) this.fail();
      this.pos += name.length;
      this.ws();
      if (this.src[this.pos] === '"') return this.string(name);
      return { t: 'format', name };
    }
    if (c === '(') {
      this.pos++;
      const body = this.pipe();
      this.expect(')');
      return body;
    }
    if (c === '[') {
      this.pos++;
      if (this.eat(']')) return { t: 'array', body: null };
      const body = this.pipe();
      this.expect(']');
      return { t: 'array', body };
    }
    if (c === '{') return this.object();
    if (c === '-') {
      this.pos++;
      return { t: 'neg', body: this.postfix() };
    }
    // `at`: where a name starts, for the padding jq puts after the program in a compile error.
    const at = this.pos;
    if (c === '$') {
      this.pos++;
      const name = this.ident();
      if (!name) this.fail();
      this.pos += name.length;
      return { t: 'var', name, at };
    }
    const name = this.ident();
    if (!name) this.fail();
    if (name === 'if') return this.ifThen();
    if (name === 'try') {
      this.pos += name.length;
      const body = this.postfix();
      return this.eat('catch') ? { t: 'try', body, handler: this.postfix() } : { t: 'try', body };
    }
    if (name === 'reduce') {
      this.pos += name.length;
      const source = this.postfix();
      this.expect('as');
      this.expect('$');
      const v = this.ident();
      if (!v) this.fail();
      this.pos += v.length;
      this.expect('(');
      const init = this.pipe();
      this.expect(';');
      const update = this.pipe();
      this.expect(')');
      return { t: 'reduce', source, name: v, init, update };
    }
    if (KEYWORDS.has(name)) this.fail();
    this.pos += name.length;
    const args: Node[] = [];
    if (this.eat('(')) {
      do args.push(this.pipe());
      while (this.eat(';'));
      this.expect(')');
    }
    return { t: 'call', name, args, at };
  }

  ifThen(): Node {
    this.expect('if');
    const cond = this.pipe();
    this.expect('then');
    const then = this.pipe();
    if (this.eat('elif')) {
      this.pos -= 2; // `elif` reads as `if` nested in the else branch
      return { t: 'if', cond, then, else: this.ifThen() };
    }
    let otherwise: Node | null = null;
    if (this.eat('else')) otherwise = this.pipe();
    this.expect('end');
    return { t: 'if', cond, then, else: otherwise };
  }

  object(): Node {
    this.expect('{');
    const entries: { key: Node; value: Node }[] = [];
    if (this.eat('}')) return { t: 'object', entries };
    do {
      this.ws();
      const c = this.src[this.pos];
      let key: Node;
      let value: Node | null = null;
      if (c === '"') key = this.string(null);
      else if (c === '(') {
        this.pos++;
        key = this.pipe();
        this.expect(')');
      } else if (c === '$') {
        this.pos++;
        const name = this.ident();
        if (!name) this.fail();
        this.pos += name.length;
        key = { t: 'lit', v: name };
        value = { t: 'var', name };
      } else {
        const name = this.ident();
        if (!name) this.fail();
        this.pos += name.length;
        key = { t: 'lit', v: name };
      }
      if (this.eat(':')) {
        // A value may be a pipe (`{a: .b | length}`) but not a `,` list.
        value = this.alt();
        while (this.peekOp('|')) {
          this.pos++;
          value = { t: 'pipe', l: value, r: this.alt() };
        }
      }
      else if (!value) value = { t: 'index', target: { t: 'identity' }, key };
      entries.push({ key, value });
    } while (this.eat(','));
    this.expect('}');
    return { t: 'object', entries };
  }

  /** A string literal at this.pos, with `\(...)` interpolations. */
  string(fmt: string | null): Node {
    this.pos++;
    const parts: (string | Node)[] = [];
    let text = '';
    const s = this.src;
    for (;;) {
      const c = s[this.pos++];
      if (c === undefined) this.fail();
      if (c === '"') break;
      if (c !== '\\') {
        text += c;
        continue;
      }
      const e = s[this.pos++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) text += simple[e];
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.pos, this.pos + 4))) {
        text += String.fromCharCode(parseInt(s.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else if (e === '(') {
        if (text) parts.push(text);
        text = '';
        parts.push(this.pipe());
        this.expect(')');
      } else this.fail();
    }
    if (text || parts.length === 0) parts.push(text);
    if (!fmt && parts.length === 1 && typeof parts[0] === 'string') return { t: 'lit', v: parts[0] };
    return { t: 'str', parts, fmt };
  }
}

export function parseJq(src: string): Node {
  const p = new Parser(src);
  const node = p.pipe();
  p.ws();
  if (p.pos < src.length) p.fail();
  return node;
}

// $((...)) as dash evaluates it: 64-bit signed integers (wrapping; literals saturate as
// strtoimax does), C operator precedence with assignments and ?:, no ++/-- and no comma, and
// the unevaluated side of && || ?: left alone. busybox ash's math adds `**`, ++/-- on
// variables, the comma, BASE#DIGITS and variables whose values are expressions themselves.
// Errors use dash's words: `arithmetic expression: expecting primary: "1+"`.

/** Integer overflow in division: the process must die of SIGFPE, as dash does on x86. */
export class ArithTrap extends Error {
  constructor() {
    super('SIGFPE');
    this.name = 'ArithTrap';
  }
}

export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** A fatal error (never returns). */
  fail(msg: string): never;
  /**
   * busybox ash's math: `**` (power, right-associative, above `*`), ++/--, `,`, BASE#DIGITS,
   * and a variable that is not a number evaluated as an expression; dash has none of them.
   */
  power?: boolean;
}

/** a**b in 64-bit wrapping arithmetic, by squaring (b >= 0). */
function powWrap(a: bigint, b: bigint): bigint {
  let r = 1n;
  let x = BigInt.asUintN(64, a);
  for (let e = b; e > 0n; e >>= 1n) {
    if (e & 1n) r = BigInt.asUintN(64, r * x);
    x = BigInt.asUintN(64, x * x);
  }
  return BigInt.asIntN(64, r);
}

const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);
const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

type Tok = { k: 'num'; v: bigint } | { k: 'var'; name: string } | { k: 'op'; op: string } | { k: 'eof' };

const OPS = ['<<=', '>>=', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '(', ')', '='];

/** strtoimax(s, &end, 0) on a prefix of `s` at `i`: the value (saturated) and where it stopped. */
export function strtoimax(s: string, i: number): { v: bigint; end: number; overflow: boolean } {
  let j = i;
  while (j < s.length && /[ \t\n\v\f\r]/.test(s[j]!)) j++;
  let neg = false;
  if (s[j] === '+' || s[j] === '-') {
    neg = s[j] === '-';
    j++;
  }
  let base = 10;
  let digits = /[0-9]/;
  if (s[j] === '0' && (s[j + 1] === 'x' || s[j + 1] === 'X') && /[0-9a-fA-F]/.test(s[j + 2] ?? '')) {
    base = 16;
    digits = /[0-9a-fA-F]/;
    j += 2;
  } else if (s[j] === '0') {
    base = 8;
    digits = /[0-7]/;
  }
  const start = j;
  let v = 0n;
  while (j < s.length && digits.test(s[j]!)) {
    v = v * BigInt(base) + BigInt(parseInt(s[j]!, base));
    j++;
  }
  if (j === start) return { v: 0n, end: i, overflow: false };
  let overflow = false;
  if (neg) v = -v;
  if (v > MAX) {
    v = MAX;
    overflow = true;
  } else if (v < MIN) {
    v = MIN;
    overflow = true;
  }
  return { v, end: j, overflow };
}

/** A variable's value as a number (dash's atomax(s, 0)); null when it is not one. */
export function varNumber(s: string): bigint | null {
  const r = strtoimax(s, 0);
  if (r.overflow) return null;
  let j = r.end;
  while (j < s.length && /[ \t\n\v\f\r]/.test(s[j]!)) j++;
  if (j < s.length) return null;
  return r.v;
}

function tokenize(expr: string, fail: (m: string) => never, power = false): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (c >= '0' && c <= '9') {
      const based = power ? baseNumber(expr, i) : null;
      if (based) {
        toks.push({ k: 'num', v: based.v });
        i = based.end;
        continue;
      }
      const r = strtoimax(expr, i);
      toks.push({ k: 'num', v: r.v });
      i = r.end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < expr.length && /[A-Za-z0-9_]/.test(expr[j]!)) j++;
      toks.push({ k: 'var', name: expr.slice(i, j) });
      i = j;
      continue;
    }
    if (power && (c === '+' || c === '-') && expr[i + 1] === c) {
      // busybox: `++`/`--` after a variable increments it afterwards, before one beforehand;
      // anywhere else they are two signs (`--5` is 5, `7++` an error).
      const prev = toks[toks.length - 1];
      const after = /^[ \t\n]*([A-Za-z_]?)/.exec(expr.slice(i + 2))![1];
      if (prev?.k === 'var' || after) {
        toks.push({ k: 'op', op: `${prev?.k === 'var' ? 'post' : 'pre'}${c}${c}` });
        i += 2;
        continue;
      }
    }
    const op = power && expr.startsWith('**', i) ? '**' : OPS.find((o) => expr.startsWith(o, i));
    if (!op) {
      // An unknown character: the parser reports it where a primary was expected.
      toks.push({ k: 'op', op: c });
      i++;
      continue;
    }
    toks.push({ k: 'op', op });
    i += op.length;
  }
  void fail;
  toks.push({ k: 'eof' });
  return toks;
}

/** busybox's BASE#DIGITS (bases 2 to 64: 0-9, a-z, A-Z, @, _), null when `#` does not follow. */
function baseNumber(expr: string, i: number): { v: bigint; end: number } | null {
  const m = /^([0-9]+)#([0-9A-Za-z@_]*)/.exec(expr.slice(i));
  if (!m) return null;
  const base = Number(m[1]);
  // An impossible base leaves `#` to the parser, which reports it.
  if (base < 2 || base > 64) return null;
  let v = 0n;
  let n = 0;
  for (const d of m[2]!) {
    let x = d <= '9' ? d.charCodeAt(0) - 48 : d >= 'a' ? d.charCodeAt(0) - 87 : d >= 'A' && d <= 'Z' ? d.charCodeAt(0) - 29 : d === '@' ? 62 : 63;
    // Up to base 36 letters count the same in either case.
    if (base <= 36 && d >= 'A' && d <= 'Z') x -= 26;
    if (x >= base) break;
    v = BigInt.asIntN(64, v * BigInt(base) + BigInt(x));
    n++;
  }
  return { v, end: i + m[1]!.length + 1 + n };
}

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};

const ASSIGN = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);

const tokenCache = new Map<string, Tok[]>();

/** Evaluate `expr`; errors go through env.fail with dash's words. */
export function evalArith(expr: string, env: ArithEnv): bigint {
  const key = env.power ? `**${expr}` : expr;
  let toks = tokenCache.get(key);
  if (!toks) {
    toks = tokenize(expr, (m) => env.fail(m), env.power === true);
    if (tokenCache.size > 1000) tokenCache.clear();
    tokenCache.set(key, toks);
  }
  return new ArithEval(expr, toks, env).run();
}

/** The variables whose values busybox is evaluating as expressions (to catch a loop). */
const evaluating: string[] = [];

/** One evaluation: a recursive-descent walk over the tokens that computes as it parses. */
class ArithEval {
  private pos = 0;
  private noeval = 0;

  constructor(private readonly expr: string, private readonly toks: Tok[], private readonly env: ArithEnv) {}

  run(): bigint {
    const v = this.comma();
    if (this.peek().k !== 'eof') this.fail('expecting EOF');
    return v;
  }

  private fail(msg: string): never {
    return this.env.fail(`arithmetic expression: ${msg}: "${this.expr}"`);
  }

  private peek(): Tok {
    return this.toks[this.pos]!;
  }

  private isOp(t: Tok, op: string): boolean {
    return t.k === 'op' && t.op === op;
  }

  private varValue(name: string): bigint {
    if (this.noeval) return 0n;
    const s = this.env.get(name);
    if (s === undefined || s === '') return 0n;
    const n = varNumber(s);
    if (n !== null) return n;
    if (!this.env.power) this.env.fail(`Illegal number: ${s}`);
    // busybox evaluates the value as an expression of its own.
    if (evaluating.includes(name)) this.env.fail('expression recursion loop detected');
    evaluating.push(name);
    try {
      return evalArith(s, this.env);
    } finally {
      evaluating.pop();
    }
  }

  /** The comma operator (busybox's; dash has none): the value of the last expression. */
  private comma(): bigint {
    let v = this.assignment();
    while (this.env.power && this.isOp(this.peek(), ',')) {
      this.pos++;
      v = this.assignment();
    }
    return v;
  }

  /** busybox's ++/-- on the variable `name`: the new value, or (`post`) the old one. */
  private step(name: string, op: string): bigint {
    const old = this.varValue(name);
    const v = wrap(op.endsWith('++') ? old + 1n : old - 1n);
    if (!this.noeval) this.env.set(name, v.toString());
    return op.startsWith('post') ? old : v;
  }

  private binop(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '*': return wrap(a * b);
      case '**':
        if (b < 0n) this.fail('exponent less than 0');
        return powWrap(a, b);
      case '/': case '%':
        if (b === 0n) {
          if (this.noeval) return 0n;
          this.fail('division by zero');
        }
        // The CPU traps on this one (idiv overflow): dash dies of SIGFPE.
        if (a === MIN && b === -1n) {
          if (this.noeval) return 0n;
          throw new ArithTrap();
        }
        return op === '/' ? a / b : a % b;
      case '<<': return wrap(a << (b & 63n));
      case '>>': return a >> (b & 63n);
      case '<': return a < b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '&': return a & b;
      case '^': return a ^ b;
      case '|': return a | b;
    }
    return 0n;
  }

  private primary(): bigint {
    const t = this.peek();
    if (t.k === 'num') {
      this.pos++;
      return t.v;
    }
    if (t.k === 'var') {
      this.pos++;
      const next = this.peek();
      if (next.k === 'op' && (next.op === 'post++' || next.op === 'post--')) {
        this.pos++;
        return this.step(t.name, next.op);
      }
      if (next.k === 'op' && ASSIGN.has(next.op)) {
        this.pos++;
        const rhs = this.assignment();
        const v = next.op === '=' ? rhs : this.binop(next.op.slice(0, -1), this.varValue(t.name), rhs);
        if (!this.noeval) this.env.set(t.name, v.toString());
        return v;
      }
      return this.varValue(t.name);
    }
    if (t.k === 'op') {
      switch (t.op) {
        case 'pre++': case 'pre--': {
          const v = this.toks[this.pos + 1]!;
          if (v.k !== 'var') break;
          this.pos += 2;
          return this.step(v.name, t.op);
        }
        case '(': {
          this.pos++;
          const v = this.comma();
          if (!this.isOp(this.peek(), ')')) this.fail("expecting ')'");
          this.pos++;
          return v;
        }
        case '-': this.pos++; return wrap(-this.primary());
        case '+': this.pos++; return this.primary();
        case '!': this.pos++; return this.primary() === 0n ? 1n : 0n;
        case '~': this.pos++; return ~this.primary();
      }
    }
    return this.fail('expecting primary');
  }

  private binary(minPrec: number): bigint {
    let a = this.primary();
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op') return a;
      const prec = BINARY[t.op];
      if (prec === undefined || prec < minPrec) return a;
      this.pos++;
      if (t.op === '&&' || t.op === '||') {
        const decided = t.op === '&&' ? a === 0n : a !== 0n;
        if (decided) this.noeval++;
        const b = this.binary(prec + 1);
        if (decided) this.noeval--;
        a = decided ? (t.op === '&&' ? 0n : 1n) : b !== 0n ? 1n : 0n;
        continue;
      }
      // `**` groups to the right: 2**3**2 is 2**9.
      a = this.binop(t.op, a, this.binary(t.op === '**' ? prec : prec + 1));
    }
  }

  private ternary(): bigint {
    const c = this.binary(1);
    if (!this.isOp(this.peek(), '?')) return c;
    this.pos++;
    if (c === 0n) this.noeval++;
    const a = this.assignment();
    if (c === 0n) this.noeval--;
    if (!this.isOp(this.peek(), ':')) this.fail("expecting ':'");
    this.pos++;
    if (c !== 0n) this.noeval++;
    const b = this.ternary();
    if (c !== 0n) this.noeval--;
    return c !== 0n ? a : b;
  }

  private assignment(): bigint {
    return this.ternary();
  }
}

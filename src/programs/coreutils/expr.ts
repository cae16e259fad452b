// expr (GNU coreutils): evaluate an expression given as separate arguments and print its
// value. Operators, loosest first: | & (short-circuit), < <= = == != >= >, + -, * / %, and
// `STRING : REGEX` (an anchored BRE: the \(group\) it captured, or how many characters matched),
// then match, substr, index, length and `+ TOKEN`. Integers are arbitrary precision.
// Exit status: 0 for a non-null, non-zero value, 1 otherwise, 2 for bad expressions, 3 for errors.

import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText, versionText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { compileRegex, RegexError } from '../lib/regex.ts';
import { guardOutput, tryHelp } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'expr', package: 'GNU coreutils', version: '9.1',
  exitFailure: 3,
  usage: ['EXPRESSION', 'OPTION'],
  summary: 'Print the value of EXPRESSION. Each operator and operand is a separate argument:\n' +
    '  A | B  A if it is neither null nor 0, else B     A & B  A if neither is null or 0, else 0\n' +
    '  A < B, A <= B, A = B, A != B, A >= B, A > B      1 or 0; numbers compare as numbers\n' +
    '  A + B, A - B, A * B, A / B, A % B                 integer arithmetic\n' +
    '  STRING : REGEX, match STRING REGEX              anchored match: the \\(group\\) or the length\n' +
    '  substr STRING POS LENGTH, index STRING CHARS, length STRING, + TOKEN, ( EXPRESSION )\n' +
    'The exit status is 0 if EXPRESSION is neither null nor 0, 1 if it is, 2 if it is invalid,\n3 if an error occurred.',
  options: [],
};

type Value = bigint | string;

class ExprError extends Error {
  constructor(message: string, readonly status = 2) {
    super(message);
  }
}

const isIntegerText = (s: string): boolean => /^-?[0-9]+$/.test(s);

function isNull(v: Value): boolean {
  if (typeof v === 'bigint') return v === 0n;
  return v === '' || /^-?0+$/.test(v);
}

function toInt(v: Value): bigint | null {
  if (typeof v === 'bigint') return v;
  return isIntegerText(v) ? BigInt(v) : null;
}

const str = (v: Value): string => (typeof v === 'bigint' ? v.toString() : v);

class Parser {
  private i = 0;
  constructor(private readonly args: string[], private readonly utf8: boolean) {}

  done(): boolean {
    return this.i >= this.args.length;
  }

  current(): string | undefined {
    return this.args[this.i];
  }

  private next(word: string): boolean {
    if (this.args[this.i] === word) {
      this.i++;
      return true;
    }
    return false;
  }

  private requireMore(): void {
    if (this.done()) throw new ExprError(`syntax error: missing argument after ${quote(this.args[this.i - 1]!)}`);
  }

  private chars(s: string): string[] {
    if (this.utf8) return [...s];
    // One element per byte in the C locale.
    return Array.from(utf8Encode(s), (b) => String.fromCharCode(b));
  }

  /** A | B */
  or(evaluate: boolean): Value {
    let l = this.and(evaluate);
    while (this.next('|')) {
      const r = this.and(evaluate && isNull(l));
      if (evaluate && isNull(l)) l = isNull(r) ? 0n : r;
    }
    return l;
  }

  private and(evaluate: boolean): Value {
    let l = this.compare(evaluate);
    while (this.next('&')) {
      const r = this.compare(evaluate && !isNull(l));
      if (evaluate && (isNull(l) || isNull(r))) l = 0n;
    }
    return l;
  }

  private compare(evaluate: boolean): Value {
    let l = this.sum(evaluate);
    for (;;) {
      const op = ['<', '<=', '=', '==', '!=', '>=', '>'].find((o) => this.next(o));
      if (!op) return l;
      const r = this.sum(evaluate);
      if (!evaluate) continue;
      const a = str(l);
      const b = str(r);
      const cmp = isIntegerText(a) && isIntegerText(b) ? (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0) : a < b ? -1 : a > b ? 1 : 0;
      const yes = op === '<' ? cmp < 0 : op === '<=' ? cmp <= 0 : op === '=' || op === '==' ? cmp === 0 : op === '!=' ? cmp !== 0 : op === '>=' ? cmp >= 0 : cmp > 0;
      l = yes ? 1n : 0n;
    }
  }

  private sum(evaluate: boolean): Value {
    let l = this.product(evaluate);
    for (;;) {
      const op = this.next('+') ? '+' : this.next('-') ? '-' : null;
      if (!op) return l;
      const r = this.product(evaluate);
      if (!evaluate) continue;
      const a = toInt(l);
      const b = toInt(r);
      if (a === null || b === null) throw new ExprError('non-integer argument');
      l = op === '+' ? a + b : a - b;
    }
  }

  private product(evaluate: boolean): Value {
    let l = this.colon(evaluate);
    for (;;) {
      const op = this.next('*') ? '*' : this.next('/') ? '/' : this.next('%') ? '%' : null;
      if (!op) return l;
      const r = this.colon(evaluate);
      if (!evaluate) continue;
      const a = toInt(l);
      const b = toInt(r);
      if (a === null || b === null) throw new ExprError('non-integer argument');
      if (op !== '*' && b === 0n) throw new ExprError('division by zero');
      l = op === '*' ? a * b : op === '/' ? a / b : a % b;
    }
  }

  private colon(evaluate: boolean): Value {
    let l = this.unary(evaluate);
    while (this.next(':')) {
      const r = this.unary(evaluate);
      if (evaluate) l = this.match(str(l), str(r));
    }
    return l;
  }

  private unary(evaluate: boolean): Value {
    if (this.next('+')) {
      this.requireMore();
      return this.args[this.i++]!;
    }
    if (this.next('length')) {
      const r = this.unary(evaluate);
      return BigInt(this.chars(str(r)).length);
    }
    if (this.next('match')) {
      const l = this.unary(evaluate);
      const r = this.unary(evaluate);
      return evaluate ? this.match(str(l), str(r)) : 0n;
    }
    if (this.next('index')) {
      const l = this.chars(str(this.unary(evaluate)));
      const set = new Set(this.chars(str(this.unary(evaluate))));
      return BigInt(l.findIndex((c) => set.has(c)) + 1);
    }
    if (this.next('substr')) {
      const s = this.chars(str(this.unary(evaluate)));
      const p = toInt(this.unary(evaluate));
      const n = toInt(this.unary(evaluate));
      if (p === null || n === null) return '';
      const max = 2n ** 64n - 1n;
      const pos = p < 0n || p > max ? max : p;
      const len = n < 0n || n > max ? max : n;
      if (BigInt(s.length) < pos || pos === 0n || len === 0n || len === max) return '';
      const start = Number(pos) - 1;
      return s.slice(start, start + Number(len < BigInt(s.length) ? len : BigInt(s.length))).join('');
    }
    return this.primary(evaluate);
  }

  private primary(evaluate: boolean): Value {
    this.requireMore();
    if (this.next('(')) {
      this.requireMore();
      const v = this.or(evaluate);
      if (this.next(')')) return v;
      if (this.done()) throw new ExprError(`syntax error: expecting ')' after ${quote(this.args[this.i - 1]!)}`);
      throw new ExprError(`syntax error: expecting ')' instead of ${quote(this.args[this.i]!)}`);
    }
    if (this.next(')')) throw new ExprError("syntax error: unexpected ')'");
    return this.args[this.i++]!;
  }

  /** STRING : REGEX, anchored at the start of STRING. */
  private match(s: string, pattern: string): Value {
    let m;
    try {
      m = compileRegex(this.utf8 ? pattern : this.chars(pattern).join(''), { syntax: 'basic', dialect: 'sed', utf8: this.utf8 });
    } catch (e) {
      if (e instanceof RegexError) throw new ExprError(e.message);
      throw e;
    }
    const text = this.utf8 ? s : this.chars(s).join('');
    const found = m.exec(text, 0);
    const hit = found && found.index === 0 ? found : null;
    if (m.groups > 0) {
      const g = hit?.[1];
      if (g === undefined) return '';
      return this.utf8 ? g : utf8Decode(Uint8Array.from(g, (c) => c.charCodeAt(0)));
    }
    return hit ? BigInt(this.utf8 ? [...hit[0]].length : hit[0].length) : 0n;
  }
}

export default function expr(sys: Sys): Promise<number> {
  return guardOutput(sys, 'expr', 3, () => run(sys));
}

async function run(sys: Sys): Promise<number> {
  let args = sys.argv.slice(1);
  // Only a lone --help/--version (or an abbreviation) is an option; "--" first is skipped.
  if (args.length === 1 && /^--.+/.test(args[0]!)) {
    if ('--help'.startsWith(args[0]!) && args[0]!.length > 2 && !'--version'.startsWith(args[0]!)) {
      await sys.writeAll(1, helpText(meta));
      return 0;
    }
    if ('--version'.startsWith(args[0]!) && !'--help'.startsWith(args[0]!)) {
      await sys.writeAll(1, versionText(meta));
      return 0;
    }
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    await sys.writeAll(2, `expr: missing operand\n${tryHelp(meta)}`);
    return 2;
  }
  const p = new Parser(args, localeIsUtf8((n) => sys.getenv(n)));
  try {
    const v = p.or(true);
    if (!p.done()) throw new ExprError(`syntax error: unexpected argument ${quote(p.current()!)}`);
    await sys.writeAll(1, `${str(v)}\n`);
    return isNull(v) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    await sys.writeAll(2, `expr: ${e.message}\n`);
    return e.status;
  }
}

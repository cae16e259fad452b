// busybox ash's `[[ EXPR ]]`: not bash's keyword but the `test` applet run in its [[ mode, so the
// words arrive split and globbed like any command's (only `&&` and `||` reach it as words, see
// the parser). In that mode `&&`/`||` join expressions (-a/-o are plain operands), `=`/`==`/`!=`
// match the right side as a glob pattern (fnmatch, no flags), and `=~` matches a POSIX extended
// regular expression (a bad one gives status 2 and no message). The grammar is busybox's
// test.c: oexpr/aexpr/nexpr/primary, a binary operator read before a unary one.

import { compileRegex, RegexError } from '../lib/regex.ts';
import { fnmatch } from '../lib/fnmatch.ts';
import { filstat, statOf } from './builtins/test.ts';
import { ShellError } from './errors.ts';
import type { Shell } from './shell.ts';
import { isTerminal } from './tty.ts';

type Kind = 'unop' | 'binop' | 'not' | 'and' | 'or' | 'lparen' | 'rparen';

/** busybox's ops_table as [[ sees it. */
const OPS: Record<string, Kind> = {
  '-r': 'unop', '-w': 'unop', '-x': 'unop', '-e': 'unop', '-f': 'unop', '-d': 'unop', '-c': 'unop',
  '-b': 'unop', '-p': 'unop', '-u': 'unop', '-g': 'unop', '-k': 'unop', '-s': 'unop', '-t': 'unop',
  '-z': 'unop', '-n': 'unop', '-h': 'unop', '-O': 'unop', '-G': 'unop', '-L': 'unop', '-S': 'unop',
  '=': 'binop', '==': 'binop', '!=': 'binop', '<': 'binop', '>': 'binop', '=~': 'binop',
  '-eq': 'binop', '-ne': 'binop', '-ge': 'binop', '-gt': 'binop', '-le': 'binop', '-lt': 'binop',
  '-nt': 'binop', '-ot': 'binop', '-ef': 'binop',
  '!': 'not', '&&': 'and', '||': 'or', '(': 'lparen', ')': 'rparen',
};

/** test.c's syntax(): the message, then status 2 (the shell goes on: [[ is a regular builtin). */
class TestFailure extends Error {
  constructor(readonly text: string | null) {
    super(text ?? 'test failure');
  }
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** test.c's getn: strtoll with surrounding blanks allowed, else "bad number"/"out of range". */
function getn(s: string): bigint {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)[ \t\n\v\f\r]*$/.exec(s);
  if (!m) throw new TestFailure(s === '' ? 'bad number' : `${s}: bad number`);
  const v = BigInt(m[1]!);
  if (v > INT64_MAX || v < INT64_MIN) throw new TestFailure(`${s}: out of range`);
  return v;
}

class DoubleBracket {
  /** Index of the current word (test.c's args pointer). */
  i = 0;

  constructor(private readonly sh: Shell, private readonly args: string[]) {}

  private kind(i: number): Kind | 'operand' | 'eoi' {
    const s = this.args[i];
    if (s === undefined) return 'eoi';
    return OPS[s] ?? 'operand';
  }

  async oexpr(): Promise<boolean> {
    const res = await this.aexpr();
    if (this.kind(++this.i) === 'or') {
      this.i++;
      return (await this.oexpr()) || res;
    }
    this.i--;
    return res;
  }

  private async aexpr(): Promise<boolean> {
    const res = await this.nexpr();
    if (this.kind(++this.i) === 'and') {
      this.i++;
      return (await this.aexpr()) && res;
    }
    this.i--;
    return res;
  }

  private async nexpr(): Promise<boolean> {
    if (this.kind(this.i) === 'not') {
      // `!` with nothing after it is true, as `[ ! ]` is.
      if (this.kind(++this.i) === 'eoi') {
        this.i--;
        return true;
      }
      return !(await this.nexpr());
    }
    return this.primary();
  }

  private async primary(): Promise<boolean> {
    const n = this.kind(this.i);
    if (n === 'eoi') throw new TestFailure('argument expected');
    if (n === 'lparen') {
      this.i++;
      const res = await this.oexpr();
      if (this.kind(++this.i) !== 'rparen') throw new TestFailure('closing paren expected');
      return res;
    }
    // Like coreutils, a binary operator in second place wins over a unary one in first.
    if (this.args[this.i + 2] !== undefined && this.kind(this.i + 1) === 'binop') return this.binop();
    if (n === 'unop') {
      const op = this.args[this.i]!;
      const arg = this.args[this.i + 1];
      // With nothing after it the operator is just a word, and not an empty one.
      if (arg === undefined) return true;
      this.i++;
      if (op === '-z') return arg === '';
      if (op === '-n') return arg !== '';
      if (op === '-t') return isTerminal(this.sh, Number(getn(arg)));
      return filstat(this.sh, arg, op);
    }
    if (this.kind(this.i + 1) === 'binop') return this.binop();
    return this.args[this.i] !== '';
  }

  private async binop(): Promise<boolean> {
    const a = this.args[this.i]!;
    const op = this.args[++this.i]!;
    const b = this.args[++this.i];
    if (b === undefined) throw new TestFailure(`${op}: argument expected`);
    switch (op) {
      case '-eq': return getn(a) === getn(b);
      case '-ne': return getn(a) !== getn(b);
      case '-ge': return getn(a) >= getn(b);
      case '-gt': return getn(a) > getn(b);
      case '-le': return getn(a) <= getn(b);
      case '-lt': return getn(a) < getn(b);
      case '=': case '==': return fnmatch(b, a);
      case '!=': return !fnmatch(b, a);
      case '<': return a < b;
      case '>': return a > b;
      case '=~': return regexMatch(a, b);
    }
    // -nt, -ot, -ef: both files must exist.
    const sa = await statOf(this.sh, a, false);
    const sb = await statOf(this.sh, b, false);
    if (sa === null || sb === null) return false;
    if (op === '-nt') return sa.mtimeNs > sb.mtimeNs;
    if (op === '-ot') return sa.mtimeNs < sb.mtimeNs;
    return sa.dev === sb.dev && sa.ino === sb.ino;
  }
}

/** regcomp(REG_EXTENDED) + regexec: a pattern regcomp refuses ends [[ with status 2, silently. */
function regexMatch(text: string, pattern: string): boolean {
  let m;
  try {
    m = compileRegex(pattern, { syntax: 'extended', dialect: 'regcomp' });
  } catch (e) {
    if (e instanceof RegexError) throw new TestFailure(null);
    throw e;
  }
  return m.test(text);
}

/** test_main with argv[0] "[[": the closing `]]`, POSIX's special cases, then the grammar. */
export async function doubleBracket(sh: Shell, argv: string[]): Promise<number> {
  if (argv.length < 2 || argv[argv.length - 1] !== ']]') sh.error('missing ]]');
  const args = argv.slice(1, -1);
  try {
    let negate = false;
    let from = 0;
    for (;;) {
      const rest = args.slice(from);
      if (rest.length === 0) return negate ? 0 : 1;
      if (rest.length === 1) return (rest[0] === '') !== negate ? 1 : 0;
      if (rest.length === 3 && OPS[rest[1]!] === 'binop') {
        const t = new DoubleBracket(sh, rest);
        return (await t.oexpr()) !== negate ? 0 : 1;
      }
      if (rest[0] === '!' && rest.length <= 4) {
        negate = !negate;
        from++;
        continue;
      }
      break;
    }
    const rest = args.slice(from);
    const t = new DoubleBracket(sh, rest);
    const res = await t.oexpr();
    if (rest[t.i] !== undefined && rest[t.i + 1] !== undefined) throw new TestFailure(`${rest[t.i + 1]}: unknown operand`);
    return res !== negate ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestFailure)) throw e;
    if (e.text === null) throw new ShellError(2);
    return sh.error(e.text);
  }
}

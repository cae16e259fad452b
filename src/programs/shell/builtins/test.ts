// test and [, as dash's test.c: POSIX's rules for 1 to 4 arguments, then the grammar
// oexpr/aexpr/nexpr/primary with -a binding tighter than -o; file tests go through stat,
// lstat and access; bad numbers are "Illegal number" and leftovers "unexpected operator".

import { isSysError } from '../../../abi/errno.ts';
import { R_OK, W_OK, X_OK } from '../../../abi/open-flags.ts';
import { S_IFMT, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG, S_IFSOCK, type Stat } from '../../../abi/stat.ts';
import { varNumber } from '../arith.ts';
import { defineBuiltin } from '../builtin-table.ts';
import { fromBytes } from '../bytes.ts';
import type { Shell } from '../shell.ts';
import { isTerminal } from '../tty.ts';

type OpType = 'unop' | 'binop' | 'bunop' | 'bbinop' | 'paren';

const OPS: Record<string, OpType> = {
  '-r': 'unop', '-w': 'unop', '-x': 'unop', '-e': 'unop', '-f': 'unop', '-d': 'unop', '-c': 'unop',
  '-b': 'unop', '-p': 'unop', '-u': 'unop', '-g': 'unop', '-k': 'unop', '-s': 'unop', '-t': 'unop',
  '-z': 'unop', '-n': 'unop', '-h': 'unop', '-L': 'unop', '-S': 'unop', '-O': 'unop', '-G': 'unop',
  '=': 'binop', '!=': 'binop', '<': 'binop', '>': 'binop', '-eq': 'binop', '-ne': 'binop', '-ge': 'binop',
  '-gt': 'binop', '-le': 'binop', '-lt': 'binop', '-nt': 'binop', '-ot': 'binop', '-ef': 'binop',
  '!': 'bunop', '-a': 'bbinop', '-o': 'bbinop', '(': 'paren', ')': 'paren',
};

/** busybox's test (ash's `[`) also takes `==` for `=`. */
function opType(sh: Shell, s: string): OpType | undefined {
  return s === '==' && sh.dialect.bashSyntax ? 'binop' : OPS[s];
}

const EOI = Symbol('eoi');
type Tok = string | typeof EOI | 'OPERAND';

class Test {
  wp = 0;
  /** The operator the last t_lex found (null for an operand). */
  op: string | null = null;
  constructor(private readonly sh: Shell, private readonly argv: string[]) {}

  syntax(op: string | null, msg: string): never {
    this.sh.error(op ? `${op}: ${msg}` : msg);
  }

  isoperand(i: number): boolean {
    const s = this.argv[i + 1];
    if (s === undefined) return true;
    if (this.argv[i + 2] === undefined) return false;
    return opType(this.sh, s) === 'binop';
  }

  lex(i: number): Tok {
    const s = this.argv[i];
    if (s === undefined) {
      this.op = null;
      return EOI;
    }
    const t = opType(this.sh, s);
    if (t && !(t === 'unop' && this.isoperand(i)) && !(s === '(' && this.argv[i + 1] === undefined)) {
      this.op = s;
      return s;
    }
    this.op = null;
    return 'OPERAND';
  }

  async oexpr(n: Tok): Promise<boolean> {
    let res = false;
    for (;;) {
      if (await this.aexpr(n)) res = true;
      n = this.lex(this.wp + 1);
      if (n !== '-o') break;
      this.wp += 2;
      n = this.lex(this.wp);
    }
    return res;
  }

  async aexpr(n: Tok): Promise<boolean> {
    let res = true;
    for (;;) {
      if (!(await this.nexpr(n))) res = false;
      n = this.lex(this.wp + 1);
      if (n !== '-a') break;
      this.wp += 2;
      n = this.lex(this.wp);
    }
    return res;
  }

  async nexpr(n: Tok): Promise<boolean> {
    if (n === '!') {
      // busybox: a `!` with nothing after it is the string "!" (`[ a -a ! ]` is true).
      if (this.argv[this.wp + 1] === undefined && this.sh.dialect.testRules === 'posix') return true;
      return !(await this.nexpr(this.lex(++this.wp)));
    }
    return this.primary(n);
  }

  async primary(n: Tok): Promise<boolean> {
    if (n === EOI) {
      if (this.sh.dialect.testRules === 'dash') return false; // dash: a missing expression is false
      this.syntax(null, 'argument expected');
    }
    if (n === '(') {
      const res = await this.oexpr(this.lex(++this.wp));
      if (this.lex(++this.wp) !== ')') this.syntax(null, 'closing paren expected');
      return res;
    }
    if (this.op && opType(this.sh, this.op) === 'unop') {
      const op = this.op;
      const arg = this.argv[++this.wp];
      if (arg === undefined) this.syntax(op, 'argument expected');
      if (op === '-z') return arg.length === 0;
      if (op === '-n') return arg.length !== 0;
      if (op === '-t') return isTerminal(this.sh, Number(getn(this.sh, arg)));
      return filstat(this.sh, arg, op);
    }
    this.lex(this.wp + 1);
    if (this.op && opType(this.sh, this.op) === 'binop') return this.binop();
    return this.argv[this.wp]!.length > 0;
  }

  async binop(): Promise<boolean> {
    const a = this.argv[this.wp]!;
    this.lex(++this.wp);
    const op = this.op!;
    const b = this.argv[++this.wp];
    if (b === undefined) this.syntax(op, 'argument expected');
    const sh = this.sh;
    switch (op) {
      case '=': case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return getn(sh, a) === getn(sh, b);
      case '-ne': return getn(sh, a) !== getn(sh, b);
      case '-ge': return getn(sh, a) >= getn(sh, b);
      case '-gt': return getn(sh, a) > getn(sh, b);
      case '-le': return getn(sh, a) <= getn(sh, b);
      case '-lt': return getn(sh, a) < getn(sh, b);
      case '-nt': case '-ot': {
        const sa = await statOf(sh, a, false);
        const sb = await statOf(sh, b, false);
        // dash 0.5.12 compares only when both files exist.
        if (sa === null || sb === null) return false;
        return op === '-nt' ? sa.mtimeNs > sb.mtimeNs : sa.mtimeNs < sb.mtimeNs;
      }
      case '-ef': {
        const sa = await statOf(sh, a, false);
        const sb = await statOf(sh, b, false);
        return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
      }
    }
    return false;
  }
}

/** A decimal integer operand (leading blanks and sign allowed), or "Illegal number". */
function getn(sh: Shell, s: string): bigint {
  const v = /^[ \t\n\v\f\r]*[+-]?[0-9]/.test(s) && !/^[ \t\n\v\f\r]*[+-]?0[xX]/.test(s) ? varNumber(s.replace(/^([ \t\n\v\f\r]*[+-]?)0+(?=[0-9])/, '$1')) : null;
  if (v === null) sh.error(`Illegal number: ${s}`);
  return v;
}

export async function statOf(sh: Shell, path: string, link: boolean): Promise<Stat | null> {
  try {
    return link ? await sh.sys.lstat(fromBytes(path)) : await sh.sys.stat(fromBytes(path));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
}

export async function filstat(sh: Shell, path: string, op: string): Promise<boolean> {
  if (op === '-r' || op === '-w' || op === '-x') {
    try {
      await sh.sys.access(fromBytes(path), op === '-r' ? R_OK : op === '-w' ? W_OK : X_OK);
      return true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return false;
    }
  }
  const st = await statOf(sh, path, op === '-h' || op === '-L');
  if (!st) return false;
  const type = st.mode & S_IFMT;
  switch (op) {
    case '-e': return true;
    case '-f': return type === S_IFREG;
    case '-d': return type === S_IFDIR;
    case '-c': return type === S_IFCHR;
    case '-b': return type === S_IFBLK;
    case '-p': return type === S_IFIFO;
    case '-h': case '-L': return type === S_IFLNK;
    case '-S': return type === S_IFSOCK;
    case '-u': return (st.mode & 0o4000) !== 0;
    case '-g': return (st.mode & 0o2000) !== 0;
    case '-k': return (st.mode & 0o1000) !== 0;
    case '-s': return st.size > 0;
    case '-O': return st.uid === (await sh.sys.geteuid());
    case '-G': return st.gid === (await sh.sys.getegid());
  }
  return false;
}

async function testcmd(sh: Shell, argv: string[]): Promise<number> {
  let args = argv.slice();
  if (args[0] === '[') {
    if (args[args.length - 1] !== ']') sh.error('missing ]');
    args = args.slice(0, -1);
  }
  let res = 1;
  let i = 1;
  for (;;) {
    const rest = args.slice(i);
    const argc = rest.length;
    if (argc < 1) return 1;
    // One argument: true when it is not empty, whatever it looks like.
    if (argc === 1) return res ^ (rest[0] !== '' ? 1 : 0);
    // POSIX's two arguments `! ARG`: true when ARG is empty.
    if (argc === 2 && rest[0] === '!' && sh.dialect.testRules === 'posix') return res ^ (rest[1] !== '' ? 0 : 1);
    const t = new Test(sh, rest);
    let n: Tok | null = null;
    if (argc === 3 && opType(sh, rest[1]!) === 'binop') {
      t.op = null;
      n = 'OPERAND';
    } else if ((argc === 3 || argc === 4) && rest[0] === '(' && rest[argc - 1] === ')') {
      const inner = rest.slice(1, -1);
      const t2 = new Test(sh, inner);
      const r = await t2.oexpr(t2.lex(0));
      if (inner[t2.wp] !== undefined && inner[t2.wp + 1] !== undefined) sh.error(sh.dialect.testLeftover(inner[t2.wp]!, inner[t2.wp + 1]!));
      return res ^ (r ? 1 : 0);
    } else if ((argc === 3 || argc === 4) && rest[0] === '!') {
      res = sh.dialect.testRules === 'dash' ? 0 : res ^ 1;
      i++;
      continue;
    }
    if (n === null) n = t.lex(0);
    const r = await t.oexpr(n);
    if (rest[t.wp] !== undefined && rest[t.wp + 1] !== undefined) sh.error(sh.dialect.testLeftover(rest[t.wp]!, rest[t.wp + 1]!));
    return res ^ (r ? 1 : 0);
  }
}

defineBuiltin('test', false, testcmd);
defineBuiltin('[', false, testcmd);

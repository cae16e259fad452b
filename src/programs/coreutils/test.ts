// test and [ (GNU coreutils): evaluate a condition for its exit status: 0 true, 1 false, 2 for
// a malformed expression. One to four arguments follow POSIX's table (so `test -n` and
// `test ! -z` mean what POSIX says); longer expressions are parsed with ! ( ) -a -o, -a binding
// tighter. File tests follow symlinks except -h/-L. Run as `[`, the last argument must be `]`,
// and --help/--version work (alone); `test` treats them as strings. Messages name argv[0].

import { isSysError } from '../../abi/errno.ts';
import { R_OK, W_OK, X_OK } from '../../abi/open-flags.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID, S_ISVTX, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText, versionText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { guardOutput } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'test', package: 'GNU coreutils', version: '9.1',
  usage: ['EXPRESSION', '', '[ EXPRESSION ]', '[ ]', '[ OPTION'],
  summary: 'Exit with status 0 if EXPRESSION is true, 1 if it is false (or omitted), 2 if it is malformed.\n' +
    '  ( EXPR )  ! EXPR  EXPR1 -a EXPR2  EXPR1 -o EXPR2       grouping, not, and, or\n' +
    '  -n STRING  -z STRING  STRING  S1 = S2  S1 != S2        strings (STRING alone: not empty)\n' +
    '  N1 -eq N2  -ne  -lt  -le  -gt  -ge                    integers (-l STRING is its length)\n' +
    '  F1 -ef F2  F1 -nt F2  F1 -ot F2                       same file, newer, older\n' +
    '  -b -c -d -e -f -g -G -h -k -L -N -O -p -r -s -S -u -w -x FILE, -t FD   file tests',
  options: [],
  standardOptions: false,
};

class TestError extends Error {}

const BINOPS = new Set(['=', '!=', '==', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const UNOPS = new Set('bcdefghknprstuwxzGLOSN'.split(''));

function isUnop(s: string): boolean {
  return s.length === 2 && s[0] === '-' && UNOPS.has(s[1]!);
}

/** find_int: blanks, an optional sign, digits, blanks; the number as text without '+'. */
function findInt(s: string): bigint {
  const m = /^[ \t]*(\+?)(-?[0-9]+)[ \t]*$/.exec(s);
  if (!m || (m[1] && m[2]!.startsWith('-'))) throw new TestError(`invalid integer ${quote(s)}`);
  return BigInt(m[2]!);
}

class Evaluator {
  private pos = 1;
  constructor(private readonly sys: Sys, private readonly argv: string[], private readonly argc: number) {}

  private arg(i: number): string | undefined {
    return i < this.argc ? this.argv[i] : undefined;
  }

  private beyond(): never {
    throw new TestError(`missing argument after ${quote(this.argv[this.argc - 1]!)}`);
  }

  private advance(f: boolean): void {
    this.pos++;
    if (f && this.pos >= this.argc) this.beyond();
  }

  private async stat(name: string, follow = true): Promise<Stat | null> {
    try {
      return follow ? await this.sys.stat(name) : await this.sys.lstat(name);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return null;
    }
  }

  private async access(name: string, mode: number): Promise<boolean> {
    try {
      await this.sys.access(name, mode);
      return true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return false;
    }
  }

  async run(): Promise<boolean> {
    if (this.pos >= this.argc) return false;
    const value = await this.posix(this.argc - 1);
    if (this.pos !== this.argc) throw new TestError(`extra argument ${quote(this.argv[this.pos]!)}`);
    return value;
  }

  private async posix(nargs: number): Promise<boolean> {
    const a = this.argv;
    const p = this.pos;
    switch (nargs) {
      case 1:
        return this.one();
      case 2:
        return this.two();
      case 3:
        return this.three();
      case 4:
        if (a[p] === '!') {
          this.advance(true);
          return !(await this.three());
        }
        if (a[p] === '(' && this.arg(p + 3) === ')') {
          this.advance(false);
          const v = await this.two();
          this.advance(false);
          return v;
        }
        return this.expr();
      default:
        return this.expr();
    }
  }

  private one(): boolean {
    return this.argv[this.pos++] !== '';
  }

  private async two(): Promise<boolean> {
    const s = this.argv[this.pos]!;
    if (s === '!') {
      this.advance(false);
      return !this.one();
    }
    if (s[0] === '-' && s.length === 2) {
      if (isUnop(s)) return this.unary();
      throw new TestError(`${quote(s)}: unary operator expected`);
    }
    this.beyond();
  }

  private async three(): Promise<boolean> {
    const p = this.pos;
    const a = this.argv;
    if (BINOPS.has(a[p + 1]!)) return this.binary(false);
    if (a[p] === '!') {
      this.advance(true);
      return !(await this.two());
    }
    if (a[p] === '(' && a[p + 2] === ')') {
      this.advance(false);
      const v = this.one();
      this.advance(false);
      return v;
    }
    if (a[p + 1] === '-a' || a[p + 1] === '-o') return this.expr();
    throw new TestError(`${quote(a[p + 1]!)}: binary operator expected`);
  }

  private async expr(): Promise<boolean> {
    if (this.pos >= this.argc) this.beyond();
    return this.or();
  }

  private async or(): Promise<boolean> {
    let value = false;
    for (;;) {
      value = (await this.and()) || value;
      if (!(this.pos < this.argc && this.argv[this.pos] === '-o')) return value;
      this.advance(false);
    }
  }

  private async and(): Promise<boolean> {
    let value = true;
    for (;;) {
      value = (await this.term()) && value;
      if (!(this.pos < this.argc && this.argv[this.pos] === '-a')) return value;
      this.advance(false);
    }
  }

  private async term(): Promise<boolean> {
    const a = this.argv;
    let negated = false;
    while (this.pos < this.argc && a[this.pos] === '!') {
      this.advance(true);
      negated = !negated;
    }
    if (this.pos >= this.argc) this.beyond();
    let value: boolean;
    const s = a[this.pos]!;
    if (s === '(') {
      this.advance(true);
      let nargs = 1;
      for (; this.pos + nargs < this.argc && a[this.pos + nargs] !== ')'; nargs++) {
        if (nargs === 4) {
          nargs = this.argc - this.pos;
          break;
        }
      }
      value = await this.posix(nargs);
      const close = this.arg(this.pos);
      if (close === undefined) throw new TestError("')' expected");
      if (close !== ')') throw new TestError(`')' expected, found ${quote(close)}`);
      this.advance(false);
    } else if (this.argc - this.pos >= 4 && s === '-l' && BINOPS.has(a[this.pos + 2]!)) value = await this.binary(true);
    else if (this.argc - this.pos >= 3 && BINOPS.has(a[this.pos + 1]!)) value = await this.binary(false);
    else if (s[0] === '-' && s.length === 2) {
      if (!isUnop(s)) throw new TestError(`${quote(s)}: unary operator expected`);
      value = await this.unary();
    } else {
      value = s !== '';
      this.advance(false);
    }
    return negated !== value;
  }

  private async binary(lIsL: boolean): Promise<boolean> {
    const a = this.argv;
    if (lIsL) this.advance(false);
    const op = this.pos + 1;
    let rIsL = false;
    if (op < this.argc - 2 && a[op + 1] === '-l') {
      rIsL = true;
      this.advance(false);
    }
    const o = a[op]!;
    const left = a[op - 1]!;
    const right = a[op + 1 + (rIsL ? 1 : 0)]!;
    if (/^-(eq|ne|lt|le|gt|ge)$/.test(o)) {
      const l = lIsL ? BigInt(left.length) : findInt(left);
      const r = rIsL ? BigInt(right.length) : findInt(right);
      this.pos += 3;
      const cmp = l < r ? -1 : l > r ? 1 : 0;
      switch (o) {
        case '-eq': return cmp === 0;
        case '-ne': return cmp !== 0;
        case '-lt': return cmp < 0;
        case '-le': return cmp <= 0;
        case '-gt': return cmp > 0;
        default: return cmp >= 0;
      }
    }
    if (o === '-nt' || o === '-ot' || o === '-ef') {
      this.pos += 3;
      if (lIsL || rIsL) throw new TestError(`${o} does not accept -l`);
      const ls = await this.stat(a[op - 1]!);
      const rs = await this.stat(a[op + 1]!);
      if (o === '-ef') return !!ls && !!rs && ls.dev === rs.dev && ls.ino === rs.ino;
      if (o === '-nt') return !!ls && (!rs || ls.mtimeNs > rs.mtimeNs);
      return !!rs && (!ls || ls.mtimeNs < rs.mtimeNs);
    }
    const first = a[this.pos]!;
    const second = a[this.pos + 2]!;
    this.pos += 3;
    return o === '!=' ? first !== second : first === second;
  }

  private async unary(): Promise<boolean> {
    const op = this.argv[this.pos]![1]!;
    this.advance(true);
    const name = this.argv[this.pos]!;
    this.pos++;
    const type = async (bits: number, follow = true): Promise<boolean> => {
      const st = await this.stat(name, follow);
      return !!st && (st.mode & S_IFMT) === bits;
    };
    const modeBit = async (bit: number): Promise<boolean> => {
      const st = await this.stat(name);
      return !!st && (st.mode & bit) !== 0;
    };
    switch (op) {
      case 'e': return (await this.stat(name)) !== null;
      case 'r': return this.access(name, R_OK);
      case 'w': return this.access(name, W_OK);
      case 'x': return this.access(name, X_OK);
      case 'O': {
        const st = await this.stat(name);
        return !!st && st.uid === (await this.sys.geteuid());
      }
      case 'G': {
        const st = await this.stat(name);
        return !!st && st.gid === (await this.sys.getegid());
      }
      case 'N': {
        const st = await this.stat(name);
        return !!st && st.mtimeNs > st.atimeNs;
      }
      case 'f': return type(S_IFREG);
      case 'd': return type(S_IFDIR);
      case 's': {
        const st = await this.stat(name);
        return !!st && st.size > 0;
      }
      case 'S': return type(S_IFSOCK);
      case 'c': return type(S_IFCHR);
      case 'b': return type(S_IFBLK);
      case 'p': return type(S_IFIFO);
      case 'h': case 'L': return type(S_IFLNK, false);
      case 'u': return modeBit(S_ISUID);
      case 'g': return modeBit(S_ISGID);
      case 'k': return modeBit(S_ISVTX);
      case 't': {
        const fd = findInt(name);
        return fd >= 0n && fd <= 2147483647n && this.sys.isatty(Number(fd)).catch(() => false);
      }
      case 'n': return name !== '';
      case 'z': return name === '';
      default: return false;
    }
  }
}

export default function test(sys: Sys): Promise<number> {
  return guardOutput(sys, '[', 2, () => run(sys));
}

async function run(sys: Sys): Promise<number> {
  const argv = sys.argv;
  const name = argv[0] ?? 'test';
  const bracket = name.split('/').pop() === '[';
  let argc = argv.length;
  try {
    if (bracket) {
      if (argc === 2 && argv[1] === '--help') {
        await sys.writeAll(1, helpText(meta));
        return 0;
      }
      if (argc === 2 && argv[1] === '--version') {
        await sys.writeAll(1, versionText({ ...meta, name: '[' }));
        return 0;
      }
      if (argc < 2 || argv[argc - 1] !== ']') throw new TestError("missing ']'");
      argc--;
    }
    return (await new Evaluator(sys, argv, argc).run()) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    await sys.writeAll(2, `${name}: ${e.message}\n`);
    return 2;
  }
}

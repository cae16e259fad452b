// The awk machine: the parsed program compiled to closures and run over the input. Expressions
// that cannot wait (no getline, no user call, no system/close) compile to plain functions; the
// rest, and every loop, compile to async ones, so a record costs few awaits and a runaway loop
// still yields to signals. Records, fields, special variables, I/O and mawk's run time errors
// live here.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { AwkArray, keyOf, type Key } from './awk-array.ts';
import { dToI, fixNaN, numToString, setFormatFallback } from './awk-format.ts';
import { OutputFailure, OutStream, openOutputFile, RecordReader, spawnShell, waitStatus, type RecordSep } from './awk-io.ts';
import { decodeEscapes } from './awk-lexer.ts';
import type { Expr, FuncDef, Program, Stmt, Sym } from './awk-parser.ts';
import { compileRegex, RegexError, type Regex } from './awk-regex.ts';
import { awkSprintf, FormatError } from './awk-sprintf.ts';
import { compare, inputValue, Strnum, toBool, toNum, UNINIT, type Value } from './awk-value.ts';

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const NEXT = 3;
const NEXTFILE = 4;
const RETURN = 5;

type SyncV = () => Value;
type AsyncV = () => Promise<Value>;
interface Ev {
  s: SyncV | null;
  a: AsyncV | null;
}
interface St {
  s: (() => number) | null;
  a: (() => Promise<number>) | null;
}

/** A place that can be read and written: a variable, an element, a field. */
interface Loc {
  get(): Value;
  set(v: Value): void;
}

export class AwkExit {
  constructor(readonly code: number | null) {}
}

export class AwkRuntimeError extends Error {}

/** A fatal error that is not a "run time error" in mawk's words (cannot open ...). */
export class AwkFatal extends Error {}

type Splitter = { mode: 'space' } | { mode: 'char'; ch: string } | { mode: 'empty' } | { mode: 're'; re: Regex };

const toAsync = (e: Ev): AsyncV => e.a ?? (async () => e.s!());
const toAsyncSt = (s: St): (() => Promise<number>) => s.a ?? (async () => s.s!());

function regexOrFail(src: string): Regex {
  try {
    return compileRegex(src);
  } catch (e) {
    if (e instanceof RegexError) throw new AwkRuntimeError(`${e.message}\n${src}`);
    throw e;
  }
}

function castForSplit(s: string): Splitter {
  if (s.length === 1) return s === ' ' ? { mode: 'space' } : { mode: 'char', ch: s };
  if (s.length === 0) return { mode: 'empty' };
  return { mode: 're', re: regexOrFail(s) };
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

export function splitText(s: string, sp: Splitter): string[] {
  if (s === '') return [];
  switch (sp.mode) {
    case 'space': {
      const out: string[] = [];
      const n = s.length;
      let i = 0;
      for (;;) {
        while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
        if (i >= n) return out;
        const start = i;
        while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
        out.push(s.slice(start, i));
      }
    }
    case 'char': return s.split(sp.ch);
    case 'empty': return s.split('');
    case 're': {
      const out: string[] = [];
      let start = 0;
      let from = 0;
      for (;;) {
        const m = sp.re.exec(s, from);
        if (!m) break;
        if (m[1] === m[0]) {
          // An empty match separates nothing; look again one byte on.
          from = m[0] + 1;
          if (from > s.length) break;
          continue;
        }
        out.push(s.slice(start, m[0]));
        start = from = m[1];
      }
      out.push(s.slice(start));
      return out;
    }
  }
}

interface Item {
  pattern: Ev | null;
  range: readonly [Ev, Ev] | null;
  body: St | null;
}

interface CompiledFunc {
  def: FuncDef;
  body: St | null;
}

interface InputSource {
  reader: RecordReader;
  pid: number | null;
  fd: number;
}

export interface AwkOptions {
  progName: string;
  /** -v assignments, already split at '='. */
  assigns: [string, string][];
  fs: string | null;
  argv: string[];
  envp: string[];
  /** busybox's awk: output that cannot be written is dropped without a word. */
  quietOutput?: boolean;
}

export class Interp {
  private G: (Value | AwkArray)[] = [];
  private frame: (Value | AwkArray)[] = [];
  private retval: Value = UNINIT;
  private funcs = new Map<string, CompiledFunc>();
  readonly stdout: OutStream;
  private readonly stderr: OutStream;
  private outputs = new Map<string, OutStream>();
  private inputs = new Map<string, InputSource>();
  private stdoutTty = false;
  private iterations = 0;

  // The record and its fields.
  private record = '';
  private recordVal: Value | null = '';
  private recordStale = false;
  private fieldStr: string[] = [];
  private fieldVal: (Value | undefined)[] = [];
  private nf = 0;
  private split = true;

  // Special variables and what is derived from them.
  private NR: Value = 0;
  private FNR: Value = 0;
  private FS: Value = ' ';
  private OFS: Value = ' ';
  private ORS: Value = '\n';
  private RS: Value = '\n';
  private FILENAME: Value = '';
  private SUBSEP: Value = '\x1c';
  private RSTART: Value = 0;
  private RLENGTH: Value = -1;
  private CONVFMT: Value = '%.6g';
  private OFMT: Value = '%.6g';
  private ofs = ' ';
  private ors = '\n';
  private subsep = '\x1c';
  private convfmt = '%.6g';
  private ofmt = '%.6g';
  private fsSplit: Splitter = { mode: 'space' };
  private rsSep: RecordSep = { mode: 'char', ch: '\n' };

  // Main input.
  private argIndex = 1;
  private mainReader: RecordReader | null = null;
  private mainFd = -1;
  private usedFileOperand = false;
  private mainDone = false;
  private rangeActive: boolean[] = [];
  private exitCode = 0;
  private prevSeed: Value = 0;
  private randState: Int32Array = new Int32Array(31);
  private randF = 3;
  private randR = 0;

  private compiled: { begins: St[]; ends: St[]; items: Item[] };
  private argvSym: Sym;
  private envSym: Sym;
  private argcSym: Sym;

  constructor(private readonly sys: Sys, private readonly prog: Program, private readonly opts: AwkOptions) {
    this.stdout = new OutStream(sys, 1, null);
    this.stderr = new OutStream(sys, 2, null, true);
    setFormatFallback((fmt, x) => awkSprintf(fmt, [x], (v) => this.str(v), 'sprintf'));
    const g = (name: string): Sym => prog.globals.find((s) => s.name === name)!;
    this.argvSym = g('ARGV');
    this.envSym = g('ENVIRON');
    this.argcSym = g('ARGC');
    for (const s of prog.globals) this.G[s.index] = s.type === 'array' ? new AwkArray() : UNINIT;
    const argv = this.G[this.argvSym.index] as AwkArray;
    opts.argv.forEach((a, i) => argv.set(i, inputValue(a)));
    this.G[this.argcSym.index] = opts.argv.length;
    const env = this.G[this.envSym.index] as AwkArray;
    for (const e of opts.envp) {
      const eq = e.indexOf('=');
      if (eq > 0) env.set(e.slice(0, eq), inputValue(e.slice(eq + 1)));
    }
    for (const f of prog.funcs.values()) this.funcs.set(f.name, { def: f, body: null });
    for (const f of this.funcs.values()) f.body = this.stmt(f.def.body);
    this.compiled = {
      begins: prog.begins.map((b) => this.stmt(b)),
      ends: prog.ends.map((b) => this.stmt(b)),
      items: prog.items.map((it) => ({
        pattern: it.pattern ? this.expr(it.pattern) : null,
        range: it.range ? [this.expr(it.range[0]), this.expr(it.range[1])] as const : null,
        body: it.body ? this.stmt(it.body) : null,
      })),
    };

  }

  // ---- conversions -------------------------------------------------------------------------------

  str(v: Value): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return numToString(v, this.convfmt);
    return v.s;
  }

  private outStr(v: Value): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return numToString(v, this.ofmt);
    return v.s;
  }

  private key(v: Value): Key {
    return keyOf(v, (n) => numToString(n, this.convfmt));
  }

  private subsKey(vals: Value[]): Key {
    if (vals.length === 1) return this.key(vals[0]!);
    return vals.map((v) => this.str(v)).join(this.subsep);
  }

  // ---- records and fields ------------------------------------------------------------------------

  setRecord(rec: string): void {
    this.record = rec;
    this.recordVal = null;
    this.recordStale = false;
    this.split = false;
  }

  private splitRecord(): void {
    if (this.split) return;
    this.fieldStr = splitText(this.record, this.fsSplit);
    this.fieldVal = [];
    this.nf = this.fieldStr.length;
    this.split = true;
  }

  private rebuildRecord(): void {
    this.record = this.fieldStr.join(this.ofs);
    this.recordVal = null;
    this.recordStale = false;
  }

  private getRecord(): Value {
    if (this.recordStale) this.rebuildRecord();
    if (this.recordVal === null) this.recordVal = inputValue(this.record);
    return this.recordVal;
  }

  private fieldIndex(v: Value): number {
    const d = toNum(v);
    const i = dToI(d);
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    return i;
  }

  getField(i: number): Value {
    if (i === 0) return this.getRecord();
    this.splitRecord();
    if (i > this.nf) return '';
    let v = this.fieldVal[i - 1];
    if (v === undefined) v = this.fieldVal[i - 1] = inputValue(this.fieldStr[i - 1]!);
    return v;
  }

  setField(i: number, v: Value): void {
    if (i === 0) {
      this.record = this.str(v);
      this.recordVal = v;
      this.recordStale = false;
      this.split = false;
      return;
    }
    this.splitRecord();
    while (this.nf < i) {
      this.fieldStr.push('');
      this.fieldVal.push('');
      this.nf++;
    }
    this.fieldStr[i - 1] = this.str(v);
    this.fieldVal[i - 1] = v;
    this.recordStale = true;
  }

  private getNF(): number {
    this.splitRecord();
    return this.nf;
  }

  private setNF(v: Value): void {
    this.splitRecord();
    const n = dToI(toNum(v));
    if (n < 0) throw new AwkRuntimeError(`NF set to negative value`);
    while (this.nf < n) {
      this.fieldStr.push('');
      this.fieldVal.push('');
      this.nf++;
    }
    this.fieldStr.length = n;
    this.fieldVal.length = n;
    this.nf = n;
    this.recordStale = true;
  }

  // ---- special variables -------------------------------------------------------------------------

  getSpecial(name: string): Value {
    switch (name) {
      case 'NF': return this.getNF();
      case 'NR': return this.NR;
      case 'FNR': return this.FNR;
      case 'FS': return this.FS;
      case 'OFS': return this.OFS;
      case 'ORS': return this.ORS;
      case 'RS': return this.RS;
      case 'FILENAME': return this.FILENAME;
      case 'SUBSEP': return this.SUBSEP;
      case 'RSTART': return this.RSTART;
      case 'RLENGTH': return this.RLENGTH;
      case 'CONVFMT': return this.CONVFMT;
      case 'OFMT': return this.OFMT;
    }
    return UNINIT;
  }

  setSpecial(name: string, v: Value): void {
    switch (name) {
      case 'NF': this.setNF(v); break;
      case 'NR': this.NR = v; break;
      case 'FNR': this.FNR = v; break;
      case 'FS':
        this.FS = v;
        this.fsSplit = castForSplit(this.str(v));
        break;
      case 'OFS':
        this.OFS = v;
        this.ofs = this.str(v);
        break;
      case 'ORS':
        this.ORS = v;
        this.ors = this.str(v);
        break;
      case 'RS': {
        this.RS = v;
        const s = this.str(v);
        if (s === '') this.rsSep = { mode: 'para' };
        else if (s.length === 1) this.rsSep = { mode: 'char', ch: s };
        else this.rsSep = { mode: 're', re: regexOrFail(s) };
        break;
      }
      case 'FILENAME': this.FILENAME = v; break;
      case 'SUBSEP':
        this.SUBSEP = v;
        this.subsep = this.str(v);
        break;
      case 'RSTART': this.RSTART = v; break;
      case 'RLENGTH': this.RLENGTH = v; break;
      case 'CONVFMT':
        this.CONVFMT = v;
        this.convfmt = this.str(v);
        break;
      case 'OFMT':
        this.OFMT = v;
        this.ofmt = this.str(v);
        break;
    }
  }

  /** -v and command-line `name=value`: escapes processed, the value a strnum if it looks one. */
  assignVar(name: string, raw: string): void {
    const v = inputValue(decodeEscapes(raw));
    if (name === 'NF' || name === 'NR' || name === 'FNR' || name === 'FS' || name === 'OFS' || name === 'ORS' || name === 'RS' || name === 'FILENAME' || name === 'SUBSEP' || name === 'RSTART' || name === 'RLENGTH' || name === 'CONVFMT' || name === 'OFMT') {
      this.setSpecial(name, v);
      return;
    }
    const sym = this.prog.globals.find((s) => s.name === name);
    if (!sym) return;
    if (sym.type === 'array') throw new AwkFatal(`can't assign to array ${name}`);
    this.G[sym.index] = v;
  }

  // ---- compiling expressions ---------------------------------------------------------------------

  private arrayOf(sym: Sym): () => AwkArray {
    const i = sym.index;
    return sym.scope === 'global' ? () => this.G[i] as AwkArray : () => this.frame[i] as AwkArray;
  }

  private lift1(a: Ev, f: (x: Value) => Value): Ev {
    if (a.s) {
      const as = a.s;
      return { s: () => f(as()), a: null };
    }
    const aa = a.a!;
    return { s: null, a: async () => f(await aa()) };
  }

  private lift2(a: Ev, b: Ev, f: (x: Value, y: Value) => Value): Ev {
    if (a.s && b.s) {
      const as = a.s;
      const bs = b.s;
      return { s: () => f(as(), bs()), a: null };
    }
    const aa = toAsync(a);
    const ba = toAsync(b);
    return { s: null, a: async () => f(await aa(), await ba()) };
  }

  private liftN(list: Ev[], f: (vals: Value[]) => Value): Ev {
    if (list.every((e) => e.s)) {
      const ss = list.map((e) => e.s!);
      return { s: () => f(ss.map((s) => s())), a: null };
    }
    const as = list.map(toAsync);
    return {
      s: null,
      a: async () => {
        const vals: Value[] = [];
        for (const a of as) vals.push(await a());
        return f(vals);
      },
    };
  }

  /** A regex operand: a literal compiles once; anything else is compiled from its text. */
  private regexOperand(e: Expr): { fixed: Regex | null; ev: Ev | null } {
    if (e.k === 're' || e.k === 'str') {
      const src = e.k === 're' ? e.src : e.v;
      try {
        return { fixed: compileRegex(src), ev: null };
      } catch (err) {
        if (err instanceof RegexError) throw new CompileRegexError(`${err.message}\n${src}`);
        throw err;
      }
    }
    return { fixed: null, ev: this.expr(e) };
  }

  private regexEv(e: Expr): { s: (() => Regex) | null; a: (() => Promise<Regex>) | null } {
    const { fixed, ev } = this.regexOperand(e);
    if (fixed) return { s: () => fixed, a: null };
    if (ev!.s) {
      const s = ev!.s;
      return { s: () => regexOrFail(this.str(s())), a: null };
    }
    const a = ev!.a!;
    return { s: null, a: async () => regexOrFail(this.str(await a())) };
  }

  expr(e: Expr): Ev {
    switch (e.k) {
      case 'num': {
        const v = e.v;
        return { s: () => v, a: null };
      }
      case 'str': {
        const v = e.v;
        return { s: () => v, a: null };
      }
      case 're': {
        const re = this.regexOperand(e).fixed!;
        return { s: () => (re.test(this.str(this.getRecord())) ? 1 : 0), a: null };
      }
      case 'group': return this.expr(e.e);
      case 'grouplist': throw new AwkRuntimeError('bad grouping');
      case 'var': {
        const i = e.sym.index;
        if (e.sym.scope === 'global') return { s: () => this.G[i] as Value, a: null };
        return { s: () => this.frame[i] as Value, a: null };
      }
      case 'arrayref': {
        // Only reached when the name turned out not to be an array: its value.
        const i = e.sym.index;
        if (e.sym.type === 'array') throw new AwkRuntimeError(`can't use array ${e.sym.name} in scalar context`);
        if (e.sym.scope === 'global') return { s: () => this.G[i] as Value, a: null };
        return { s: () => this.frame[i] as Value, a: null };
      }
      case 'special': {
        const name = e.name;
        if (name === 'NF') return { s: () => this.getNF(), a: null };
        return { s: () => this.getSpecial(name), a: null };
      }
      case 'field': {
        if (e.e.k === 'num') {
          const i = this.fieldIndex(e.e.v);
          return { s: () => this.getField(i), a: null };
        }
        return this.lift1(this.expr(e.e), (v) => this.getField(this.fieldIndex(v)));
      }
      case 'elem': {
        const arr = this.arrayOf(e.sym);
        if (e.subs.length === 1) return this.lift1(this.expr(e.subs[0]!), (v) => arr().get(this.key(v)));
        return this.liftN(e.subs.map((s) => this.expr(s)), (vals) => arr().get(this.subsKey(vals)));
      }
      case 'in': {
        const arr = this.arrayOf(e.sym);
        return this.liftN(e.subs.map((s) => this.expr(s)), (vals) => (arr().has(this.subsKey(vals)) ? 1 : 0));
      }
      case 'assign': return this.assign(e.op, e.target, e.e);
      case 'incdec': return this.incdec(e.op, e.prefix, e.target);
      case 'cond': {
        const c = this.expr(e.c);
        const a = this.expr(e.a);
        const b = this.expr(e.b);
        if (c.s && a.s && b.s) {
          const cs = c.s;
          const as = a.s;
          const bs = b.s;
          return { s: () => (toBool(cs()) ? as() : bs()), a: null };
        }
        const ca = toAsync(c);
        const aa = toAsync(a);
        const ba = toAsync(b);
        return { s: null, a: async () => (toBool(await ca()) ? aa() : ba()) };
      }
      case 'and':
      case 'or': {
        const a = this.expr(e.a);
        const b = this.expr(e.b);
        const isAnd = e.k === 'and';
        if (a.s && b.s) {
          const as = a.s;
          const bs = b.s;
          return isAnd ? { s: () => (toBool(as()) && toBool(bs()) ? 1 : 0), a: null } : { s: () => (toBool(as()) || toBool(bs()) ? 1 : 0), a: null };
        }
        const aa = toAsync(a);
        const ba = toAsync(b);
        return isAnd
          ? { s: null, a: async () => ((toBool(await aa()) && toBool(await ba())) ? 1 : 0) }
          : { s: null, a: async () => ((toBool(await aa()) || toBool(await ba())) ? 1 : 0) };
      }
      case 'not': return this.lift1(this.expr(e.e), (v) => (toBool(v) ? 0 : 1));
      case 'neg': return this.lift1(this.expr(e.e), (v) => -toNum(v));
      case 'pos': return this.lift1(this.expr(e.e), (v) => toNum(v));
      case 'bin': {
        const f = arith(e.op);
        return this.lift2(this.expr(e.a), this.expr(e.b), (x, y) => f(toNum(x), toNum(y)));
      }
      case 'cat': return this.lift2(this.expr(e.a), this.expr(e.b), (x, y) => this.str(x) + this.str(y));
      case 'cmp': {
        const test = cmpTest(e.op);
        const str = (v: Value): string => this.str(v);
        return this.lift2(this.expr(e.a), this.expr(e.b), (x, y) => (test(compare(x, y, str)) ? 1 : 0));
      }
      case 'match': {
        const a = this.expr(e.a);
        const re = this.regexEv(e.re);
        const neg = e.neg;
        if (a.s && re.s) {
          const as = a.s;
          const rs = re.s;
          return { s: () => (rs().test(this.str(as())) !== neg ? 1 : 0), a: null };
        }
        const aa = toAsync(a);
        const ra = re.a ?? (async () => re.s!());
        return { s: null, a: async () => ((await ra()).test(this.str(await aa())) !== neg ? 1 : 0) };
      }
      case 'call': return this.call(e);
      case 'builtin': return this.builtin(e);
      case 'getline': return this.getline(e);
    }
  }

  /** A place to assign: fixed for variables, located at run time for elements and fields. */
  private loc(target: Expr): { s: (() => Loc) | null; a: (() => Promise<Loc>) | null } {
    switch (target.k) {
      case 'var': {
        const i = target.sym.index;
        const loc: Loc = target.sym.scope === 'global'
          ? { get: () => this.G[i] as Value, set: (v) => { this.G[i] = v; } }
          : { get: () => this.frame[i] as Value, set: (v) => { this.frame[i] = v; } };
        return { s: () => loc, a: null };
      }
      case 'special': {
        const name = target.name;
        const loc: Loc = { get: () => this.getSpecial(name), set: (v) => this.setSpecial(name, v) };
        return { s: () => loc, a: null };
      }
      case 'field': {
        const make = (i: number): Loc => ({ get: () => this.getField(i), set: (v) => this.setField(i, v) });
        const ix = this.expr(target.e);
        if (ix.s) {
          const s = ix.s;
          return { s: () => make(this.fieldIndex(s())), a: null };
        }
        const a = ix.a!;
        return { s: null, a: async () => make(this.fieldIndex(await a())) };
      }
      case 'elem': {
        const arr = this.arrayOf(target.sym);
        const make = (k: Key): Loc => {
          const A = arr();
          return { get: () => A.get(k), set: (v) => A.set(k, v) };
        };
        const subs = target.subs.map((s) => this.expr(s));
        if (subs.every((s) => s.s)) {
          const ss = subs.map((s) => s.s!);
          if (ss.length === 1) {
            const s0 = ss[0]!;
            return { s: () => make(this.key(s0())), a: null };
          }
          return { s: () => make(this.subsKey(ss.map((f) => f()))), a: null };
        }
        const as = subs.map(toAsync);
        return {
          s: null,
          a: async () => {
            const vals: Value[] = [];
            for (const a of as) vals.push(await a());
            return make(this.subsKey(vals));
          },
        };
      }
      default:
        throw new AwkRuntimeError('assignment to a non-variable');
    }
  }

  private assign(op: string, target: Expr, e: Expr): Ev {
    const val = this.expr(e);
    const f = op === '=' ? null : arith(op.slice(0, -1));
    // The fast, common case: a plain variable.
    if (target.k === 'var' && val.s) {
      const i = target.sym.index;
      const vs = val.s;
      if (target.sym.scope === 'global') {
        if (!f) return { s: () => (this.G[i] = copyValue(vs())) as Value, a: null };
        return { s: () => (this.G[i] = f(toNum(this.G[i] as Value), toNum(vs()))), a: null };
      }
      if (!f) return { s: () => (this.frame[i] = copyValue(vs())) as Value, a: null };
      return { s: () => (this.frame[i] = f(toNum(this.frame[i] as Value), toNum(vs()))), a: null };
    }
    const loc = this.loc(target);
    // awk evaluates the right side before the place on the left.
    if (loc.s && val.s) {
      const ls = loc.s;
      const vs = val.s;
      if (!f) {
        return { s: () => {
          const v = copyValue(vs());
          ls().set(v);
          return v;
        }, a: null };
      }
      return { s: () => {
        const y = toNum(vs());
        const l = ls();
        const v = f(toNum(l.get()), y);
        l.set(v);
        return v;
      }, a: null };
    }
    const la = loc.a ?? (async () => loc.s!());
    const va = toAsync(val);
    return {
      s: null,
      a: async () => {
        const rhs = await va();
        const l = await la();
        const v = f ? f(toNum(l.get()), toNum(rhs)) : copyValue(rhs);
        l.set(v);
        return v;
      },
    };
  }

  private incdec(op: '++' | '--', prefix: boolean, target: Expr): Ev {
    const d = op === '++' ? 1 : -1;
    if (target.k === 'var') {
      const i = target.sym.index;
      const store = target.sym.scope === 'global' ? this.G : null;
      if (store) {
        return prefix
          ? { s: () => (this.G[i] = toNum(this.G[i] as Value) + d), a: null }
          : { s: () => {
            const old = toNum(this.G[i] as Value);
            this.G[i] = old + d;
            return old;
          }, a: null };
      }
      return prefix
        ? { s: () => (this.frame[i] = toNum(this.frame[i] as Value) + d), a: null }
        : { s: () => {
          const old = toNum(this.frame[i] as Value);
          this.frame[i] = old + d;
          return old;
        }, a: null };
    }
    const loc = this.loc(target);
    const apply = (l: Loc): Value => {
      const old = toNum(l.get());
      l.set(old + d);
      return prefix ? old + d : old;
    };
    if (loc.s) {
      const ls = loc.s;
      return { s: () => apply(ls()), a: null };
    }
    const la = loc.a!;
    return { s: null, a: async () => apply(await la()) };
  }

  // ---- user functions ------------------------------------------------------------------------------

  private call(e: Extract<Expr, { k: 'call' }>): Ev {
    const fn = this.funcs.get(e.name)!;
    const params = fn.def.params;
    const argEvs = e.args.map((a, i) => {
      const p = params[i]!;
      if (a.k === 'arrayref' && (a.sym.type === 'array' || p.type === 'array')) {
        const arr = this.arrayOf(a.sym);
        return { array: arr, ev: null };
      }
      const ev = this.expr(a.k === 'arrayref' ? { k: 'var', sym: a.sym } : a);
      return { array: null, ev: toAsync(ev) };
    });
    return {
      s: null,
      a: async () => {
        const frame: (Value | AwkArray)[] = new Array(params.length);
        for (let i = 0; i < params.length; i++) {
          const arg = argEvs[i];
          if (!arg) frame[i] = params[i]!.type === 'array' ? new AwkArray() : UNINIT;
          else if (arg.array) frame[i] = arg.array();
          else frame[i] = copyValue(await arg.ev!());
        }
        const saved = this.frame;
        this.frame = frame;
        try {
          if (fn.body!.s) fn.body!.s();
          else await fn.body!.a!();
        } finally {
          this.frame = saved;
        }
        const rv = this.retval;
        this.retval = UNINIT;
        return rv;
      },
    };
  }

  // ---- builtins ------------------------------------------------------------------------------------

  private builtin(e: Extract<Expr, { k: 'builtin' }>): Ev {
    const args = e.args;
    const str = (v: Value): string => this.str(v);
    switch (e.name) {
      case 'length': {
        if (args.length === 0) return { s: () => this.str(this.getRecord()).length, a: null };
        const a0 = args[0]!;
        if (a0.k === 'arrayref' && a0.sym.type === 'array') {
          const arr = this.arrayOf(a0.sym);
          return { s: () => arr().size, a: null };
        }
        return this.lift1(this.expr(a0), (v) => str(v).length);
      }
      case 'substr': return this.liftN(args.map((a) => this.expr(a)), (v) => substr(str(v[0]!), toNum(v[1]!), v.length > 2 ? toNum(v[2]!) : null));
      case 'index': return this.lift2(this.expr(args[0]!), this.expr(args[1]!), (s, t) => {
        const tt = str(t);
        return tt === '' ? 1 : str(s).indexOf(tt) + 1;
      });
      case 'toupper': return this.lift1(this.expr(args[0]!), (v) => str(v).replace(/[a-z]+/g, (m) => m.toUpperCase()));
      case 'tolower': return this.lift1(this.expr(args[0]!), (v) => str(v).replace(/[A-Z]+/g, (m) => m.toLowerCase()));
      case 'sprintf': return this.liftN(args.map((a) => this.expr(a)), (v) => this.format(str(v[0]!), v.slice(1), 'sprintf'));
      case 'int': return this.lift1(this.expr(args[0]!), (v) => Math.trunc(toNum(v)));
      case 'sqrt': return this.lift1(this.expr(args[0]!), (v) => math1(Math.sqrt, toNum(v)));
      case 'exp': return this.lift1(this.expr(args[0]!), (v) => math1(Math.exp, toNum(v)));
      case 'log': return this.lift1(this.expr(args[0]!), (v) => math1(Math.log, toNum(v)));
      case 'sin': return this.lift1(this.expr(args[0]!), (v) => math1(Math.sin, toNum(v)));
      case 'cos': return this.lift1(this.expr(args[0]!), (v) => math1(Math.cos, toNum(v)));
      case 'atan2': return this.lift2(this.expr(args[0]!), this.expr(args[1]!), (y, x) => {
        const a = toNum(y);
        const b = toNum(x);
        return fixNaN(Math.atan2(a, b), a, b);
      });
      case 'rand': return { s: () => this.random() / 2147483647, a: null };
      case 'srand': {
        if (args.length === 0) return { s: null, a: async () => this.srand(await this.now()) };
        return this.lift1(this.expr(args[0]!), (v) => this.srand(v));
      }
      case 'match': {
        const a = this.expr(args[0]!);
        const re = this.regexEv(args[1]!);
        const run = (s: string, r: Regex): Value => {
          const m = r.exec(s, 0);
          this.RSTART = m ? m[0] + 1 : 0;
          this.RLENGTH = m ? m[1] - m[0] : -1;
          return this.RSTART;
        };
        if (a.s && re.s) {
          const as = a.s;
          const rs = re.s;
          return { s: () => run(str(as()), rs()), a: null };
        }
        const aa = toAsync(a);
        const ra = re.a ?? (async () => re.s!());
        return { s: null, a: async () => run(str(await aa()), await ra()) };
      }
      case 'split': return this.splitBuiltin(args);
      case 'sub':
      case 'gsub': return this.subBuiltin(e.name === 'gsub', args);
      case 'system': {
        const a = toAsync(this.expr(args[0]!));
        return { s: null, a: async () => this.system(str(await a())) };
      }
      case 'close': {
        const a = toAsync(this.expr(args[0]!));
        return { s: null, a: async () => this.close(str(await a())) };
      }
      case 'fflush': {
        // mawk's fflush() of stdout ignores a failure (the buffer is dropped); a named stream says so.
        if (args.length === 0) return { s: null, a: async () => {
          try {
            await this.stdout.flush();
          } catch (e) {
            if (!(e instanceof OutputFailure)) throw e;
          }
          return 0;
        } };
        const a = toAsync(this.expr(args[0]!));
        return { s: null, a: async () => {
          const name = str(await a());
          const out = this.outputs.get(name) ?? (name === '/dev/stdout' || name === '-' ? this.stdout : null);
          if (!out) return -1;
          try {
            await out.flush();
          } catch (e) {
            if (!(e instanceof OutputFailure)) throw e;
            await this.complain(`unexpected write error (${e.message})`);
            return -1;
          }
          return 0;
        } };
      }
    }
    throw new AwkRuntimeError(`unknown builtin ${e.name}`);
  }

  private splitBuiltin(args: Expr[]): Ev {
    const src = this.expr(args[0]!);
    const arrExpr = args[1]!;
    const arr = this.arrayOf((arrExpr as Extract<Expr, { k: 'arrayref' }>).sym);
    let sep: { s: (() => Splitter) | null; a: (() => Promise<Splitter>) | null };
    if (args.length < 3) sep = { s: () => this.fsSplit, a: null };
    else if (args[2]!.k === 're') {
      const re = this.regexOperand(args[2]!).fixed!;
      sep = { s: () => ({ mode: 're', re }), a: null };
    } else {
      const ev = this.expr(args[2]!);
      if (ev.s) {
        const s = ev.s;
        sep = { s: () => castForSplit(this.str(s())), a: null };
      } else {
        const a = ev.a!;
        sep = { s: null, a: async () => castForSplit(this.str(await a())) };
      }
    }
    const run = (s: string, sp: Splitter): Value => {
      const parts = splitText(s, sp);
      const A = arr();
      if (parts.length === 0) A.clear();
      else A.load(parts.map(inputValue));
      return parts.length;
    };
    if (src.s && sep.s) {
      const ss = src.s;
      const ps = sep.s;
      return { s: () => run(this.str(ss()), ps()), a: null };
    }
    const sa = toAsync(src);
    const pa = sep.a ?? (async () => sep.s!());
    return { s: null, a: async () => {
      const s = this.str(await sa());
      return run(s, await pa());
    } };
  }

  private subBuiltin(global: boolean, args: Expr[]): Ev {
    const re = this.regexEv(args[0]!);
    const repl = this.expr(args[1]!);
    const target: Expr = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
    const loc = this.loc(target);
    const run = (r: Regex, replacement: string, l: Loc): Value => {
      const cur = l.get();
      const s = this.str(cur);
      const { out, count } = global ? gsubText(r, s, replacement) : subText(r, s, replacement);
      if (count > 0) l.set(out);
      return count;
    };
    if (re.s && repl.s && loc.s) {
      const rs = re.s;
      const ps = repl.s;
      const ls = loc.s;
      return { s: () => {
        const r = rs();
        const p = this.str(ps());
        return run(r, p, ls());
      }, a: null };
    }
    const ra = re.a ?? (async () => re.s!());
    const pa = toAsync(repl);
    const la = loc.a ?? (async () => loc.s!());
    return { s: null, a: async () => {
      const r = await ra();
      const p = this.str(await pa());
      return run(r, p, await la());
    } };
  }

  format(fmt: string, args: Value[], who: 'printf' | 'sprintf'): string {
    try {
      return awkSprintf(fmt, args, (v) => this.str(v), who);
    } catch (e) {
      if (e instanceof FormatError) throw new AwkRuntimeError(e.message);
      throw e;
    }
  }

  // ---- rand: glibc's random(3) (TYPE_3), which this mawk uses -------------------------------------

  private srandom(seed: number): void {
    const st = new Int32Array(31);
    let word = seed | 0 || 1;
    st[0] = word;
    for (let i = 1; i < 31; i++) {
      const hi = Math.trunc(word / 127773);
      const lo = word % 127773;
      word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      st[i] = word;
    }
    this.randState = st;
    this.randF = 3;
    this.randR = 0;
    for (let i = 0; i < 310; i++) this.random();
  }

  private random(): number {
    const st = this.randState;
    const v = (st[this.randF]! + st[this.randR]!) | 0;
    st[this.randF] = v;
    if (++this.randF >= 31) this.randF = 0;
    if (++this.randR >= 31) this.randR = 0;
    return (v >>> 1) & 0x7fffffff;
  }

  private async now(): Promise<number> {
    return Number((await this.sys.clockGettime(0)) / 1000000000n);
  }

  private srand(v: Value): Value {
    const prev = this.prevSeed;
    this.prevSeed = v;
    this.srandom(dToI(toNum(this.prevSeed)));
    return prev;
  }

  // ---- getline -------------------------------------------------------------------------------------

  private getline(e: Extract<Expr, { k: 'getline' }>): Ev {
    const loc = e.target ? this.loc(e.target) : null;
    const la = loc ? (loc.a ?? (async () => loc.s!())) : null;
    const store = async (rec: string): Promise<void> => {
      if (la) (await la()).set(inputValue(rec));
      else this.setRecord(rec);
    };
    if (e.mode === 'plain') {
      return { s: null, a: async () => {
        const rec = await this.nextMainRecord();
        if (rec === null) return 0;
        this.NR = toNum(this.NR) + 1;
        this.FNR = toNum(this.FNR) + 1;
        await store(rec);
        return 1;
      } };
    }
    const src = toAsync(this.expr(e.src!));
    const isCmd = e.mode === 'cmd';
    return { s: null, a: async () => {
      const name = this.str(await src());
      const input = isCmd ? await this.commandInput(name) : await this.fileInput(name);
      if (!input) return -1;
      const rec = await input.reader.next(this.rsSep);
      if (rec === null) return 0;
      await store(rec);
      return 1;
    } };
  }

  private async fileInput(name: string): Promise<InputSource | null> {
    let input = this.inputs.get(name);
    if (input) return input;
    let fd: number;
    if (name === '-' || name === '/dev/stdin') fd = 0;
    else {
      try {
        fd = await this.sys.open(name, 0o2000000);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return null;
      }
    }
    input = { reader: new RecordReader(this.sys, fd, () => this.beforeRead(fd)), pid: null, fd };
    this.inputs.set(name, input);
    return input;
  }

  private async commandInput(cmd: string): Promise<InputSource> {
    let input = this.inputs.get(cmd);
    if (input) return input;
    await this.flushAll();
    const { pid, fd } = await spawnShell(this.sys, cmd, 'r', this.opts.envp);
    input = { reader: new RecordReader(this.sys, fd), pid, fd };
    this.inputs.set(cmd, input);
    return input;
  }

  private async beforeRead(fd: number): Promise<void> {
    if (fd === 0 && this.stdoutTty) await this.stdout.flush();
  }

  // ---- output --------------------------------------------------------------------------------------

  private async output(mode: '>' | '>>' | '|', name: string): Promise<OutStream> {
    const open = this.outputs.get(name);
    if (open) return open;
    if (mode !== '|') {
      if (name === '/dev/stdout' || name === '-') return this.stdout;
      if (name === '/dev/stderr') return this.stderr;
    }
    let out: OutStream;
    if (mode === '|') {
      await this.flushAll();
      const { pid, fd } = await spawnShell(this.sys, name, 'w', this.opts.envp);
      out = new OutStream(this.sys, fd, pid, false, name);
    } else {
      try {
        out = new OutStream(this.sys, await openOutputFile(this.sys, name, mode === '>>'), null, false, name);
      } catch (e) {
        if (!isSysError(e)) throw e;
        throw new AwkFatal(`cannot open "${name}" for output (${strerror(e.code)})`);
      }
    }
    this.outputs.set(name, out);
    return out;
  }

  /** Before a command runs, every stream is flushed; a failure is said and the run goes on (mawk's flush_all_output). */
  private async flushAll(): Promise<void> {
    for (const o of [this.stdout, ...this.outputs.values()]) {
      try {
        await o.flush();
      } catch (e) {
        if (!(e instanceof OutputFailure)) throw e;
        await this.complain(`unexpected write error (${e.message})`);
      }
    }
  }

  /** A full buffer written while the program runs: a failure ends it (mawk's write_error). */
  private async flushFull(out: OutStream): Promise<void> {
    try {
      await out.flush();
    } catch (e) {
      if (!(e instanceof OutputFailure)) throw e;
      if (this.opts.quietOutput) return;
      // stdio keeps a buffer it could not write, so closing the stream at exit fails again.
      out.stuck = e.failure;
      throw new AwkFatal(`write failure (${e.message})`);
    }
  }

  /** "awk: message" on standard error, where nothing is left to tell if that fails too. */
  private async complain(message: string): Promise<void> {
    if (this.opts.quietOutput) return;
    await this.sys.writeAll(2, `${this.opts.progName}: ${message}\n`).catch((e: unknown) => {
      if (!isSysError(e)) throw e;
    });
  }

  private async system(cmd: string): Promise<Value> {
    await this.flushAll();
    const { pid } = await spawnShell(this.sys, cmd, null, this.opts.envp);
    const [, st] = await this.sys.wait4(pid);
    return waitStatus(st);
  }

  private async close(name: string): Promise<Value> {
    let result: number | null = null;
    const out = this.outputs.get(name);
    if (out) {
      this.outputs.delete(name);
      const closed = await this.closeOutput(out);
      if (closed instanceof OutputFailure) {
        if (!this.opts.quietOutput) throw new AwkFatal(`close failed on file ${name} (${closed.message})`);
        result = -1;
      } else result = closed;
    }
    const input = this.inputs.get(name);
    if (input) {
      this.inputs.delete(name);
      if (input.fd !== 0) await this.sys.close(input.fd);
      if (input.pid !== null) {
        const [, st] = await this.sys.wait4(input.pid);
        result = waitStatus(st);
      } else result = 0;
    }
    return result ?? -1;
  }

  /** Flush and close one stream: its command's status, or the failure of its last write. */
  private async closeOutput(out: OutStream): Promise<number | OutputFailure> {
    let failed: OutputFailure | null = out.stuck ? new OutputFailure(out, out.stuck) : null;
    try {
      await out.flush();
    } catch (e) {
      if (!(e instanceof OutputFailure)) throw e;
      failed ??= e;
    }
    if (out.fd > 2) await this.sys.close(out.fd);
    if (out.pid !== null) {
      const [, st] = await this.sys.wait4(out.pid);
      if (!failed) return waitStatus(st);
    }
    return failed ?? 0;
  }

  /**
   * At exit: files and pipes are closed (their commands waited for), then stdout flushed. A
   * stream that cannot be written is "close failed on file NAME (...)"; false if any was.
   */
  async finish(): Promise<boolean> {
    let ok = true;
    for (const [name, out] of [...this.outputs]) {
      this.outputs.delete(name);
      const closed = await this.closeOutput(out);
      if (closed instanceof OutputFailure && !this.opts.quietOutput) {
        ok = false;
        await this.complain(`close failed on file ${name} (${closed.message})`);
      }
    }
    for (const [name, input] of [...this.inputs]) {
      this.inputs.delete(name);
      if (input.fd !== 0) await this.sys.close(input.fd);
      if (input.pid !== null) await this.sys.wait4(input.pid);
    }
    const closed = await this.closeOutput(this.stdout);
    if (closed instanceof OutputFailure && !this.opts.quietOutput) {
      await this.complain(`close failed on file /dev/stdout (${closed.message})`);
      return false;
    }
    return ok;
  }

  // ---- statements ----------------------------------------------------------------------------------

  stmt(s: Stmt): St {
    switch (s.k) {
      case 'nop': return { s: () => NORMAL, a: null };
      case 'expr': {
        const e = this.expr(s.e);
        if (e.s) {
          const f = e.s;
          return { s: () => {
            f();
            return NORMAL;
          }, a: null };
        }
        const a = e.a!;
        return { s: null, a: async () => {
          await a();
          return NORMAL;
        } };
      }
      case 'print':
      case 'printf': return this.printStmt(s);
      case 'block': {
        const body = s.body.map((b) => this.stmt(b));
        if (body.every((b) => b.s)) {
          const ss = body.map((b) => b.s!);
          return { s: () => {
            for (const f of ss) {
              const r = f();
              if (r !== NORMAL) return r;
            }
            return NORMAL;
          }, a: null };
        }
        return { s: null, a: async () => {
          for (const b of body) {
            const r = b.s ? b.s() : await b.a!();
            if (r !== NORMAL) return r;
          }
          return NORMAL;
        } };
      }
      case 'if': {
        const c = this.expr(s.c);
        const t = this.stmt(s.t);
        const f = s.f ? this.stmt(s.f) : null;
        if (c.s && t.s && (!f || f.s)) {
          const cs = c.s;
          const ts = t.s;
          const fs = f?.s ?? null;
          return { s: () => (toBool(cs()) ? ts() : fs ? fs() : NORMAL), a: null };
        }
        const ca = toAsync(c);
        const ta = toAsyncSt(t);
        const fa = f ? toAsyncSt(f) : null;
        return { s: null, a: async () => (toBool(await ca()) ? ta() : fa ? fa() : NORMAL) };
      }
      case 'while':
      case 'do': {
        const c = this.expr(s.c);
        const body = this.stmt(s.body);
        const doFirst = s.k === 'do';
        return { s: null, a: async () => {
          let first = doFirst;
          for (;;) {
            if (!first) {
              const cv = c.s ? c.s() : await c.a!();
              if (!toBool(cv)) break;
            }
            first = false;
            const r = body.s ? body.s() : await body.a!();
            if (r === BREAK) break;
            if (r !== NORMAL && r !== CONTINUE) return r;
            await this.tick();
          }
          return NORMAL;
        } };
      }
      case 'for': {
        const init = s.init ? this.stmt(s.init) : null;
        const c = s.c ? this.expr(s.c) : null;
        const step = s.step ? this.stmt(s.step) : null;
        const body = this.stmt(s.body);
        return { s: null, a: async () => {
          if (init) {
            if (init.s) init.s();
            else await init.a!();
          }
          for (;;) {
            if (c) {
              const cv = c.s ? c.s() : await c.a!();
              if (!toBool(cv)) break;
            }
            const r = body.s ? body.s() : await body.a!();
            if (r === BREAK) break;
            if (r !== NORMAL && r !== CONTINUE) return r;
            if (step) {
              if (step.s) step.s();
              else await step.a!();
            }
            await this.tick();
          }
          return NORMAL;
        } };
      }
      case 'forin': {
        const arr = this.arrayOf(s.sym);
        const loc = this.loc(s.v);
        const body = this.stmt(s.body);
        return { s: null, a: async () => {
          const keys = arr().keys();
          for (const k of keys) {
            const l = loc.s ? loc.s() : await loc.a!();
            l.set(k);
            const r = body.s ? body.s() : await body.a!();
            if (r === BREAK) break;
            if (r !== NORMAL && r !== CONTINUE) return r;
            await this.tick();
          }
          return NORMAL;
        } };
      }
      case 'next': return { s: () => NEXT, a: null };
      case 'nextfile': return { s: () => NEXTFILE, a: null };
      case 'break': return { s: () => BREAK, a: null };
      case 'continue': return { s: () => CONTINUE, a: null };
      case 'exit': {
        if (!s.e) return { s: () => {
          throw new AwkExit(null);
        }, a: null };
        const e = this.expr(s.e);
        const ea = toAsync(e);
        return { s: null, a: async () => {
          throw new AwkExit(dToI(toNum(await ea())));
        } };
      }
      case 'return': {
        if (!s.e) return { s: () => {
          this.retval = UNINIT;
          return RETURN;
        }, a: null };
        const e = this.expr(s.e);
        if (e.s) {
          const f = e.s;
          return { s: () => {
            this.retval = copyValue(f());
            return RETURN;
          }, a: null };
        }
        const a = e.a!;
        return { s: null, a: async () => {
          this.retval = copyValue(await a());
          return RETURN;
        } };
      }
      case 'delete': {
        const arr = this.arrayOf(s.sym);
        if (!s.subs) return { s: () => {
          arr().clear();
          return NORMAL;
        }, a: null };
        const subs = s.subs.map((x) => this.expr(x));
        const del = (vals: Value[]): number => {
          arr().delete(this.subsKey(vals));
          return NORMAL;
        };
        if (subs.every((x) => x.s)) {
          const ss = subs.map((x) => x.s!);
          return { s: () => del(ss.map((f) => f())), a: null };
        }
        const as = subs.map(toAsync);
        return { s: null, a: async () => {
          const vals: Value[] = [];
          for (const a of as) vals.push(await a());
          return del(vals);
        } };
      }
    }
  }

  private printStmt(s: Extract<Stmt, { k: 'print' | 'printf' }>): St {
    const args = s.args.map((a) => this.expr(a));
    const isPrintf = s.k === 'printf';
    const render = (vals: Value[]): string => {
      if (isPrintf) {
        try {
          return awkSprintf(this.str(vals[0]!), vals.slice(1), (v) => this.str(v), 'printf');
        } catch (e) {
          if (e instanceof FormatError) throw new PrintfError(e.message, e.partial);
          throw e;
        }
      }
      if (vals.length === 0) return this.str(this.getRecord()) + this.ors;
      if (vals.length === 1) return this.outStr(vals[0]!) + this.ors;
      return vals.map((v) => this.outStr(v)).join(this.ofs) + this.ors;
    };
    const emit = (out: OutStream, vals: Value[]): void => {
      try {
        out.write(render(vals));
      } catch (e) {
        if (e instanceof PrintfError) {
          out.write(e.partial);
          throw new AwkRuntimeError(e.message);
        }
        throw e;
      }
    };
    if (!s.dest && args.every((a) => a.s)) {
      const ss = args.map((a) => a.s!);
      if (ss.length === 0) return { s: () => {
        this.stdout.write(this.str(this.getRecord()) + this.ors);
        return NORMAL;
      }, a: null };
      if (ss.length === 1 && !isPrintf) {
        const only = ss[0]!;
        return { s: () => {
          this.stdout.write(this.outStr(only()) + this.ors);
          return NORMAL;
        }, a: null };
      }
      return { s: () => {
        emit(this.stdout, ss.map((f) => f()));
        return NORMAL;
      }, a: null };
    }
    const as = args.map(toAsync);
    const dest = s.dest;
    const destEv = dest ? toAsync(this.expr(dest.e)) : null;
    return { s: null, a: async () => {
      const vals: Value[] = [];
      for (const a of as) vals.push(await a());
      const out = dest ? await this.output(dest.mode, this.str(await destEv!())) : this.stdout;
      emit(out, vals);
      if (out.full) await this.flushFull(out);
      return NORMAL;
    } };
  }

  /** Between loop iterations and records: flush a full buffer, and let signals in now and then. */
  private async tick(): Promise<void> {
    if (this.stdout.full) await this.flushFull(this.stdout);
    if ((++this.iterations & 4095) === 0) await this.sys.yield();
  }

  // ---- the main loop ---------------------------------------------------------------------------------

  private argv(): AwkArray {
    return this.G[this.argvSym.index] as AwkArray;
  }

  /** Open the next input operand (doing `var=value` ones on the way); false when none is left. */
  private async openNextMain(): Promise<boolean> {
    for (;;) {
      const argc = dToI(toNum(this.G[this.argcSym.index] as Value));
      if (this.argIndex >= argc) break;
      const v = this.argv().peek(this.argIndex);
      this.argIndex++;
      if (v === undefined) continue;
      const arg = this.str(v);
      if (arg === '') continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(arg);
      if (m) {
        this.assignVar(m[1]!, arg.slice(m[0].length));
        continue;
      }
      this.usedFileOperand = true;
      let fd: number;
      if (arg === '-' || arg === '/dev/stdin') fd = 0;
      else {
        try {
          fd = await this.sys.open(arg, 0o2000000);
        } catch (e) {
          if (!isSysError(e)) throw e;
          throw new AwkFatal(`cannot open ${arg} (${strerror(e.code)})`);
        }
      }
      this.startMain(fd, arg);
      return true;
    }
    if (!this.usedFileOperand) {
      this.usedFileOperand = true;
      this.startMain(0, '-');
      return true;
    }
    return false;
  }

  private startMain(fd: number, name: string): void {
    this.mainFd = fd;
    this.mainReader = new RecordReader(this.sys, fd, () => this.beforeRead(fd));
    this.FILENAME = name;
    this.FNR = 0;
  }

  async nextMainRecord(): Promise<string | null> {
    for (;;) {
      if (this.mainDone) return null;
      if (!this.mainReader) {
        if (!(await this.openNextMain())) {
          this.mainDone = true;
          return null;
        }
      }
      const rec = await this.mainReader!.next(this.rsSep);
      if (rec !== null) return rec;
      await this.endMainFile();
    }
  }

  private async endMainFile(): Promise<void> {
    if (this.mainFd > 0) await this.sys.close(this.mainFd);
    this.mainReader = null;
    this.mainFd = -1;
  }

  /** Run the whole program; returns the exit status. */
  async run(): Promise<number> {
    for (const [name, value] of this.opts.assigns) this.assignVar(name, value);
    if (this.opts.fs !== null) this.setSpecial('FS', decodeEscapes(this.opts.fs));
    this.stdoutTty = await this.sys.isatty(1);
    this.prevSeed = await this.now();
    this.srandom(dToI(this.prevSeed));
    const { begins, ends, items } = this.compiled;
    this.rangeActive = items.map(() => false);
    let exiting = false;
    try {
      for (const b of begins) {
        if (b.s) b.s();
        else await b.a!();
      }
      if (this.prog.readsInput) await this.mainLoop(items);
    } catch (e) {
      if (!(e instanceof AwkExit)) throw e;
      if (e.code !== null) this.exitCode = e.code & 255;
      exiting = true;
    }
    // exit in BEGIN or a rule still runs END; exit in END ends at once.
    void exiting;
    try {
      for (const b of ends) {
        if (b.s) b.s();
        else await b.a!();
      }
    } catch (e) {
      if (!(e instanceof AwkExit)) throw e;
      if (e.code !== null) this.exitCode = e.code & 255;
    }
    return this.exitCode;
  }

  private async mainLoop(items: Item[]): Promise<void> {
    const printRecord = (): void => this.stdout.write(this.str(this.getRecord()) + this.ors);
    for (;;) {
      const rec = await this.nextMainRecord();
      if (rec === null) return;
      this.NR = typeof this.NR === 'number' ? this.NR + 1 : toNum(this.NR) + 1;
      this.FNR = typeof this.FNR === 'number' ? this.FNR + 1 : toNum(this.FNR) + 1;
      this.setRecord(rec);
      for (let i = 0; i < items.length; i++) {
        const it = items[i]!;
        let run: boolean;
        if (it.range) {
          if (!this.rangeActive[i]) {
            const start = it.range[0];
            run = toBool(start.s ? start.s() : await start.a!());
            if (run) {
              const end = it.range[1];
              this.rangeActive[i] = !toBool(end.s ? end.s() : await end.a!());
            }
          } else {
            run = true;
            const end = it.range[1];
            if (toBool(end.s ? end.s() : await end.a!())) this.rangeActive[i] = false;
          }
        } else if (it.pattern) {
          const p = it.pattern;
          run = toBool(p.s ? p.s() : await p.a!());
        } else run = true;
        if (!run) continue;
        if (!it.body) {
          printRecord();
          continue;
        }
        const r = it.body.s ? it.body.s() : await it.body.a!();
        if (r === NEXT) break;
        if (r === NEXTFILE) {
          await this.endMainFile();
          break;
        }
      }
      if (this.stdoutTty) await this.stdout.flush();
      else await this.tick();
    }
  }

  /** FILENAME, FNR and NR for a run time error's second line. */
  where(): string {
    return `\tFILENAME="${this.str(this.FILENAME)}" FNR=${dToI(toNum(this.FNR))} NR=${dToI(toNum(this.NR))}`;
  }
}

class PrintfError extends Error {
  constructor(message: string, readonly partial: string) {
    super(message);
  }
}

/** A regex literal or call that cannot compile: reported at parse time in mawk. */
export class CompileRegexError extends Error {}

/** Numbers are copied as they are; this is where a cell copy would happen. */
function copyValue(v: Value): Value {
  return v;
}

function arith(op: string): (x: number, y: number) => number {
  switch (op) {
    case '+': return (x, y) => fixNaN(x + y, x, y);
    case '-': return (x, y) => fixNaN(x - y, x, y);
    case '*': return (x, y) => fixNaN(x * y, x, y);
    case '/': return (x, y) => fixNaN(x / y, x, y);
    case '%': return (x, y) => fixNaN(x % y, x, y);
    case '^': return (x, y) => fixNaN(Math.pow(x, y), x, y);
  }
  throw new AwkRuntimeError(`bad operator ${op}`);
}

function math1(f: (x: number) => number, x: number): number {
  return fixNaN(f(x), x);
}

function cmpTest(op: string): (c: number) => boolean {
  switch (op) {
    case '<': return (c) => c < 0;
    case '<=': return (c) => c <= 0;
    case '>': return (c) => c > 0;
    case '>=': return (c) => c >= 0;
    case '==': return (c) => c === 0;
    default: return (c) => c !== 0;
  }
}

/** mawk's substr: start and length truncated to integers, the range clipped to the string. */
function substr(s: string, start: number, len: number | null): string {
  const slen = s.length;
  if (slen === 0) return '';
  let n = len === null ? slen : dToI(len);
  let i = dToI(start) - 1;
  if (i > slen) n = 0;
  if (i < 0) {
    n -= i + 1;
    i = 0;
  }
  if (n > slen - i) n = slen - i;
  if (n <= 0) return '';
  return s.slice(i, i + n);
}

/** The replacement text for one match: `&` is the match, `\&` a literal `&`, `\\` a backslash. */
function expandRepl(repl: string, matched: string): string {
  if (!repl.includes('&') && !repl.includes('\\')) return repl;
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]!;
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) {
      out += repl[i + 1];
      i++;
    } else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}

function subText(re: Regex, s: string, repl: string): { out: string; count: number } {
  const m = re.exec(s, 0);
  if (!m) return { out: s, count: 0 };
  return { out: s.slice(0, m[0]) + expandRepl(repl, s.slice(m[0], m[1])) + s.slice(m[1]), count: 1 };
}

function gsubText(re: Regex, s: string, repl: string): { out: string; count: number } {
  let out = '';
  let count = 0;
  let pos = 0;
  let lastMatchEnd = -1;
  while (pos <= s.length) {
    const m = re.exec(s, pos);
    if (!m) break;
    const [a, b] = m;
    if (a === b && a === lastMatchEnd) {
      // An empty match right after a match: step over one byte.
      if (a < s.length) out += s[a];
      pos = a + 1;
      continue;
    }
    out += s.slice(pos, a) + expandRepl(repl, s.slice(a, b));
    count++;
    if (b > a) {
      pos = b;
      lastMatchEnd = b;
    } else {
      if (a < s.length) out += s[a];
      pos = a + 1;
      lastMatchEnd = -1;
    }
  }
  if (pos < s.length) out += s.slice(pos);
  return { out, count };
}

export { Strnum };

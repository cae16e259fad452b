// The part of Go's text/template that `docker ... --format` uses: text and {{actions}} with
// trim markers, pipelines, fields (.A.B), variables, literals, if/else/range/with/end, Go's
// builtins (printf len index eq ne lt le gt ge and or not print println) and Docker's own
// functions (json split join title lower upper pad truncate). Errors carry Go's words so the
// CLI can print them as Docker does ("template: :1: unclosed action").

import { utf8Encode } from '../../../base/text.ts';
import { goJsonEscape } from '../../../runtime/go-style.ts';

export class TemplateError extends Error {}

/** A value with named fields computed on demand (Docker's formatter contexts). */
export class FieldObject {
  constructor(
    /** Go's type name for messages: "*formatter.ContainerContext". */
    readonly typeName: string,
    /** Fields, and methods with arguments (`{{.Label "maintainer"}}`). */
    readonly fields: Record<string, (...args: unknown[]) => unknown>,
    /** What `{{json .}}` prints. */
    readonly json: () => unknown,
  ) {}
}

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe; pos: number }
  | { t: 'if' | 'range' | 'with'; pipe: Pipe; list: Node[]; else: Node[] | null; pos: number };

interface Pipe {
  decl: string[];
  cmds: Cmd[];
  pos: number;
}
interface Cmd {
  args: Arg[];
  pos: number;
}
type Arg =
  | { t: 'field'; names: string[]; pos: number; text: string }
  | { t: 'var'; name: string; names: string[]; pos: number; text: string }
  | { t: 'dot'; pos: number; text: string }
  | { t: 'str'; v: string; pos: number; text: string }
  | { t: 'num'; v: number; pos: number; text: string }
  | { t: 'bool'; v: boolean; pos: number; text: string }
  | { t: 'nil'; pos: number; text: string }
  | { t: 'fn'; name: string; pos: number; text: string }
  | { t: 'pipe'; pipe: Pipe; names: string[]; pos: number; text: string };

type Fn = (...args: unknown[]) => unknown;

// ---------------------------------------------------------------- parsing

interface Tok {
  k: 'field' | 'var' | 'str' | 'num' | 'ident' | 'dot' | 'lp' | 'rp' | 'pipe' | 'decl' | 'assign' | 'comma';
  v: string;
  pos: number;
}

export class Template {
  private constructor(
    private readonly src: string,
    private readonly root: Node[],
    private readonly funcs: Record<string, Fn>,
  ) {}

  static parse(src: string, extra: Record<string, Fn> = {}): Template {
    const funcs = { ...BUILTINS, ...extra };
    const p = new Parser(src, funcs);
    const root = p.parseList(true);
    return new Template(src, root, funcs);
  }

  execute(dot: unknown): string {
    const ex = new Exec(this.src, this.funcs);
    ex.vars.push(['$', dot]);
    ex.walk(this.root, dot);
    return ex.out;
  }
}

class Parser {
  private i = 0;
  private pending: 'end' | 'else' | null = null;
  constructor(
    private readonly src: string,
    private readonly funcs: Record<string, Fn>,
  ) {}

  private lineOf(pos: number): number {
    return this.src.slice(0, pos).split('\n').length;
  }
  private fail(pos: number, msg: string): never {
    throw new TemplateError(`template: :${this.lineOf(pos)}: ${msg}`);
  }

  /** Nodes up to {{end}}/{{else}} (or the end of the text at top level). */
  parseList(top: boolean): Node[] {
    const nodes: Node[] = [];
    for (;;) {
      const open = this.src.indexOf('{{', this.i);
      if (open < 0) {
        if (this.i < this.src.length) nodes.push({ t: 'text', text: this.src.slice(this.i) });
        this.i = this.src.length;
        if (!top) this.fail(this.src.length, 'unexpected EOF');
        return nodes;
      }
      let text = this.src.slice(this.i, open);
      let start = open + 2;
      if (this.src.startsWith('- ', start) || this.src.startsWith('-\t', start) || this.src.startsWith('-\n', start)) {
        text = text.replace(/[ \t\r\n]+$/, '');
        start += 1;
      }
      if (text) nodes.push({ t: 'text', text });
      const close = this.findClose(start);
      if (close < 0) this.fail(open, 'unclosed action');
      let inner = this.src.slice(start, close);
      let after = close + 2;
      if (/[ \t\r\n]-$/.test(inner)) {
        inner = inner.slice(0, -1);
        const m = /^[ \t\r\n]*/.exec(this.src.slice(after))!;
        after += m[0].length;
      }
      this.i = after;
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(inner)) continue;
      const toks = this.lex(inner, start);
      const kw = toks[0]?.k === 'ident' ? toks[0].v : '';
      if (kw === 'end' || kw === 'else') {
        if (top) this.fail(open, `unexpected {{${kw}}}`);
        if (kw === 'else' && toks.length > 1 && toks[1]!.k === 'ident' && toks[1]!.v === 'if') {
          // {{else if X}} is {{else}}{{if X}}...{{end}} sharing the outer {{end}}
          this.pending = 'else';
          this.elseIf = { toks: toks.slice(2), pos: toks[1]!.pos };
          return nodes;
        }
        this.pending = kw;
        return nodes;
      }
      if (kw === 'if' || kw === 'range' || kw === 'with') {
        nodes.push(this.control(kw, toks.slice(1), toks[0]!.pos));
        continue;
      }
      if (toks.length === 0) this.fail(open, 'missing value for command');
      nodes.push({ t: 'action', pipe: this.pipe(toks, start), pos: start });
    }
  }

  private elseIf: { toks: Tok[]; pos: number } | null = null;

  private control(kw: 'if' | 'range' | 'with', toks: Tok[], pos: number): Node {
    if (toks.length === 0) this.fail(pos, `missing value for ${kw}`);
    const pipe = this.pipe(toks, pos);
    const list = this.parseList(false);
    let els: Node[] | null = null;
    if (this.pending === 'else') {
      if (this.elseIf) {
        const ei = this.elseIf;
        this.elseIf = null;
        els = [this.control('if', ei.toks, ei.pos)];
        return { t: kw, pipe, list, else: els, pos };
      }
      els = this.parseList(false);
      if ((this.pending as string) !== 'end') this.fail(pos, 'expected end; found {{else}}');
    }
    this.pending = null;
    return { t: kw, pipe, list, else: els, pos };
  }

  private findClose(from: number): number {
    let q: string | null = null;
    for (let j = from; j < this.src.length - 1; j++) {
      const c = this.src[j]!;
      if (q) {
        if (c === '\\' && q === '"') j++;
        else if (c === q) q = null;
        continue;
      }
      if (c === '"' || c === '`' || c === "'") q = c;
      else if (c === '}' && this.src[j + 1] === '}') return j;
    }
    return -1;
  }

  private lex(s: string, base: number): Tok[] {
    const toks: Tok[] = [];
    let j = 0;
    while (j < s.length) {
      const c = s[j]!;
      const pos = base + j;
      if (/\s/.test(c)) {
        j++;
      } else if (c === '"') {
        let k = j + 1;
        while (k < s.length && s[k] !== '"') k += s[k] === '\\' ? 2 : 1;
        if (k >= s.length) this.fail(pos, 'unterminated quoted string');
        toks.push({ k: 'str', v: unquote(s.slice(j, k + 1)), pos });
        j = k + 1;
      } else if (c === '`') {
        const k = s.indexOf('`', j + 1);
        if (k < 0) this.fail(pos, 'unterminated raw quoted string');
        toks.push({ k: 'str', v: s.slice(j + 1, k), pos });
        j = k + 1;
      } else if (c === '.' && !/[0-9]/.test(s[j + 1] ?? '')) {
        const m = /^(\.[A-Za-z_][A-Za-z0-9_]*)+|^\./.exec(s.slice(j))!;
        toks.push({ k: m[0] === '.' ? 'dot' : 'field', v: m[0], pos });
        j += m[0].length;
      } else if (c === '$') {
        const m = /^\$[A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(s.slice(j))!;
        toks.push({ k: 'var', v: m[0], pos });
        j += m[0].length;
      } else if (/[-+0-9.]/.test(c)) {
        const m = /^[-+]?(0x[0-9a-fA-F]+|[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?)/.exec(s.slice(j));
        if (!m || m[0] === '') this.fail(pos, `unexpected "${c}" in command`);
        toks.push({ k: 'num', v: m[0], pos });
        j += m[0].length;
      } else if (/[A-Za-z_]/.test(c)) {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(j))!;
        toks.push({ k: 'ident', v: m[0], pos });
        j += m[0].length;
      } else if (c === '(') {
        toks.push({ k: 'lp', v: c, pos });
        j++;
      } else if (c === ')') {
        const m = /^\)(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(s.slice(j))!;
        toks.push({ k: 'rp', v: m[0], pos });
        j += m[0].length;
      } else if (c === '|') {
        toks.push({ k: 'pipe', v: c, pos });
        j++;
      } else if (c === ':' && s[j + 1] === '=') {
        toks.push({ k: 'decl', v: ':=', pos });
        j += 2;
      } else if (c === '=') {
        toks.push({ k: 'assign', v: '=', pos });
        j++;
      } else if (c === ',') {
        toks.push({ k: 'comma', v: ',', pos });
        j++;
      } else {
        this.fail(pos, `unexpected ${JSON.stringify(c)} in command`);
      }
    }
    return toks;
  }

  private pipe(toks: Tok[], pos: number): Pipe {
    const decl: string[] = [];
    let k = 0;
    if (toks[0]?.k === 'var' && (toks[1]?.k === 'decl' || toks[1]?.k === 'assign')) {
      decl.push(toks[0].v);
      k = 2;
    } else if (toks[0]?.k === 'var' && toks[1]?.k === 'comma' && toks[2]?.k === 'var' && toks[3]?.k === 'decl') {
      decl.push(toks[0].v, toks[2].v);
      k = 4;
    }
    const cmds: Cmd[] = [];
    let args: Arg[] = [];
    let cpos = toks[k]?.pos ?? pos;
    while (k < toks.length) {
      const t = toks[k]!;
      if (t.k === 'pipe') {
        if (args.length === 0) this.fail(t.pos, 'missing value for command');
        cmds.push({ args, pos: cpos });
        args = [];
        cpos = toks[k + 1]?.pos ?? t.pos;
        k++;
        continue;
      }
      if (t.k === 'lp') {
        let depth = 1;
        let e = k + 1;
        for (; e < toks.length; e++) {
          if (toks[e]!.k === 'lp') depth++;
          if (toks[e]!.k === 'rp' && --depth === 0) break;
        }
        if (e >= toks.length) this.fail(t.pos, 'unclosed left paren');
        const inner = this.pipe(toks.slice(k + 1, e), t.pos);
        const names = toks[e]!.v.split('.').slice(1);
        args.push({ t: 'pipe', pipe: inner, names, pos: t.pos, text: '(' });
        k = e + 1;
        continue;
      }
      args.push(this.operand(t));
      k++;
    }
    if (args.length === 0) this.fail(pos, 'missing value for command');
    cmds.push({ args, pos: cpos });
    return { decl, cmds, pos };
  }

  private operand(t: Tok): Arg {
    switch (t.k) {
      case 'field':
        return { t: 'field', names: t.v.split('.').slice(1), pos: t.pos, text: t.v };
      case 'dot':
        return { t: 'dot', pos: t.pos, text: '.' };
      case 'var': {
        const [name, ...names] = t.v.split('.');
        return { t: 'var', name: name!, names, pos: t.pos, text: t.v };
      }
      case 'str':
        return { t: 'str', v: t.v, pos: t.pos, text: JSON.stringify(t.v) };
      case 'num':
        return { t: 'num', v: Number(t.v), pos: t.pos, text: t.v };
      case 'ident':
        if (t.v === 'true' || t.v === 'false') return { t: 'bool', v: t.v === 'true', pos: t.pos, text: t.v };
        if (t.v === 'nil') return { t: 'nil', pos: t.pos, text: 'nil' };
        if (!(t.v in this.funcs)) this.fail(t.pos, `function "${t.v}" not defined`);
        return { t: 'fn', name: t.v, pos: t.pos, text: t.v };
      default:
        return this.fail(t.pos, `unexpected "${t.v}" in command`);
    }
  }
}

function unquote(q: string): string {
  try {
    return JSON.parse(q.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\'/g, "'")) as string;
  } catch {
    return q.slice(1, -1);
  }
}

// ---------------------------------------------------------------- execution

class Exec {
  out = '';
  vars: [string, unknown][] = [];
  constructor(
    private readonly src: string,
    private readonly funcs: Record<string, Fn>,
  ) {}

  private fail(pos: number, at: string, msg: string): never {
    const before = this.src.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - (before.lastIndexOf('\n') + 1);
    throw new TemplateError(`template: :${line}:${col}: executing "" at <${at}>: ${msg}`);
  }

  walk(nodes: Node[], dot: unknown): void {
    for (const n of nodes) {
      if (n.t === 'text') this.out += n.text;
      else if (n.t === 'action') {
        const v = this.pipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) this.out += printValue(v);
      } else {
        const mark = this.vars.length;
        const v = this.pipe(n.pipe, dot);
        if (n.t === 'if') this.walk(truth(v) ? n.list : (n.else ?? []), dot);
        else if (n.t === 'with') this.walk(truth(v) ? n.list : (n.else ?? []), truth(v) ? v : dot);
        else {
          const items: [unknown, unknown][] = Array.isArray(v)
            ? v.map((x, i) => [i, x])
            : v && typeof v === 'object' && !(v instanceof FieldObject)
              ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])
              : typeof v === 'number'
                ? Array.from({ length: v }, (_, i) => [i, i])
                : [];
          if (items.length === 0) this.walk(n.else ?? [], dot);
          for (const [k, x] of items) {
            const inner = this.vars.length;
            if (n.pipe.decl.length === 1) this.vars.push([n.pipe.decl[0]!, x]);
            if (n.pipe.decl.length === 2) this.vars.push([n.pipe.decl[0]!, k], [n.pipe.decl[1]!, x]);
            this.walk(n.list, x);
            this.vars.length = inner;
          }
        }
        this.vars.length = mark;
      }
    }
  }

  private pipe(p: Pipe, dot: unknown): unknown {
    let v: unknown = undefined;
    let first = true;
    for (const c of p.cmds) {
      v = this.command(c, dot, first ? undefined : { v });
      first = false;
    }
    for (const d of p.decl) this.vars.push([d, v]);
    return v;
  }

  private command(c: Cmd, dot: unknown, final?: { v: unknown }): unknown {
    const [head, ...rest] = c.args;
    const args = (): unknown[] => {
      const a = rest.map((x) => this.arg(x, dot));
      if (final) a.push(final.v);
      return a;
    };
    if (head!.t === 'fn') {
      try {
        return this.funcs[head!.name]!(...args());
      } catch (e) {
        if (e instanceof TemplateError) throw e;
        this.fail(head!.pos, head!.text, `error calling ${head!.name}: ${(e as Error).message}`);
      }
    }
    if (rest.length > 0 || final) {
      if (head!.t === 'field' && head!.names.length > 0) {
        // a method called with arguments, as Docker's contexts offer (.Label "key")
        const recv = this.fields(dot, head!.names.slice(0, -1), head!);
        const name = head!.names[head!.names.length - 1]!;
        if (recv instanceof FieldObject && recv.fields[name] && recv.fields[name]!.length > 0) return recv.fields[name]!(...args());
      }
      this.fail(head!.pos, head!.text, `can't give argument to non-function ${head!.text}`);
    }
    return this.arg(head!, dot);
  }

  private arg(a: Arg, dot: unknown): unknown {
    switch (a.t) {
      case 'dot':
        return dot;
      case 'str':
      case 'num':
      case 'bool':
        return a.v;
      case 'nil':
        return null;
      case 'fn':
        return this.funcs[a.name]!();
      case 'field':
        return this.fields(dot, a.names, a);
      case 'var': {
        const found = [...this.vars].reverse().find(([n]) => n === a.name);
        if (!found) this.fail(a.pos, a.text, `undefined variable: ${a.name}`);
        return this.fields(found[1], a.names, a);
      }
      case 'pipe':
        return this.fields(this.pipe(a.pipe, dot), a.names, a);
    }
  }

  private fields(v: unknown, names: string[], a: Arg): unknown {
    for (const name of names) {
      if (v instanceof FieldObject) {
        const f = v.fields[name];
        if (!f) this.fail(a.pos, a.text, `can't evaluate field ${name} in type ${v.typeName}`);
        v = f();
      } else if (v && typeof v === 'object' && !Array.isArray(v)) {
        v = (v as Record<string, unknown>)[name];
      } else if (v === null || v === undefined) {
        this.fail(a.pos, a.text, `nil pointer evaluating interface {}.${name}`);
      } else {
        this.fail(a.pos, a.text, `can't evaluate field ${name} in type ${goType(v)}`);
      }
    }
    return v;
  }
}

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'interface {}';
}

function truth(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof FieldObject) return true;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** Go's fmt %v of a decoded value. */
export function printValue(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(inner).join(' ')}]`;
  if (v instanceof FieldObject) return printValue(v.json());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${inner(o[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}
const inner = (v: unknown): string => (v === undefined || v === null ? '<nil>' : printValue(v));

function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  return s.replace(/e\+?(-?)(\d)$/, 'e+$10$2').replace(/e\+-/, 'e-');
}

/** Go's encoding/json output (HTML characters escaped), object keys in the given order. */
export function goJsonCompact(v: unknown): string {
  return goJsonEscape(JSON.stringify(v, (_k, x: unknown) => (x instanceof FieldObject ? x.json() : x)));
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : printValue(v);
}

// Go's fmt verbs that templates use: %s %v %d %q %x %f %t %% with flags and width.
function sprintf(format: unknown, ...args: unknown[]): string {
  const f = str(format);
  let i = 0;
  return f.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([svdqxXftTc%])/g, (_m, flags: string, width: string | undefined, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const a = args[i++];
    let s: string;
    switch (verb) {
      case 'd':
        s = typeof a === 'number' ? String(Math.trunc(a)) : `%!d(${goType(a)}=${str(a)})`;
        break;
      case 'q':
        s = JSON.stringify(str(a));
        break;
      case 'x':
      case 'X':
        s = typeof a === 'number' ? a.toString(16) : [...utf8Encode(str(a))].map((b) => b.toString(16).padStart(2, '0')).join('');
        if (verb === 'X') s = s.toUpperCase();
        break;
      case 'f':
        s = typeof a === 'number' ? a.toFixed(prec ? Number(prec) : 6) : `%!f(${goType(a)}=${str(a)})`;
        break;
      case 'T':
        s = goType(a);
        break;
      default:
        s = str(a);
        if (prec !== undefined && (verb === 's' || verb === 'v')) s = [...s].slice(0, Number(prec)).join('');
    }
    const w = width ? Number(width) : 0;
    const len = [...s].length;
    if (len < w) s = flags.includes('-') ? s + ' '.repeat(w - len) : (flags.includes('0') && verb === 'd' ? '0' : ' ').repeat(w - len) + s;
    return s;
  });
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new TemplateError('incompatible types for comparison');
}

function titleCase(s: string): string {
  let prev = ' ';
  let out = '';
  for (const c of s) {
    out += /[\p{L}\p{N}_']/u.test(prev) ? c : c.toUpperCase();
    prev = c;
  }
  return out;
}

const BUILTINS: Record<string, Fn> = {
  and: (...a) => a.find((x) => !truth(x)) ?? a[a.length - 1],
  or: (...a) => a.find((x) => truth(x)) ?? a[a.length - 1],
  not: (a) => !truth(a),
  len: (a) => (typeof a === 'string' ? utf8Encode(a).length : Array.isArray(a) ? a.length : a && typeof a === 'object' ? Object.keys(a).length : 0),
  index: (a, ...keys) => keys.reduce((v: unknown, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined), a),
  print: (...a) => a.map(str).join(''),
  println: (...a) => `${a.map(str).join(' ')}\n`,
  printf: sprintf,
  eq: (a, ...b) => b.some((x) => x === a),
  ne: (a, b) => a !== b,
  lt: (a, b) => compare(a, b) < 0,
  le: (a, b) => compare(a, b) <= 0,
  gt: (a, b) => compare(a, b) > 0,
  ge: (a, b) => compare(a, b) >= 0,
  // Docker's (cli/templates/templates.go)
  json: (v) => goJsonCompact(v),
  split: (s, sep) => str(s).split(str(sep)),
  join: (a, sep) => (Array.isArray(a) ? a.map(str).join(str(sep)) : str(a)),
  title: (s) => titleCase(str(s)),
  lower: (s) => str(s).toLowerCase(),
  upper: (s) => str(s).toUpperCase(),
  pad: (s, before, after) => ' '.repeat(Number(before)) + str(s) + ' '.repeat(Number(after)),
  truncate: (s, n) => [...str(s)].slice(0, Number(n)).join(''),
};

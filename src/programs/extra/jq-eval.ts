// jq's evaluator: a filter run as a function from one input to the list of its outputs (an
// error keeps the outputs made before it, as jq prints them), indexing, arithmetic, @formats,
// and paths for assignment (`=`, `|=`, `+=`...) and del(). Builtins are in jq-builtins.ts.

import { utf8Decode, utf8Encode } from '../../base/text.ts';
import { compare, described, dump, formatNumber, JqError, type JObj, type Json, quoteString, toStr, typeOf } from './jq-json.ts';
import { BUILTIN_NAMES, call } from './jq-builtins.ts';
import type { Node } from './jq-parse.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

function unbase64(s: string): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of s) {
    const v = B64.indexOf(c);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return Uint8Array.from(out);
}

/** `f()`, or (for a step marked with `?`) what it made before an error. */
function optional(opt: boolean | undefined, f: () => Json[]): Json[] {
  if (!opt) return f();
  try {
    return f();
  } catch (e) {
    if (e instanceof JqError) return e.partial;
    throw e;
  }
}

/** Run `body` on each output of `source`, keeping the outputs made before an error in it. */
function each(source: () => Json[], body: (x: Json) => Json[]): Json[] {
  let xs: Json[];
  let pending: JqError | null = null;
  try {
    xs = source();
  } catch (e) {
    if (!(e instanceof JqError)) throw e;
    xs = e.partial;
    pending = e;
  }
  const out: Json[] = [];
  for (const x of xs) {
    try {
      out.push(...body(x));
    } catch (e) {
      if (e instanceof JqError) e.partial = [...out, ...e.partial];
      throw e;
    }
  }
  if (pending) {
    pending.partial = out;
    throw pending;
  }
  return out;
}

export const truthy = (v: Json): boolean => v !== null && v !== false;

export type Env = Map<string, Json>;

export function index(v: Json, k: Json): Json {
  if (typeof k === 'string' && (v instanceof Map || v === null)) return v === null ? null : (v.get(k) ?? null);
  if (typeof k === 'number' && (Array.isArray(v) || v === null)) {
    if (v === null) return null;
    if (!Number.isInteger(k)) return null;
    return v[k < 0 ? v.length + k : k] ?? null;
  }
  if (typeof k === 'string') throw new JqError(`Cannot index ${typeOf(v)} with string ${quoteString(k)}`);
  throw new JqError(`Cannot index ${typeOf(v)} with ${typeOf(k)}`);
}

export function iterate(v: Json): Json[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Map) return [...v.values()];
  throw new JqError(`Cannot iterate over ${described(v)}`);
}

export function slice(v: Json, from: Json, to: Json): Json {
  if (v === null) return null;
  if (typeof v !== 'string' && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with object`);
  const len = v.length;
  const clamp = (x: Json, dflt: number, round: (n: number) => number): number => {
    if (x === null) return dflt;
    if (typeof x !== 'number') throw new JqError('Start and end indices of an array slice must be numbers');
    const i = round(x < 0 ? len + x : x);
    return Math.max(0, Math.min(len, i));
  };
  const a = clamp(from, 0, Math.floor);
  const b = Math.max(a, clamp(to, len, Math.ceil));
  return v.slice(a, b);
}

export function arith(op: string, a: Json, b: Json): Json {
  const words: Record<string, string> = { '+': 'added', '-': 'subtracted', '*': 'multiplied', '/': 'divided', '%': 'divided' };
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (op === '/') {
      if (b === 0) throw new JqError(`${described(a)} and ${described(b)} cannot be divided because the divisor is zero`);
      return a / b;
    }
    const bi = Math.trunc(b);
    if (bi === 0) throw new JqError(`${described(a)} and ${described(b)} cannot be divided because the divisor is zero`);
    return Math.trunc(a) % Math.abs(bi);
  }
  if (op === '+') {
    if (a === null) return b;
    if (b === null) return a;
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    if (a instanceof Map && b instanceof Map) return new Map([...a, ...b]);
  }
  if (op === '-' && Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => compare(x, y) === 0));
  if (op === '*') {
    if (typeof a === 'string' && typeof b === 'number') return b > 0 ? a.repeat(Math.max(1, Math.ceil(b))) : null;
    if (a instanceof Map && b instanceof Map) return deepMerge(a, b);
  }
  if (op === '/' && typeof a === 'string' && typeof b === 'string') return split(a, b);
  throw new JqError(`${described(a)} and ${described(b)} cannot be ${words[op]}`);
}

export function deepMerge(a: JObj, b: JObj): JObj {
  const out = new Map(a);
  for (const [k, v] of b) {
    const old = out.get(k);
    out.set(k, old instanceof Map && v instanceof Map ? deepMerge(old, v) : v);
  }
  return out;
}

export function split(s: string, sep: string): Json[] {
  if (s === '') return [];
  return sep === '' ? [...s] : s.split(sep);
}

function format(name: string, v: Json): string {
  switch (name) {
    case 'text':
      return toStr(v);
    case 'json':
      return dump(v, { indent: '', sortKeys: false });
    case 'base64': {
      return base64(utf8Encode(toStr(v)));
    }
    case 'base64d': {
      return utf8Decode(unbase64(toStr(v)));
    }
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(v)) throw new JqError(`${described(v)} cannot be ${name}-formatted, only array`);
      return v
        .map((x) => {
          if (typeof x === 'number') return formatNumber(x);
          if (typeof x === 'boolean') return String(x);
          if (x === null) return '';
          if (typeof x === 'string') {
            if (name === 'csv') return `"${x.replace(/"/g, '""')}"`;
            return x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
          }
          throw new JqError(`${described(x)} is not valid in a csv row`);
        })
        .join(name === 'csv' ? ',' : '\t');
    }
    case 'html':
      return toStr(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);
    case 'uri':
      return [...utf8Encode(toStr(v))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    case 'sh': {
      const one = (x: Json): string => {
        if (x instanceof Map || Array.isArray(x)) throw new JqError(`${described(x)} can not be escaped for shell`);
        return typeof x === 'string' ? `'${x.replace(/'/g, "'\\''")}'` : toStr(x);
      };
      return Array.isArray(v) ? v.map(one).join(' ') : one(v);
    }
  }
  throw new JqError(`${name} is not a valid format`);
}

/** Every combination of the outputs of `nodes`, the last varying fastest... as jq does for `a op b`. */
function pairs(node: { l: Node; r: Node }, input: Json, env: Env, f: (a: Json, b: Json) => Json): Json[] {
  const out: Json[] = [];
  for (const b of run(node.r, input, env)) for (const a of run(node.l, input, env)) out.push(f(a, b));
  return out;
}

/** Check a parsed program's calls and variables, as jq's compiler does before running. */
export function checkProgram(node: Node, vars: Set<string>): { message: string; at: number } | null {
  const kids: Node[] = [];
  switch (node.t) {
    case 'call':
      if (!BUILTIN_NAMES.has(`${node.name}/${node.args.length}`)) return { message: `${node.name}/${node.args.length} is not defined`, at: node.at ?? 0 };
      kids.push(...node.args);
      break;
    case 'var':
      if (!vars.has(node.name)) return { message: `$${node.name} is not defined`, at: node.at ?? 0 };
      break;
    case 'as': {
      const e = checkProgram(node.source, vars);
      if (e) return e;
      return checkProgram(node.body, new Set([...vars, node.name]));
    }
    case 'reduce': {
      const e = checkProgram(node.source, vars) ?? checkProgram(node.init, vars);
      if (e) return e;
      return checkProgram(node.update, new Set([...vars, node.name]));
    }
    case 'index':
      kids.push(node.target, node.key);
      break;
    case 'slice':
      kids.push(node.target, ...(node.from ? [node.from] : []), ...(node.to ? [node.to] : []));
      break;
    case 'iter':
      kids.push(node.target);
      break;
    case 'try':
      kids.push(node.body, ...(node.handler ? [node.handler] : []));
      break;
    case 'neg':
      kids.push(node.body);
      break;
    case 'pipe':
    case 'comma':
    case 'alt':
    case 'and':
    case 'or':
    case 'bin':
    case 'assign':
      kids.push(node.l, node.r);
      break;
    case 'str':
      for (const p of node.parts) if (typeof p !== 'string') kids.push(p);
      break;
    case 'array':
      if (node.body) kids.push(node.body);
      break;
    case 'object':
      for (const e of node.entries) kids.push(e.key, e.value);
      break;
    case 'if':
      kids.push(node.cond, node.then, ...(node.else ? [node.else] : []));
      break;
  }
  for (const k of kids) {
    const e = checkProgram(k, vars);
    if (e) return e;
  }
  return null;
}

export function run(node: Node, input: Json, env: Env): Json[] {
  switch (node.t) {
    case 'identity':
      return [input];
    case 'lit':
      return [node.v as Json];
    case 'index':
      return each(
        () => run(node.target, input, env),
        (t) => optional(node.opt, () => run(node.key, input, env).map((k) => index(t, k))),
      );
    case 'slice':
      return each(
        () => run(node.target, input, env),
        (t) =>
          optional(node.opt, () => {
            const out: Json[] = [];
            for (const to of node.to ? run(node.to, input, env) : [null]) for (const from of node.from ? run(node.from, input, env) : [null]) out.push(slice(t, from, to));
            return out;
          }),
      );
    case 'iter':
      return each(
        () => run(node.target, input, env),
        (t) => optional(node.opt, () => iterate(t)),
      );
    case 'try': {
      // Outputs before the error stay, as jq's backtracking keeps them.
      try {
        return run(node.body, input, env);
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
        if (node.handler && e.value !== null) return [...e.partial, ...run(node.handler, e.value, env)];
        return e.partial;
      }
    }
    case 'pipe':
      return each(
        () => run(node.l, input, env),
        (x) => run(node.r, x, env),
      );
    case 'comma': {
      const left = run(node.l, input, env);
      try {
        return [...left, ...run(node.r, input, env)];
      } catch (e) {
        if (e instanceof JqError) e.partial = [...left, ...e.partial];
        throw e;
      }
    }
    case 'alt': {
      let left: Json[] = [];
      try {
        left = run(node.l, input, env).filter(truthy);
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
      }
      return left.length ? left : run(node.r, input, env);
    }
    case 'and':
    case 'or':
      return run(node.l, input, env).flatMap((a) => {
        if (node.t === 'and' && !truthy(a)) return [false];
        if (node.t === 'or' && truthy(a)) return [true];
        return run(node.r, input, env).map(truthy);
      });
    case 'bin':
      return pairs(node, input, env, (a, b) => {
        switch (node.op) {
          case '==':
            return compare(a, b) === 0;
          case '!=':
            return compare(a, b) !== 0;
          case '<':
            return compare(a, b) < 0;
          case '<=':
            return compare(a, b) <= 0;
          case '>':
            return compare(a, b) > 0;
          case '>=':
            return compare(a, b) >= 0;
        }
        return arith(node.op, a, b);
      });
    case 'neg':
      return run(node.body, input, env).map((v) => {
        if (typeof v !== 'number') throw new JqError(`${described(v)} cannot be negated`);
        return -v;
      });
    case 'str': {
      let outs: string[] = [''];
      for (const p of node.parts) {
        if (typeof p === 'string') outs = outs.map((s) => s + p);
        else {
          const vals = run(p, input, env).map((v) => format(node.fmt ?? 'text', v));
          outs = vals.flatMap((v) => outs.map((s) => s + v));
        }
      }
      return outs;
    }
    case 'format':
      return [format(node.name, input)];
    case 'array':
      return [node.body ? run(node.body, input, env) : []];
    case 'object': {
      let objs: JObj[] = [new Map()];
      for (const e of node.entries) {
        const next: JObj[] = [];
        for (const o of objs)
          for (const k of run(e.key, input, env)) {
            if (typeof k !== 'string') throw new JqError(`Object keys must be strings`);
            for (const v of run(e.value, input, env)) next.push(new Map(o).set(k, v));
          }
        objs = next;
      }
      return objs;
    }
    case 'var':
      return [env.get(node.name) ?? null];
    case 'as':
      return each(
        () => run(node.source, input, env),
        (v) => run(node.body, input, new Map(env).set(node.name, v)),
      );
    case 'reduce': {
      let acc = run(node.init, input, env);
      for (const v of run(node.source, input, env)) {
        const inner = new Map(env).set(node.name, v);
        acc = acc.flatMap((a) => run(node.update, a, inner)).slice(-1);
      }
      return acc;
    }
    case 'call':
      return call(node.name, node.args, input, env);
    case 'if':
      return run(node.cond, input, env).flatMap((c) => (truthy(c) ? run(node.then, input, env) : node.else ? run(node.else, input, env) : [input]));
    case 'assign':
      return assign(node.op, node.l, node.r, input, env);
  }
}

type Path = Json[];

/** The paths a path expression (`.a`, `.[0]`, `.[]`, `select(f)`, pipes of these) points at. */
export function paths(node: Node, input: Json, env: Env, root: Json = input): Path[] {
  switch (node.t) {
    case 'identity':
      return [[]];
    case 'index':
      return paths(node.target, input, env, root).flatMap((p) =>
        run(node.key, root, env).map((k) => {
          index(getPath(input, p), k);
          return [...p, k];
        }),
      );
    case 'iter':
      return paths(node.target, input, env, root).flatMap((p) => {
        const v = getPath(input, p);
        if (v === null) return [];
        return keysOfIter(v).map((k) => [...p, k]);
      });
    case 'pipe':
      return paths(node.l, input, env, root).flatMap((p) => paths(node.r, getPath(input, p), env, root).map((q) => [...p, ...q]));
    case 'comma':
      return [...paths(node.l, input, env, root), ...paths(node.r, input, env, root)];
    case 'try':
      try {
        return paths(node.body, input, env, root);
      } catch (e) {
        if (e instanceof JqError) return [];
        throw e;
      }
    case 'if':
      return run(node.cond, input, env).flatMap((c) => (truthy(c) ? paths(node.then, input, env, root) : node.else ? paths(node.else, input, env, root) : [[]]));
    case 'call':
      if (node.name === 'select' && node.args.length === 1) return run(node.args[0]!, input, env).filter(truthy).map(() => []);
      if (node.name === 'empty' && node.args.length === 0) return [];
      if (node.name === 'first' && node.args.length === 0) return [[0]];
      if (node.name === 'last' && node.args.length === 0) return [[-1]];
      break;
  }
  throw new JqError(`Invalid path expression with result ${dump(run(node, input, env)[0] ?? null, { indent: '', sortKeys: false })}`);
}

export function keysOfIter(v: Json): Json[] {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (v instanceof Map) return [...v.keys()];
  throw new JqError(`Cannot iterate over ${described(v)}`);
}

export function getPath(v: Json, p: Path): Json {
  for (const k of p) {
    if (v === null) return null;
    v = index(v, k);
  }
  return v;
}

function setPath(v: Json, p: Path, value: Json): Json {
  if (p.length === 0) return value;
  const [k, ...rest] = p;
  if (typeof k === 'string') {
    if (v !== null && !(v instanceof Map)) throw new JqError(`Cannot index ${typeOf(v)} with string ${quoteString(k)}`);
    const o: JObj = new Map(v ?? []);
    o.set(k, setPath(o.get(k) ?? null, rest, value));
    return o;
  }
  if (typeof k === 'number') {
    if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`);
    const a = [...(v ?? [])];
    const i = k < 0 ? a.length + k : Math.floor(k);
    if (i < 0) throw new JqError('Out of bounds negative array index');
    while (a.length < i) a.push(null);
    a[i] = setPath(a[i] ?? null, rest, value);
    return a;
  }
  throw new JqError(`Cannot update field at object index of ${typeOf(v)}`);
}

export function deletePaths(v: Json, ps: Path[]): Json {
  const sorted = [...ps].sort((a, b) => compare(b, a));
  for (const p of sorted) {
    if (p.length === 0) return null;
    const parent = getPath(v, p.slice(0, -1));
    const k = p[p.length - 1]!;
    if (parent === null) continue;
    let updated: Json;
    if (parent instanceof Map && typeof k === 'string') {
      updated = new Map(parent);
      updated.delete(k);
    } else if (Array.isArray(parent) && typeof k === 'number') {
      updated = [...parent];
      updated.splice(k < 0 ? parent.length + k : k, 1);
    } else throw new JqError(`Cannot delete field at ${typeOf(k)} index of ${typeOf(parent)}`);
    v = setPath(v, p.slice(0, -1), updated);
  }
  return v;
}

function assign(op: string, l: Node, r: Node, input: Json, env: Env): Json[] {
  if (op === '|=') {
    let out = input;
    for (const p of paths(l, input, env)) {
      const got = run(r, getPath(out, p), env);
      out = got.length ? setPath(out, p, got[0]!) : deletePaths(out, [p]);
    }
    return [out];
  }
  return run(r, input, env).map((v) => {
    let out = input;
    for (const p of paths(l, input, env)) {
      const old = getPath(out, p);
      let nv: Json = v;
      if (op === '//=') nv = truthy(old) ? old : v;
      else if (op !== '=') nv = arith(op.slice(0, -1), old, v);
      out = setPath(out, p, nv);
    }
    return out;
  });
}

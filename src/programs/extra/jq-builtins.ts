// jq's builtins of the working subset (length, keys, map, select, sort_by, join, test, del...),
// each run on one input with its arguments as filters, with jq 1.6's error words.

import { utf8Encode } from '../../base/text.ts';
import { arith, deletePaths, type Env, getPath, index, iterate, keysOfIter, paths, run, split, truthy } from './jq-eval.ts';
import { compare, compareStrings, described, dump, JqError, type JObj, type Json, parseOne, toStr, typeOf } from './jq-json.ts';
import type { Node } from './jq-parse.ts';

function length(v: Json): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') throw new JqError(`${described(v)} has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  return Array.isArray(v) ? v.length : v.size;
}

function keysOf(v: Json): Json[] {
  if (v instanceof Map) return [...v.keys()].sort(compareStrings);
  if (Array.isArray(v)) return v.map((_, i) => i);
  throw new JqError(`${described(v)} has no keys`);
}

function sortArray(v: Json, what = 'sorted'): Json[] {
  if (!Array.isArray(v)) throw new JqError(`${described(v)} cannot be ${what}, as it is not an array`);
  return v;
}

function explodeString(v: Json): string {
  if (typeof v !== 'string') throw new JqError('explode input must be a string');
  return v;
}

/** A builtin taking its arguments as filters (run against the same input). */
export function call(name: string, args: Node[], input: Json, env: Env): Json[] {
  const arg = (i: number): Json[] => run(args[i]!, input, env);
  const sig = `${name}/${args.length}`;
  switch (sig) {
    case 'empty/0':
      return [];
    case 'not/0':
      return [!truthy(input)];
    case 'length/0':
      return [length(input)];
    case 'utf8bytelength/0':
      return [utf8Encode(explodeString(input)).length];
    case 'keys/0':
    case 'keys_unsorted/0':
      return [name === 'keys' ? keysOf(input) : input instanceof Map ? [...input.keys()] : keysOf(input)];
    case 'values/0':
      return input === null ? [] : [input];
    case 'has/1':
      return arg(0).map((k) => {
        if (input instanceof Map && typeof k === 'string') return input.has(k);
        if (Array.isArray(input) && typeof k === 'number') return k >= 0 && k < input.length;
        throw new JqError(`Cannot check whether ${typeOf(input)} has a ${typeOf(k)} key`);
      });
    case 'in/1':
      return arg(0).flatMap((o) => call('has', [{ t: 'lit', v: input }], o, env));
    case 'type/0':
      return [typeOf(input)];
    case 'select/1':
      return arg(0).filter(truthy).map(() => input);
    case 'map/1':
      return [iterate(input).flatMap((x) => run(args[0]!, x, env))];
    case 'map_values/1':
      if (input instanceof Map) {
        const out: JObj = new Map();
        for (const [k, v] of input) {
          const r = run(args[0]!, v, env);
          if (r.length) out.set(k, r[0]!);
        }
        return [out];
      }
      return [iterate(input).flatMap((x) => run(args[0]!, x, env).slice(0, 1))];
    case 'to_entries/0':
      if (!(input instanceof Map)) return [keysOf(input).map((k) => new Map<string, Json>([['key', k], ['value', index(input, k)]]))];
      return [[...input].map(([k, v]) => new Map<string, Json>([['key', k], ['value', v]]))];
    case 'from_entries/0': {
      // jq 1.6: map({(.key // .name): .value}) | add + {} // {}
      const out: JObj = new Map();
      for (const e of iterate(input)) {
        let k = index(e, 'key');
        if (!truthy(k)) k = index(e, 'name');
        const v = index(e, 'value');
        if (typeof k !== 'string') throw new JqError(`Cannot use ${described(k)} as object key`);
        out.set(k, v);
      }
      return [out];
    }
    case 'with_entries/1':
      return call('from_entries', [], call('map', args, call('to_entries', [], input, env)[0]!, env)[0]!, env);
    case 'add/0':
      return [iterate(input).reduce<Json>((acc, x) => arith('+', acc, x), null)];
    case 'any/0':
      return [iterate(input).some(truthy)];
    case 'all/0':
      return [iterate(input).every(truthy)];
    case 'range/1': {
      const out: Json[] = [];
      for (const n of arg(0)) for (let i = 0; i < (n as number); i++) out.push(i);
      return out;
    }
    case 'range/2': {
      const out: Json[] = [];
      for (const from of arg(0)) for (const to of arg(1)) for (let i = from as number; i < (to as number); i++) out.push(i);
      return out;
    }
    case 'first/0':
      return [index(input, 0)];
    case 'last/0':
      return [index(input, -1)];
    case 'first/1':
      return arg(0).slice(0, 1);
    case 'last/1':
      return arg(0).slice(-1);
    case 'reverse/0':
      if (typeof input === 'string') return [[...input].reverse().join('')];
      return [input === null ? [] : [...sortArray(input, 'reversed')].reverse()];
    case 'sort/0':
      return [[...sortArray(input)].sort(compare)];
    case 'sort_by/1':
    case 'group_by/1':
    case 'unique_by/1':
    case 'min_by/1':
    case 'max_by/1': {
      const arr = sortArray(input, name === 'sort_by' ? 'sorted' : 'grouped');
      const keyed = arr.map((x) => ({ x, k: run(args[0]!, x, env) as Json }));
      keyed.sort((a, b) => compare(a.k, b.k));
      if (name === 'sort_by') return [keyed.map((e) => e.x)];
      if (name === 'min_by') return [keyed.length ? keyed[0]!.x : null];
      if (name === 'max_by') return [keyed.length ? keyed[keyed.length - 1]!.x : null];
      const groups: Json[][] = [];
      keyed.forEach((e, i) => {
        if (i === 0 || compare(keyed[i - 1]!.k, e.k) !== 0) groups.push([e.x]);
        else groups[groups.length - 1]!.push(e.x);
      });
      return [name === 'group_by' ? groups : groups.map((g) => g[0]!)];
    }
    case 'unique/0': {
      const sorted = [...sortArray(input)].sort(compare);
      return [sorted.filter((x, i) => i === 0 || compare(sorted[i - 1]!, x) !== 0)];
    }
    case 'min/0':
    case 'max/0': {
      const sorted = [...sortArray(input)].sort(compare);
      return [sorted.length ? sorted[name === 'min' ? 0 : sorted.length - 1]! : null];
    }
    case 'join/1':
      return arg(0).map((sep) => {
        const parts = iterate(input);
        if (parts.length === 0) return '';
        return parts
          .map((x) => {
            if (x === null) return '';
            if (typeof x === 'string') return x;
            if (typeof x === 'number' || typeof x === 'boolean') return toStr(x);
            throw new JqError(`Cannot join with ${typeOf(x)}`);
          })
          .join(typeof sep === 'string' ? sep : toStr(sep));
      });
    case 'split/1':
      return arg(0).map((sep) => {
        if (typeof input !== 'string' || typeof sep !== 'string') throw new JqError('split input and separator must be strings');
        return split(input, sep);
      });
    case 'tostring/0':
      return [toStr(input)];
    case 'tonumber/0': {
      if (typeof input === 'number') return [input];
      if (typeof input !== 'string') throw new JqError(`${described(input)} cannot be parsed as a number`);
      const n = parseOne(input);
      if (typeof n !== 'number') throw new JqError(`${described(input)} cannot be parsed as a number`);
      return [n];
    }
    case 'ascii_downcase/0':
      return [explodeString(input).replace(/[A-Z]/g, (c) => c.toLowerCase())];
    case 'ascii_upcase/0':
      return [explodeString(input).replace(/[a-z]/g, (c) => c.toUpperCase())];
    case 'ltrimstr/1':
      return arg(0).map((p) => (typeof input === 'string' && typeof p === 'string' && input.startsWith(p) ? input.slice(p.length) : input));
    case 'rtrimstr/1':
      return arg(0).map((p) => (typeof input === 'string' && typeof p === 'string' && input.endsWith(p) && p ? input.slice(0, -p.length) : input));
    case 'startswith/1':
    case 'endswith/1':
      return arg(0).map((p) => {
        if (typeof input !== 'string' || typeof p !== 'string') throw new JqError(`${name}() requires string inputs`);
        return name === 'startswith' ? input.startsWith(p) : input.endsWith(p);
      });
    case 'test/1':
    case 'test/2':
      return arg(0).flatMap((re) => (args[1] ? arg(1) : [null]).map((fl) => regex(input, re, fl).test(input as string)));
    case 'sub/2':
    case 'gsub/2':
      return arg(0).flatMap((re) => {
        const r = regex(input, re, name === 'gsub' ? 'g' : null);
        let outs: string[] = [''];
        let at = 0;
        const str = input as string;
        for (const m of name === 'gsub' ? [...str.matchAll(r)] : [r.exec(str)].filter((x) => x !== null)) {
          const caps: JObj = new Map(Object.entries(m.groups ?? {}).map(([k, v]) => [k, v ?? null]));
          const pre = str.slice(at, m.index);
          const reps = run(args[1]!, caps, env).map((x) => {
            if (typeof x !== 'string') throw new JqError(`${described(x)} cannot be added to a string`);
            return x;
          });
          outs = reps.flatMap((rep) => outs.map((o) => o + pre + rep));
          at = m.index + m[0].length;
          if (m[0].length === 0) break;
        }
        return outs.map((o) => o + str.slice(at));
      });
    case 'explode/0':
      return [[...explodeString(input)].map((c) => c.codePointAt(0)!)];
    case 'implode/0':
      if (!Array.isArray(input)) throw new JqError('implode input must be an array');
      return [input.map((c) => String.fromCodePoint(c as number)).join('')];
    case 'index/1':
    case 'rindex/1':
    case 'indices/1':
      return arg(0).map((x) => {
        if (input === null) return null;
        const found: number[] = [];
        if (typeof input === 'string' && typeof x === 'string') {
          if (x === '') return null;
          const units = utf8Encode(input);
          const needle = utf8Encode(x);
          for (let i = 0; i + needle.length <= units.length; i++) if (needle.every((b, j) => units[i + j] === b)) found.push(i);
        } else if (Array.isArray(input)) {
          const needle = Array.isArray(x) ? x : [x];
          if (needle.length === 0) return null;
          for (let i = 0; i + needle.length <= input.length; i++) if (needle.every((y, j) => compare(input[i + j]!, y) === 0)) found.push(i);
        } else throw new JqError(`Cannot determine the index of ${typeOf(x)} in ${typeOf(input)}`);
        if (name === 'indices') return found;
        if (found.length === 0) return null;
        return name === 'index' ? found[0]! : found[found.length - 1]!;
      });
    case 'any/1':
    case 'all/1': {
      const results = iterate(input).map((x) => run(args[0]!, x, env).some(truthy));
      return [name === 'any' ? results.some((b) => b) : results.every((b) => b)];
    }
    case 'getpath/1':
      return arg(0).map((p) => {
        if (!Array.isArray(p)) throw new JqError('Path must be specified as an array');
        try {
          return getPath(input, p);
        } catch {
          throw new JqError('Cannot index ' + typeOf(input) + ' with ' + typeOf(p[0] ?? null));
        }
      });
    case 'paths/0':
    case 'leaf_paths/0': {
      const out: Json[] = [];
      const walk = (v: Json, p: Json[]): void => {
        if (!(Array.isArray(v) || v instanceof Map)) return;
        for (const k of keysOfIter(v)) {
          const child = index(v, k);
          const isLeaf = !(Array.isArray(child) || child instanceof Map);
          if (name === 'paths' || isLeaf) out.push([...p, k]);
          walk(child, [...p, k]);
        }
      };
      walk(input, []);
      return out;
    }
    case 'walk/1': {
      const walk = (v: Json): Json[] => {
        if (Array.isArray(v)) return run(args[0]!, v.map((x) => walk(x)[0] ?? null), env);
        if (v instanceof Map) {
          const o: JObj = new Map();
          for (const [k, x] of v) {
            const r = walk(x);
            if (r.length) o.set(k, r[r.length - 1]!);
          }
          return run(args[0]!, o, env);
        }
        return run(args[0]!, v, env);
      };
      return walk(input);
    }
    case 'splits/1':
      return arg(0).flatMap((re) => (input as string).split(regex(input, re, 'g')));
    case 'env/0':
      return [env.get('ENV') ?? new Map()];
    case 'del/1':
      return [deletePaths(input, paths(args[0]!, input, env))];
    case 'limit/2':
      return arg(0).flatMap((n) => (typeof n === 'number' && n > 0 ? arg(1).slice(0, n) : []));
    case 'contains/1':
      return arg(0).map((b) => contains(input, b));
    case 'tojson/0':
      return [dump(input, { indent: '', sortKeys: false })];
    case 'fromjson/0':
      return [parseOne(explodeString(input))];
    case 'error/0':
      throw new JqError(input);
    case 'error/1':
      for (const m of arg(0)) throw new JqError(m);
      return [];
    case 'null/0':
      return [null];
    case 'true/0':
      return [true];
    case 'false/0':
      return [false];
    case 'floor/0':
    case 'sqrt/0':
    case 'ceil/0':
    case 'round/0':
    case 'fabs/0':
      if (typeof input !== 'number') throw new JqError(`${described(input)} number required`);
      return [{ floor: Math.floor, sqrt: Math.sqrt, ceil: Math.ceil, round: Math.round, fabs: Math.abs }[name]!(input)];
    case 'flatten/0':
    case 'flatten/1':
      return (args[0] ? arg(0) : [1e9]).map((d) => {
        if (typeof d !== 'number' || d < 0) throw new JqError('flatten depth must not be negative');
        const flat = (v: Json[], depth: number): Json[] => v.flatMap((x) => (Array.isArray(x) && depth > 0 ? flat(x, depth - 1) : [x]));
        if (!Array.isArray(input)) throw new JqError(`Cannot iterate over ${described(input)}`);
        return flat(input, d);
      });
    case 'arrays/0':
    case 'objects/0':
    case 'strings/0':
    case 'numbers/0':
    case 'booleans/0':
    case 'nulls/0':
      return typeOf(input) === { arrays: 'array', objects: 'object', strings: 'string', numbers: 'number', booleans: 'boolean', nulls: 'null' }[name] ? [input] : [];
    case 'recurse/1': {
      const out: Json[] = [];
      const walk = (v: Json): void => {
        out.push(v);
        for (const x of run(args[0]!, v, env)) walk(x);
      };
      walk(input);
      return out;
    }
    case 'recurse/0': {
      const out: Json[] = [];
      const walk = (v: Json): void => {
        out.push(v);
        if (Array.isArray(v) || v instanceof Map) for (const x of iterate(v)) walk(x);
      };
      walk(input);
      return out;
    }
  }
  throw new JqError(`${sig} is not defined`);
}

export const BUILTIN_NAMES = new Set(
  'env/0 explode/0 implode/0 index/1 rindex/1 indices/1 any/1 all/1 getpath/1 paths/0 leaf_paths/0 walk/1 splits/1 del/1 limit/2 test/1 test/2 sub/2 gsub/2 empty/0 not/0 length/0 utf8bytelength/0 keys/0 keys_unsorted/0 values/0 has/1 in/1 type/0 select/1 map/1 map_values/1 to_entries/0 from_entries/0 with_entries/1 add/0 any/0 all/0 range/1 range/2 first/0 last/0 first/1 last/1 reverse/0 sort/0 sort_by/1 group_by/1 unique_by/1 min_by/1 max_by/1 unique/0 min/0 max/0 join/1 split/1 tostring/0 tonumber/0 ascii_downcase/0 ascii_upcase/0 ltrimstr/1 rtrimstr/1 startswith/1 endswith/1 contains/1 tojson/0 fromjson/0 error/0 error/1 null/0 true/0 false/0 floor/0 sqrt/0 ceil/0 round/0 fabs/0 flatten/0 flatten/1 arrays/0 objects/0 strings/0 numbers/0 booleans/0 nulls/0 recurse/0 recurse/1'.split(' '),
);

/** jq's regexes are Oniguruma's; JavaScript's agree on the common forms. */
function regex(input: Json, re: Json, flags: Json): RegExp {
  if (typeof input !== 'string') throw new JqError(`${described(input)} cannot be matched, as it is not a string`);
  if (typeof re !== 'string') throw new JqError(`${described(re)} cannot be matched, as it is not a string`);
  const f = typeof flags === 'string' ? flags : '';
  try {
    return new RegExp(re, (f.includes('g') ? 'g' : '') + (f.includes('i') ? 'i' : '') + (f.includes('x') ? '' : '') + 'u');
  } catch {
    throw new JqError(`${re} (at offset 0) is not a valid regex`);
  }
}

function contains(a: Json, b: Json): boolean {
  if (typeOf(a) !== typeOf(b)) throw new JqError(`${described(a)} and ${described(b)} cannot have their containment checked`);
  if (typeof a === 'string') return a.includes(b as string);
  if (Array.isArray(a)) return (b as Json[]).every((y) => a.some((x) => typeOf(x) === typeOf(y) && contains(x, y)));
  if (a instanceof Map) return [...(b as JObj)].every(([k, v]) => a.has(k) && typeOf(a.get(k)!) === typeOf(v) && contains(a.get(k)!, v));
  return compare(a, b) === 0;
}


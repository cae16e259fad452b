// Per-instruction flag validation (BuildKit's BFlags): which `--name` an instruction knows, which
// take a value, which may repeat, and the errors for everything else.

import { DockerfileError } from './errors.ts';

export type FlagType = 'string' | 'strings' | 'bool';

export interface FlagSpec {
  [name: string]: FlagType;
}

export interface ParsedFlags {
  strings: Map<string, string>;
  lists: Map<string, string[]>;
  bools: Map<string, boolean>;
}

/** Levenshtein distance, for BuildKit's "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

/** The closest option within a small edit distance, or null. */
export function suggest(word: string, options: readonly string[]): string | null {
  let best: string | null = null;
  let min = 3;
  const w = word.toLowerCase();
  for (const o of options) {
    const dist = editDistance(w, o.toLowerCase());
    if (dist < min) {
      min = dist;
      best = o;
    }
  }
  return best;
}

export function parseFlags(words: readonly string[], spec: FlagSpec): ParsedFlags {
  const out: ParsedFlags = { strings: new Map(), lists: new Map(), bools: new Map() };
  const used = new Set<string>();
  for (const word of words) {
    if (!word.startsWith('--')) throw new DockerfileError(`arg should start with -- : ${word}`, 0, 0, 'validate');
    if (word === '--') break;
    let name = word.slice(2);
    let value = '';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const type = spec[name];
    if (type === undefined) {
      const hint = suggest(name, Object.keys(spec));
      throw new DockerfileError(`unknown flag: --${name}${hint ? ` (did you mean ${hint}?)` : ''}`, 0, 0, 'validate');
    }
    if (used.has(name) && type !== 'strings') throw new DockerfileError(`duplicate flag specified: --${name}`, 0, 0, 'validate');
    used.add(name);
    if (type === 'bool') {
      if (eq >= 0 && value === '') throw new DockerfileError(`missing a value on flag: --${name}`, 0, 0, 'validate');
      const v = value.toLowerCase();
      if (v === 'true' || v === '') out.bools.set(name, true);
      else if (v === 'false') out.bools.set(name, false);
      else throw new DockerfileError(`expecting boolean value for flag --${name}, not: ${value}`, 0, 0, 'validate');
    } else {
      if (eq < 0) throw new DockerfileError(`missing a value on flag: --${name}`, 0, 0, 'validate');
      if (type === 'string') out.strings.set(name, value);
      else out.lists.set(name, [...(out.lists.get(name) ?? []), value]);
    }
  }
  return out;
}

// tr (GNU coreutils): translate, delete (-d) or squeeze (-s) bytes of standard input. Sets take
// ranges (a-z), escapes (\n \t \\ \NNN) and classes ([:lower:] [:upper:] [:digit:] [:space:]
// [:alpha:] [:alnum:] [:punct:]); -c uses the complement of the first set.

import type { Sys } from '../../sys/sys.ts';

const CLASSES: Record<string, (b: number) => boolean> = {
  lower: (b) => b >= 97 && b <= 122,
  upper: (b) => b >= 65 && b <= 90,
  digit: (b) => b >= 48 && b <= 57,
  space: (b) => b === 32 || (b >= 9 && b <= 13),
  alpha: (b) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122),
  alnum: (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122),
  punct: (b) => b > 32 && b < 127 && !((b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)),
};
const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92 };

/** A set's bytes in order, as tr expands it. */
function expand(set: string): number[] {
  const bytes: number[] = [];
  const one = (i: number): [number, number] => {
    if (set[i] === '\\' && i + 1 < set.length) {
      const oct = /^[0-7]{1,3}/.exec(set.slice(i + 1));
      if (oct) return [parseInt(oct[0], 8) & 0xff, i + 1 + oct[0].length];
      const c = set[i + 1]!;
      return [ESCAPES[c] ?? c.charCodeAt(0), i + 2];
    }
    return [set.charCodeAt(i), i + 1];
  };
  for (let i = 0; i < set.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls && CLASSES[cls[1]!]) {
      for (let b = 0; b < 256; b++) if (CLASSES[cls[1]!]!(b)) bytes.push(b);
      i += cls[0].length;
      continue;
    }
    const [lo, next] = one(i);
    if (set[next] === '-' && next + 1 < set.length) {
      const [hi, after] = one(next + 1);
      for (let b = lo; b <= hi; b++) bytes.push(b);
      i = after;
    } else {
      bytes.push(lo);
      i = next;
    }
  }
  return bytes;
}

export default async function tr(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let del = false;
  let squeeze = false;
  let complement = false;
  while (args.length && /^-[dscC]+$/.test(args[0]!)) {
    for (const c of args.shift()!.slice(1)) {
      if (c === 'd') del = true;
      else if (c === 's') squeeze = true;
      else complement = true;
    }
  }
  const needed = del && !squeeze ? 1 : squeeze && !del && args.length === 1 ? 1 : 2;
  if (args.length < needed) {
    await sys.writeAll(2, `tr: missing operand${args.length ? ` after '${args[args.length - 1]}'` : ''}\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  let set1 = expand(args[0]!);
  if (complement) {
    const inSet = new Set(set1);
    set1 = [...Array(256).keys()].filter((b) => !inSet.has(b));
  }
  const set2 = args[1] !== undefined ? expand(args[1]) : [];
  const member = new Uint8Array(256);
  for (const b of set1) member[b] = 1;
  const map = new Int16Array(256).map((_, b) => b);
  if (!del && set2.length) set1.forEach((b, i) => (map[b] = set2[Math.min(i, set2.length - 1)]!));
  const squeezeSet = new Uint8Array(256);
  for (const b of del || !set2.length ? (squeeze ? (del ? set2 : set1) : []) : squeeze ? set2 : []) squeezeSet[b] = 1;
  let last = -1;
  for (let chunk = await sys.read(0, 65536); chunk.length > 0; chunk = await sys.read(0, 65536)) {
    const out: number[] = [];
    for (const b of chunk) {
      if (del && member[b]) continue;
      const t = map[b]!;
      if (squeeze && squeezeSet[t] && t === last) continue;
      out.push(t);
      last = t;
    }
    await sys.writeAll(1, Uint8Array.from(out));
  }
  return 0;
}

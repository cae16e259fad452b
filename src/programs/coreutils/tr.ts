// tr (GNU coreutils): translate, delete (-d) or squeeze (-s) bytes of standard input. Sets take
// ranges (a-z), escapes (\n \t \\ \NNN) and classes ([:lower:] [:upper:] [:digit:] [:space:]
// [:alpha:] [:alnum:] [:punct:]); -c uses the complement of the first set.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

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

export const meta: ProgramMeta = {
  name: 'tr', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... STRING1 [STRING2]'],
  summary: 'Translate, squeeze or delete bytes of standard input, writing to standard output.',
  options: [
    { short: 'c', long: 'complement', key: 'c', help: 'use the bytes not in STRING1' },
    { short: 'C', key: 'c', help: 'the same as -c' },
    { short: 'd', long: 'delete', help: 'delete the bytes in STRING1' },
    { short: 's', long: 'squeeze-repeats', help: 'replace a run of one repeated byte of the last set by one' },
    { short: 't', long: 'truncate-set1', help: 'first cut STRING1 to the length of STRING2' },
  ],
};

export default function tr(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    // A checked fwrite dies with the errno words; close_stdout then finds the stream failed too.
    tool.wordWriteError({ midRun: (err) => `tr: write error: ${err}\ntr: write error\n` });
  const args = tool.args.operands;
  const del = tool.args.has('delete');
  const squeeze = tool.args.has('squeeze-repeats');
  const complement = tool.args.has('c');
  const needed = del && !squeeze ? 1 : squeeze && !del && args.length === 1 ? 1 : 2;
  if (args.length < needed) {
    const why = args.length === 1 ? (squeeze && del ? '\nTwo strings must be given when both deleting and squeezing repeats.' : '\nTwo strings must be given when translating.') : '';
    return tool.usage(`tr: missing operand${args.length ? ` after ${quote(args[args.length - 1]!)}` : ''}${why}`);
  }
  if (args.length > needed && (del && !squeeze || args.length > 2)) {
    return tool.usage(`tr: extra operand ${quote(args[needed]!)}${del && !squeeze && args.length === 2 ? '\nOnly one string may be given when deleting without squeezing repeats.' : ''}`);
  }
  let set1 = expand(args[0]!);
  if (complement) {
    const inSet = new Set(set1);
    set1 = [...Array(256).keys()].filter((b) => !inSet.has(b));
  }
  let set2 = args[1] !== undefined ? expand(args[1]) : [];
  if (tool.args.has('truncate-set1') && set2.length) set1 = set1.slice(0, set2.length);
  else if (set2.length === 0 && !del && !squeeze) set2 = [];
  const member = new Uint8Array(256);
  for (const b of set1) member[b] = 1;
  const map = new Int16Array(256).map((_, b) => b);
  if (!del && set2.length) set1.forEach((b, i) => (map[b] = set2[Math.min(i, set2.length - 1)]!));
  const squeezeSet = new Uint8Array(256);
  for (const b of del || !set2.length ? (squeeze ? (del ? set2 : set1) : []) : squeeze ? set2 : []) squeezeSet[b] = 1;
  let last = -1;
  const read = async (): Promise<Uint8Array | null> => {
    try {
      return await sys.read(0, 65536);
    } catch (e) {
      await tool.sysError(e, 'read error');
      return null;
    }
  };
  for (let chunk = await read(); chunk?.length; chunk = await read()) {
    const out: number[] = [];
    for (const b of chunk) {
      if (del && member[b]) continue;
      const t = map[b]!;
      if (squeeze && squeezeSet[t] && t === last) continue;
      out.push(t);
      last = t;
    }
    await tool.out.write(Uint8Array.from(out));
  }
  return tool.status;
  });
}

// echo (GNU coreutils): the arguments separated by spaces and a newline; -n drops the newline,
// -e turns backslash escapes on and -E off (the default). Unknown options are printed as words.

import type { Sys } from '../../sys/sys.ts';
import { guardOutput } from '../lib/tool.ts';

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Backslash escapes as GNU echo -e reads them; `stop` when \c ends all output. */
function unescape(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\' || i + 1 >= s.length) {
      out += ch;
      continue;
    }
    const next = s[++i]!;
    if (next === 'c') return { text: out, stop: true };
    if (next in ESCAPES) out += ESCAPES[next];
    else if (next === '0' || next === 'x') {
      const m = next === '0' ? /^[0-7]{0,3}/.exec(s.slice(i + 1))! : /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (!m) {
        out += '\\x';
        continue;
      }
      out += String.fromCharCode(parseInt(m[0] || '0', next === '0' ? 8 : 16));
      i += m[0].length;
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}

export default function echo(sys: Sys): Promise<number> {
  return guardOutput(sys, 'echo', 1, () => run(sys));
}

async function run(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let newline = true;
  let escapes = false;
  // Only words made entirely of n, e and E after a dash are options.
  while (args.length && /^-[neE]+$/.test(args[0]!)) {
    for (const c of args.shift()!.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = unescape(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  await sys.writeAll(1, newline ? `${text}\n` : text);
  return 0;
}

// echo and printf, as dash implements them: echo always interprets backslash escapes (like
// printf's %b, `\c` ending all output) and knows only one leading `-n`; printf reuses its
// format while arguments remain, warns about bad numbers with status 1, and treats `\c`
// literally in the format but as the end of output in %b.

import { defineBuiltin } from '../builtin-table.ts';
import { formatFloat, formatInteger, formatString, type Spec, strtod } from '../cformat.ts';
import { strtoimax } from '../arith.ts';
import type { Shell } from '../shell.ts';
import { nextopt } from './options.ts';

const isOct = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';

/** dash's conv_escape at `s[i]` (just after a backslash): the char and the next index. */
function convEscape(s: string, i: number): { c: string; next: number } {
  const ch = s[i];
  switch (ch) {
    case '\\': return { c: '\\', next: i + 1 };
    case 'a': return { c: '\x07', next: i + 1 };
    case 'b': return { c: '\b', next: i + 1 };
    case 'e': return { c: '\x1b', next: i + 1 };
    case 'f': return { c: '\f', next: i + 1 };
    case 'n': return { c: '\n', next: i + 1 };
    case 'r': return { c: '\r', next: i + 1 };
    case 't': return { c: '\t', next: i + 1 };
    case 'v': return { c: '\v', next: i + 1 };
  }
  if (!isOct(ch)) return { c: '\\', next: i };
  let v = 0;
  let n = 0;
  let j = i;
  while (n < 3 && isOct(s[j])) {
    v = v * 8 + (s.charCodeAt(j) - 48);
    j++;
    n++;
  }
  return { c: String.fromCharCode(v & 0xff), next: j };
}

/** %b and echo: escapes with `\0NNN` octal; stops (done=true) at `\c`. */
export function escapeString(s: string): { text: string; done: boolean } {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const ch = s[i++]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    if (s[i] === 'c') return { text: out, done: true };
    if (s[i] === '0' && isOct(s[i + 1])) i++;
    const r = convEscape(s, i);
    out += r.c;
    i = r.next;
  }
  return { text: out, done: false };
}

defineBuiltin('echo', false, async (sh, argv) => {
  let i = 1;
  let newline = true;
  if (argv[1] === '-n') {
    newline = false;
    i++;
  }
  let out = '';
  for (; i < argv.length; i++) {
    const r = escapeString(argv[i]!);
    out += r.text;
    if (r.done) {
      sh.out(out);
      return 0;
    }
    if (i + 1 < argv.length) out += ' ';
  }
  if (newline) out += '\n';
  sh.out(out);
  return 0;
});

defineBuiltin('printf', false, async (sh, argv) => {
  // busybox's printf skips a lone `--` and nothing else: its format may start with `-`.
  const args = sh.dialect.bashSyntax ? argv.slice(argv[1] === '--' ? 2 : 1) : nextopt(sh, argv, '');
  const format = args[0];
  if (format === undefined) sh.error('usage: printf format [arg ...]');
  return printf(sh, format, args.slice(1));
});

async function printf(sh: Shell, format: string, args: string[]): Promise<number> {
  let rval = 0;
  let gi = 0;
  const warn = async (msg: string): Promise<void> => {
    await sh.warn(msg);
    rval = 1;
  };
  const getstr = (): string => (gi < args.length ? args[gi++]! : '');
  const getnum = async (unsigned: boolean): Promise<bigint> => {
    if (gi >= args.length) return 0n;
    const cp = args[gi++]!;
    if (cp[0] === '"' || cp[0] === "'") return BigInt(cp.charCodeAt(1) || 0);
    const r = unsigned ? strtoumax(cp) : strtoimax(cp, 0);
    if (r.end < cp.length) await warn(`${cp}: ${r.end === 0 ? 'expected numeric value' : 'not completely converted'}`);
    else if (r.overflow) await warn(`${cp}: Numerical result out of range`);
    return r.v;
  };
  const getdouble = async (): Promise<number> => {
    if (gi >= args.length) return 0;
    const cp = args[gi++]!;
    if (cp[0] === '"' || cp[0] === "'") return cp.charCodeAt(1) || 0;
    const r = strtod(cp);
    if (r.used < cp.length) await warn(`${cp}: ${r.used === 0 ? 'expected numeric value' : 'not completely converted'}`);
    else if (r.range) await warn(`${cp}: Numerical result out of range`);
    return r.v;
  };

  let out = '';
  do {
    const before = gi;
    for (let i = 0; i < format.length; ) {
      const ch = format[i++]!;
      if (ch === '\\') {
        const r = convEscape(format, i);
        out += r.c;
        i = r.next;
        continue;
      }
      if (ch !== '%') {
        out += ch;
        continue;
      }
      if (format[i] === '%') {
        out += '%';
        i++;
        continue;
      }
      const start = i - 1;
      const spec: Spec = { flags: '' };
      while (i < format.length && '#-+ 0'.includes(format[i]!)) spec.flags += format[i++];
      if (format[i] === '*') {
        i++;
        const w = Number(BigInt.asIntN(32, await getnum(false)));
        if (w < 0) {
          spec.flags += '-';
          spec.width = -w;
        } else spec.width = w;
      }
      let wd = '';
      while (i < format.length && '*0123456789'.includes(format[i]!)) wd += format[i++];
      if (wd && !wd.includes('*')) spec.width = Number(wd);
      if (format[i] === '.') {
        i++;
        if (format[i] === '*') {
          i++;
          const p = Number(BigInt.asIntN(32, await getnum(false)));
          spec.precision = p < 0 ? undefined : p;
        } else spec.precision = 0;
        let pd = '';
        while (i < format.length && '*0123456789'.includes(format[i]!)) pd += format[i++];
        if (pd && !pd.includes('*')) spec.precision = Number(pd);
      }
      if (i >= format.length) {
        sh.out(out);
        sh.error('missing format character');
      }
      const conv = format[i++]!;
      switch (conv) {
        case 'b': {
          const r = escapeString(getstr());
          out += formatString(spec, r.text);
          if (r.done) {
            sh.out(out);
            return rval;
          }
          break;
        }
        case 'c':
          out += formatString({ ...spec, precision: undefined }, getstr()[0] ?? '\0');
          break;
        case 's':
          out += formatString(spec, getstr());
          break;
        case 'd': case 'i':
          out += formatInteger(spec, await getnum(false), conv);
          break;
        case 'o': case 'u': case 'x': case 'X':
          out += formatInteger(spec, await getnum(true), conv);
          break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
          out += formatFloat(spec, await getdouble(), conv);
          break;
        default:
          sh.out(out);
          sh.error(`${format.slice(start, i)}: invalid directive`);
      }
    }
    if (gi === before) break;
  } while (gi < args.length);
  sh.out(out);
  return rval;
}

/** strtoumax: like strtoimax but a leading minus wraps (as C does for unsigned). */
function strtoumax(s: string): { v: bigint; end: number; overflow: boolean } {
  const m = /^[ \t\n\v\f\r]*-/.exec(s);
  if (m) {
    const r = strtoimax(s.slice(m[0].length), 0);
    if (r.end === 0) return { v: 0n, end: 0, overflow: false };
    return { v: BigInt.asUintN(64, -r.v), end: r.end + m[0].length, overflow: r.overflow };
  }
  const r = strtoimax(s, 0);
  return r;
}

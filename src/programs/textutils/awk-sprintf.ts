// awk's printf and sprintf: the format walked as mawk's do_printf walks it. Conversions are
// c d i o x X u e E f g G s and %%, with flags, widths, precisions and `*`; `l` and `h` are
// accepted once. Anything else, or too few arguments, is a run time error in mawk's words.

import { formatFloat, formatInt, formatString, type Spec } from './awk-format.ts';
import { Strnum, toNum, type Value } from './awk-value.ts';

export class FormatError extends Error {
  /** What was formatted before the failing conversion (printf has already written it). */
  partial = '';
}

export function awkSprintf(fmt: string, args: Value[], str: (v: Value) => string, who: 'printf' | 'sprintf'): string {
  let out = '';
  let argi = 0;
  let convNo = 0;
  let i = 0;
  const n = fmt.length;
  const shown = (): string => `${who}("${fmt}")`;
  const nextArg = (): Value => {
    if (argi >= args.length) throw new FormatError(`not enough arguments passed to ${shown()}`);
    return args[argi++]!;
  };
  try {
    return format();
  } catch (e) {
    if (e instanceof FormatError) e.partial = out;
    throw e;
  }

  function format(): string {
    while (i < n) {
      const pct = fmt.indexOf('%', i);
      if (pct < 0) {
        out += fmt.slice(i);
        break;
      }
      out += fmt.slice(i, pct);
      i = pct + 1;
      if (fmt[i] === '%') {
        out += '%';
        i++;
        continue;
      }
      convNo++;
      if (argi >= args.length) throw new FormatError(`not enough arguments passed to ${shown()}`);
      const spec: Spec = { minus: false, plus: false, space: false, alt: false, zero: false, width: 0, prec: -1, conv: '' };
      for (;; i++) {
        const c = fmt[i];
        if (c === '-') spec.minus = true;
        else if (c === '+') spec.plus = true;
        else if (c === ' ') spec.space = true;
        else if (c === '#') spec.alt = true;
        else if (c === '0') spec.zero = true;
        else break;
      }
      if (fmt[i] === '*') {
        i++;
        const w = Math.trunc(toNum(nextArg()));
        if (w < 0) {
          spec.minus = true;
          spec.width = -w;
        } else spec.width = w;
      } else {
        while (i < n && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) spec.width = spec.width * 10 + (fmt.charCodeAt(i++) - 48);
      }
      if (fmt[i] === '.') {
        i++;
        spec.prec = 0;
        if (fmt[i] === '*') {
          i++;
          const p = Math.trunc(toNum(nextArg()));
          spec.prec = p < 0 ? -1 : p;
        } else {
          while (i < n && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) spec.prec = spec.prec * 10 + (fmt.charCodeAt(i++) - 48);
        }
      }
      if (fmt[i] === 'l' || fmt[i] === 'h') i++;
      const conv = fmt[i];
      if (conv === undefined) {
        throw new FormatError(`improper conversion(number ${convNo}) in ${shown()}`);
      }
      i++;
      spec.conv = conv;
      switch (conv) {
        case 'd': case 'i': case 'o': case 'x': case 'X': case 'u':
          out += formatInt(toNum(nextArg()), spec);
          break;
        case 'e': case 'E': case 'f': case 'g': case 'G':
          out += formatFloat(toNum(nextArg()), spec);
          break;
        case 'c': {
          const v = nextArg();
          let ch: string;
          if (typeof v === 'number') ch = String.fromCharCode(Math.trunc(v) & 255);
          else {
            const s = v instanceof Strnum ? v.s : v;
            ch = s === '' ? '\0' : s[0]!;
          }
          out += formatString(ch, { ...spec, prec: -1 });
          break;
        }
        case 's':
          out += formatString(str(nextArg()), spec);
          break;
        default:
          throw new FormatError(`improper conversion(number ${convNo}) in ${shown()}`);
      }
    }
    return out;
  }
}

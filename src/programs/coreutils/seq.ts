// seq (GNU coreutils): print numbers from FIRST (default 1) to LAST by INCREMENT (default 1).
// Integers are counted exactly (BigInt), so seq 9007199254740993 9007199254740995 is right;
// other numbers step as first + i*step and print with the precision of the operands (%.Nf),
// or with the -f printf format. -w pads with zeros to one width, -s separates. An operand that
// looks like a negative number ends the options, as in GNU.

import type { Sys } from '../../sys/sys.ts';
import { withArgv } from '../lib/argv.ts';
import { parseCFloat } from '../lib/duration.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'seq', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... LAST', '[OPTION]... FIRST LAST', '[OPTION]... FIRST INCREMENT LAST'],
  summary: 'Print the numbers from FIRST to LAST, INCREMENT apart (FIRST and INCREMENT default to 1).',
  stopAtOperand: true,
  options: [
    { short: 'f', long: 'format', arg: 'required', argName: 'FORMAT', help: 'print each number with the printf floating-point FORMAT' },
    { short: 's', long: 'separator', arg: 'required', argName: 'STRING', help: 'put STRING between numbers (default: \\n)' },
    { short: 'w', long: 'equal-width', help: 'pad with leading zeros to make all numbers equally wide' },
  ],
};

// ---- operands ----------------------------------------------------------------------------------

interface Operand {
  text: string;
  value: number;
  /** Digits after the point, or Infinity when not a plain fixed-point number. */
  precision: number;
  width: number;
}

const FLOAT = /^[ \t\n\v\f\r]*[-+]?(?:infinity|inf|nan(?:\([0-9A-Za-z_]*\))?|0x(?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[-+]?[0-9]+)?|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?)$/i;

class SeqError extends Error {
  constructor(message: string, readonly usage: boolean) {
    super(message);
  }
}

/** GNU's scan_arg: the value, and the width and precision its spelling implies. */
function scanArg(text: string): Operand {
  const value = FLOAT.test(text) ? parseCFloat(text) : null;
  if (value === null) throw new SeqError(`invalid floating point argument: ${quote(text)}`, true);
  if (Number.isNaN(value)) throw new SeqError(`invalid 'not-a-number' argument: ${quote(text)}`, true);
  const arg = text.replace(/^[\s+]+/, '');
  let width = 0;
  let precision = Infinity;
  const dot = arg.indexOf('.');
  if (dot < 0 && !arg.includes('p')) precision = 0;
  if (!/[xX]/.test(arg) && Number.isFinite(value)) {
    let fraction = 0;
    width = arg.length;
    if (dot >= 0) {
      fraction = arg.slice(dot + 1).search(/[eE]/);
      if (fraction < 0) fraction = arg.length - dot - 1;
      precision = fraction;
      width += fraction === 0 ? -1 : dot === 0 || !/[0-9]/.test(arg[dot - 1]!) ? 1 : 0;
    }
    let e = arg.indexOf('e');
    if (e < 0) e = arg.indexOf('E');
    if (e >= 0) {
      let exponent = Number.parseInt(arg.slice(e + 1), 10) || 0;
      precision += exponent < 0 ? -exponent : -Math.min(precision, exponent);
      width -= arg.length - e;
      if (exponent < 0) {
        if (dot >= 0) {
          if (e === dot + 1) width++;
        } else width++;
        exponent = -exponent;
      } else {
        if (dot >= 0 && precision === 0 && fraction) width--;
        exponent -= Math.min(fraction, exponent);
      }
      width += exponent;
    }
  }
  return { text, value, precision, width };
}

// ---- printf for one double ----------------------------------------------------------------------

interface FloatFormat {
  prefix: string;
  suffix: string;
  flags: string;
  width: number;
  precision: number;
  conv: string;
}

/** GNU's long_double_format check: one %e/f/g/a directive, %% elsewhere. */
function parseFormat(fmt: string): FloatFormat {
  let i = 0;
  let prefix = '';
  for (; !(fmt[i] === '%' && fmt[i + 1] !== '%'); i += fmt[i] === '%' ? 2 : 1) {
    if (i >= fmt.length) throw new SeqError(`format ${quote(fmt)} has no % directive`, false);
    prefix += fmt[i];
  }
  const m = /^%([-+#0 ']*)([0-9]*)(?:\.([0-9]*))?(L?)(.?)/.exec(fmt.slice(i))!;
  if (m[5] === '') throw new SeqError(`format ${quote(fmt)} ends in %`, false);
  if (!'efgaEFGA'.includes(m[5]!)) throw new SeqError(`format ${quote(fmt)} has unknown %${m[5]} directive`, false);
  let suffix = '';
  for (let j = i + m[0].length; j < fmt.length; j += fmt[j] === '%' ? 2 : 1) {
    if (fmt[j] === '%' && fmt[j + 1] !== '%') throw new SeqError(`format ${quote(fmt)} has too many % directives`, false);
    suffix += fmt[j];
  }
  return {
    prefix: prefix.replace(/%%/g, '%'), suffix: suffix.replace(/%%/g, '%'), flags: m[1]!, width: Number(m[2] || 0),
    precision: m[3] === undefined ? -1 : Number(m[3] || 0), conv: m[5]!,
  };
}

function expForm(x: number, prec: number): string {
  const [mant, exp] = x.toExponential(prec).split('e');
  const n = Number(exp);
  return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

function fixedForm(x: number, prec: number): string {
  if (Math.abs(x) < 1e21) return x.toFixed(prec);
  const int = BigInt(Math.round(x)).toString();
  return prec > 0 ? `${int}.${'0'.repeat(prec)}` : int;
}

function hexForm(x: number, prec: number): string {
  if (x === 0) return prec > 0 ? `0x0.${'0'.repeat(prec)}p+0` : '0x0p+0';
  // As glibc prints a long double: a leading hex digit 8-f, then the rest of 64 mantissa bits.
  let e = Math.floor(Math.log2(x));
  if (2 ** e > x) e--;
  if (2 ** (e + 1) <= x) e++;
  const mant = BigInt(Math.round((x / 2 ** e) * 2 ** 52)) << 11n;
  let digits = mant.toString(16);
  const lead = digits[0]!;
  digits = digits.slice(1);
  digits = prec >= 0 ? digits.slice(0, prec).padEnd(prec, '0') : digits.replace(/0+$/, '');
  const exp = e - 3;
  return `0x${lead}${digits ? `.${digits}` : ''}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

function formatDouble(f: FloatFormat, x: number): string {
  const upper = f.conv === f.conv.toUpperCase();
  const conv = f.conv.toLowerCase();
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  if (!Number.isFinite(ax)) body = Number.isNaN(ax) ? 'nan' : 'inf';
  else if (conv === 'f') body = fixedForm(ax, f.precision < 0 ? 6 : f.precision);
  else if (conv === 'e') body = expForm(ax, f.precision < 0 ? 6 : f.precision);
  else if (conv === 'a') body = hexForm(ax, f.precision);
  else {
    const p = f.precision < 0 ? 6 : f.precision === 0 ? 1 : f.precision;
    const exp = ax === 0 ? 0 : Number(ax.toExponential(p - 1).split('e')[1]);
    body = p > exp && exp >= -4 ? fixedForm(ax, p - 1 - exp) : expForm(ax, p - 1);
    if (!f.flags.includes('#') && body.includes('.')) body = body.replace(/\.?0+(?=e|$)/, '');
  }
  if (f.flags.includes('#') && !body.includes('.') && conv !== 'a' && Number.isFinite(ax)) body = body.replace(/^([0-9]+)/, '$1.');
  if (upper) body = body.toUpperCase();
  const sign = neg ? '-' : f.flags.includes('+') ? '+' : f.flags.includes(' ') ? ' ' : '';
  const pad = f.width - sign.length - body.length;
  if (pad <= 0) return sign + body;
  if (f.flags.includes('-')) return sign + body + ' '.repeat(pad);
  if (f.flags.includes('0') && Number.isFinite(ax)) {
    const hex = body.startsWith('0x') || body.startsWith('0X') ? body.slice(0, 2) : '';
    return sign + hex + '0'.repeat(pad) + body.slice(hex.length);
  }
  return ' '.repeat(pad) + sign + body;
}

// ---- the sequence ---------------------------------------------------------------------------------

/** Mark where options end: before the first operand that looks like a negative number. */
function markNegatives(argv: string[]): string[] {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return argv;
    if (/^-[0-9.]/.test(a)) return [...argv.slice(0, i), '--', ...argv.slice(i)];
    if (!a.startsWith('-') || a === '-') return argv;
    if (a.startsWith('--')) {
      if (!a.includes('=') && /^--(f|fo|for|form|forma|format|s|se|sep|sepa|separ|separa|separat|separato|separator)$/.test(a)) i++;
      continue;
    }
    const takes = a.slice(1).search(/[fs]/);
    if (takes >= 0 && takes + 2 === a.length) i++;
  }
  return argv;
}

async function emitAll(tool: Tool, items: Iterable<string>, sep: string): Promise<void> {
  let first = true;
  for (const s of items) {
    await tool.out.write(first ? s : sep + s);
    first = false;
  }
  if (!first) await tool.out.write('\n');
}

function* integers(first: bigint, step: bigint, last: bigint | null, width: number): Generator<string> {
  const small = last !== null && first >= -(2n ** 52n) && last <= 2n ** 52n && last >= -(2n ** 52n) && first <= 2n ** 52n;
  if (small) {
    const s = Number(step);
    const l = Number(last);
    for (let x = Number(first); s > 0 ? x <= l : x >= l; x += s) yield pad(String(x), width);
    return;
  }
  for (let x = first; last === null || (step > 0n ? x <= last : x >= last); x += step) yield pad(x.toString(), width);
}

function pad(s: string, width: number): string {
  if (s.length >= width) return s;
  return s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
}

function* floats(fmt: FloatFormat, first: number, step: number, last: number): Generator<string> {
  if (step < 0 ? first < last : last < first) return;
  let x = first;
  for (let i = 1; ; i++) {
    const x0 = x;
    const shown = fmt.prefix + formatDouble(fmt, x) + fmt.suffix;
    yield shown;
    x = first + i * step;
    if (step < 0 ? x < last : last < x) {
      // One past LAST that prints as LAST (rounding) is still printed, as GNU does.
      const text = formatDouble(fmt, x);
      if (parseCFloat(text) === last && formatDouble(fmt, x0) !== text) {
        yield fmt.prefix + text + fmt.suffix;
      }
      return;
    }
  }
}

export default function seq(sys: Sys): Promise<number> {
  return runTool(withArgv(sys, markNegatives(sys.argv)), meta, async (tool) => {
    const a = tool.args;
    const ops = a.operands;
    if (ops.length === 0) return tool.usage('seq: missing operand');
    if (ops.length > 3) return tool.usage(`seq: extra operand ${quote(ops[3]!)}`);
    const sep = a.value('separator') ?? '\n';
    const equal = a.has('equal-width');
    const fmtText = a.value('format');
    try {
      const fmt = fmtText === undefined ? null : parseFormat(fmtText);
      if (fmt && equal) return tool.usage('seq: format string may not be specified when printing equal width strings');
      let last = scanArg(ops[ops.length - 1]!);
      let first: Operand = { text: '1', value: 1, precision: 0, width: 1 };
      let step: Operand = { text: '1', value: 1, precision: 0, width: 1 };
      if (ops.length >= 2) {
        first = scanArg(ops[0]!);
        if (ops.length === 3) {
          step = scanArg(ops[1]!);
          if (step.value === 0) throw new SeqError(`invalid Zero increment value: ${quote(ops[1]!)}`, true);
        }
        last = scanArg(ops[ops.length - 1]!);
      }
      const intLike = (o: Operand): boolean => o.precision === 0 && Number.isFinite(o.value) && /^[ \t]*[-+]?[0-9]+$/.test(o.text);
      if (!fmt && intLike(first) && intLike(step) && (intLike(last) || (last.value === Infinity && step.value > 0))) {
        const big = (o: Operand): bigint => BigInt(o.text.trim().replace(/^\+/, ''));
        const width = equal ? Math.max(first.width, last.width) : 0;
        const l = last.value === Infinity ? null : big(last);
        await emitAll(tool, integers(big(first), big(step), l, width), sep);
        return 0;
      }
      let format = fmt;
      if (!format) {
        const prec = Math.max(first.precision, step.precision);
        if (prec !== Infinity && last.precision !== Infinity) {
          let width = 0;
          if (equal) {
            let fw = first.width + (prec - first.precision);
            let lw = last.width + (prec - last.precision);
            if (last.precision && prec === 0) lw--;
            if (last.precision === 0 && prec) lw++;
            if (first.precision === 0 && prec) fw++;
            width = Math.max(fw, lw);
          }
          format = { prefix: '', suffix: '', flags: equal ? '0' : '', width, precision: prec, conv: 'f' };
        } else format = { prefix: '', suffix: '', flags: '', width: 0, precision: -1, conv: 'g' };
      }
      await emitAll(tool, floats(format, first.value, step.value, last.value), sep);
      return 0;
    } catch (e) {
      if (!(e instanceof SeqError)) throw e;
      if (e.usage) return tool.usage(`seq: ${e.message}`);
      await tool.error(e.message);
      return 1;
    }
  });
}

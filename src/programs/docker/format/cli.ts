// The docker CLI's command frame (cobra + pflag as docker/cli sets them up): flag parsing with
// pflag's words ("unknown flag: --foo", status 125), argument-count checks with cobra's words
// (status 1), and the --help page laid out as Docker's usage template, flag descriptions
// wrapped by pflag's FlagUsagesWrapped at 79 columns. Each command's metadata (usage, summary,
// aliases, flags) is one CommandSpec, kept in specs.ts.

import { goQuote } from '../../../runtime/go-style.ts';
import { goParseInt } from './numbers.ts';

export type FlagType = 'bool' | 'string' | 'int' | 'filter' | 'list' | 'stringArray';

export interface FlagSpec {
  long: string;
  short?: string;
  type: FlagType;
  usage: string;
  /** Shown as "(default X)" when set; bools default to false, ints to 0. */
  def?: string;
  /** Parsed but left out of --help (cobra's hidden flags). */
  hidden?: boolean;
  /** The value's name in --help when it is not the type's ("list", "bytes", "uint16"). */
  varname?: string;
}

export interface CommandSpec {
  /** "ps", "system df". */
  path: string;
  /** After the command path in the usage line: "[OPTIONS]", "[OPTIONS] IMAGE". */
  use: string;
  /** The one-line summary (also shown in `docker --help` and `docker GROUP --help`). */
  short: string;
  /** The --help page's description when it says more than `short`. */
  long?: string;
  /** "docker container ls, docker container list, docker container ps, docker ps" */
  aliases?: string;
  flags: FlagSpec[];
  args?: { exact?: number; min?: number; max?: number };
  /** Flags end at the first operand (top, run, exec). */
  stopAtOperand?: boolean;
}

export class ParsedFlags {
  readonly values = new Map<string, string[]>();
  readonly operands: string[] = [];
  has(long: string): boolean {
    return this.values.has(long);
  }
  bool(long: string): boolean {
    const v = this.values.get(long);
    return v !== undefined && v[v.length - 1] === 'true';
  }
  str(long: string, def = ''): string {
    const v = this.values.get(long);
    return v === undefined ? def : v[v.length - 1]!;
  }
  /** The flag's last value, or undefined when it was not given. */
  opt(long: string): string | undefined {
    const v = this.values.get(long);
    return v?.[v.length - 1];
  }
  int(long: string, def: number): number {
    const v = this.values.get(long);
    return v === undefined ? def : Number(v[v.length - 1]);
  }
  list(long: string): string[] {
    return this.values.get(long) ?? [];
  }
}

/** A finished command line: what to print and the status. */
export interface CliExit {
  stdout?: string;
  stderr?: string;
  status: number;
}

const BOOL_WORDS: Record<string, string> = { '1': 'true', t: 'true', T: 'true', TRUE: 'true', true: 'true', True: 'true', '0': 'false', f: 'false', F: 'false', FALSE: 'false', false: 'false', False: 'false' };

function usageLine(spec: CommandSpec, invoked: string): string {
  return `docker ${invoked}${spec.use ? ` ${spec.use}` : ''}`;
}

function flagError(spec: CommandSpec, invoked: string, msg: string): CliExit {
  return { stderr: `${msg}\n\nUsage:  ${usageLine(spec, invoked)}\n\nRun 'docker ${invoked} --help' for more information\n`, status: 125 };
}

const flagName = (f: FlagSpec): string => (f.short ? `-${f.short}, --${f.long}` : `--${f.long}`);

function setValue(out: ParsedFlags, f: FlagSpec, value: string, shown: string): string | null {
  if (f.type === 'bool') {
    const b = BOOL_WORDS[value];
    if (!b) return `invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`;
    value = b;
  } else if (f.type === 'int') {
    const n = goParseInt(value);
    if (typeof n === 'string') return `invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing ${goQuote(value)}: ${n}`;
    value = String(n);
  } else if ((f.type === 'filter' || f.varname === 'filter') && !value.includes('=')) {
    // docker's filter option refuses a filter without a value while the flags are parsed
    return `invalid argument "${value}" for "${shown}" flag: bad format of filter (expected name=value)`;
  }
  const prev = out.values.get(f.long) ?? [];
  out.values.set(f.long, [...prev, value]);
  return null;
}

/** Parse a command's arguments; returns the flags, or what to print (help, errors). */
export function parseCommand(spec: CommandSpec, invoked: string, args: string[]): ParsedFlags | CliExit {
  const out = new ParsedFlags();
  const byLong = new Map(spec.flags.map((f) => [f.long, f]));
  const byShort = new Map(spec.flags.filter((f) => f.short).map((f) => [f.short!, f]));
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (name === 'help') {
        help = true;
        continue;
      }
      const f = byLong.get(name);
      if (!f) return flagError(spec, invoked, `unknown flag: --${name}`);
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (f.type === 'bool') value = 'true';
      else if (i + 1 < args.length) value = args[++i]!;
      else return flagError(spec, invoked, `flag needs an argument: --${name}`);
      const err = setValue(out, f, value, flagName(f));
      if (err) return flagError(spec, invoked, err);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        // cobra's -h means --help only when no flag of the command has h (run's --hostname).
        if (c === 'h' && !byShort.has('h')) {
          help = true;
          continue;
        }
        const f = byShort.get(c);
        // pflag names what is left of the group from the failing letter on: 'z' in -zq for -aqzq
        if (!f) return flagError(spec, invoked, `unknown shorthand flag: '${c}' in -${a.slice(j)}`);
        if (f.type === 'bool') {
          if (a[j + 1] === '=') {
            const err = setValue(out, f, a.slice(j + 2), flagName(f));
            if (err) return flagError(spec, invoked, err);
            break;
          }
          setValue(out, f, 'true', flagName(f));
          continue;
        }
        let value: string;
        if (j + 1 < a.length) value = a.slice(a[j + 1] === '=' ? j + 2 : j + 1);
        else if (i + 1 < args.length) value = args[++i]!;
        else return flagError(spec, invoked, `flag needs an argument: '${c}' in -${a.slice(j)}`);
        const err = setValue(out, f, value, flagName(f));
        if (err) return flagError(spec, invoked, err);
        break;
      }
      continue;
    }
    out.operands.push(a);
    if (spec.stopAtOperand) {
      out.operands.push(...args.slice(i + 1));
      break;
    }
  }
  if (help) return { stdout: helpText(spec, invoked), status: 0 };
  const n = out.operands.length;
  const want = spec.args ?? { exact: 0 };
  const argError = (msg: string, see: string): CliExit => ({
    stderr: `docker: '${'docker ' + invoked}' ${msg}\n\nUsage:  ${usageLine(spec, invoked)}\n\n${see} 'docker ${invoked} --help' for more information\n`,
    status: 1,
  });
  if (want.exact !== undefined && n !== want.exact) {
    if (want.exact === 0) return argError('accepts no arguments', 'Run');
    return argError(`requires ${want.exact} argument${want.exact === 1 ? '' : 's'}`, 'Run');
  }
  if (want.min !== undefined && want.max !== undefined && (n < want.min || n > want.max)) {
    return argError(`requires at least ${want.min} and at most ${want.max} argument${want.max === 1 ? '' : 's'}`, 'Run');
  }
  if (want.min !== undefined && n < want.min) return argError(`requires at least ${want.min} argument${want.min === 1 ? '' : 's'}`, 'See');
  // cobra's RequiresMaxArgs in docker/cli prints "S" before "Run" (a stray byte in its format string)
  if (want.max !== undefined && n > want.max) return argError(`requires at most ${want.max} argument${want.max === 1 ? '' : 's'}`, 'SRun');
  return out;
}

// ---------------------------------------------------------------- --help

const VARNAME: Record<FlagType, string> = { bool: '', string: 'string', int: 'int', filter: 'filter', list: 'list', stringArray: 'stringArray' };

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap: text to width `w` with continuation lines indented by `i`. */
function wrap(i: number, w: number, s: string): string {
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${' '.repeat(i)}`;
  }
  if (width < 24) return s.replace(/\n/g, r);
  const slop = 5;
  width -= slop;
  let l: string;
  [l, s] = wrapN(width, slop, s);
  r += l.replace(/\n/g, `\n${' '.repeat(i)}`);
  while (s !== '') {
    let t: string;
    [t, s] = wrapN(width, slop, s);
    r += `\n${' '.repeat(i)}${t.replace(/\n/g, `\n${' '.repeat(i)}`)}`;
  }
  return r;
}

export function flagUsages(flags: FlagSpec[], cols = 79): string {
  const shown = flags.filter((f) => !f.hidden).sort((a, b) => (a.long < b.long ? -1 : 1));
  const lines: [string, string][] = [];
  let maxlen = 0;
  for (const f of shown) {
    let line = f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`;
    const varname = f.varname ?? VARNAME[f.type];
    if (varname) line += ` ${varname}`;
    let usage = f.usage;
    if (f.def !== undefined) usage += f.type === 'string' ? ` (default "${f.def}")` : ` (default ${f.def})`;
    if (line.length + 1 > maxlen) maxlen = line.length + 1;
    lines.push([line, usage]);
  }
  return lines.map(([line, usage]) => `${line} ${' '.repeat(maxlen - line.length)} ${wrap(maxlen + 2, cols, usage)}`.replace(/\s+$/, '')).join('\n');
}

export function helpText(spec: CommandSpec, invoked: string): string {
  let s = `Usage:  ${usageLine(spec, invoked)}\n\n${spec.long ?? spec.short}`;
  if (spec.aliases) s += `\n\nAliases:\n  ${spec.aliases}`;
  if (spec.flags.some((f) => !f.hidden)) s += `\n\nOptions:\n${flagUsages(spec.flags)}`;
  return `${s}\n`;
}

/** The --format description shared by table-capable commands: our words in the layout Docker
 * uses for it (one line per kind of format, aligned). */
export const FORMAT_TABLE_USAGE =
  "How to print the output:\n'table':            headed table (the default)\n'table TEMPLATE':   table of template fields\n'json':             JSON, one item a line\n'TEMPLATE':         a Go template per item\nTemplates: https://docs.docker.com/go/formatting/";
export const FORMAT_USAGE =
  "How to print the output:\n'json':             as JSON\n'TEMPLATE':         through a Go template\nTemplates: https://docs.docker.com/go/formatting/";

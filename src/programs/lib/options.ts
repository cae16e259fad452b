// Command-line parsing as GNU getopt_long does it: bundled short options (-la), attached or
// separate arguments (-w80, -w 80), long options with `=` or a separate argument, unambiguous
// abbreviations of long options (--all as --al), `--` ending options, and operands mixed with
// options unless the program asks to stop at the first operand. Errors carry getopt's words.
// Programs that act on each option as a getopt loop meets it (procps's) can ask for the options
// before the first error, with the error, instead of an exception: see ParseStyle.

import { optionKey, type OptionSpec, type ProgramMeta } from './meta.ts';

export class UsageError extends Error {
  /** The short option letter at fault (getopt's optopt), when the error is about one. */
  constructor(readonly text: string, readonly letter?: string) {
    super(text);
  }
}

/** How parseArgs names the program and meets errors; the defaults suit GNU's tools. */
export interface ParseStyle {
  /** The name messages start with; default meta.name (procps's tools print argv[0] as typed). */
  name?: string;
  /**
   * Return the options before the first error with the error in Parsed.error, rather than
   * throwing, so that a program can act on them in order as a getopt loop does (`free --help
   * -x` prints the help).
   */
  stopAtError?: boolean;
  /** `--=...` abbreviates every long option (so is ambiguous), as glibc reads an empty name. */
  emptyLongMatchesAll?: boolean;
}

export interface ParsedOption {
  key: string;
  /** The argument, or undefined for options without one. */
  value: string | undefined;
  /** How it was written: `-l` or `--long`, for messages. */
  spelled: string;
  /** Index in args of the first word after this option and its argument (getopt's optind). */
  end: number;
}

export class Parsed {
  /** With ParseStyle.stopAtError: the first error; options and operands are those before it. */
  constructor(readonly options: ParsedOption[], readonly operands: string[], readonly error?: UsageError) {}

  has(key: string): boolean {
    return this.options.some((o) => o.key === key);
  }
  /** How many times an option was given (-v -v). */
  count(key: string): number {
    return this.options.filter((o) => o.key === key).length;
  }
  /** The last value given, as GNU tools let a later option override an earlier one. */
  value(key: string): string | undefined {
    for (let i = this.options.length - 1; i >= 0; i--) if (this.options[i]!.key === key) return this.options[i]!.value;
    return undefined;
  }
  values(key: string): string[] {
    return this.options.filter((o) => o.key === key).map((o) => o.value ?? '');
  }
  /** Which of several keys came last (for -1/-l/-C style choices), or undefined. */
  last(...keys: string[]): string | undefined {
    for (let i = this.options.length - 1; i >= 0; i--) if (keys.includes(this.options[i]!.key)) return this.options[i]!.key;
    return undefined;
  }
}

const HELP: OptionSpec = { long: 'help', key: '--help', help: 'display this help and exit' };
const VERSION: OptionSpec = { long: 'version', key: '--version', help: 'output version information and exit' };

export function allOptions(meta: ProgramMeta): OptionSpec[] {
  return meta.standardOptions === false ? meta.options : [...meta.options, HELP, VERSION];
}

/** Parse argv[1..] against the program's options. Throws UsageError with getopt's message. */
export function parseArgs(meta: ProgramMeta, args: string[], style: ParseStyle = {}): Parsed {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  try {
    scan(meta, args, style, options, operands);
  } catch (e) {
    if (!style.stopAtError || !(e instanceof UsageError)) throw e;
    return new Parsed(options, operands, e);
  }
  return new Parsed(options, operands);
}

function scan(meta: ProgramMeta, args: string[], style: ParseStyle, options: ParsedOption[], operands: string[]): void {
  const specs = allOptions(meta);
  const name = style.name ?? meta.name;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const word = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = findLong(name, specs, word, arg, style.emptyLongMatchesAll === true);
      const spelled = `--${spec.long}`;
      let value: string | undefined;
      if (eq >= 0) {
        if ((spec.arg ?? 'none') === 'none') throw new UsageError(`${name}: option '${spelled}' doesn't allow an argument`);
        value = arg.slice(eq + 1);
      } else if (spec.arg === 'required') {
        if (i + 1 >= args.length) throw new UsageError(`${name}: option '${spelled}' requires an argument`);
        value = args[++i];
      }
      options.push({ key: optionKey(spec), value, spelled, end: i + 1 });
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        const spec = specs.find((s) => s.short === letter);
        if (!spec) throw new UsageError(`${name}: invalid option -- '${letter}'`, letter);
        const kind = spec.arg ?? 'none';
        if (kind === 'none') {
          options.push({ key: optionKey(spec), value: undefined, spelled: `-${letter}`, end: i + 1 });
          continue;
        }
        let value: string | undefined = arg.slice(j + 1);
        if (value === '') {
          if (kind === 'required') {
            if (i + 1 >= args.length) throw new UsageError(`${name}: option requires an argument -- '${letter}'`, letter);
            value = args[++i];
          } else value = undefined;
        }
        options.push({ key: optionKey(spec), value, spelled: `-${letter}`, end: i + 1 });
        break;
      }
      continue;
    }
    operands.push(arg);
    if (meta.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
}

function findLong(name: string, specs: OptionSpec[], word: string, arg: string, emptyMatchesAll: boolean): OptionSpec {
  const exact = specs.find((s) => s.long === word);
  if (exact) return exact;
  const candidates = specs.filter((s) => s.long?.startsWith(word));
  // Several spellings of one option (same key) are not ambiguous.
  const keys = new Set(candidates.map(optionKey));
  if (candidates.length === 0 || (word === '' && !emptyMatchesAll)) throw new UsageError(`${name}: unrecognized option '${arg}'`);
  if (keys.size > 1) {
    const list = candidates.map((s) => `'--${s.long}'`).join(' ');
    throw new UsageError(`${name}: option '${arg.split('=')[0]}' is ambiguous; possibilities: ${list}`);
  }
  return candidates[0]!;
}

// What a program says about itself: its name, synopsis, description and options. The option
// parser reads it, `--help` and `--version` print it, and the docs list it, so the three never
// disagree.

export type ArgKind = 'none' | 'required' | 'optional';

export interface OptionSpec {
  /** One letter: `-l`. */
  short?: string;
  /** Without the dashes: `--long-name`. */
  long?: string;
  /** Whether the option takes an argument (default none). */
  arg?: ArgKind;
  /** The argument's name in --help: `SIZE`, `[=WHEN]` is written for optional ones. */
  argName?: string;
  /** Where the parser files it; defaults to the long name, else the short letter. */
  key?: string;
  /** The help line (may be several lines, joined by \n). Empty: parsed but not listed. */
  help: string;
}

export interface ProgramMeta {
  name: string;
  /** Package and version `--version` prints: GNU coreutils 9.1, procps-ng 4.0.2... */
  package: string;
  version: string;
  /** Synopsis lines after "Usage: NAME ". */
  usage: string[];
  /** The paragraph under the synopsis, and an optional closing paragraph. */
  summary: string;
  epilog?: string;
  options: OptionSpec[];
  /** Status for a usage error (ls and most tools that list: 2; the rest 1). */
  usageStatus?: number;
  /** Stop at the first operand, as POSIXLY_CORRECT or a leading '+' makes getopt do (env, xargs). */
  stopAtOperand?: boolean;
  /** Whether `--help`/`--version` are recognised (false for tools that have neither, like `[`). */
  standardOptions?: boolean;
  /** The status a failed write of standard output ends the run with (GNU's exit_failure: env 125, ls 2...; default 1). */
  exitFailure?: number;
  /** A failed write of --help and --version ('plain') or of --help alone ('plain-help', sort) says "write error" without the errno words (wc, md5sum). */
  helpWriteError?: 'plain' | 'plain-help';
  /** How messages and --help look: GNU's words, or busybox's where the image has busybox. */
  style?: 'gnu' | 'busybox' | 'procps' | 'util-linux';
}

export function optionKey(spec: OptionSpec): string {
  return spec.key ?? spec.long ?? spec.short!;
}

/**
 * `meta` with its options in the order of the tool's getopt table (procps's longopts), which is
 * the order getopt lists them in when an abbreviation is ambiguous; --help keeps meta's order.
 */
export function inLongoptsOrder(meta: ProgramMeta, longs: readonly string[]): ProgramMeta {
  return { ...meta, options: longs.map((long) => meta.options.find((o) => o.long === long)!) };
}

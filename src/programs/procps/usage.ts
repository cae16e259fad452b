// The usage screen of the procps-ng tools: a blank line, "Usage:", the synopsis, the options with
// their help aligned in one column, the help and version lines, and "For more details see X(1).".
// procps prints it on standard output for --help and on standard error after a usage error. The
// option descriptions are cowbox's own words; the layout is procps's.

import type { Sys } from '../../sys/sys.ts';

export interface UsageText {
  /** Synopsis lines after the name: "[options] <pattern>". */
  synopsis: string[];
  /** [left, help] pairs; an empty pair is a blank line. A long left part puts the help below it. */
  options: Array<[string, string]>;
  /** Where the help text column starts (procps varies it by tool). */
  column: number;
  /** Left parts for help and version (procps spells them differently per tool). */
  help?: string;
  version?: string;
  /** The column of the help/version lines' text. */
  tailColumn?: number;
  /** Text after the options, before "For more details". */
  after?: string;
  man: string;
  /** Heading of the options block. */
  heading?: string;
  /** The options list already has help and version (uptime). */
  noTail?: boolean;
}

export function usageText(name: string, u: UsageText): string {
  const lines = ['', 'Usage:', ...u.synopsis.map((s) => ` ${name} ${s}`), '', u.heading ?? 'Options:'];
  const put = (left: string, help: string, column: number): void => {
    const [first, ...more] = help.split('\n');
    if (!left && !help) lines.push('');
    else if (left.length + 1 >= column) lines.push(left, `${' '.repeat(column)}${first}`);
    else lines.push(`${left.padEnd(column)}${first}`);
    for (const line of more) lines.push(`${' '.repeat(column)}${line}`);
  };
  for (const [left, help] of u.options) put(left, help, u.column);
  if (!u.noTail) {
    lines.push('');
    const tail = u.tailColumn ?? 16;
    put(u.help ?? ' -h, --help', 'show this help and exit', tail);
    put(u.version ?? ' -V, --version', 'show the version and exit', tail);
  }
  if (u.after) lines.push('', ...u.after.split('\n'));
  lines.push('', `For more details see ${u.man}.`);
  return lines.join('\n') + '\n';
}

/** Print usage: on stdout with status 0 for --help, on stderr with `status` after an error. */
export async function printUsage(sys: Sys, text: string, toStderr: boolean, status: number): Promise<number> {
  await sys.writeAll(toStderr ? 2 : 1, text);
  return toStderr ? status : 0;
}

export function versionLine(name: string): string {
  return `${name} from procps-ng 4.0.2\n`;
}

/** The base name of argv[0], as program_invocation_short_name. */
export function shortName(argv0: string | undefined, fallback: string): string {
  if (!argv0) return fallback;
  const slash = argv0.lastIndexOf('/');
  return slash >= 0 ? argv0.slice(slash + 1) : argv0;
}

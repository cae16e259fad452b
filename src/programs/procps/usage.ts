// The procps tools' help and version texts, and their getopt_long. --help prints the help drawn
// from the program's metadata (lib/help.ts, in cowbox's words), as every program here does;
// where procps prints its usage after an error, the same text goes to standard error.

import type { Sys } from '../../sys/sys.ts';
import { helpText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs, type Parsed } from '../lib/options.ts';

/** The help on standard output (status 0), or on standard error after an error (`status`). */
export async function printUsage(sys: Sys, meta: ProgramMeta, toStderr: boolean, status = 1): Promise<number> {
  await sys.writeAll(toStderr ? 2 : 1, helpText(meta));
  return toStderr ? status : 0;
}

export function versionLine(name: string): string {
  return `${name} from procps-ng 4.0.2\n`;
}

/**
 * argv as glibc's getopt_long reads it for procps: messages name argv[0] as typed
 * (`/bin/free: invalid option -- 'x'`), `--=` is an ambiguous abbreviation, and the caller acts
 * on the options in order up to the first error (Parsed.error).
 */
export function parseProcps(meta: ProgramMeta, argv: string[]): Parsed {
  return parseArgs(meta, argv.slice(1), { name: argv[0] ?? '', stopAtError: true, emptyLongMatchesAll: true });
}

/** The base name of argv[0], as program_invocation_short_name. */
export function shortName(argv0: string | undefined, fallback: string): string {
  if (!argv0) return fallback;
  const slash = argv0.lastIndexOf('/');
  return slash >= 0 ? argv0.slice(slash + 1) : argv0;
}

// nice (GNU coreutils): run COMMAND with its nice value raised by ADJUSTMENT (10 unless -n says;
// out-of-range values are brought to -20..19, as setpriority does), or with no COMMAND print the
// current nice value. Besides -n N, the old form -N (and --N for a negative one) is read where
// an option may stand. Lowering the value takes root: otherwise nice warns and runs COMMAND at
// the unchanged value. Status 125 for nice's own failures, 126/127 when COMMAND cannot run.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText, versionText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs } from '../lib/options.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quotearg } from '../lib/quotearg.ts';
import { guardOutput, tryHelp } from '../lib/tool.ts';
import { execPath } from '../lib/exec-path.ts';

export const meta: ProgramMeta = {
  name: 'nice', package: 'GNU coreutils', version: '9.1',
  exitFailure: 125,
  usage: ['[OPTION] [COMMAND [ARG]...]'],
  summary: 'Run COMMAND at a changed scheduling priority (its nice value). With no COMMAND, print\nthe nice value nice itself runs at. Nice values go from -20 (favoured) to 19 (yields\nthe most); only root may lower one.',
  options: [{ short: 'n', long: 'adjustment', arg: 'required', argName: 'N', help: 'add N to the nice value instead of 10' }],
  usageStatus: 125,
  stopAtOperand: true,
};

const EXIT_CANCELED = 125;

/** GNU's quote(): the locale's quotation marks (‘x’ under UTF-8, 'x' in C). */
function lq(sys: Sys, s: string): string {
  return quotearg(s, { style: 'locale', utf8: localeIsUtf8((n) => sys.getenv(n)) });
}
const PRIO_PROCESS = 0;

/** xstrtol with no suffixes: blanks, a sign, digits and nothing else; overflow saturates. */
function parseAdjustment(text: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(text);
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === '-' ? -n : n;
}

async function usageError(sys: Sys, message: string): Promise<number> {
  await sys.writeAll(2, `${message}\n${tryHelp(meta)}`);
  return EXIT_CANCELED;
}

/** The command by PATH search; returns only when it could not be run. */
async function runCommand(sys: Sys, argv: string[]): Promise<number> {
  const failure = await execPath(sys, argv);
  await sys.writeAll(2, `nice: ${lq(sys, argv[0]!)}: ${strerror(failure)}\n`);
  return failure === 'ENOENT' ? 127 : 126;
}

export default function nice(sys: Sys): Promise<number> {
  return guardOutput(sys, 'nice', 125, () => run(sys));
}

async function run(sys: Sys): Promise<number> {
  const args = sys.argv;
  let adjustmentText: string | undefined;
  let i = 1;
  // One option at a time, as GNU restarts getopt for each, so -N may stand between them.
  while (i < args.length) {
    const word = args[i]!;
    if (/^-[-+]?[0-9]/.test(word)) {
      adjustmentText = word.slice(1);
      i++;
      continue;
    }
    if (word === '--') {
      i++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    const parsed = parseArgs(meta, args.slice(i), { stopAtError: true });
    const first = parsed.options[0];
    if (!first) return usageError(sys, parsed.error!.text);
    if (first.key === '--help') {
      await sys.writeAll(1, helpText(meta));
      return 0;
    }
    if (first.key === '--version') {
      await sys.writeAll(1, versionText(meta));
      return 0;
    }
    adjustmentText = first.value;
    i += first.end;
  }
  let adjustment = 10;
  if (adjustmentText !== undefined) {
    const n = parseAdjustment(adjustmentText);
    if (n === null) {
      await sys.writeAll(2, `nice: invalid adjustment ${lq(sys, adjustmentText)}\n`);
      return EXIT_CANCELED;
    }
    adjustment = Math.max(-39, Math.min(39, n));
  }
  const command = args.slice(i);
  let current: number;
  try {
    current = await sys.getpriority(PRIO_PROCESS, 0);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.writeAll(2, `nice: cannot get niceness: ${strerror(e.code)}\n`);
    return EXIT_CANCELED;
  }
  if (!command.length) {
    if (adjustmentText !== undefined) return usageError(sys, 'nice: a command must be given with an adjustment');
    await sys.writeAll(1, `${current}\n`);
    return 0;
  }
  try {
    await sys.setpriority(PRIO_PROCESS, 0, current + adjustment);
  } catch (e) {
    if (!isSysError(e)) throw e;
    // A refused change (EACCES from setpriority, as glibc passes it on) is only a warning.
    await sys.writeAll(2, `nice: cannot set niceness: ${strerror(e.code)}\n`);
    if (e.code !== 'EPERM' && e.code !== 'EACCES') return EXIT_CANCELED;
  }
  return runCommand(sys, command);
}

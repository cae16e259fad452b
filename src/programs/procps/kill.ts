// kill (procps-ng 4.0.2, /usr/bin/kill): send a signal to processes. The first argument that
// reads as -SIGNAL (-9, -KILL, -SIGKILL) picks the signal before the options are parsed, as
// procps does; then -s/--signal, -l/--list [SIG], -L/--table, -q/--queue. Messages carry
// argv[0] as it was typed ("/bin/kill: (42): No such process"). The shell has its own kill
// builtin; this is the program (`/bin/kill`, `env kill`).
//
// Kept from procps, quirks and all: a negative PID not taken as a signal ("-123" after "-9")
// is read by getopt as option '1', and procps then signals -1 (every process it may) and exits
// 1 on success. -q's value is accepted but this kernel has no sigqueue payload to carry it.
// getopt runs quietly (opterr = 0): kill words its own messages.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { prettySignalTable, signalNameToNumber, strtosig, unixSignalList } from './signals.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs } from '../lib/options.ts';
import { printUsage, shortName, versionLine } from './usage.ts';
import { guardOutput, isBusybox } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'kill', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options] <pid> [...]'],
  summary: 'Send a signal (TERM unless told otherwise) to each process <pid> named; a negative <pid> is a process group.',
  standardOptions: false,
  options: [
    { short: 's', long: 'signal', arg: 'required', argName: 'SIGNAL', help: 'the signal to send, by name or number (also -SIGNAL)' },
    { short: 'q', long: 'queue', arg: 'required', argName: 'VALUE', help: 'an integer to send along with the signal' },
    { short: 'l', long: 'list', arg: 'optional', argName: 'SIGNAL', help: 'list the signal names, or convert one name or number' },
    { short: 'L', long: 'table', help: 'list the signal names with their numbers' },
    { short: 'h', long: 'help', help: 'display this help and exit' },
    { short: 'V', long: 'version', help: 'output version information and exit' },
  ],
};

/** strtol as strtol_or_err checks it: optional blanks and sign, digits, nothing after. */
function parseLong(text: string): number | null {
  return /^[ \t\n\v\f\r]*[+-]?\d+$/.test(text) ? Number(text) : null;
}

export default function kill(sys: Sys): Promise<number> {
  return guardOutput(sys, 'kill', 0, () => run(sys), async () => 0);
}

async function run(sys: Sys): Promise<number> {
  const argv0 = sys.argv[0] ?? 'kill';
  const name = shortName(argv0, 'kill');
  const err = (msg: string): Promise<void> => sys.writeAll(2, `${argv0}: ${msg}\n`);
  const usageError = (): Promise<number> => printUsage(sys, meta, true);
  const args = [...sys.argv];
  if (args.length < 2 && isBusybox(sys)) {
    await sys.writeAll(2, 'kill: you need to specify whom to kill\n');
    return 1;
  }
  if (args.length < 2) return usageError();

  // skill_sig_option: the first "-X" that names a signal is taken out and used.
  let signo = -1;
  for (let i = 1; i < args.length; i++) {
    if (!args[i]!.startsWith('-')) continue;
    const sig = signalNameToNumber(args[i]!.slice(1));
    if (sig > -1) {
      signo = sig;
      args.splice(i, 1);
      break;
    }
  }
  if (signo < 0) signo = 15;

  const words = args.slice(1);
  const parsed = parseArgs(meta, words, { stopAtError: true });
  for (const o of parsed.options) {
    switch (o.key) {
      case 'list': {
        let which = o.value;
        const next = words[o.end];
        if (which === undefined && next !== undefined && !next.startsWith('-')) which = next;
        if (which !== undefined) {
          const s = strtosig(which);
          if (s !== null) await sys.writeAll(1, `${s}\n`);
          else await err(`unknown signal name ${which}`);
        } else await sys.writeAll(1, unixSignalList());
        return 0;
      }
      case 'table':
        await sys.writeAll(1, prettySignalTable());
        return 0;
      case 'signal':
        signo = signalNameToNumber(o.value!);
        break;
      case 'help':
        return printUsage(sys, meta, false);
      case 'version':
        await sys.writeAll(1, versionLine(name));
        return 0;
      case 'queue':
        if (parseLong(o.value!) === null) {
          await err(`must be an integer value to be passed with the signal.: '${o.value}'`);
          return 1;
        }
        break;
    }
  }
  if (parsed.error) {
    // getopt's optopt: the letter at fault, none for a long option.
    const c = parsed.error.letter ?? '';
    if (!/^[0-9]$/.test(c)) {
      await err(`invalid argument ${c}`);
      return usageError();
    }
    // procps reads "-123" as the option '1' and signals the PID "0 - '1'", that is -1.
    const pid = -Number(c);
    try {
      await sys.kill(pid, signo);
      return 1;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 0;
    }
  }
  const pids = parsed.operands;
  if (pids.length < 1) return usageError();
  let status = 0;
  for (const text of pids) {
    const pid = parseLong(text);
    if (pid === null) {
      await err(`failed to parse argument: '${text}'`);
      return 1;
    }
    try {
      await sys.kill(pid, signo);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (isBusybox(sys)) await sys.writeAll(2, `kill: can't kill pid ${pid}: ${strerror(e.code)}\n`);
      else await err(`(${pid}): ${strerror(e.code)}`);
      status = 1;
    }
  }
  return status;
}

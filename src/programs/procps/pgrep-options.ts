// The options of pgrep and pkill (procps-ng 4.0.2): the selection criteria both take, listed
// once, and what each adds (pgrep its output forms, pkill its signal). The metas in pgrep.ts and
// pkill-meta.ts print them in --help; pgrep-run.ts parses with them.

import type { OptionSpec } from '../lib/meta.ts';

/** pgrep's own: how the matches are printed. */
export const PGREP_ONLY: OptionSpec[] = [
  { short: 'd', long: 'delimiter', arg: 'required', argName: 'STRING', help: 'put this between PIDs (default: newline)' },
  { short: 'l', long: 'list-name', help: 'print the process name after each PID' },
  { short: 'a', long: 'list-full', help: 'print the whole command line after each PID' },
  { short: 'v', long: 'inverse', help: 'select the processes that do not match' },
  { short: 'w', long: 'lightweight', help: 'list thread IDs too' },
  // procps shares its long options between the two: pgrep takes --signal and ignores it.
  { long: 'signal', arg: 'required', help: '' },
];

/** pkill's own: which signal, and saying what was signalled. */
export const PKILL_ONLY: OptionSpec[] = [
  { long: 'signal', arg: 'required', argName: 'SIGNAL', help: 'the signal to send, by name or number (also -SIGNAL)' },
  { short: 'q', long: 'queue', arg: 'required', argName: 'VALUE', help: 'an integer to send along with the signal' },
  { short: 'e', long: 'echo', help: 'say which processes were signalled' },
];

/** The criteria and the rest that both take, in the order --help lists them. */
export const COMMON: OptionSpec[] = [
  { short: 'c', long: 'count', help: 'print how many processes matched' },
  { short: 'f', long: 'full', help: 'match against the whole command line' },
  { short: 'g', long: 'pgroup', arg: 'required', argName: 'PGID,...', help: 'only these process groups (0: this one)' },
  { short: 'G', long: 'group', arg: 'required', argName: 'GID,...', help: 'only these real group IDs' },
  { short: 'i', long: 'ignore-case', help: 'ignore case when matching' },
  { short: 'n', long: 'newest', help: 'only the most recently started match' },
  { short: 'o', long: 'oldest', help: 'only the least recently started match' },
  { short: 'O', long: 'older', arg: 'required', argName: 'SECONDS', help: 'only processes older than this' },
  { short: 'P', long: 'parent', arg: 'required', argName: 'PPID,...', help: 'only children of these parents' },
  { short: 's', long: 'session', arg: 'required', argName: 'SID,...', help: 'only these sessions (0: this one)' },
  { short: 't', long: 'terminal', arg: 'required', argName: 'TTY,...', help: 'only processes on these terminals' },
  { short: 'u', long: 'euid', arg: 'required', argName: 'ID,...', help: 'only these effective users' },
  { short: 'U', long: 'uid', arg: 'required', argName: 'ID,...', help: 'only these real users' },
  { short: 'x', long: 'exact', help: 'the name must match as a whole' },
  { short: 'F', long: 'pidfile', arg: 'required', argName: 'FILE', help: 'take the PID from this file' },
  { short: 'L', long: 'logpidfile', help: 'fail unless the PID file is locked' },
  { short: 'r', long: 'runstates', arg: 'required', argName: 'STATES', help: 'only processes in these states (D,S,Z,...)' },
  { short: 'A', long: 'ignore-ancestors', help: 'leave out this command and its ancestors' },
  { long: 'cgroup', arg: 'required', argName: 'PATH,...', help: 'only processes in these cgroup v2 paths' },
  { long: 'ns', arg: 'required', argName: 'PID', help: 'only processes in the namespaces of PID' },
  { long: 'nslist', arg: 'required', argName: 'NS,...', help: 'which namespaces --ns compares:\nipc, mnt, net, pid, user, uts' },
  { short: 'h', long: 'help', help: 'display this help and exit' },
  { short: 'V', long: 'version', help: 'output version information and exit' },
  // In procps's short options: -? prints the usage as an error does.
  { short: '?', key: 'usage', help: '' },
];

/**
 * procps's longopts order. getopt lists the possibilities of an ambiguous abbreviation in it
 * (`pkill --e`: '--euid' '--exact' '--echo'), so the parser gets the options in this order.
 */
const LONG_ORDER = [
  'signal', 'ignore-ancestors', 'count', 'cgroup', 'delimiter', 'list-name', 'list-full', 'full', 'pgroup', 'group',
  'ignore-case', 'newest', 'oldest', 'older', 'parent', 'session', 'terminal', 'euid', 'uid', 'inverse',
  'lightweight', 'exact', 'pidfile', 'logpidfile', 'echo', 'ns', 'nslist', 'queue', 'runstates', 'help', 'version',
];

const rank = (spec: OptionSpec): number => (spec.long ? LONG_ORDER.indexOf(spec.long) : LONG_ORDER.length);

/** What pgrep (or pkill) parses, in procps's longopts order. */
export function parseOrder(pkill: boolean): OptionSpec[] {
  return [...(pkill ? PKILL_ONLY : PGREP_ONLY), ...COMMON].sort((a, b) => rank(a) - rank(b));
}

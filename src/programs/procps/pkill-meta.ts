// pkill's description (procps-ng 4.0.2), apart from its entry point so that pgrep's help can
// be printed by pkill's name and the other way round without one program loading the other.

import type { ProgramMeta } from '../lib/meta.ts';

export const meta: ProgramMeta = {
  name: 'pkill', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options] <pattern>'],
  summary: 'Signal (TERM unless told otherwise) the processes whose name matches <pattern> (an extended regular expression) and the criteria given; it never signals itself.',
  standardOptions: false,
  options: [
    { long: 'signal', arg: 'required', argName: 'SIGNAL', help: 'the signal to send, by name or number (also -SIGNAL)' },
    { short: 'q', long: 'queue', arg: 'required', argName: 'VALUE', help: 'an integer to send along with the signal' },
    { short: 'e', long: 'echo', help: 'say which processes were signalled' },
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
  ],
};

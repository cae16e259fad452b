// ps's help: the short usage block procps prints after an error (and for --help alone), and
// the sections of `ps --help simple|list|output|threads|misc|all` in cowbox's own words, laid
// out as procps lays them out.

const SHORT = [
  '',
  'Usage:',
  ' ps [options]',
  '',
  " Try 'ps --help <simple|list|output|threads|misc|all>'",
  "  or 'ps --help <s|l|o|t|m|a>'",
  ' for additional help text.',
  '',
  'For more details see ps(1).',
  '',
].join('\n');

const SECTIONS: Record<string, string[]> = {
  simple: [
    'Basic options:',
    ' -A, -e               every process',
    ' -a                   processes with a terminal, less session leaders',
    '  a                   processes with a terminal, any user',
    ' -d                   every process but session leaders',
    ' -N, --deselect       turn the selection around',
    '  r                   only processes that are running',
    '  T                   processes on this terminal',
    '  x                   processes without a terminal too',
  ],
  list: [
    'Selection by list:',
    ' -C <command>         by command name',
    ' -G, --Group <GID>    by real group (ID or name)',
    ' -g, --group <group>  by session, or by effective group name',
    ' -p, p, --pid <PID>   by process ID',
    '        --ppid <PID>  by parent process ID',
    ' -q, q, --quick-pid <PID>',
    '                      by process ID, reading only those',
    ' -s, --sid <session>  by session ID',
    ' -t, t, --tty <tty>   by terminal',
    ' -u, U, --user <UID>  by effective user (ID or name)',
    ' -U, --User <UID>     by real user (ID or name)',
    '',
    '  Each list may be separated by commas, as in \'-u root,nobody\',',
    '    or by blanks in one argument, as in \'-p "123 4567"\'.',
  ],
  output: [
    'Output formats:',
    ' -F                   extra full format',
    ' -f                   full format, with command lines',
    '  f, --forest         draw the process tree',
    ' -H                   indent children under their parents',
    ' -j                   jobs format',
    '  j                   BSD job control format',
    ' -l                   long format',
    '  l                   BSD long format',
    ' -M, Z                add a security label column',
    ' -O <format>          the default columns with these added',
    '  O <format>          the same, BSD style',
    ' -o, o, --format <format>',
    '                      only the columns given',
    '  -P                  add the processor column',
    '  s                   signal format',
    '  u                   user-oriented format',
    '  v                   virtual memory format',
    '  X                   register format',
    ' -y                   show RSS instead of flags and address (with -l)',
    '     --context        show the security context',
    '     --headers        print the header again every page',
    '     --no-headers     print no header',
    '     --cols, --columns, --width <num>',
    '                      assume a screen this wide',
    '     --rows, --lines <num>',
    '                      assume a screen this tall',
  ],
  threads: [
    'Show threads:',
    '  H                   threads listed as processes',
    ' -L                   with LWP and NLWP columns',
    ' -m, m                threads after their process',
    ' -T                   with an SPID column',
  ],
  misc: [
    'Miscellaneous options:',
    ' -c                   scheduling class columns (with -l)',
    '  c                   the command name instead of its arguments',
    '  e                   the environment after the command',
    '  k,    --sort        sort by keys: [+|-]key[,[+|-]key[,...]]',
    '  L                   list the format specifiers',
    '  n                   numbers for users and WCHAN',
    '  S,    --cumulative  add the time of reaped children',
    ' -y                   show RSS, not flags (with -l)',
    ' -V, V, --version     show the version and exit',
    ' -w, w                wider output (twice: unlimited)',
    '',
    '        --help <simple|list|output|threads|misc|all>',
    '                      show help and exit',
  ],
};

const ALIASES: Record<string, string> = { s: 'simple', l: 'list', o: 'output', t: 'threads', m: 'misc', a: 'all' };

/** The short block, as printed after "error: ..." and for a bare --help. */
export function shortHelp(): string {
  return SHORT;
}

/** The text for `ps --help WHAT`, or the short block when WHAT is not a section. */
export function sectionHelp(what: string | undefined): string {
  const name = what === undefined ? undefined : ALIASES[what] ?? what;
  if (!name || !(name in SECTIONS || name === 'all')) return SHORT;
  const parts = name === 'all' ? ['simple', 'list', 'output', 'threads', 'misc'] : [name];
  const body = parts.map((p) => SECTIONS[p]!.join('\n')).join('\n\n');
  return `\nUsage:\n ps [options]\n\n${body}\n\nFor more details see ps(1).\n`;
}

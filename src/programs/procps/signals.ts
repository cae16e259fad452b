// Signal names as procps-ng spells and parses them (its lib/signals.c): names without "SIG",
// matched case-insensitively with or without the prefix, the aliases CLD, IO, IOT, EXIT and
// NULL, RTMIN and RTMIN+N, plain numbers; `kill -l` and `kill -L` layouts.

/** The Linux x86-64 table, sorted by name as procps keeps it. */
const SIGTABLE: Array<[string, number]> = [
  ['ABRT', 6], ['ALRM', 14], ['BUS', 7], ['CHLD', 17], ['CONT', 18], ['FPE', 8], ['HUP', 1],
  ['ILL', 4], ['INT', 2], ['KILL', 9], ['PIPE', 13], ['POLL', 29], ['PROF', 27], ['PWR', 30],
  ['QUIT', 3], ['SEGV', 11], ['STKFLT', 16], ['STOP', 19], ['SYS', 31], ['TERM', 15], ['TRAP', 5],
  ['TSTP', 20], ['TTIN', 21], ['TTOU', 22], ['URG', 23], ['USR1', 10], ['USR2', 12],
  ['VTALRM', 26], ['WINCH', 28], ['XCPU', 24], ['XFSZ', 25],
];

/** glibc's SIGRTMIN (two real-time signals are kept for the thread library). */
export const SIGRTMIN = 34;

/** signal_name_to_number: -1 when the text names no signal. */
export function signalNameToNumber(text: string): number {
  let name = text;
  if (name.slice(0, 3).toUpperCase() === 'SIG') name = name.slice(3);
  const upper = name.toUpperCase();
  if (upper === 'CLD') return 17;
  if (upper === 'IO') return 29;
  if (upper === 'IOT') return 6;
  const hit = SIGTABLE.find(([n]) => n === upper);
  if (hit) return hit[1];
  if (upper === 'RTMIN') return SIGRTMIN;
  if (upper === 'EXIT' || upper === 'NULL') return 0;
  let offset = 0;
  if (upper.startsWith('RTMIN+')) {
    name = name.slice(6);
    offset = SIGRTMIN;
  }
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(name);
  if (!m) return -1;
  const val = Number(m[1]);
  if (val + SIGRTMIN > 127) return -1;
  return val + offset;
}

/** signal_number_to_name: the table's name, RTMIN+N, or "0". */
export function signalNumberToName(signo: number): string {
  const n = signo & 0x7f;
  for (let i = SIGTABLE.length - 1; i >= 0; i--) if (SIGTABLE[i]![1] === n) return SIGTABLE[i]![0];
  if (n === SIGRTMIN) return 'RTMIN';
  return n ? `RTMIN+${n - SIGRTMIN}` : '0';
}

/** strtosig: a number to its name, or a name to its number, as `kill -l X` prints; null if none. */
export function strtosig(text: string): string | null {
  let p = text.toUpperCase();
  if (p.startsWith('SIG')) p = p.slice(3);
  let num = 0;
  if (/^[0-9]/.test(p)) {
    // strtol over the original text: leading digits only, the whole text must be used.
    if (!/^[ \t]*[+-]?\d+$/.test(text)) return null;
    num = Number(text);
  }
  if (num) return SIGTABLE.find(([, n]) => n === num)?.[0] ?? null;
  const hit = SIGTABLE.find(([n]) => n === p);
  return hit ? String(hit[1]) : null;
}

/** `kill -l`: names of signals 1-31, wrapped after column 73. */
export function unixSignalList(): string {
  let out = '';
  let pos = 0;
  for (let i = 1; i <= SIGTABLE.length; i++) {
    if (i > 1) {
      if (pos > 73) {
        out += '\n';
        pos = 0;
      } else {
        out += ' ';
        pos++;
      }
    }
    const name = signalNumberToName(i);
    out += name;
    pos += name.length;
  }
  return `${out}\n`;
}

/** `kill -L`: "%2d NAME" cells of 11 columns, seven to a line. */
export function prettySignalTable(): string {
  let out = '';
  let i = 0;
  while (++i <= SIGTABLE.length) {
    const cell = `${String(i).padStart(2)} ${signalNumberToName(i)}`;
    if (i % 7) out += cell + ' '.repeat(Math.max(0, 11 - cell.length));
    else out += `${cell}\n`;
  }
  if ((i - 1) % 7) out += '\n';
  return out;
}

// Which shell's words this shell speaks. cowbox's shell is dash; run as busybox's `sh`/`ash`
// applet it speaks busybox ash's dialect instead (ash is dash's sibling: the same evaluator,
// different messages, prompt and a few builtins). The dialect is chosen once, at shell start,
// and every site that prints a message or depends on the flavour asks it; ash.ts holds ash's.

import { strerror, type ErrnoName } from '../../abi/errno.ts';
import { BUILTINS, type Builtin } from './builtin-table.ts';
import type { SyntaxError_ } from './errors.ts';
import type { Shell } from './shell.ts';

/** dash's options, in its order (which `set -o` prints and `$-` reverses). */
export const OPTION_NAMES = [
  'errexit', 'noglob', 'ignoreeof', 'interactive', 'monitor', 'noexec', 'stdin', 'xtrace', 'verbose',
  'vi', 'emacs', 'noclobber', 'allexport', 'notify', 'nounset', 'privileged', 'nolog', 'debug',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];
export const OPTION_LETTERS: Record<OptionName, string> = {
  errexit: 'e', noglob: 'f', ignoreeof: 'I', interactive: 'i', monitor: 'm', noexec: 'n', stdin: 's',
  xtrace: 'x', verbose: 'v', vi: 'V', emacs: 'E', noclobber: 'C', allexport: 'a', notify: 'b',
  nounset: 'u', privileged: 'p', nolog: '', debug: '',
};

/** One shell option: its flag in Options, its `set -o` name ('' for letter-only), its letter. */
export interface OptionDef {
  key: OptionName | 'pipefail' | 'errtrace' | 'cmdstring';
  name: string;
  letter: string;
}

export interface ShellDialect {
  readonly name: 'dash' | 'ash';
  /** The words before a message at `line`: dash's `sh: 3: cd: `, ash's `sh: cd: line 3: `. */
  prefix(sh: Shell, line: number): string;
  /** A message given in dash's words (from the builtin sh.commandName), in this shell's words. */
  words(msg: string, sh: Shell): string;
  /** test/[ stopped at `here` with `next` left over: dash names the first, busybox the second. */
  testLeftover(here: string, next: string): string;
  /**
   * How test/[ reads `!` and an expression that ends early. dash's code: a leading `!` before
   * three or four arguments sets the answer to "negated" however many there are, and a missing
   * operand is false (`[ a -a ]` is 1). busybox follows POSIX's rules by argument count: each
   * such `!` negates, `! ARG` alone tests ARG's length, and a missing operand is an error.
   */
  readonly testRules: 'dash' | 'posix';
  /** A syntax error's whole line (without the newline). */
  syntax(sh: Shell, e: SyntaxError_): string;
  /** trap was given something that names no signal: the whole line. */
  badTrap(sh: Shell, arg: string): string;
  /** cd could not change to `dest`. */
  cdFailed(dest: string, code: ErrnoName): string;
  /** A redirection could not open its file. */
  redirFailed(name: string, code: ErrnoName, creating: boolean): string;
  /** The status a failed redirection gives a command (dash 2, ash 1). */
  readonly redirStatus: number;
  /** fork(2) failed (pids.max reached, no memory). */
  forkFailed(code: ErrnoName): string;
  /** `.` or a script operand could not be opened. */
  openFailed(name: string, code: ErrnoName): string;
  /** The line `sh -c STRING` starts at, and whether `eval` and traps go on from the current line. */
  readonly commandStringLine: number;
  readonly evalKeepsLine: boolean;
  /** PS1 when the environment gives none. */
  defaultPs1(euid: number): string;
  /** Variables the shell sets for itself at start (after the environment's). */
  startVars(sh: Shell): Promise<void> | void;
  /** Where the prompt is written (dash: stderr; busybox's line editor: stdout). */
  readonly promptFd: number;
  /**
   * busybox's line editor also serves stdin that is not a terminal: PS1's backslash escapes
   * are decoded and a prompt is written for each line read.
   */
  readonly editsOffTerminal: boolean;
  /** The history file under $HOME when HISTFILE is not set. */
  readonly historyName: string;
  /** An interactive shell prints `[1] PID` when it starts a background job (dash does). */
  readonly announcesBackground: boolean;
  /** The `wait` builtin says how a job that a signal killed ended ("Terminated"): dash does. */
  readonly waitTellsSignal: boolean;
  /** The start of a `jobs` line: the job number and its +/- mark. */
  jobHead(id: number, mark: string): string;
  /** How `type` names a function. */
  readonly functionKind: string;
  /** The options in this shell's order (`set -o` lists them; `$-` gives the letters reversed). */
  readonly options: readonly OptionDef[];
  /** An unknown `set -o NAME` only fails `set` (ash) instead of being a fatal error (dash). */
  readonly softBadOptionName: boolean;
  /** The line `set -o` prints before the list. */
  readonly optionsHeader: string;
  /** Whether messages from /etc/profile and ~/.profile name that file instead of $0. */
  readonly namesProfile: boolean;
  /** An xtrace line's words: the assignments (NAME=value) and the command's arguments. */
  traceWords(assigns: string[], argv: string[]): string;
  /** The value of a string of digits for exit, shift, return...; null if out of range. */
  digitsValue(digits: string): number | null;
  /** `return N`'s status: dash keeps the int, ash's exitstatus is a byte. */
  returnStatus(n: number): number;
  /** `shift` past the last parameter fails quietly (ash) instead of being an error (dash). */
  readonly quietShiftOverrun: boolean;
  /** What `read` with no variable assigns (ash: REPLY); null makes it an error. */
  readonly readDefaultName: string | null;
  /** A variable the shell computes when read (ash's LINENO and RANDOM), unless assigned. */
  dynamicVar(sh: Shell, name: string): string | undefined;
  /** bash's ${x:OFF:LEN}, ${x/PAT/REP}, $'...' and $((a**b)), which busybox ash has too. */
  readonly bashSyntax: boolean;
  /** The builtin called `name` in this shell, if it has one (ash adds some and has its own echo). */
  builtin(name: string): Builtin | undefined;
}

/** The traps table's key for busybox ash's ERR trap (past every signal number; dash has none). */
export const ERR_TRAP = 65;

/** errmsg() for open failures: dash's words for ENOENT/ENOTDIR, strerror otherwise. */
export function openErrorText(code: ErrnoName, creating: boolean): string {
  if (code === 'ENOENT' || code === 'ENOTDIR') return creating ? 'Directory nonexistent' : 'No such file';
  return strerror(code);
}

export const DASH: ShellDialect = {
  name: 'dash',
  prefix: (sh, line) => (sh.commandName !== null ? `${sh.arg0}: ${line}: ${sh.commandName}: ` : `${sh.arg0}: ${line}: `),
  words: (msg) => msg,
  testLeftover: (here) => `${here}: unexpected operator`,
  testRules: 'dash',
  syntax: (sh, e) => `${sh.arg0}: ${e.line}: ${sh.commandName !== null ? `${sh.commandName}: ` : ''}Syntax error: ${e.msg}`,
  badTrap: (_sh, arg) => `trap: ${arg}: bad trap`,
  cdFailed: (dest) => `can't cd to ${dest}`,
  redirFailed: (name, code, creating) => `cannot ${creating ? 'create' : 'open'} ${name}: ${openErrorText(code, creating)}`,
  redirStatus: 2,
  forkFailed: () => 'Cannot fork',
  openFailed: (name, code) => `cannot open ${name}: ${openErrorText(code, false)}`,
  commandStringLine: 1,
  evalKeepsLine: false,
  defaultPs1: (euid) => (euid === 0 ? '# ' : '$ '),
  startVars: () => {},
  promptFd: 2,
  editsOffTerminal: false,
  historyName: '.sh_history',
  announcesBackground: true,
  waitTellsSignal: true,
  jobHead: (id, mark) => `[${id}] ${mark} `,
  functionKind: 'shell function',
  options: OPTION_NAMES.map((n) => ({ key: n, name: n, letter: OPTION_LETTERS[n] })),
  optionsHeader: 'Current option settings\n',
  softBadOptionName: false,
  namesProfile: true,
  traceWords: (assigns, argv) => [...assigns, ...argv].join(' '),
  digitsValue: (digits) => {
    const n = Number(digits);
    return Number.isSafeInteger(n) && n <= 0x7fffffff ? n : null;
  },
  returnStatus: (n) => n,
  quietShiftOverrun: false,
  readDefaultName: null,
  dynamicVar: () => undefined,
  bashSyntax: false,
  builtin: (name) => BUILTINS.get(name),
};

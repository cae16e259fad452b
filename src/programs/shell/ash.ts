// busybox ash's dialect (1.35/1.36, as alpine's and busybox's /bin/sh): messages read
// `sh: cd: line 3: can't cd to /x: No such file or directory` (the builtin, then the line, and
// no line at all for `sh -c` or an interactive shell unless a script or `-c CMD NAME` named
// it), syntax errors are `syntax error: unexpected "fi"`, redirection failures give status 1,
// PS1 is '\w \$ ' and the prompt goes to stdout through busybox's line editor, and the
// bash forms ash knows (${x:1:2}, ${x/a/b}, $'\t', $((2**8))) parse. Its own builtins are in
// ash-builtins.ts. Everything ash shares with dash stays in dash's code.

import { strerror, type ErrnoName } from '../../abi/errno.ts';
import { ashBuiltin } from './ash-builtins.ts';
import { appletName } from './ash-kill.ts';
import type { OptionDef, ShellDialect } from './dialect.ts';
import type { SyntaxError_ } from './errors.ts';
import { isKeyword } from './lexer.ts';
import type { Shell } from './shell.ts';

/**
 * Builtins that are busybox applets run in the shell's process (NOFORK), and ulimit, which is
 * shared with hush: their messages are bb_error_msg's, `APPLET: message`, APPLET being the
 * name the shell was run by.
 */
const APPLETS = new Set(['test', '[', '[[', 'printf', 'ulimit']);

/** ash's ash_vmsg: `$0: `, then, when a builtin runs or the input was named, the builtin and line. */
function prefix(sh: Shell, line: number): string {
  if (sh.commandName !== null && APPLETS.has(sh.commandName)) return `${appletName(sh)}: `;
  let s = `${sh.arg0}: `;
  const cmd = sh.commandName ?? sh.topName;
  if (cmd !== null) {
    if (cmd !== sh.arg0) s += `${cmd}: `;
    // An interactive shell reading its terminal gives no line; inside a `.` file it does.
    if (!sh.opts.interactive || sh.dotDepth > 0) s += `line ${line}: `;
  }
  return s;
}

/**
 * What ash sets at start as bash does: SHLVL one more than it was (exported), HOSTNAME when the
 * environment has none, and alpine's BB_ASH_VERSION (its /etc/profile picks a PS1 for ash by
 * it), with the version of alpine 3.20's busybox that `busybox --help` shows too.
 */
async function startVars(sh: Shell): Promise<void> {
  const level = Number.parseInt(sh.getVar('SHLVL') ?? '0', 10);
  sh.vars.set('SHLVL', String((Number.isNaN(level) ? 0 : level) + 1), { exported: true });
  if (sh.getVar('HOSTNAME') === undefined) sh.vars.set('HOSTNAME', (await sh.sys.uname()).nodename);
  sh.vars.set('BB_ASH_VERSION', '1.36.1');
}

/** dash's wording -> ash's, for messages whose meaning is the same (some for one builtin). */
const REWORD: Array<[RegExp, string, string?]> = [
  [/^Illegal (?:number|mode): (.*)$/s, 'illegal mode: $1', 'umask'],
  [/^Illegal option (.*)$/s, 'illegal option $1'],
  [/^No such job: (.*)$/s, '$1: no such job'],
  [/^arithmetic expression: division by zero: .*$/s, 'divide by zero'],
  [/^arithmetic expression: expecting ':': .*$/s, 'malformed ?: operator'],
  [/^arithmetic expression: exponent less than 0: .*$/s, 'exponent less than 0'],
  [/^arithmetic expression: .*$/s, 'arithmetic syntax error'],
  [/^Bad substitution$/, 'syntax error: bad substitution'],
  [/^Syntax error: Bad fd number$/, 'syntax error: bad fd number'],
  [/^Usage: getopts optstring var \[arg\.\.\.\]$/, 'usage: getopts optstring var [arg]'],
];

/** The applets' own words where dash's builtins say it differently. */
const APPLET_REWORD: Array<[RegExp, string, string?]> = [
  // test's getn: an empty operand is named by nothing, digits alone fail only by overflowing.
  [/^Illegal number: $/, 'bad number'],
  [/^Illegal number: ([ \t]*[+-]?[0-9]+[ \t]*)$/, '$1: out of range'],
  [/^Illegal number: (.*)$/s, '$1: bad number'],
  [/^(.*): (?:expected numeric value|not completely converted)$/s, "invalid number '$1'"],
  [/^usage: printf format \[arg \.\.\.\]$/, 'usage: printf FORMAT [ARGUMENT...]'],
  [/^(.*): invalid directive$/s, '$1: invalid format'],
];

function words(msg: string, sh: Shell): string {
  const table = sh.commandName !== null && APPLETS.has(sh.commandName) ? APPLET_REWORD : REWORD;
  for (const [re, to, only] of table) if ((only === undefined || only === sh.commandName) && re.test(msg)) return msg.replace(re, to);
  return msg;
}

/** ash's raise_error_unexpected_syntax and its lower-case lexer messages. */
function syntaxText(e: SyntaxError_): string {
  if (e.got !== undefined) return `unexpected ${e.got}${e.expecting !== undefined ? ` (expecting ${e.expecting})` : ''}`;
  return e.msg.startsWith('EOF') ? e.msg : e.msg[0]!.toLowerCase() + e.msg.slice(1);
}

/** ash's errmsg(): its own words for a missing file or directory, strerror otherwise. */
function missing(code: ErrnoName, words: string): string {
  return code === 'ENOENT' || code === 'ENOTDIR' ? words : strerror(code);
}

/**
 * ash's optlist, in its order: i, s and c have letters only (not in `set -o`, and `$-` shows
 * `c` under `sh -c`); there is no emacs, privileged or debug, and there are errtrace and pipefail.
 */
const OPTIONS: OptionDef[] = [
  ['errexit', 'errexit', 'e'], ['noglob', 'noglob', 'f'], ['ignoreeof', 'ignoreeof', 'I'], ['interactive', '', 'i'],
  ['monitor', 'monitor', 'm'], ['noexec', 'noexec', 'n'], ['stdin', '', 's'], ['cmdstring', '', 'c'],
  ['xtrace', 'xtrace', 'x'], ['verbose', 'verbose', 'v'], ['noclobber', 'noclobber', 'C'], ['allexport', 'allexport', 'a'],
  ['notify', 'notify', 'b'], ['nounset', 'nounset', 'u'], ['errtrace', 'errtrace', 'E'], ['vi', 'vi', ''],
  ['pipefail', 'pipefail', ''],
].map(([key, name, letter]) => ({ key: key as OptionDef['key'], name: name!, letter: letter! }));

/** ash's single_quote: quoted, with each run of ' in double quotes. */
function singleQuote(s: string): string {
  // A run of quotes at the very end closes the word: no empty '' after it.
  return `'${s.replace(/'+/g, (q) => `'"${q}"'`)}'`.replace(/(?<=")''$/, '');
}

/** ash's maybe_single_quote: quote only what the shell would read differently. */
function maybeQuote(s: string): string {
  return /[\x00-\x2a;<=>?`[\\\x7b-\xff]/.test(s) ? singleQuote(s) : s;
}

/** ash's xtrace line: NAME=value with the value quoted as needed, keywords always quoted. */
function traceWords(assigns: string[], argv: string[]): string {
  const words = assigns.map((a) => {
    const eq = a.indexOf('=') + 1;
    return a.slice(0, eq) + maybeQuote(a.slice(eq));
  });
  for (const a of argv) words.push(isKeyword(a, true) ? singleQuote(a) : maybeQuote(a));
  return words.join(' ');
}

export const ASH: ShellDialect = {
  name: 'ash',
  prefix,
  words,
  testLeftover: (_here, next) => `${next}: unknown operand`,
  testRules: 'posix',
  syntax: (sh, e) => `${prefix(sh, e.line)}syntax error: ${syntaxText(e)}`,
  badTrap: (sh, arg) => `${prefix(sh, sh.lineno)}${arg}: invalid signal specification`,
  cdFailed: (dest, code) => `can't cd to ${dest}: ${strerror(code)}`,
  redirFailed: (name, code, creating) =>
    creating ? `can't create ${name}: ${missing(code, 'nonexistent directory')}` : `can't open ${name}: ${missing(code, 'no such file')}`,
  redirStatus: 1,
  forkFailed: (code) => `can't fork: ${strerror(code)}`,
  openFailed: (name, code) => `can't open '${name}': ${strerror(code)}`,
  commandStringLine: 0,
  evalKeepsLine: true,
  defaultPs1: () => '\\w \\$ ',
  startVars,
  promptFd: 1,
  editsOffTerminal: true,
  historyName: '.ash_history',
  announcesBackground: false,
  waitTellsSignal: false,
  jobHead: (id, mark) => `[${id}]${mark}  `,
  functionKind: 'function',
  options: OPTIONS,
  optionsHeader: '',
  softBadOptionName: true,
  namesProfile: false,
  traceWords,
  // atoi(): strtol saturating at LONG_MAX, then cut to an int (so `exit 99999999999` is 255).
  digitsValue: (digits) => {
    const n = BigInt(digits);
    return Number(BigInt.asIntN(32, n > 0x7fffffffffffffffn ? 0x7fffffffffffffffn : n));
  },
  returnStatus: (n) => n & 0xff,
  quietShiftOverrun: true,
  readDefaultName: 'REPLY',
  bashSyntax: true,
  dynamicVar: (sh, name) => {
    if (name === 'LINENO') return String(sh.lineno);
    if (name === 'RANDOM') return String(Math.floor(Math.random() * 32768));
    return undefined;
  },
  builtin: ashBuiltin,
};

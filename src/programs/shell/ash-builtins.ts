// The builtins busybox ash has and dash has not, or has its own way: echo (-n, -e, -E, as
// busybox's echo applet), kill (the applet's, ash-kill.ts), let, help (the builtin list),
// history (the line editor's), `[[` (ash-test.ts), `type -p`, ulimit (ash-ulimit.ts), read's
// -n -d -s -u -t (ash-read.ts), export -n, and `source` and `chdir` for `.` and cd. The rest
// are dash's.

import { BUILTINS, type Builtin } from './builtin-table.ts';
import { ashKill } from './ash-kill.ts';
import { parseOpts } from './builtins/options.ts';
import { escapeString } from './builtins/printf.ts';
import { isName } from './lexer.ts';
import type { Shell } from './shell.ts';
import { onDemand } from '../../base/on-demand.ts';

// What only some scripts use loads on its first use.
const loadArith = onDemand(() => import('./arith.ts'));
const loadMisc = onDemand(() => import('./builtins/misc.ts'));
const loadAshRead = onDemand(() => import('./ash-read.ts'));
const loadAshUlimit = onDemand(() => import('./ash-ulimit.ts'));
const loadAshTest = onDemand(() => import('./ash-test.ts'));

/** busybox's echo: leading words made only of n, e and E are options; -e decodes escapes. */
async function echo(sh: Shell, argv: string[]): Promise<number> {
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let out = '';
  for (; i < argv.length; i++) {
    if (!escapes) out += argv[i];
    else {
      const r = escapeString(hexEscapes(argv[i]!));
      out += r.text;
      if (r.done) {
        sh.out(out);
        return 0;
      }
    }
    if (i + 1 < argv.length) out += ' ';
  }
  sh.out(newline ? `${out}\n` : out);
  return 0;
}

/** `\xHH` (one or two hex digits), which busybox decodes and dash's escapes do not. */
function hexEscapes(s: string): string {
  return s.replace(/\\\\|\\x([0-9A-Fa-f]{1,2})/g, (m, hex: string | undefined) => {
    if (hex === undefined) return m;
    const c = parseInt(hex, 16);
    // Written back as an octal escape so the one decoder handles it (a backslash stays literal).
    return `\\0${c.toString(8).padStart(3, '0')}`;
  });
}

/** ash's helpcmd: the builtin names in byte order, a tab first, wrapped after 60 columns. */
async function help(sh: Shell): Promise<number> {
  const names = [...new Set([...BUILTINS.keys(), 'source', 'chdir', ...Object.keys(OWN)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = 'Built-in commands:\n------------------\n';
  let col = 0;
  for (const n of names) {
    const item = `${col === 0 ? '\t' : ' '}${n}`;
    out += item;
    col += item.length;
    if (col > 60) {
      out += '\n';
      col = 0;
    }
  }
  if (col !== 0) out += '\n';
  sh.out(out);
  return 0;
}

/** ash's `history`: the line editor's lines, numbered from 0 (none off a terminal). */
async function history(sh: Shell): Promise<number> {
  sh.out((sh.history?.entries ?? []).map((l, i) => `${String(i).padStart(4)} ${l}\n`).join(''));
  return 0;
}

/** ash's `let`: each argument is an arithmetic expression; fails when the last is 0. */
async function let_(sh: Shell, argv: string[]): Promise<number> {
  if (argv.length < 2) sh.error('expression expected');
  const { evalArith } = await loadArith();
  const env = { get: (n: string) => sh.getVar(n), set: (n: string, v: string) => sh.setVar(n, v), fail: (m: string) => sh.error(m), power: true };
  let last = 0n;
  for (const expr of argv.slice(1)) last = evalArith(expr, env);
  return last === 0n ? 1 : 0;
}

/**
 * ash's `type`: a first argument that starts with `-` (any: -p, -t, --) makes it print as
 * `command -v` does (the path, the name, or the alias's definition) and nothing for a name it
 * cannot find; otherwise it is dash's.
 */
async function type(sh: Shell, argv: string[]): Promise<number> {
  if (!argv[1]?.startsWith('-')) return BUILTINS.get('type')!.fn(sh, argv);
  const { describe } = await loadMisc();
  let status = 0;
  for (const name of argv.slice(2)) {
    const d = await describe(sh, name, 'v');
    if (d === null) status = 127;
    else sh.out(`${d}\n`);
  }
  return status;
}

/**
 * ash's export and readonly take -n: export -n takes the names out of the environment
 * (assigning NAME=VALUE first), readonly ignores it. Without it they are dash's.
 */
async function exportN(sh: Shell, argv: string[]): Promise<number> {
  const base = BUILTINS.get(argv[0]!)!;
  const { opts, rest } = parseOpts(sh, argv, 'np');
  if (!opts.some(([c]) => c === 'n')) return base.fn(sh, argv);
  if (argv[0] === 'readonly' || rest.length === 0) return base.fn(sh, [argv[0]!, ...rest]);
  for (const arg of rest) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!isName(name)) sh.error(`${name}: bad variable name`);
    if (eq >= 0) sh.setVar(name, arg.slice(eq + 1));
    const v = sh.vars.lookup(name);
    if (v) v.exported = false;
  }
  return 0;
}

/** ash's read: busybox's -n, -d, -s, -u and -t (ash-read.ts) when given, else dash's. */
async function read(sh: Shell, argv: string[]): Promise<number> {
  const { opts } = parseOpts(sh, argv, 'p:u:rt:n:sd:');
  if (opts.some(([c]) => 'nsdut'.includes(c))) return (await loadAshRead()).ashRead(sh, argv);
  return BUILTINS.get('read')!.fn(sh, argv);
}

/** busybox's ulimit, loaded on first use. */
async function ulimit(sh: Shell, argv: string[]): Promise<number> {
  return (await loadAshUlimit()).ulimit(sh, argv);
}

/** `[[ ... ]]`: busybox's test in its [[ mode, loaded on first use. */
async function doubleBracket(sh: Shell, argv: string[]): Promise<number> {
  return (await loadAshTest()).doubleBracket(sh, argv);
}

const OWN: Record<string, Omit<Builtin, 'name'>> = {
  '[[': { special: false, fn: doubleBracket },
  echo: { special: false, fn: echo },
  export: { special: true, fn: exportN },
  help: { special: false, fn: help },
  history: { special: false, fn: history },
  kill: { special: false, fn: ashKill },
  let: { special: false, fn: let_ },
  read: { special: false, fn: read },
  readonly: { special: true, fn: exportN },
  type: { special: false, fn: type },
  ulimit: { special: false, fn: ulimit },
};

/** The builtin `name` in ash: its own, `.` and cd under bash's names, or dash's. */
export function ashBuiltin(name: string): Builtin | undefined {
  const own = OWN[name];
  if (own) return { name, ...own };
  // bash's names for `.` and cd.
  const alias = name === 'source' ? '.' : name === 'chdir' ? 'cd' : null;
  if (alias !== null) {
    const b = BUILTINS.get(alias);
    return b && { ...b, name };
  }
  return BUILTINS.get(name);
}

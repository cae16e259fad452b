// tput (ncurses 6.4): prints terminal capabilities from terminfo for $TERM or -T TYPE, several
// on one command line or one per line of standard input with -S; string capabilities with
// parameters go through tparm. Exit statuses as ncurses documents them: 1 for a false boolean or
// an absent string, 2 usage, 3 unknown terminal, 4 unknown capability.

import type { Sys } from '../../sys/sys.ts';
import { shortOptions } from '../lib/getopt.ts';
import { guardOutput } from '../lib/tool.ts';
import { capKind, terminfoEntry, withoutPadding, type Entry } from './terminfo-db.ts';
import { paramCount, tparm, tparmArgs } from './tparm.ts';

const VERSION = 'ncurses 6.4.20221231';

const USAGE = `Usage: tput [options] [command]

Options:
  -S <<       read commands from standard input
  -T TERM     use this instead of $TERM
  -V          print curses-version
  -x          do not try to clear scrollback

Commands:
  clear       clear the screen
  init        initialize the terminal
  reset       reinitialize the terminal
  capname     unlike clear/init/reset, print value for capability "capname"
`;

export default function tput(sys: Sys): Promise<number> {
  return guardOutput(sys, 'tput', 0, () => run(sys), async () => 0);
}

async function run(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let type = sys.getenv('TERM');
  let fromStdin = false;
  let keepScrollback = false;
  const operands: string[] = [];
  const usage = async (message = ''): Promise<number> => {
    await sys.writeAll(2, message + USAGE);
    return 2;
  };
  for (const o of shortOptions(args, 'T')) {
    if ('operand' in o) operands.push(o.operand);
    else if (o.letter === 'S') fromStdin = true;
    else if (o.letter === 'x') keepScrollback = true;
    else if (o.letter === 'V') {
      await sys.writeAll(1, `${VERSION}\n`);
      return 0;
    } else if (o.letter === 'T') {
      if (o.value === undefined) return usage(`tput: option requires an argument -- 'T'\n`);
      type = o.value;
    } else {
      return usage(`tput: invalid option -- '${o.letter}'\n`);
    }
  }
  if (!fromStdin && operands.length === 0) return usage();
  if (!type) {
    await sys.writeAll(2, 'tput: No value for $TERM and no -T specified\n');
    return 2;
  }
  const entry = terminfoEntry(type);
  if (!entry) {
    await sys.writeAll(2, `tput: unknown terminal "${type}"\n`);
    return 3;
  }
  const ctx: Context = { sys, entry, keepScrollback };
  if (!fromStdin) return runWords(ctx, operands);
  // -S: each line is a capability and its arguments; the operands are ignored.
  let status = 0;
  for (const line of (await sys.readText(0)).split('\n')) {
    const words = line.split(/[ \t]+/).filter(Boolean);
    if (words.length === 0) continue;
    status = await runWords(ctx, words);
    if (status > 1) return status;
  }
  return status;
}

interface Context {
  sys: Sys;
  entry: Entry;
  keepScrollback: boolean;
}

/** Capabilities one after another, each taking as many of the words after it as it has parameters. */
async function runWords(ctx: Context, words: string[]): Promise<number> {
  const { sys, entry } = ctx;
  let status = 0;
  for (let i = 0; i < words.length; i++) {
    const name = words[i]!;
    if (name === 'init' || name === 'reset') {
      status = await initOrReset(ctx, name);
      if (status !== 0) return status;
      continue;
    }
    if (name === 'longname') {
      await sys.writeAll(1, String(entry.get('@longname') ?? ''));
      status = 0;
      continue;
    }
    if (name === 'clear') {
      const clear = entry.get('clear');
      if (typeof clear !== 'string') {
        status = 1;
        continue;
      }
      const e3 = entry.get('E3');
      await sys.writeAll(1, withoutPadding(clear + (!ctx.keepScrollback && typeof e3 === 'string' ? e3 : '')));
      status = 0;
      continue;
    }
    const kind = capKind(entry, name);
    if (kind === null) {
      await sys.writeAll(2, `tput: unknown terminfo capability '${name}'\n`);
      return 4;
    }
    const value = entry.get(name);
    if (kind === 'bool') {
      status = value === true ? 0 : 1;
    } else if (kind === 'num') {
      const n = name === 'cols' || name === 'lines' ? await screenSize(sys, entry, name) : typeof value === 'number' ? value : -1;
      await sys.writeAll(1, `${n}\n`);
      status = 0;
    } else if (typeof value !== 'string') {
      status = 1;
    } else {
      const wanted = paramCount(value);
      const given = words.slice(i + 1, i + 1 + wanted);
      i += given.length;
      // With no arguments at all tput prints the string as it stands, %-codes and all.
      const text = wanted > 0 && given.length > 0 ? tparm(value, tparmArgs(value, given)) : value;
      await sys.writeAll(1, withoutPadding(text));
      status = 0;
    }
  }
  return status;
}

/**
 * cols and lines as ncurses settles them: COLUMNS / LINES when set to a positive number, else
 * the window size of the first of stdout, stderr, stdin that is a terminal (when not 0), else
 * terminfo's value, else 80 x 24.
 */
async function screenSize(sys: Sys, entry: Entry, name: 'cols' | 'lines'): Promise<number> {
  const env = Number(sys.getenv(name === 'cols' ? 'COLUMNS' : 'LINES'));
  if (Number.isInteger(env) && env > 0) return env;
  for (const fd of [1, 2, 0]) {
    const ws = await sys.getWinsize(fd).catch(() => null);
    if (!ws) continue;
    const n = name === 'cols' ? ws.col : ws.row;
    if (n > 0) return n;
    break;
  }
  const fromEntry = entry.get(name);
  return typeof fromEntry === 'number' ? fromEntry : name === 'cols' ? 80 : 24;
}

/**
 * `tput init` / `tput reset`: the terminal's init (or reset) strings, recorded per type; reset
 * also puts the tty's modes back to sane ones, as reset(1) does. Both need a terminal.
 */
async function initOrReset(ctx: Context, which: 'init' | 'reset'): Promise<number> {
  const { sys, entry } = ctx;
  let fd = -1;
  for (const candidate of [2, 1, 0]) {
    if (await sys.isatty(candidate)) {
      fd = candidate;
      break;
    }
  }
  if (fd < 0) {
    await sys.writeAll(2, 'tput: terminal attributes: No such device or address\n\n');
    return 10;
  }
  if (which === 'reset') {
    const { saneModes } = await import('./tty-modes.ts');
    await sys.tcsetattr(fd, 1, saneModes(await sys.tcgetattr(fd)));
  }
  const text = entry.get(which === 'init' ? '@init' : '@reset');
  if (typeof text === 'string') await sys.writeAll(1, text);
  return 0;
}

// tset and reset (ncurses 6.4, one program: run as reset it also puts the tty's modes back to
// sane ones and sends the reset strings rather than the init strings). Writes the terminal's
// strings, sets the modes through termios and reports the erase, kill and interrupt keys
// ("Erase is control-H (^H).") when they differ from the defaults or were changed.

import type { Sys } from '../../sys/sys.ts';
import { shortOptions } from '../lib/getopt.ts';
import { guardOutput } from '../lib/tool.ts';
import { terminfoEntry, type Entry } from './terminfo-db.ts';
import { REPORTED, saneModes, usableModes } from './tty-modes.ts';

const VERSION = 'ncurses 6.4.20221231';

const usageText = (name: string): string => `Usage: ${name} [options] [terminal]

Options:
  -c          set control characters
  -e ch       erase character
  -I          no initialization strings
  -i ch       interrupt character
  -k ch       kill character
  -m mapping  map identifier to type
  -Q          do not output control key settings
  -q          display term only, do no changes
  -r          display term on stderr
  -s          output TERM set command
  -V          print curses-version
  -w          set window-size

If neither -c/-w are given, both are assumed.
`;

export default function tset(sys: Sys): Promise<number> {
  const name = (sys.argv[0] ?? 'tset').split('/').pop()!;
  return guardOutput(sys, name, 0, () => run(sys, name), async () => 0);
}

/** A key as -e/-i/-k take it: ^X for a control key, ^? for delete, else the character itself. */
function parseKey(arg: string): number {
  if (arg.length >= 2 && arg[0] === '^') return arg[1] === '?' ? 0o177 : arg.charCodeAt(1) & 0o37;
  return arg.charCodeAt(0) || 0;
}

async function run(sys: Sys, name: string): Promise<number> {
  const isReset = name === 'reset';
  const args = sys.argv.slice(1);
  const keys = new Map<number, number>();
  let noInit = false, quiet = false, typeOnly = false, report = false, setCommand = false, chars = false, window = false;
  const operands: string[] = [];
  for (const o of shortOptions(args, 'eikm')) {
    if ('operand' in o) {
      operands.push(o.operand);
      continue;
    }
    const { letter } = o;
    if ('eikm'.includes(letter)) {
      // A bare -e (or -i, -k, -m) at the end means ^H.
      if (letter !== 'm') keys.set(letter === 'e' ? 2 : letter === 'i' ? 0 : 3, parseKey(o.value ?? '^H'));
    } else if (letter === 'I') noInit = true;
    else if (letter === 'Q') quiet = true;
    else if (letter === 'q') typeOnly = true;
    else if (letter === 'r') report = true;
    else if (letter === 's') setCommand = true;
    else if (letter === 'c') chars = true;
    else if (letter === 'w') window = true;
    else if (letter === 'V') {
      await sys.writeAll(1, `${VERSION}\n`);
      return 0;
    } else {
      await sys.writeAll(2, `${name}: invalid option -- '${letter}'\n${usageText(name)}`);
      return 1;
    }
  }

  let type = operands[0] ?? sys.getenv('TERM') ?? '';
  let entry = terminfoEntry(type);
  while (!entry) {
    // As tset does: name the type it cannot find and ask for another.
    await sys.writeAll(2, `${name}: unknown terminal type ${type}\nTerminal type? `);
    const answer = await readLine(sys);
    if (answer === null) {
      await sys.writeAll(2, '\n');
      return 1;
    }
    type = answer.trim();
    entry = terminfoEntry(type);
  }
  if (typeOnly) {
    await sys.writeAll(1, `${type}\n`);
    return 0;
  }

  const fd = await terminalFd(sys);
  if (fd < 0) {
    await sys.writeAll(2, `${name}: standard error: Inappropriate ioctl for device\n`);
    return 1;
  }
  const before = await sys.tcgetattr(fd);
  const after = usableModes(isReset ? saneModes(before) : before);
  for (const [, index, dflt] of REPORTED) if (after.cc[index] === 0) after.cc[index] = dflt;
  for (const [index, value] of keys) after.cc[index] = value;
  await sys.tcsetattr(fd, 1, after);

  if (!noInit && (chars || !window)) {
    const text = entry.get(isReset ? '@reset' : '@init');
    if (typeof text === 'string' && text !== '') await sys.writeAll(2, `${text}\r`);
  }
  if (!quiet) {
    for (const [label, index, dflt] of REPORTED) {
      const older = before.cc[index]!, newer = after.cc[index]!;
      if (older === newer && newer === dflt) continue;
      await sys.writeAll(2, `${label} ${older === newer ? 'is' : 'set to'} ${describeKey(newer, entry)}.\n`);
    }
  }
  if (report) await sys.writeAll(2, `Terminal type is ${type}.\n`);
  if (setCommand) await sys.writeAll(1, `TERM=${type};\n`);
  return 0;
}

/** How tset names a key: delete, backspace (when it is the terminal's backspace key), ^X, or itself. */
function describeKey(code: number, entry: Entry): string {
  if (code === 0o177) return 'delete';
  const kbs = entry.get('kbs');
  if (typeof kbs === 'string' && kbs.length === 1 && kbs.charCodeAt(0) === code) return 'backspace';
  if (code < 0o40) {
    const letter = String.fromCharCode(code + 0o100);
    return `control-${letter} (^${letter})`;
  }
  return String.fromCharCode(code);
}

/** tset works on standard error's terminal, else standard output's, else standard input's. */
async function terminalFd(sys: Sys): Promise<number> {
  for (const fd of [2, 1, 0]) if (await sys.isatty(fd)) return fd;
  return -1;
}

async function readLine(sys: Sys): Promise<string | null> {
  let line = '';
  for (;;) {
    const chunk = await sys.read(0, 1);
    if (chunk.length === 0) return line === '' ? null : line;
    const c = String.fromCharCode(chunk[0]!);
    if (c === '\n') return line;
    line += c;
  }
}

// GNU nano (7.2 as Debian 12 ships it; the version shown follows /etc/os-release, so Alpine's
// package says 8.0): owns the terminal for the editor. Raw mode through termios (nano takes ^C,
// ^S, ^Q and ^Z as keys), bracketed paste and the alternate screen as nano's xterm terminfo entry
// switches them on, SIGWINCH redraws at the new size, SIGCONT redraws everything, and SIGTERM or
// SIGHUP puts the terminal back and saves a modified buffer to NAME.save as nano's die() does.
// Arguments: [+LINE[,COLUMN]] [FILE].

import { isSysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { Deadly, Editor } from './editor.ts';
import { KeyDecoder } from './keys.ts';
import { ScreenSession } from '../lib/screen-session.ts';
import { loadFile, removeLock, writeFile, writeLock } from './files.ts';

async function readText(sys: Sys, path: string): Promise<string> {
  try {
    const fd = await sys.open(path, 0);
    const text = utf8Decode(await sys.readAll(fd));
    await sys.close(fd);
    return text;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return '';
  }
}

function versionText(id: string): string {
  if (id === 'alpine') return ' GNU nano, version 8.0\n (C) 2024 the Free Software Foundation and various contributors\n Compiled options: --enable-utf8\n';
  return ' GNU nano, version 7.2\n (C) 2023 the Free Software Foundation and various contributors\n Compiled options: --disable-libmagic --enable-utf8\n';
}

const ENTER = '\x1b[?2004h\x1b[?1049h\x1b[22;0;0t\x1b[?1h\x1b=';
const LEAVE = (rows: number): string => `\x1b[${rows};1H\x1b[?1049l\x1b[23;0;0t\r\x1b[?1l\x1b>\x1b[?2004l`;

export default async function nano(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  const id = /^ID="?([^"\n]*)/m.exec(await readText(sys, '/etc/os-release'))?.[1] ?? 'debian';
  let start: [number, number] | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--version' || a === '-V') {
      await sys.writeAll(1, versionText(id));
      return 0;
    }
    if (a === '--help' || a === '-h') {
      await sys.writeAll(1, 'Usage: nano [OPTIONS] [[+LINE[,COLUMN]] FILE]...\n\n' +
        'To place the cursor on a specific line of a file, put the line number with\na \'+\' before the filename.  The column number can be added after a comma.\n' +
        'When a filename is \'-\', nano reads data from standard input.\n\n');
      return 0;
    }
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    const plus = /^\+(-?\d*)(?:,(-?\d+))?$/.exec(a);
    if (plus) start = [plus[1] ? Number(plus[1]) : -1, plus[2] ? Number(plus[2]) : 1];
    else if (a.startsWith('-') && a !== '-') {
      await sys.writeAll(2, `nano: invalid option -- '${a.replace(/^-+/, '')}'\nType 'nano -h' for a list of available options.\n`);
      return 1;
    }
    else files.push(a);
  }
  if (!(await sys.isatty(0)) || !(await sys.isatty(1))) {
    await sys.writeAll(2, 'Too many errors from stdin\n');
    return 1;
  }
  // Debian's /etc/nanorc turns on `locking` (and `stateflags`, which the title follows).
  const rc = await readText(sys, '/etc/nanorc');
  const locking = /^\s*set\s+locking\b/m.test(rc);

  const term = await ScreenSession.open(sys);
  const keys = new KeyDecoder();
  let rows = (await term.size()).rows;
  const host = {
    read: () => term.read(),
    write: (s: string) => term.write(s),
    size: async () => {
      const s = await term.size();
      rows = s.rows;
      return s;
    },
    exists: (n: string) => sys.stat(n).then(() => true, () => false),
    write_file: (n: string, text: string, lines: number) => writeFile(sys, n, text, lines),
    lock: async (n: string, modified: boolean) => {
      if (locking) await writeLock(sys, n, modified);
    },
    unlock: async (n: string) => {
      if (locking) await removeLock(sys, n);
    },
    suspend: async () => {
      await term.write(LEAVE(rows));
      await term.restoreModes();
      await sys.kill(await sys.getpid(), SIG.SIGSTOP);
      await term.raw();
      await term.write(ENTER);
    },
  };

  const name = files[0] ?? '';
  const loaded = name ? await loadFile(sys, name) : null;
  const s = await term.size();
  const ed = new Editor(host, s.rows, s.cols, loaded?.lines ?? [''], loaded?.keepName === false ? '' : name, (t) => keys.feed(t));
  if (loaded) ed.setMessage(loaded.message);
  else ed.setMessage('Welcome to nano.  For basic help, type Ctrl+G.');
  if (start) ed.gotoLine(start[0], start[1]);

  for (const sig of [SIG.SIGTERM, SIG.SIGHUP]) await term.on(sig, () => (ed.deadly = true));
  await term.on(SIG.SIGWINCH, () => (ed.resized = true));
  await term.on(SIG.SIGCONT, () => (ed.continued = true));
  await term.raw();
  await term.write(ENTER);
  let died = false;
  try {
    await ed.run();
  } catch (e) {
    if (!(e instanceof Deadly)) throw e;
    died = true;
  } finally {
    await term.write(LEAVE(rows)).catch(() => undefined);
    await term.close();
  }
  if (!died) return 0;
  // nano's die(): say why, keep a modified buffer in NAME.save, drop the lock file.
  await sys.writeAll(2, 'Received SIGHUP or SIGTERM\n');
  if (ed.buf.modified) {
    const target = `${ed.name || 'nano'}.save`;
    const res = await writeFile(sys, target, ed.buf.text(), ed.buf.lines.length - 1);
    await sys.writeAll(2, res.ok ? `\nBuffer written to ${target}\n` : `\nBuffer not written to ${target}: ${res.message}\n`);
  }
  if (ed.name && locking) await removeLock(sys, ed.name);
  return 1;
}

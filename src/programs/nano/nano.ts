// GNU nano (7.2 as Debian 12 ships it; the version shown follows /etc/os-release, so Alpine's
// package says 8.0): owns the terminal for the editor. Raw mode through termios (nano takes ^C,
// ^S, ^Q and ^Z as keys), bracketed paste and the alternate screen as nano's xterm terminfo entry
// switches them on, SIGWINCH redraws at the new size, SIGCONT redraws everything, and SIGTERM or
// SIGHUP puts the terminal back and saves a modified buffer to NAME.save as nano's die() does.
// Arguments: [+LINE[,COLUMN]] [FILE].

import { isSysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import { ECHO, ECHOE, ICANON, ICRNL, IEXTEN, INLCR, ISIG, IXON, type Termios, VMIN, VTIME, copyTermios } from '../../abi/termios.ts';
import { utf8Decode, utf8StreamDecoder } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { Deadly, Editor } from './editor.ts';
import { KeyDecoder } from './keys.ts';
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

  let saved: Termios | null = null;
  try {
    saved = await sys.tcgetattr(0);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  const size = async (): Promise<{ rows: number; cols: number }> => {
    const ws = await sys.getWinsize(1).catch(() => ({ row: 0, col: 0 }));
    return { rows: ws.row || 24, cols: ws.col || 80 };
  };
  const raw = async (): Promise<void> => {
    if (!saved) return;
    const t = copyTermios(saved);
    t.iflag &= ~(ICRNL | IXON | INLCR);
    t.lflag &= ~(ICANON | ECHO | ISIG | ECHOE | IEXTEN);
    t.cc[VMIN] = 1;
    t.cc[VTIME] = 0;
    await sys.tcsetattr(0, 0, t);
  };
  const decode = utf8StreamDecoder();
  const keys = new KeyDecoder();
  let rows = (await size()).rows;
  const host = {
    read: async (): Promise<string | null> => {
      try {
        const b = await sys.read(0, 4096);
        return b.length === 0 ? null : decode(b);
      } catch (e) {
        if (isSysError(e, 'EINTR')) return '';
        throw e;
      }
    },
    write: (s: string) => sys.writeAll(1, s),
    size: async () => {
      const s = await size();
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
      await sys.writeAll(1, LEAVE(rows));
      if (saved) await sys.tcsetattr(0, 0, saved);
      await sys.kill(await sys.getpid(), SIG.SIGSTOP);
      await raw();
      await sys.writeAll(1, ENTER);
    },
  };

  const name = files[0] ?? '';
  const loaded = name ? await loadFile(sys, name) : null;
  const s = await size();
  const ed = new Editor(host, s.rows, s.cols, loaded?.lines ?? [''], loaded?.keepName === false ? '' : name, (t) => keys.feed(t));
  if (loaded) ed.setMessage(loaded.message);
  else ed.setMessage('Welcome to nano.  For basic help, type Ctrl+G.');
  if (start) ed.gotoLine(start[0], start[1]);

  const old = new Map<number, Awaited<ReturnType<Sys['sigaction']>>>();
  for (const sig of [SIG.SIGTERM, SIG.SIGHUP]) old.set(sig, await sys.sigaction(sig, () => { ed.deadly = true; }));
  old.set(SIG.SIGWINCH, await sys.sigaction(SIG.SIGWINCH, () => { ed.resized = true; }));
  old.set(SIG.SIGCONT, await sys.sigaction(SIG.SIGCONT, () => { ed.continued = true; }));
  await raw();
  await sys.writeAll(1, ENTER);
  let died = false;
  try {
    await ed.run();
  } catch (e) {
    if (!(e instanceof Deadly)) throw e;
    died = true;
  } finally {
    await sys.writeAll(1, LEAVE(rows)).catch(() => undefined);
    if (saved) await sys.tcsetattr(0, 0, saved).catch(() => undefined);
    for (const [sig, action] of old) await sys.sigaction(sig, action);
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

// tset, reset, `tput init`, `tput reset` (and busybox's reset applet) on cowbox's pseudo-terminal against the sessions
// record-tput.py ran on a real pty (tput.json): the tty starts 100x30 with the recorded modes
// (a new pty's, or garbled), and what the terminal showed, the status and the modes left after
// must be what ncurses 6.4 (busybox 1.35) gave.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEntry } from '../../../src/programs/registry.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { bootTerminal } from '../../tty/boot-terminal.ts';

interface Modes { iflag: number; oflag: number; cflag: number; lflag: number; cc: number[] }
interface Session {
  argv: string[]; term: string; out: string; status: number; garbled?: string;
  before?: { iflag: number; oflag: number; lflag: number; cc: number[] }; termios: Modes;
}
const rec = JSON.parse(readFileSync(new URL('./tput.json', import.meta.url), 'utf8')) as { sessions: Session[] };

/**
 * Types whose init sets the tab stops (vt220, wsvt25, wsvt25m): ncurses writes them for the
 * window's width with the tty's output processing switched off for part of it; cowbox sends the
 * bytes recorded at 100 columns through the tty as they are, so a newline in them gains a CR.
 */
const TAB_SETTING = new Set(['vt220', 'wsvt25', 'wsvt25m']);

async function replay(s: Session): Promise<void> {
  const tset = (await loadEntry('tset'))!;
  const tput = (await loadEntry('tput'))!;
  const busybox = (await loadEntry('busybox'))!;
  const t = await bootTerminal({ tset: (sys: Sys) => tset(sys), reset: (sys: Sys) => tset(sys), tput: (sys: Sys) => tput(sys), busybox: (sys: Sys) => busybox(sys) });
  for (const name of ['tset', 'reset', 'tput', 'busybox']) await t.install(name);
  let status = -1;
  let after: Modes | null = null;
  const done = t.run(async (sys) => {
    await sys.setWinsize(0, { row: 30, col: 100, xpixel: 0, ypixel: 0 });
    const m = await sys.tcgetattr(0);
    // The recording's new pty had icrnl ixon and no iutf8 (Python opened it without a locale).
    m.iflag = 0o2400;
    if (s.before) {
      m.iflag = s.before.iflag;
      m.oflag = s.before.oflag;
      m.lflag = s.before.lflag;
      s.before.cc.forEach((v, i) => { m.cc[i] = v; });
    }
    await sys.tcsetattr(0, 0, m);
    const child = await sys.fork((c) => c.execve(`/bin/${s.argv[0]}`, s.argv, [`TERM=${s.term}`, 'PATH=/bin', 'HOME=/root', 'LANG=C']));
    const [, st] = await sys.wait4(child);
    status = (st >> 8) & 0xff;
    const left = await sys.tcgetattr(0);
    after = { iflag: left.iflag, oflag: left.oflag, cflag: left.cflag, lflag: left.lflag, cc: left.cc.slice(0, 17) };
    return 0;
  });
  await done;
  expect(t.screen()).toBe(s.out);
  expect(status).toBe(s.status);
  expect(after).toEqual(s.termios);
}

describe('tset and reset replay recorded pty sessions', () => {
  for (const s of rec.sessions.filter((x) => x.status >= 0 && !TAB_SETTING.has(x.term))) {
    it(`${s.argv.join(' ')} TERM=${s.term}${s.garbled ? ` after ${s.garbled} modes` : ''}`, () => replay(s), 20000);
  }
});

// top on the simulated kernel: batch frames (-b -n, -d) with the five summary lines and the
// process table in procps-ng 4.0.2's columns, its selection and sorting options and errors; and
// interactive mode on a pseudo-terminal, which must leave on 'q' or ^C with the terminal as it was.

import { describe, expect, it } from 'vitest';
import { O_NOCTTY, O_RDWR } from '../../src/abi/open-flags.ts';
import { ECHO, ICANON } from '../../src/abi/termios.ts';
import { isSysError } from '../../src/abi/errno.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { runOnMachine } from './procps-machine.ts';

const BG = 'sleep 100 >/dev/null 2>&1 &';

describe('top -b', () => {
  it('prints the summary and the table, 80 columns wide, frames a blank line apart', async () => {
    const r = await runOnMachine(`${BG} top -b -n 2 -d 0.1 -p 1,3`, { pidMax: 32768 });
    const frames = r.stdout.split('\n\ntop - ');
    expect(frames).toHaveLength(2);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^top - \d\d:\d\d:\d\d up 0 min, {2}0 user, {2}load average: \d\.\d\d, \d\.\d\d, \d\.\d\d$/);
    expect(lines[1]).toBe('Tasks:   2 total,   0 running,   2 sleeping,   0 stopped,   0 zombie');
    expect(lines[2]).toMatch(/^%Cpu\(s\):[ \d]{2}\d\.\d us,[ \d]{2}\d\.\d sy,  0\.0 ni,[ \d]{2}\d\.\d id,  0\.0 wa,  0\.0 hi,  0\.0 si,  0\.0 st $/);
    expect(lines[3]).toMatch(/^MiB Mem : {3}3933\.8 total, +\d+\.\d free, +\d+\.\d used, +\d+\.\d buff\/cache {5}$/);
    expect(lines[4]).toMatch(/^MiB Swap: {6}0\.0 total, {6}0\.0 free, {6}0\.0 used\. +\d+\.\d avail Mem $/);
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND');
    expect(lines[7]).toMatch(/^ {4}[13] root {6}20 {3}0 +\d+ +\d+ +\d+ S {3}0\.0 {3}0\.0 {3}0:00\.\d\d (init|sleep)$/);
    expect(r.stdout.endsWith('\n') && !r.stdout.endsWith('\n\n')).toBe(true);
  });

  it('leaves out columns that do not fit -w, and cuts long commands with +', async () => {
    const r = await runOnMachine('top -b -n 1 -w 50 -p 1; top -b -n 1 -c -p 2 | head -n 8', { pidMax: 32768 });
    const lines = r.stdout.split('\n');
    expect(lines[6]).toBe('  PID USER      PR  NI    VIRT    RES    SHR S');
    expect(lines[7]).toMatch(/^ {4}1 root {6}20 {3}0 +\d+ +\d+ +\d+ S$/);
    expect(lines.slice(0, 5).every((l) => l.length <= 50)).toBe(true);
    expect(lines[15]).toMatch(/^ {4}2 root .* sh -c top\+$/);
    expect(lines[15]).toHaveLength(79);
  });

  it('sorts with -o (+ high first, - low first) and filters with -u', async () => {
    const r = await runOnMachine(`${BG} top -b -n1 -o -PID -u root | head -n 10; top -b -n1 -o +PID -p 1,3 | head -n 9`, { pidMax: 32768 });
    const pids = r.stdout.split('\n').filter((l) => /^ +\d+ root/.test(l)).map((l) => Number(l.trim().split(' ')[0]));
    expect(pids.slice(0, 3)).toEqual([1, 2, 3]);
    expect(pids.slice(-2)).toEqual([3, 1]);
  });

  it('reports bad arguments as top does', async () => {
    const r = await runOnMachine('top -bn1 -p abc; echo st=$?; top -bn1 -d abc; top -bn1 -d -1; top -bn 0; top -bn1 -o FOO; top -bn1 -u nosuch; top -bn1 -u root -p 1; top -bn1 -E x; top -O | head -n 3; top -V');
    expect(r.stdout).toBe('st=1\nPID\nPPID\nUID\ntop from procps-ng 4.0.2\n');
    expect(r.stderr).toBe([
      "top: bad pid 'abc'",
      "top: bad delay interval 'abc'",
      'top: -d requires positive argument',
      "top: bad iterations argument '0'",
      "top: unrecognized field name 'FOO'",
      'top: Invalid user',
      'top: conflicting process selections (U/p/u)',
      "top: bad memory scaling arg 'x'",
      '',
    ].join('\n'));
  });

  it('scales memory with -E and -e, counts threads with -H, shows each CPU with -1', async () => {
    const r = await runOnMachine('top -bn1 -E g -e m -H -1 -p 1', { pidMax: 32768 });
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^Threads: {3}1 total/);
    expect(lines[2]).toMatch(/^%Cpu0  : /);
    expect(lines[3]).toMatch(/^%Cpu1  : /);
    expect(lines[4]).toMatch(/^GiB Mem : {6}3\.8 total,/);
    expect(lines[8]).toMatch(/^ {4}1 root {6}20 {3}0 {4}2\.4m {3}1\.4m {3}1\.3m S /);
  });
});

/** Run top on a new pseudo-terminal, type `keys` once its first frame is up, and report. */
function onPty(keys: string, args: string[] = ['top', '-d', '0.2']) {
  return async (sys: Sys): Promise<number> => {
    const m = await sys.posixOpenpt(O_RDWR | O_NOCTTY);
    await sys.unlockpt(m);
    const path = await sys.ptsname(m);
    const before = await (async () => {
      const s = await sys.open(path, O_RDWR | O_NOCTTY);
      const t = await sys.tcgetattr(s);
      await sys.close(s);
      return t;
    })();
    const pid = await sys.fork(async (c) => {
      await c.setsid();
      const s = await c.open(path, O_RDWR);
      for (const fd of [0, 1, 2]) await c.dup2(s, fd);
      await c.close(m);
      return c.execve('/bin/top', args, ['PATH=/bin', 'TERM=xterm']);
    });
    let out = '';
    const dec = new TextDecoder();
    // Until the child opens the slave, reading the master says EIO; wait for the first frame.
    while (!out.includes('load average')) {
      try {
        out += dec.decode(await sys.read(m, 65536));
      } catch (e) {
        if (!isSysError(e, 'EIO')) throw e;
        await sys.sleep(10);
      }
    }
    await sys.write(m, keys);
    const [, status] = await sys.wait4(pid);
    try {
      for (let b = await sys.read(m, 65536); b.length; b = await sys.read(m, 65536)) out += dec.decode(b);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    const after = await sys.tcgetattr(m);
    await sys.writeAll(1, JSON.stringify({ out, status, restored: after.lflag === before.lflag, canon: (after.lflag & (ICANON | ECHO)) === (ICANON | ECHO) }));
    return 0;
  };
}

describe('top on a terminal', () => {
  it('redraws on the alternate screen until q, then restores the terminal', async () => {
    const r = await runOnMachine('ptyrun', { programs: { ptyrun: onPty('q') } });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { out: string; status: number; restored: boolean; canon: boolean };
    expect(got.status).toBe(0);
    expect(got.out.startsWith('\x1b[?1049h\x1b[?25l')).toBe(true);
    expect(got.out).toContain('  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\x1b[K');
    expect(got.out.endsWith('\x1b[?25h\x1b[?1049l')).toBe(true);
    expect(got.restored).toBe(true);
    expect(got.canon).toBe(true);
  });

  it('leaves cleanly on ^C too', async () => {
    const r = await runOnMachine('ptyrun', { programs: { ptyrun: onPty('\x03') } });
    const got = JSON.parse(r.stdout) as { out: string; status: number; restored: boolean };
    expect(got.status).toBe(0);
    expect(got.out.endsWith('\x1b[?25h\x1b[?1049l')).toBe(true);
    expect(got.restored).toBe(true);
  });
});

// ls on the simulated kernel, for what the conformance recordings cannot show: a whiteout in an
// overlay's upper directory, listings on a terminal (columns from the window size, shell-escape
// quoting, --color=auto), the six-month rule against the kernel clock, and the cost of a long
// listing of a big directory (one lstat per entry).

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import { O_CREAT, O_NOCTTY, O_RDWR, O_WRONLY } from '../../src/abi/open-flags.ts';
import { loadEntry } from '../../src/programs/registry.ts';
import type { Sys } from '../../src/sys/sys.ts';
import type { TestProgram } from '../helpers/kernel.ts';
import { runOnMachine } from './procps-machine.ts';

/** mount an overlay of /tmp/l (lower) and /tmp/u (upper) on /tmp/m. */
const ovl: TestProgram = async (sys) => {
  for (const d of ['/tmp/l', '/tmp/u', '/tmp/w', '/tmp/m']) await sys.mkdir(d);
  const fd = await sys.open('/tmp/l/gone', O_CREAT | O_WRONLY);
  await sys.close(fd);
  await sys.mkdir('/tmp/l/dir');
  await sys.mount('overlay', '/tmp/m', 'overlay', 'lowerdir=/tmp/l,upperdir=/tmp/u,workdir=/tmp/w');
  return 0;
};

/** mkmany N DIR: N empty files in DIR, without a process per file. */
const mkmany: TestProgram = async (sys) => {
  const n = Number(sys.argv[1]);
  const dir = sys.argv[2]!;
  await sys.mkdir(dir);
  for (let i = 0; i < n; i++) await sys.close(await sys.open(`${dir}/f${i}`, O_CREAT | O_WRONLY));
  return 0;
};

/** countls ARGS: run ls with a Sys that counts the calls it makes, and print the counts. */
const countls: TestProgram = async (sys) => {
  const counts: Record<string, number> = {};
  const proxy = new Proxy(sys, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function' || prop === 'getenv') return v;
      return (...args: unknown[]) => {
        counts[String(prop)] = (counts[String(prop)] ?? 0) + 1;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const null1 = await sys.open('/dev/null', O_WRONLY);
  await sys.dup2(null1, 1);
  const status = await (await loadEntry('ls'))!(proxy);
  await sys.writeAll(2, JSON.stringify(counts));
  return status;
};

/** onpty COLS CMD: run `sh -c CMD` on a new terminal COLS wide and print what the terminal showed. */
const onpty: TestProgram = async (sys) => {
  const cols = Number(sys.argv[1]);
  const cmd = sys.argv[2]!;
  const m = await sys.posixOpenpt(O_RDWR | O_NOCTTY);
  await sys.unlockpt(m);
  const path = await sys.ptsname(m);
  await sys.setWinsize(m, { row: 24, col: cols, xpixel: 0, ypixel: 0 });
  const pid = await sys.fork(async (c: Sys) => {
    await c.setsid();
    const s = await c.open(path, O_RDWR);
    for (const fd of [0, 1, 2]) await c.dup2(s, fd);
    await c.close(m);
    return c.execve('/bin/sh', ['sh', '-c', cmd], ['PATH=/bin', 'TERM=xterm', 'LANG=C']);
  });
  let out = '';
  const dec = new TextDecoder();
  const drain = async (): Promise<void> => {
    try {
      for (let b = await sys.read(m, 65536); b.length; b = await sys.read(m, 65536)) out += dec.decode(b);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  };
  const done = sys.wait4(pid);
  await Promise.all([done, drain()]);
  await sys.writeAll(1, out.replace(/\r\n/g, '\n'));
  return 0;
};

const programs = { ovl, mkmany, countls, onpty };

describe('ls -l of overlay whiteouts and devices', () => {
  it('shows a whiteout in the upper directory as character device 0, 0 with no permissions', async () => {
    const r = await runOnMachine('ovl && rm /tmp/m/gone && ls -l /tmp/u && ls /tmp/m && ls -l /tmp/l', { programs });
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('total 0');
    expect(lines[1]).toMatch(/^c--------- 1 root root 0, 0 Nov 14 22:13 gone$/);
    // The merged view no longer has it; the lower layer still does.
    expect(lines[2]).toBe('dir');
    expect(r.stdout).toMatch(/\n-rw-r--r-- 1 root root {2}0 Nov 14 22:13 gone\n$/);
  });

  it('aligns device numbers and sizes together, as GNU does', async () => {
    const r = await runOnMachine('mkdir /tmp/d && cd /tmp/d && mknod tty c 4 64 && mknod zero c 1 5 && head -c 123456 /dev/zero > big && touch -d @1600000000 * && ls -l', { programs });
    expect(r.stdout.split('\n').slice(1, 4)).toEqual([
      '-rw-r--r-- 1 root root 123456 Sep 13  2020 big',
      'crw-r--r-- 1 root root  4, 64 Sep 13  2020 tty',
      'crw-r--r-- 1 root root  1,  5 Sep 13  2020 zero',
    ]);
  });
});

describe('ls of /proc/self/fd', () => {
  it('looks at each name while the directory is open, so its own descriptor shows, as GNU ls does', async () => {
    const r = await runOnMachine('ls -l /proc/self/fd/', { programs });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\nlr-x------ 1 root root 64 [A-Z][a-z]{2} [ \d]\d \d\d:\d\d 3 -> \/proc\/\d+\/fd\n/);
  });
});

describe('ls dates against the kernel clock', () => {
  it('writes recent times with hours and minutes, older or future ones with the year', async () => {
    // The test clock stands at 2023-11-14 22:13:20 UTC.
    const r = await runOnMachine('cd /tmp && touch -d @1699000000 recent && touch -d @1600000000 old && touch -d @1800000000 future && touch -d @1684000000 edge && ls -l --time-style=locale recent old future edge', { programs });
    expect(r.stdout).toBe([
      '-rw-r--r-- 1 root root 0 May 13  2023 edge',
      '-rw-r--r-- 1 root root 0 Jan 15  2027 future',
      '-rw-r--r-- 1 root root 0 Sep 13  2020 old',
      '-rw-r--r-- 1 root root 0 Nov  3 08:26 recent',
      '',
    ].join('\n'));
  });
});

describe('ls on a terminal', () => {
  it('lists in columns as wide as the window, quoting names as the shell would', async () => {
    const r = await runOnMachine(`onpty 30 'mkdir /tmp/t && cd /tmp/t && touch a bb ccc "d d" eeeeeeee ffffffffff g && ls'`, { programs });
    // What GNU ls prints on a 30-column terminal (recorded with script(1)): tabs between
    // columns, and a space before unquoted names so they line up with the quoted ones.
    expect(r.stdout).toBe(" a    ccc    eeeeeeee\t  g\n bb  'd d'   ffffffffff\n");
  });

  it('colours with --color=auto only on the terminal, and replaces control characters with ?', async () => {
    const r = await runOnMachine(`onpty 80 'mkdir /tmp/t /tmp/t/dir && cd /tmp/t && touch "$(printf "x\\001y")" && ls --color=auto && ls -q --show-control-chars -N | cat -v'`, { programs });
    expect(r.stdout).toContain('\x1b[0m\x1b[01;34mdir\x1b[0m');
    expect(r.stdout).toContain("'x'$'\\001''y'");
    expect(r.stdout).toContain('x^Ay');
  });

  it('uses one name per line when the output is not a terminal', async () => {
    const r = await runOnMachine('mkdir /tmp/t && cd /tmp/t && touch a b && ls --color=auto', { programs });
    expect(r.stdout).toBe('a\nb\n');
  });
});

describe('ls cost', () => {
  it('lists 10,000 files with one getdents and one lstat each (and one for the name given)', async () => {
    const r = await runOnMachine('mkmany 10000 /tmp/big && countls -l /tmp/big', { programs });
    const counts = JSON.parse(r.stderr) as Record<string, number>;
    expect(counts.getdents).toBe(1);
    expect(counts.lstat).toBe(10001);
    expect(counts.stat ?? 0).toBeLessThanOrEqual(1);
    expect(counts.readlink ?? 0).toBe(0);
    expect(r.status).toBe(0);
  }, 60_000);

  it('needs no stat at all for a plain listing', async () => {
    const r = await runOnMachine('mkmany 500 /tmp/big && countls /tmp/big', { programs });
    const counts = JSON.parse(r.stderr) as Record<string, number>;
    expect(counts.lstat ?? 0).toBe(0);
    expect(counts.getdents).toBe(1);
  });
});

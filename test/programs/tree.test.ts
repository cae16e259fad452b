// tree on the simulated kernel, for what the recordings cannot show: colour decided by the
// terminal (LS_COLORS on a terminal colours, no LS_COLORS does not), UTF-8 line drawing from
// the login locale, and -o writing the tree to a file.

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import { O_NOCTTY, O_RDWR } from '../../src/abi/open-flags.ts';
import type { Sys } from '../../src/sys/sys.ts';
import type { TestProgram } from '../helpers/kernel.ts';
import { runOnMachine } from './procps-machine.ts';

/** onpty CMD ENV...: run `sh -c CMD` on a new terminal and print what it showed. */
const onpty: TestProgram = async (sys) => {
  const cmd = sys.argv[1]!;
  const env = ['PATH=/bin', 'TERM=xterm', ...sys.argv.slice(2)];
  const m = await sys.posixOpenpt(O_RDWR | O_NOCTTY);
  await sys.unlockpt(m);
  const path = await sys.ptsname(m);
  const pid = await sys.fork(async (c: Sys) => {
    await c.setsid();
    const s = await c.open(path, O_RDWR);
    for (const fd of [0, 1, 2]) await c.dup2(s, fd);
    await c.close(m);
    return c.execve('/bin/sh', ['sh', '-c', cmd], env);
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
  await Promise.all([sys.wait4(pid), drain()]);
  await sys.writeAll(1, out.replace(/\r\n/g, '\n'));
  return 0;
};

const programs = { onpty };
const SETUP = 'mkdir -p /tmp/t/sub && touch /tmp/t/sub/f && cd /tmp/t';

describe('tree on a terminal', () => {
  it('colours with LS_COLORS set, as ls would', async () => {
    const r = await runOnMachine(`${SETUP} && onpty tree LANG=C 'LS_COLORS=di=01;34'`, { programs });
    expect(r.stdout).toBe('\x1b[01;34m.\x1b[0m\n`-- \x1b[01;34msub\x1b[0m\n    `-- f\n\n2 directories, 1 file\n');
  });

  it('does not colour without LS_COLORS unless -C asks', async () => {
    const r = await runOnMachine(`${SETUP} && onpty 'tree; tree -C' LANG=C`, { programs });
    expect(r.stdout).toBe('.\n`-- sub\n    `-- f\n\n2 directories, 1 file\n\x1b[01;34m.\x1b[0m\n`-- \x1b[01;34msub\x1b[0m\n    `-- \x1b[00mf\x1b[0m\n\n2 directories, 1 file\n');
  });

  it('draws with box characters in a UTF-8 locale', async () => {
    const r = await runOnMachine(`${SETUP} && onpty tree LANG=C.UTF-8`, { programs });
    expect(r.stdout).toBe('.\n└── sub\n    └── f\n\n2 directories, 1 file\n');
  });
});

describe('tree -o', () => {
  it('writes the tree to the file and nothing to standard output', async () => {
    const r = await runOnMachine(`${SETUP} && tree -o /tmp/out sub && echo --- && cat /tmp/out && tree -o /nonexistent/x; echo status $?`, { programs });
    expect(r.stdout).toBe('---\nsub\n`-- f\n\n1 directory, 1 file\nstatus 1\n');
    expect(r.stderr).toBe("tree: invalid filename '/nonexistent/x'\n");
  });
});

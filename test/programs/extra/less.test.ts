// less and more on a terminal: a screenful, keys read one at a time without echo, the terminal's
// modes put back when they quit (by key or by ^C). Their output to a pipe is recorded against
// the real tools in test/conformance/programs (less-pipe, more-pipe).

import { describe, expect, it } from 'vitest';
import { ECHO, ICANON } from '../../../src/abi/termios.ts';
import { loadEntry } from '../../../src/programs/registry.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { bootTerminal } from '../../tty/boot-terminal.ts';

const program = (name: string) => async (sys: Sys): Promise<number> => (await loadEntry(name))!(sys);

async function pager(name: 'less' | 'more', args: string[], content: string) {
  const t = await bootTerminal({ [name]: program(name), cat: program('cat') });
  await t.vfs.writeFile(t.ctx, '/tmp/f', content);
  let modes = { before: 0, after: 0 };
  let status = -1;
  const done = t.run(async (sys) => {
    modes.before = (await sys.tcgetattr(0)).lflag;
    const pid = await sys.fork((c) => c.execve(`/bin/${name}`, [name, ...args]));
    status = (await sys.wait4(pid))[1];
    modes.after = (await sys.tcgetattr(0)).lflag;
    return 0;
  });
  return { t, done, modes: () => modes, status: () => status };
}

const numbered = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('less on a terminal', () => {
  it('shows one screenful, pages on space, and quits on q with the terminal restored', async () => {
    const { t, done, modes, status } = await pager('less', ['/tmp/f'], numbered(100));
    await t.waitFor('line 23\r\n');
    await t.idle();
    expect(t.screen()).not.toContain('line 24');
    expect(t.screen()).toContain('\x1b[?1049h');
    t.pty.input(' ');
    await t.waitFor('line 46');
    t.pty.input('G');
    await t.waitFor('(END)');
    expect(t.screen()).toContain('line 100');
    t.pty.input('q');
    await done;
    expect(status()).toBe(0);
    expect(t.screen()).toContain('\x1b[?1049l');
    expect(modes().after).toBe(modes().before);
    expect(modes().before & (ICANON | ECHO)).toBe(ICANON | ECHO);
  });

  it('does not echo the keys it reads', async () => {
    const { t, done } = await pager('less', ['/tmp/f'], numbered(100));
    await t.waitFor('line 23\r\n');
    await t.idle();
    t.pty.input('j');
    await t.waitFor('line 24');
    t.pty.input('q');
    await done;
    expect(t.screen()).not.toMatch(/[:]j/);
  });

  it('quits on ^C and puts the terminal back', async () => {
    const { t, done, modes } = await pager('less', ['/tmp/f'], numbered(100));
    await t.waitFor('line 23\r\n');
    await t.idle();
    t.pty.input('\x03');
    await done;
    expect(modes().after).toBe(modes().before);
  });

  it('-F prints a short file and leaves at once', async () => {
    const { t, done, status } = await pager('less', ['-F', '/tmp/f'], 'short\n');
    await done;
    expect(status()).toBe(0);
    expect(t.screen()).toContain('short\r\n');
    expect(t.screen()).not.toContain('\x1b[?1049h');
  });
});

describe('more on a terminal', () => {
  it('prints a page, waits at --More--(NN%), goes on a page on space and a line on enter', async () => {
    const { t, done, modes } = await pager('more', ['/tmp/f'], numbered(100));
    await t.waitFor('--More--');
    expect(t.screen()).toContain('line 23\r\n');
    expect(t.screen()).not.toContain('line 24');
    expect(t.screen()).toMatch(/--More--\(\d+%\)/);
    t.pty.input('\r');
    await t.waitFor('line 24');
    await t.idle();
    expect(t.screen()).not.toContain('line 25');
    t.pty.input(' ');
    await t.waitFor('line 47');
    t.pty.input('q');
    await done;
    expect(modes().after).toBe(modes().before);
  });

  it('prints a file that fits on the screen without waiting', async () => {
    const { t, done } = await pager('more', ['/tmp/f'], numbered(5));
    await done;
    expect(t.screen()).toContain('line 5\r\n');
    expect(t.screen()).not.toContain('--More--');
  });
});

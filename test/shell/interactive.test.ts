// The shell on a terminal: prompts, the line editor (editing keys, history kept in a file,
// ^R, Tab completion, pasted lines), job control (`[1] PID`, jobs, ^Z, bg, fg, ^C on the
// foreground job only) and Done notices, driven by typing at a simulated pseudo-terminal.

import { describe, expect, it } from 'vitest';
import { SIG, WEXITSTATUS, exitedStatus } from '../../src/abi/signals.ts';
import sh from '../../src/programs/sh.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootTerminal } from '../tty/boot-terminal.ts';

/** A program that sleeps until a signal ends it, saying when it starts. */
async function spin(sys: Sys): Promise<number> {
  await sys.writeAll(1, 'spinning\n');
  for (;;) await sys.sleep(5);
}

/** Boot a terminal with the shell logged in on it; returns helpers to type and wait. */
async function session(env: string[] = ['PATH=/bin', 'HOME=/root', 'PS1=$ '], ready = '$ ') {
  const t = await bootTerminal({ sh, spin });
  await t.vfs.mkdir(t.ctx, '/root', 0o700);
  await t.vfs.mkdir(t.ctx, '/etc', 0o755);
  await t.vfs.writeFile(t.ctx, '/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
  const done = t.run(async (sys) => {
    const pid = await sys.fork(async (c) => {
      await c.setsid();
      await c.setControllingTty(0);
      return c.execve('/bin/sh', ['-sh'], env);
    });
    return WEXITSTATUS((await sys.wait4(pid))[1]);
  }, { ctty: false });
  /** Screen text after the mark, without CRs and cursor movement sequences. */
  let mark = 0;
  const since = (): string => t.screen().slice(mark).replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
  const type = async (s: string, expect: string): Promise<string> => {
    mark = t.screen().length;
    t.pty.input(s);
    await waitSince(expect);
    return since();
  };
  const waitSince = (text: string): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (since().includes(text)) resolve();
        else setImmediate(check);
      };
      check();
    });
  await t.waitFor(ready);
  return { t, type, done, since };
}

describe('interactive shell', () => {
  it('stops a runaway builtin loop on ^C and goes back to the prompt with status 130', async () => {
    const s = await session();
    s.t.pty.input('while :; do :; done\r');
    await new Promise((r) => setTimeout(r, 50));
    await s.type('\x03', '$ ');
    expect(await s.type('echo "after $?"\r', 'after 130\n$ ')).toContain('after 130');
    await s.type('exit\r', 'exit');
    await s.done;
  });

  it('runs typed commands and shows the prompt again', async () => {
    const s = await session();
    const out = await s.type('echo hello\r', 'hello\n$ ');
    expect(out).toContain('echo hello\nhello\n$ ');
    await s.type('exit 3\r', 'exit');
    expect(await s.done).toBe(exitedStatus(3));
  });

  it('edits the line: cursor keys, Home/End, ^A ^E ^K ^U ^W, backspace', async () => {
    const s = await session();
    expect(await s.type('ecXho x\x1b[D\x1b[D\x1b[D\x1b[D\x7f\r', 'x\n$ ')).toContain('echo x\nx\n');
    const out1 = await s.type('echo one two\x17three\x01\x1b[3~E\x05!\r', 'not found\n$ ');
    expect(out1).toContain('Echo: not found');
    const out2 = await s.type('echo kept junk\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x0b\r', 'kept\n$ ');
    expect(out2).not.toContain('kept junk\n');
    expect(await s.type('junk\x15echo u\r', 'u\n$ ')).toContain('echo u\nu\n');
  });

  it('keeps history across sessions in ~/.sh_history and recalls it with Up and ^R', async () => {
    const s = await session();
    await s.type('echo first\r', 'first\n$ ');
    await s.type('echo second\r', 'second\n$ ');
    expect(await s.type('\x1b[A\x1b[A\r', 'first\n$ ')).toContain('first');
    expect(await s.type('\x12sec\r', 'second\n$ ')).toContain('second');
    const hist = new TextDecoder().decode(await s.t.vfs.readFile(s.t.ctx, '/root/.sh_history'));
    expect(hist).toBe('echo first\necho second\necho first\necho second\n');
  });

  it('completes commands, paths and docker subcommands with Tab', async () => {
    const s = await session();
    await s.type('echo data > /root/somefile\r', '$ ');
    expect(await s.type('ech\tx\r', 'x\n$ ')).toContain('echo x');
    expect(await s.type('read v < /root/som\t\recho "[$v]"\r', '[data]\n$ ')).toContain('/root/somefile');
    const listed = await s.type('docker r\t\t', 'restart');
    await s.type('\x15\r', '$ ');
    expect(listed).toContain('rename');
    expect(listed).toContain('restart');
  });

  it('runs pasted lines in order and continues a command with PS2', async () => {
    const s = await session();
    const out = await s.type('echo a\recho b\rif true\rthen echo c\rfi\r', 'c\n$ ');
    expect(out.indexOf('a\n')).toBeLessThan(out.indexOf('b\n'));
    expect(out).toContain('> ');
  });

  it('drops the typed line on ^C and sets $? to 130', async () => {
    const s = await session();
    await s.type('echo never\x03', '^C');
    expect(await s.type('echo $?\r', '130\n$ ')).toContain('130');
  });

  it('shows [1] PID for a background job and Done before a later prompt', async () => {
    const s = await session();
    const started = await s.type('(exit 0) &\r', ']');
    await s.t.waitFor('\n$ ');
    expect(started + s.since()).toMatch(/\[1\] \d+\n/);
    await s.type('wait; echo x\r', 'x\n');
    await s.t.waitFor('Done                       (exit 0)');
    s.t.pty.input('false &\r');
    await s.t.waitFor('[1] ');
    s.t.pty.input('wait\r');
    await s.t.waitFor('Done(1)');
    expect(s.t.screen()).toMatch(/\[1\] \+ Done\(1\) +false/);
  });

  it('stops the foreground job with ^Z, lists it, continues it with bg and fg, ^C ends it', async () => {
    const s = await session();
    await s.type('spin\r', 'spinning');
    const stopped = await s.type('\x1a', 'Stopped');
    expect(stopped).toMatch(/\[1\] \+ Stopped +spin/);
    expect(await s.type('jobs\r', 'spin\n$ ')).toMatch(/\[1\] \+ Stopped +spin/);
    expect(await s.type('bg\r', '[1] spin')).toContain('[1] spin');
    expect(await s.type('jobs\r', 'spin\n$ ')).toMatch(/\[1\] \+ Running +spin/);
    await s.type('fg\r', 'spin\n');
    await s.type('\x03', '$ ');
    expect(await s.type('echo $?\r', '\n$ ')).toContain(`${128 + SIG.SIGINT}`);
    expect(await s.type('jobs\r', '$ ')).not.toContain('spin');
  });

  it('keeps running when ^C is typed while a job runs, and only the job dies', async () => {
    const s = await session();
    await s.type('spin; echo after\r', 'spinning');
    const out = await s.type('\x03', '$ ');
    expect(out).toContain('after');
  });

  it('shows PS1 with \\u@\\h:\\w\\$ and colours, and PS2 inside a command', async () => {
    const s = await session(['PATH=/bin', 'HOME=/root', 'PS1=\\[\\e[1;32m\\]\\u@\\h\\[\\e[0m\\]:\\w\\$ ', 'PS2=more> '], '# ');
    expect(s.t.screen()).toContain('\x1b[1;32mroot@cowbox\x1b[0m:/# ');
    await s.type('cd\r', ':~# ');
    expect(await s.type('cd /tmp\r', ':/tmp# ')).toContain('root@cowbox');
    expect(await s.type('for i in 1\r', 'more> ')).toContain('more> ');
    await s.type('do echo $i; done\r', '1\n');
  });
});

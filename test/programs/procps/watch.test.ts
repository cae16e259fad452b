// watch on a pseudo-terminal: the full-screen redraw on the alternate screen, the title laid
// out to the terminal's width as procps-ng 4.0.2 lays it out, -t, -d, -g, -e, and ^C leaving
// the terminal as it was.

import { describe, expect, it } from 'vitest';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { titleLine } from '../../../src/programs/procps/watch.ts';
import { runOnMachine } from '../procps-machine.ts';

const ontty = ptyProgram((c, cmd) => c.execve(cmd[0]!, cmd, ['PATH=/usr/bin:/bin', 'HOME=/root', 'LANG=C', 'TERM=xterm']));

/** Run `script` with sh on a terminal, typing each TYPE once its WAIT shows; the screen's bytes. */
async function onTerminal(script: string, ...steps: string[]): Promise<string> {
  const quoted = script.replace(/'/g, "'\\''");
  const r = await runOnMachine(`ontty /bin/sh -c '${quoted}' -- ${steps.map((s) => `'${s}'`).join(' ')}`, { programs: { ontty } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout.slice(0, r.stdout.indexOf('\n'))) as string;
}

/** Row `n` (from 1) of the last screen drawn. */
function row(screen: string, n: number): string {
  const at = screen.lastIndexOf(`\x1b[${n};1H`);
  const rest = screen.slice(at + `\x1b[${n};1H`.length);
  return rest.slice(0, rest.search(/\x1b\[(\d+;1H|K|\?1049l)/));
}

describe('watch', () => {
  it('draws the title and the output full screen on the alternate screen; ^C ends it with status 0', async () => {
    const screen = await onTerminal('trap "" INT; a=$(stty -g); watch -n 0.2 echo hello; echo st=$?; [ "$a" = "$(stty -g)" ] && echo same',
      'hello', '\\x03');
    expect(screen.startsWith('\x1b[?1049h')).toBe(true);
    const title = row(screen, 1);
    expect(title).toMatch(/^Every 0\.2s: echo hello +cowbox: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
    expect(title).toHaveLength(80);
    expect(row(screen, 2)).toBe('');
    expect(row(screen, 3)).toBe('hello');
    expect(screen).toMatch(/\x1b\[\?1049l(\r\n)?st=0\r\nsame\r\n$/);
  });

  it('-t leaves the title out; -w cuts long lines, which otherwise wrap; tabs reach every 8th column', async () => {
    const long = 'x'.repeat(100);
    const screen = await onTerminal(`trap "" INT; watch -t -n 0.2 "echo ${long}; printf \\"a\\\\tb\\\\n\\"; echo end"; COLUMNS=40 watch -t -w -n 0.2 echo ${long}`,
      'end', '\\x03', '@400', '\\x03');
    const first = screen.slice(0, screen.indexOf('\x1b[?1049l'));
    expect(row(first, 1)).toBe('x'.repeat(80));
    expect(row(first, 2)).toBe('x'.repeat(20));
    expect(row(first, 3)).toBe('a       b');
    expect(row(first, 4)).toBe('end');
    expect(row(screen, 1)).toBe('x'.repeat(40));
    expect(row(screen, 2)).toBe('');
  });

  it('-d shows what changed since the last run in reverse video', async () => {
    const screen = await onTerminal('trap "" INT; echo 1 > /tmp/n; watch -d -n 0.2 "cat /tmp/n; echo 2 > /tmp/n"', '\x1b[7m2', '\\x03');
    expect(row(screen, 3)).toBe('\x1b[7m2\x1b[27m');
  });

  it('-g stops by itself when the output changes', async () => {
    const screen = await onTerminal('echo a > /tmp/f; (sleep 0.5; echo b > /tmp/f) & watch -g -n 0.1 cat /tmp/f; echo st=$?');
    expect(screen).toMatch(/\x1b\[\?1049l(\r\n)?st=0\r\n$/);
  });

  it('-q stops by itself once the output has stayed the same that many times', async () => {
    const screen = await onTerminal('echo same > /tmp/s; watch -q 2 -n 0.1 cat /tmp/s; echo st=$?');
    expect(row(screen, 3)).toBe('same');
    expect(screen).toMatch(/\x1b\[\?1049l(\r\n)?st=0\r\n$/);
  });

  it('-e waits for a key when the command fails, then ends with status 8', async () => {
    const screen = await onTerminal('watch -e -n 0.1 "echo failing; false"; echo st=$?', 'press a key to exit', 'q');
    expect(screen).toContain('\x1b[24;1Hcommand exit with a non-zero status, press a key to exit');
    expect(row(screen, 3)).toBe('failing');
    expect(screen).toMatch(/st=8\r\n$/);
  });
});

describe('watch -c and -x', () => {
  it('-c keeps the colours the command asks for; without it the escape character is dropped', async () => {
    const cmd = 'printf \\"\\033[31mred\\033[0m plain\\n\\"';
    const screen = await onTerminal(`trap "" INT; watch -t -c -n 0.2 "${cmd}"; watch -t -n 0.2 "${cmd}"`, 'plain', '\\x03', '@300', '\\x03');
    const first = screen.slice(0, screen.indexOf('\x1b[?1049l'));
    expect(row(first, 1)).toBe('\x1b[0m\x1b[31mred\x1b[0m plain');
    expect(row(screen, 1)).toBe('[31mred[0m plain');
  });

  it('-x runs the words without a shell; a command that cannot run says so on the screen', async () => {
    const screen = await onTerminal('trap "" INT; watch -t -x -n 0.2 echo "a;b" \\*; watch -t -x -n 0.2 nosuchcmd', 'a;b', '\\x03', 'unable', '\\x03');
    const first = screen.slice(0, screen.indexOf('\x1b[?1049l'));
    expect(row(first, 1)).toBe('a;b *');
    expect(row(screen, 1)).toBe("watch: unable to execute 'nosuchcmd': No such file or directory");
  });
});

describe('the title line', () => {
  const date = 'Fri Nov 27 09:51:50 2026';
  it('keeps HOST: DATE at the right edge and cuts the command to make room', () => {
    expect(titleLine(0.1, 'true', 'vm', date, 80)).toBe(`Every 0.1s: true${' '.repeat(36)}vm: ${date}`);
    expect(titleLine(2, 'ls -l /some/long/path', 'host', date, 50)).toBe(`Every 2.0s: ls ...  host: ${date}`);
    // Too narrow for the command: "... " goes over the end of "Every 2.0s: ", as in watch.
    expect(titleLine(2, 'ls', 'host', date, 45)).toBe(`Every 2.0s...  host: ${date}`);
    expect(titleLine(2, 'ls', 'host', date, 44)).toBe(`Every 2.0s:   host: ${date}`);
    expect(titleLine(2, 'ls', 'host', date, 31)).toBe(` host: ${date}`);
    expect(titleLine(2, 'ls', 'host', date, 30)).toBe('');
  });
});

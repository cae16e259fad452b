// tty and nohup on a pseudo-terminal, where what they do depends on which descriptors are
// terminals: tty names the slave, nohup moves output into nohup.out (mode 0600) and says so in
// GNU's words for each combination of redirections.

import { describe, expect, it } from 'vitest';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { runOnMachine } from '../procps-machine.ts';
import { asUser } from './as-user.ts';

const ontty = ptyProgram((c, cmd) => c.execve(cmd[0]!, cmd, ['PATH=/usr/bin:/bin', 'HOME=/root', 'LANG=C']));

async function onTerminal(script: string): Promise<{ screen: string; after: string }> {
  const r = await runOnMachine(`cd /tmp && ontty /bin/sh -c '${script.replace(/'/g, "'\\''")}' --`, { programs: { ontty, asuser: asUser } });
  expect(r.stderr).toBe('');
  const nl = r.stdout.indexOf('\n');
  return { screen: (JSON.parse(r.stdout.slice(0, nl)) as string).replace(/\r\n/g, '\n'), after: r.stdout.slice(nl + 1) };
}

describe('tty', () => {
  it('names the terminal on standard input, and says "not a tty" otherwise', async () => {
    const { screen } = await onTerminal('tty; tty -s; echo "st=$?"; tty </dev/null; echo "st=$?"; tty -s </dev/null; echo "st=$?"');
    expect(screen).toMatch(/^\/dev\/pts\/\d+\nst=0\nnot a tty\nst=1\nst=1\n$/);
  });
});

describe('nohup', () => {
  it('appends terminal output to nohup.out, made 0600, and tells which streams it moved', async () => {
    const { screen } = await onTerminal(
      'nohup echo one; nohup echo two </dev/null; nohup echo three >/dev/null; nohup sh -c "echo four >&2" >out.txt; ' +
        'nohup echo five 2>/dev/null; echo ==; cat nohup.out; ls -l nohup.out | cut -c1-10; cat out.txt',
    );
    expect(screen).toBe(
      "nohup: ignoring input and appending output to 'nohup.out'\n" +
        "nohup: appending output to 'nohup.out'\n" +
        'nohup: ignoring input and redirecting stderr to stdout\n' +
        'nohup: ignoring input and redirecting stderr to stdout\n' +
        '==\none\ntwo\nfive\n-rw-------\nfour\n',
    );
  });

  it('gives the command an input it cannot read, and keeps it alive through SIGHUP', async () => {
    const { screen } = await onTerminal('nohup sh -c "read x; echo read=\\$?; kill -HUP \\$\\$; echo alive" 2>&1; cat nohup.out');
    expect(screen).toMatch(/^nohup: ignoring input and appending output to 'nohup.out'\n(.*\n)?read=[1-9]\d*\nalive\n$/);
  });

  it('reports a command it cannot run on the original standard error', async () => {
    const { screen } = await onTerminal('nohup nope; echo "st=$?"');
    expect(screen).toBe("nohup: ignoring input and appending output to 'nohup.out'\nnohup: failed to run command 'nope': No such file or directory\nst=127\n");
  });

  it('falls back to $HOME/nohup.out where the directory is not writable, and says when neither opens', async () => {
    const { screen } = await onTerminal(
      'mkdir /tmp/h; chmod 777 /tmp/h; cd /; HOME=/tmp/h asuser 1 1 nohup echo hi; echo "st=$?"; cat /tmp/h/nohup.out; ' +
        'asuser 1 1 nohup echo x; echo "st=$?"; env -u HOME asuser 1 1 nohup echo y; echo "st=$?"',
    );
    expect(screen).toBe(
      "nohup: ignoring input and appending output to '/tmp/h/nohup.out'\nst=0\nhi\n" +
        "nohup: failed to open 'nohup.out': Permission denied\nnohup: failed to open '/root/nohup.out': Permission denied\nst=125\n" +
        "nohup: failed to open 'nohup.out': Permission denied\nst=125\n",
    );
  });
});

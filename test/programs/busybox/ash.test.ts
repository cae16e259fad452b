// busybox's sh on a terminal and in alpine containers: what the recordings cannot show. The
// interactive shell's prompt is busybox's '\w \$ ' ("/ # " for root at /), written by the line
// editor; its messages have no line numbers; `docker run -i alpine` reads commands from stdin
// as ash does, naming itself /bin/sh. `onTty` types into a pseudo-terminal as a learner does.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { runOnMachine } from '../procps-machine.ts';

/** `ontty PROGRAM ARGS... -- WAIT TYPE...`: PROGRAM on a terminal, typing each TYPE once the screen ends with WAIT. */
const ontty = ptyProgram((c, cmd) => c.execve(cmd[0]!, cmd, ['PATH=/usr/bin:/bin', 'HOME=/root', 'TERM=xterm']), { atEnd: true });

/**
 * The screen's final text from what was written to the terminal: enough of a terminal for the
 * line editor's redraws (\r, ESC[J clears to the end, ESC[nC moves right).
 */
function render(out: string): string {
  const lines: string[] = [''];
  let row = 0;
  let col = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    const csi = /^\x1b\[(\d*)([A-Za-z])/.exec(out.slice(i));
    if (csi) {
      if (csi[2] === 'J') lines.splice(row + 1), (lines[row] = lines[row]!.slice(0, col));
      else if (csi[2] === 'C') col += Number(csi[1] || 1);
      i += csi[0].length - 1;
    } else if (c === '\r') col = 0;
    else if (c === '\n') {
      row++;
      if (lines.length <= row) lines.push('');
    } else {
      const line = lines[row]!.padEnd(col);
      lines[row] = line.slice(0, col) + c + line.slice(col + 1);
      col++;
    }
  }
  return lines.join('\n');
}

async function screen(script: string): Promise<{ shown: string; rest: string }> {
  // What ontty printed comes first; anything the script prints after it is `rest`.
  const r = await runOnMachine(script, { programs: { ontty } });
  expect(r.stderr).toBe('');
  const nl = r.stdout.indexOf('\n');
  return { shown: render(JSON.parse(r.stdout.slice(0, nl)) as string), rest: r.stdout.slice(nl + 1) };
}

describe('busybox sh on a terminal', () => {
  it('prompts with the directory and # for root, and says errors without line numbers', async () => {
    const { shown, rest } = await screen(
      "cd / && ontty /bin/busybox sh -- '/ # ' 'nope\\n' '/ # ' 'cd /nope\\n' '/ # ' 'cd /tmp\\n' '/tmp # ' 'cd ~\\n' '~ # ' 'exit 3\\n'",
    );
    expect(shown).toBe(
      '/ # nope\nsh: nope: not found\n' +
        '/ # cd /nope\nsh: cd: can\'t cd to /nope: No such file or directory\n' +
        '/ # cd /tmp\n/tmp # cd ~\n~ # exit 3\n',
    );
    expect(rest).toBe('status=3\n');
  });

  it('shows PS2 inside a command and a syntax error in ash\'s words', async () => {
    const { shown } = await screen("cd / && ontty /bin/busybox sh -- '/ # ' 'if true\\n' '> ' 'fi\\n' '/ # ' 'exit\\n'");
    expect(shown).toBe('/ # if true\n> fi\nsh: syntax error: unexpected "fi" (expecting "then")\n/ # exit\n');
  });

  it('starts a job without naming it, lists it as [1]+ and tells its end at the next prompt', async () => {
    const { shown } = await screen(
      "cd / && ontty /bin/busybox sh -- '/ # ' 'sleep 100 &\\n' '/ # ' 'jobs\\n' '/ # ' 'kill %1\\n' '/ # ' 'echo x\\n' '/ # ' 'exit\\n'",
    );
    // When the notice comes depends on when the child is reaped: one prompt or the next.
    expect(shown.startsWith('/ # sleep 100 &\n/ # jobs\n[1]+  Running                    sleep 100\n/ # kill %1\n')).toBe(true);
    expect(shown).toContain('\n[1]+  Terminated                 sleep 100\n');
    expect(shown).toContain('/ # echo x\nx\n');
    expect(shown).not.toMatch(/^\[1\] \d+$/m);
  });

  it('history lists the typed lines from 0 and keeps them in ~/.ash_history', async () => {
    const { shown, rest } = await screen("cd / && ontty /bin/busybox sh -- '/ # ' 'echo a\\n' '/ # ' 'history\\n' '/ # ' 'exit\\n'; cat /root/.ash_history");
    expect(shown).toBe('/ # echo a\na\n/ # history\n   0 echo a\n   1 history\n/ # exit\n');
    expect(rest).toBe('status=0\necho a\nhistory\nexit\n');
  });

  it('keeps dash\'s prompt and messages for dash on the same terminal', async () => {
    const { shown } = await screen("cd / && ontty /bin/sh -- '# ' 'nope\\n' '# ' 'exit\\n'");
    expect(shown).toBe('# nope\n/bin/sh: 1: nope: not found\n# exit\n');
  });
});

describe('busybox sh off a terminal', () => {
  it('-i without a terminal writes the prompt to stdout, as busybox\'s line editor does', async () => {
    const r = await runSh("cd / && printf 'echo hi\\ncd /nope\\nexit 4\\n' | HOME=/root busybox sh -i 2>err; echo \"status $?\"; cat err", {});
    expect(r.stdout).toBe("/ # hi\n/ # / # status 4\nsh: can't access tty; job control turned off\nsh: cd: can't cd to /nope: No such file or directory\n");
  });

  it('PS1 from the environment wins, and its escapes are decoded', async () => {
    const r = await runSh("printf 'exit\\n' | PS1='[\\u@x \\W]\\$ ' busybox sh -i 2>/dev/null", {});
    expect(r.stdout).toBe('[root@x sh-case]# ');
  });

  it('an applet link named ash runs the same shell', async () => {
    const r = await runSh("ln -s /bin/busybox ash && ./ash -c 'nope; echo -n x; echo -e \"\\\\ty\"; type f 2>&1; f() { :; }; type f'");
    expect(r.stderr).toBe('./ash: nope: not found\n');
    expect(r.stdout).toBe('x\ty\nf: not found\nf is a function\n');
  });

  it('help lists the builtins this shell has', async () => {
    const r = await runSh('busybox sh -c help');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Built-in commands:', '------------------']);
    const names = lines.slice(2).join(' ').trim().split(/\s+/);
    for (const n of ['.', ':', 'cd', 'echo', 'help', 'source', 'type', 'wait']) expect(names).toContain(n);
    expect(names).toEqual([...names].sort());
    for (const l of lines.slice(2, -1)) expect(l.startsWith('\t')).toBe(true);
  });

  it('scripts run through #!/bin/sh keep the dialect, and dash beside it keeps its own', async () => {
    const r = await runSh("mkdir b && ln -s /bin/busybox b/sh && printf '#!%s/b/sh\\nnope\\n' \"$PWD\" > s && chmod +x s && ./s; sh -c nope", {});
    expect(r.stderr).toBe('./s: line 2: nope: not found\nsh: 1: nope: not found\n');
  });
});

describe('busybox sh in alpine containers', () => {
  it('docker run -it alpine prompts "/ # " and says /bin/sh in its messages', async () => {
    const { shown, rest } = await screen(
      "docker pull -q alpine >/dev/null && ontty /bin/docker run -it --rm alpine -- '/ # ' 'nope\\n' '/ # ' 'cd /etc\\n' '/etc # ' 'echo $0\\n' '/etc # ' 'exit\\n'",
    );
    expect(shown).toBe('/ # nope\n/bin/sh: nope: not found\n/ # cd /etc\n/etc # echo $0\n/bin/sh\n/etc # exit\n');
    expect(rest).toBe('status=0\n');
  });

  it('docker run -i alpine reads commands from stdin without a prompt, naming the line', async () => {
    const r = await runOnMachine(String.raw`docker pull -q alpine >/dev/null; printf '%s\n' nope 'cd /x' 'echo -e "a\tb"' | docker run -i --rm alpine; echo "status $?"`);
    expect(r.stdout).toBe('a\tb\nstatus 0\n');
    expect(r.stderr).toBe("/bin/sh: nope: not found\n/bin/sh: cd: line 2: can't cd to /x: No such file or directory\n");
  });

  it('a login shell reads alpine\'s /etc/profile, which picks its PS1 for busybox ash', async () => {
    const r = await runOnMachine("docker pull -q alpine >/dev/null; docker run --rm alpine sh -lc 'echo \"$PS1\"; echo \"$BB_ASH_VERSION\"'");
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('\\h:\\w\\$ \n1.36.1\n');
  });
});

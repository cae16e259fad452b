// The bash forms busybox ash accepts ([[ ]], `function`, ++/--, &>, `. FILE ARGS`, `type -p`,
// busybox's ulimit and read) beside what the recordings show: ulimit's values are the simulated
// kernel's rlimits (getrlimit; /proc/self/limits shows the same, and what a limit set becomes),
// read -n/-s/-t act on a terminal, and dash, the same shell in its own dialect, still refuses
// every one of these forms as real dash does.

import { describe, expect, it } from 'vitest';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { runSh } from '../../shell/run-sh.ts';
import { runOnMachine } from '../procps-machine.ts';

/** `ontty PROGRAM ARGS... -- WAIT TYPE...`: PROGRAM on a terminal, typing each TYPE once the screen ends with WAIT. */
const ontty = ptyProgram((c, cmd) => c.execve(cmd[0]!, cmd, ['PATH=/usr/bin:/bin', 'HOME=/root', 'TERM=xterm']), { atEnd: true });

/** What the terminal showed, with the line editor's redraws (\r, ESC[J, ESC[nC) applied. */
function render(out: string): string {
  const lines: string[] = [''];
  let row = 0;
  let col = 0;
  for (let i = 0; i < out.length; i++) {
    const csi = /^\x1b\[(\d*)([A-Za-z])/.exec(out.slice(i));
    if (csi) {
      if (csi[2] === 'J') lines.splice(row + 1), (lines[row] = lines[row]!.slice(0, col));
      else if (csi[2] === 'C') col += Number(csi[1] || 1);
      i += csi[0].length - 1;
    } else if (out[i] === '\r') col = 0;
    else if (out[i] === '\n') {
      row++;
      if (lines.length <= row) lines.push('');
    } else {
      const line = lines[row]!.padEnd(col);
      lines[row] = line.slice(0, col) + out[i] + line.slice(col + 1);
      col++;
    }
  }
  return lines.join('\n');
}

describe('busybox ash ulimit', () => {
  it('lists the kernel rlimits in busybox layout, soft values unless -H', async () => {
    const r = await runOnMachine("busybox sh -c 'ulimit -a; echo; ulimit -n; ulimit -Hs; ulimit -Ss; ulimit -n -c'; grep -E 'Max (processes|pending signals)' /proc/self/limits");
    expect(r.stderr).toBe('');
    const [all, rest] = r.stdout.split('\n\n') as [string, string];
    const lines = all.split('\n');
    expect(lines.map((l) => l.slice(0, 37))).toEqual([
      'core file size (blocks)         (-c) ', 'data seg size (kb)              (-d) ', 'scheduling priority             (-e) ',
      'file size (blocks)              (-f) ', 'pending signals                 (-i) ', 'max locked memory (kb)          (-l) ',
      'max memory size (kb)            (-m) ', 'open files                      (-n) ', 'POSIX message queues (bytes)    (-q) ',
      'real-time priority              (-r) ', 'stack size (kb)                 (-s) ', 'cpu time (seconds)              (-t) ',
      'max user processes              (-u) ', 'virtual memory (kb)             (-v) ', 'file locks                      (-x) ',
    ]);
    const value = (letter: string): string => lines.find((l) => l.includes(`(-${letter}) `))!.slice(37);
    // Bytes become kb and 512-byte blocks as busybox scales them.
    expect([value('c'), value('f'), value('l'), value('s'), value('n'), value('q'), value('t')]).toEqual(['0', 'unlimited', '8192', '8192', '1024', '819200', 'unlimited']);
    // The machine-sized limits are the ones the kernel reports for the process.
    const procs = /Max processes\s+(\d+)/.exec(rest)![1];
    const sigs = /Max pending signals\s+(\d+)/.exec(rest)![1];
    expect([value('u'), value('i')]).toEqual([procs, sigs]);
    expect(rest.split('\n').slice(0, 6)).toEqual(['1024', 'unlimited', '8192', 'open files                      (-n) 1024', 'core file size (blocks)         (-c) 0', expect.stringMatching(/^Max/)]);
  });

  it('sets the kernel\'s limits, which its children inherit and /proc shows', async () => {
    const r = await runOnMachine("busybox sh -c 'ulimit -n 100; ulimit -Sn 50; grep \"open files\" /proc/self/limits; sh -c \"ulimit -n; ulimit -Hn\"'");
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Max open files            50                   100                  files     \n50\n100\n');
  });
});

describe('busybox ash read on a terminal', () => {
  it('-n 1 -s takes one key without echo or Enter, and -t gives up with status 1', async () => {
    const r = await runOnMachine(
      "cd / && ontty /bin/busybox sh -- '/ # ' 'read -n 1 -s -p \"key? \" k; echo \"[$k]\"\\n' 'key? ' 'x' '/ # ' 'v=old; read -t 0.3 v; echo \"t $? $v\"\\n' '/ # ' 'exit\\n'",
      { programs: { ontty } },
    );
    expect(r.stderr).toBe('');
    const nl = r.stdout.indexOf('\n');
    expect(render(JSON.parse(r.stdout.slice(0, nl)) as string)).toBe(
      '/ # read -n 1 -s -p "key? " k; echo "[$k]"\nkey? [x]\n/ # v=old; read -t 0.3 v; echo "t $? $v"\nt 1 old\n/ # exit\n',
    );
  });
});

describe('dash keeps its own dialect', () => {
  // What real dash 0.5.12 prints for each (recorded by hand on the reference machine).
  it('has no function keyword, [[, ++/--, BASE#, comma or expression-valued variables', async () => {
    expect(await runSh('function f { echo x; }; echo "after $?"')).toEqual({ stdout: '', stderr: 'sh: 1: Syntax error: "}" unexpected\n', status: 2 });
    expect(await runSh('[[ 1 == 1 ]]; echo "dbl $?"; type function')).toEqual({ stdout: 'dbl 127\nfunction: not found\n', stderr: 'sh: 1: [[: not found\n', status: 127 });
    expect(await runSh('i=1; echo $((i++))')).toEqual({ stdout: '', stderr: 'sh: 1: arithmetic expression: expecting primary: "i++"\n', status: 2 });
    expect(await runSh('echo $((16#ff))')).toEqual({ stdout: '', stderr: 'sh: 1: arithmetic expression: expecting EOF: "16#ff"\n', status: 2 });
    expect(await runSh('echo $((1,2))')).toEqual({ stdout: '', stderr: 'sh: 1: arithmetic expression: expecting EOF: "1,2"\n', status: 2 });
    expect(await runSh('x=abc; echo $((x))')).toEqual({ stdout: '', stderr: 'sh: 1: Illegal number: abc\n', status: 2 });
  });

  it('takes &> as & and >, ignores `.` arguments, and keeps [ and type as they were', async () => {
    expect(await runSh('echo hi &>/dev/null; wait; echo "amp $?"')).toEqual({ stdout: 'hi\namp 0\n', stderr: '', status: 0 });
    expect(await runSh('echo a >& f; echo "fd $?"')).toEqual({ stdout: '', stderr: 'sh: 1: Syntax error: Bad fd number\n', status: 2 });
    expect(await runSh('echo "echo \\$# \\$1" > s; set -- a; . ./s x y; echo "$# $1"')).toEqual({ stdout: '1 a\n1 a\n', stderr: '', status: 0 });
    expect(await runSh('[ a == a ]; echo "eq $?"')).toEqual({ stdout: 'eq 2\n', stderr: 'sh: 1: [: a: unexpected operator\n', status: 0 });
    expect(await runSh('type -p sh; echo "type $?"')).toEqual({ stdout: '-p: not found\nsh is /bin/sh\ntype 127\n', stderr: '', status: 0 });
    expect(await runSh('set -x; echo function')).toEqual({ stdout: 'function\n', stderr: '+ echo function\n', status: 0 });
  });
});

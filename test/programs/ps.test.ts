// ps on the simulated kernel: columns, widths and alignment as procps-ng 4.0.2 prints them (the
// layouts recorded from the real ps), with processes the test starts. PIDs are those of a fresh
// machine: init 1, the shell 2, then the script's children in order. PID columns are as wide
// as pid_max has digits: 7 here (4194304), 5 on the recording machine (pid_max 32768, shown by
// bind-mounting that value where the test says so).

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';
import { runOnMachine } from './procps-machine.ts';

const BG = 'sleep 100 >/dev/null 2>&1 &';

describe('ps', () => {
  it('lists this user\'s processes without a terminal by default, PID TTY TIME CMD', async () => {
    // The shell runs its last command in place, so ps is PID 2.
    const r = await runOnMachine(`${BG} ps`);
    expect(r.stdout).toBe([
      '    PID TTY          TIME CMD',
      '      1 ?        00:00:00 init',
      '      2 ?        00:00:00 ps',
      '      3 ?        00:00:00 sleep',
      '',
    ].join('\n'));
    expect(r.status).toBe(0);
  });

  it('sizes PID columns from pid_max, as the recordings show at 32768', async () => {
    const r = await runOnMachine(`${BG} ps -o pid,ppid,pgid,sid,uid,user,gid,group,comm,args,cmd,etime,time,stat,tty,nlwp -p $!`, { pidMax: 32768 });
    expect(r.stdout).toBe([
      '  PID  PPID  PGID   SID   UID USER       GID GROUP    COMMAND         COMMAND                     CMD                             ELAPSED     TIME STAT TT       NLWP',
      '    3     2     1     1     0 root         0 root     sleep           sleep 100                   sleep 100                         00:00 00:00:00 S    ?           1',
      '',
    ].join('\n'));
  });

  it('takes -o NAME= (no header), NAME=HEADER and NAME:WIDTH', async () => {
    const r = await runOnMachine(`${BG} ps -o pid= -p $!; ps -o pid=PROCESS -p $!; ps -o pid,comm=X -p $!; ps -o user:20,pid -p $!; ps -o pid= -o comm= -p $!`, { pidMax: 32768 });
    expect(r.stdout).toBe([
      '    3',
      'PROCESS',
      '      3',
      '  PID X',
      '    3 sleep',
      'USER                   PID',
      'root                     3',
      '    3 sleep',
      '',
    ].join('\n'));
  });

  it('prints -ef and aux in their layouts', async () => {
    const r = await runOnMachine(`${BG} ps -ef`, { pidMax: 32768 });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('UID        PID  PPID  C STIME TTY          TIME CMD');
    expect(lines[1]).toMatch(/^root         1     0  0 \d\d:\d\d \?        00:00:00 init$/);
    // ps's own C (its CPU share) is 0 on an idle machine but may not be on a busy one.
    expect(lines[2]).toMatch(/^root         2     1 [ \d]\d \d\d:\d\d \?        00:00:00 ps -ef$/);
    expect(lines[3]).toMatch(/^root         3     2  0 \d\d:\d\d \?        00:00:00 sleep 100$/);
  });

  it('fills aux with VSZ and RSS from /proc/PID/status and the BSD STAT letters', async () => {
    const r = await runOnMachine(`${BG} ps aux; cat /proc/$!/status`, { pidMax: 32768 });
    const [head, init, , sleep] = r.stdout.split('\n');
    const vsz = /VmSize:\s+(\d+)/.exec(r.stdout)![1]!;
    const rss = /VmRSS:\s+(\d+)/.exec(r.stdout)![1]!;
    expect(head).toBe('USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(init).toMatch(/^root         1  0\.0  0\.0 +\d+ +\d+ \?        Ss   \d\d:\d\d   0:00 init$/);
    const start = /(\d\d:\d\d)   0:00 sleep/.exec(sleep!)![1];
    expect(sleep).toBe(`root         3  0.0  0.0 ${vsz.padStart(6)} ${rss.padStart(5)} ?        S    ${start}   0:00 sleep 100`);
  });

  it('draws the forest, keeping init\'s children at its level except with -H', async () => {
    const r = await runOnMachine(`${BG} ps -e --forest; ps -ejH; ps axf -o pid,args`, { pidMax: 32768 });
    expect(r.stdout).toBe([
      '  PID TTY          TIME CMD',
      '    1 ?        00:00:00 init',
      '    2 ?        00:00:00 sh',
      '    3 ?        00:00:00  \\_ sleep',
      '    4 ?        00:00:00  \\_ ps',
      '  PID  PGID   SID TTY          TIME CMD',
      '    1     1     1 ?        00:00:00 init',
      '    2     1     1 ?        00:00:00   sh',
      '    3     1     1 ?        00:00:00     sleep',
      '    5     1     1 ?        00:00:00     ps',
      '  PID COMMAND',
      '    1 init',
      '    2 ps axf -o pid,args',
      '    3  \\_ sleep 100',
      '',
    ].join('\n'));
  });

  it('shows a zombie as Z with <defunct>, under its parent with | in the forest', async () => {
    const r = await runOnMachine('sh -c "sleep 0 & exec sleep 100" >/dev/null 2>&1 & sleep 0.3; ps -o pid,stat,comm,args -p 5; ps --forest -o pid,args -p 3,5', { pidMax: 32768 });
    expect(r.stdout).toBe([
      '  PID STAT COMMAND         COMMAND',
      '    5 Z    sleep <defunct> [sleep] <defunct>',
      '  PID COMMAND',
      '    3 sleep 100',
      '    5  \\_ [sleep] <defunct>',
      '',
    ].join('\n'));
  });

  it('selects by -p, -C, -u, --ppid and sorts with --sort', async () => {
    const r = await runOnMachine(`${BG} ${BG} ps -o pid= -p 3,4; ps -o pid= -C sleep; ps -o pid= -u root | head -n 2; ps -o pid= --ppid 2 | head -n 2; ps --sort=-pid -o pid= -p 1,3,4; ps --no-headers -o pid -p 1`);
    expect(r.stdout).toBe(['      3', '      4', '      3', '      4', '      1', '      2', '      3', '      4', '      4', '      3', '      1', '      1', ''].join('\n'));
  });

  it('prints only the header and exits 1 when nothing is selected', async () => {
    const r = await runOnMachine('ps -p 99999; echo st=$?');
    expect(r.stdout).toBe('    PID TTY          TIME CMD\nst=1\n');
  });

  it('shows -l, -F and j layouts', async () => {
    const r = await runOnMachine(`${BG} ps -l -p $!; ps -F -p $! | head -n 1; ps j -p $!`, { pidMax: 32768 });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('F S   UID   PID  PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD');
    expect(lines[1]).toMatch(/^0 S     0     3     2  0  80   0 - +\d+ -      \?        00:00:00 sleep$/);
    expect(lines[2]).toBe('UID        PID  PPID  C    SZ   RSS PSR STIME TTY          TIME CMD');
    expect(lines[3]).toBe(' PPID   PID  PGID   SID TTY      TPGID STAT   UID   TIME COMMAND');
    expect(lines[4]).toBe('    2     3     1     1 ?           -1 S        0   0:00 sleep 100');
  });

  it('reports usage errors as procps does: "error: ...", the short usage, status 1', async () => {
    const r = await runOnMachine('ps -Q; echo st=$?; ps -o bogus 2>&1 | head -n 1; ps -u nosuch 2>&1 | head -n 1; ps -p abc 2>&1 | head -n 1; ps -p 2>&1 | head -n 1');
    expect(r.stdout).toBe([
      'st=1',
      'error: unknown user-defined format specifier "bogus"',
      'error: user name does not exist',
      'error: process ID list syntax error',
      'error: list of process IDs must follow -p',
      '',
    ].join('\n'));
    expect(r.stderr).toBe([
      'error: unsupported SysV option',
      '',
      'Usage:',
      ' ps [options]',
      '',
      " Try 'ps --help <simple|list|output|threads|misc|all>'",
      "  or 'ps --help <s|l|o|t|m|a>'",
      ' for additional help text.',
      '',
      'For more details see ps(1).',
      '',
    ].join('\n'));
  });

  it('accepts -x as BSD x on the second pass, and prints the version', async () => {
    const r = await runOnMachine('ps -x -o pid= | head -n 1; ps -V; ps --version');
    expect(r.stdout).toBe('      1\nps from procps-ng 4.0.2\nps from procps-ng 4.0.2\n');
  });

  it('refuses to run without /proc, as procps does', async () => {
    const r = await runSh('ps; echo st=$?');
    expect(r.stdout).toBe('st=47\n');
    expect(r.stderr).toBe('Error, do this: mount -t proc proc /proc\n');
  });
});

// vmstat on the simulated kernel: its figures come from /proc/stat, /proc/meminfo and
// /proc/vmstat. A /proc holding fixed copies of those files is mounted over the real one so the
// expected linescan be worked out by hand with procps-ng 4.0.2's formulas (checked against the real vmstat:
// rates since boot are counts times USER_HZ over all CPUs' ticks, rounded half up).

import { describe, expect, it } from 'vitest';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { runOnMachine } from '../procps-machine.ts';

const MEMINFO = [
  'MemTotal:       24684096 kB', 'MemFree:        22759824 kB', 'MemAvailable:   23794384 kB', 'Buffers:           47956 kB',
  'Cached:          1185068 kB', 'SwapCached:            0 kB', 'Active:           683900 kB', 'Inactive:         814400 kB',
  'SwapTotal:       2097148 kB', 'SwapFree:        2096124 kB', 'SReclaimable:     221504 kB', '',
].join('\n');
const STAT = [
  'cpu  2307215 29316 598696 8507719 28285 0 3150 12811 0 0', 'cpu0 2307215 29316 598696 8507719 28285 0 3150 12811 0 0',
  'intr 49499531 0 0', 'ctxt 203655272', 'btime 1795714840', 'processes 692465', 'procs_running 10', 'procs_blocked 0', '',
].join('\n');
const VMSTAT = 'nr_free_pages 5689956\npgpgin 8334237\npgpgout 98173772\npswpin 300000\npswpout 0\n';

/** The script, run with a /proc that holds only the fixed files (a tmpfs over the real one). */
const fixed = (script: string): string =>
  `mount -t tmpfs none /proc; printf '${MEMINFO}' > /proc/meminfo; printf '${STAT}' > /proc/stat;`
  + ` printf '${VMSTAT}' > /proc/vmstat; ${script}`;

const HEAD = [
  'procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----',
  ' r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st',
];

const ontty = ptyProgram((c, cmd) => c.execve(cmd[0]!, cmd, ['PATH=/usr/bin:/bin', 'HOME=/root', 'LANG=C']));

/** Run `script` with sh on a terminal; what the terminal showed. */
async function onTerminal(script: string): Promise<string> {
  const r = await runOnMachine(`ontty /bin/sh -c '${script.replace(/'/g, "'\\''")}' --`, { programs: { ontty } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout.slice(0, r.stdout.indexOf('\n'))) as string;
}

describe('vmstat', () => {
  it('prints the averages since boot in procps 4.0.2 columns', async () => {
    const r = await runOnMachine(fixed('vmstat'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([...HEAD, '10  0   1024 22759824  47956 1406572   10    0    73   855  431 1773 20  5 74  0  0', ''].join('\n'));
  });

  it('-w is wider, with the guest column; -a shows inactive and active; -S changes the unit', async () => {
    const r = await runOnMachine(fixed('vmstat -w; vmstat -a -S M'));
    expect(r.stdout.split('\n')).toEqual([
      '--procs-- -----------------------memory---------------------- ---swap-- -----io---- -system-- ----------cpu----------',
      '   r    b         swpd         free         buff        cache   si   so    bi    bo   in   cs  us  sy  id  wa  st  gu',
      '  10    0         1024     22759824        47956      1406572   10    0    73   855  431 1773  20   5  74   0   0   0',
      HEAD[0],
      ' r  b   swpd   free  inact active   si   so    bi    bo   in   cs us sy id wa st',
      '10  0      1  22226    795    667    0    0    73   855  431 1773 20  5 74  0  0',
      '',
    ]);
  });

  it('with a delay prints what changed in each interval', async () => {
    const r = await runOnMachine(fixed('vmstat -n 1 2; vmstat -y 1 1 | tail -n 1'));
    expect(r.stdout.split('\n')).toEqual([
      ...HEAD,
      '10  0   1024 22759824  47956 1406572   10    0    73   855  431 1773 20  5 74  0  0',
      '10  0   1024 22759824  47956 1406572    0    0     0     0    0    0  0  0 100  0  0',
      '10  0   1024 22759824  47956 1406572    0    0     0     0    0    0  0  0 100  0  0',
      '',
    ]);
  });

  it('repeats the header every screenful on a terminal, unless -n', async () => {
    const screen = await onTerminal(fixed('stty rows 5; vmstat 1 4; vmstat -n 1 3'));
    const heads = screen.split('\r\n').map((l) => (l === HEAD[0] ? 'H' : l === HEAD[1] ? 'h' : /^10 /.test(l) ? 'L' : l));
    expect(heads.join('')).toBe('HhLLHhLLHhLLL');
  });

  it('-s lists the counters and -f the forks', async () => {
    const r = await runOnMachine(fixed('vmstat -s; vmstat -f'));
    expect(r.stdout).toBe([
      '     24684096 K total memory', '       889712 K used memory', '       683900 K active memory',
      '       814400 K inactive memory', '     22759824 K free memory', '        47956 K buffer memory',
      '      1406572 K swap cache', '      2097148 K total swap', '         1024 K used swap', '      2096124 K free swap',
      '      2307215 non-nice user cpu ticks', '        29316 nice user cpu ticks', '       598696 system cpu ticks',
      '      8507719 idle cpu ticks', '        28285 IO-wait cpu ticks', '            0 IRQ cpu ticks',
      '         3150 softirq cpu ticks', '        12811 stolen cpu ticks', '            0 non-nice guest cpu ticks',
      '            0 nice guest cpu ticks', '      8334237 K paged in', '     98173772 K paged out',
      '       300000 pages swapped in', '            0 pages swapped out', '     49499531 interrupts',
      '    203655272 CPU context switches', '   1795714840 boot time', '       692465 forks', '       692465 forks', '',
    ].join('\n'));
  });

  it('reads the live machine: no /proc/vmstat means no paging, memory as /proc/meminfo says', async () => {
    const r = await runOnMachine('vmstat -t | tail -n 1; grep -E "^(MemTotal|Buffers)" /proc/meminfo; vmstat -s | head -n 1');
    const l = r.stdout.split('\n');
    const f = l[0]!.trim().split(/ +/);
    expect(f).toHaveLength(19);
    expect(f.slice(6, 10)).toEqual(['0', '0', '0', '0']);
    expect(Number(f[12]) + Number(f[13]) + Number(f[14])).toBeGreaterThanOrEqual(98);
    expect(l[0]).toMatch(/ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(f[4]).toBe(l[2]!.split(/ +/)[1]);
    expect(l[3]).toBe(`${l[1]!.split(/ +/)[1]!.padStart(13)} K total memory`);
  });

  it('says what is wrong with its arguments', async () => {
    const r = await runOnMachine('vmstat -d; echo st=$?; umount /proc/stat 2>/dev/null; mount -t tmpfs none /proc; vmstat; echo st=$?');
    expect(r.stdout).toBe('st=1\nst=1\n');
    expect(r.stderr).toBe('vmstat: Unable to create diskstat structure\nvmstat: Unable to create system stat structure\n');
  });
});

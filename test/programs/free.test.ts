// free on the simulated kernel: its figures are /proc/meminfo's, combined as procps-ng 4.0.2
// combines them (used = MemTotal - MemAvailable; buff/cache = Buffers + Cached + SReclaimable),
// in its fixed layout. The error texts are checked against the real free by free-errors.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from './procps-machine.ts';

function meminfo(text: string): Map<string, number> {
  return new Map([...text.matchAll(/^(\S+):\s+(\d+)/gm)].map((m) => [m[1]!, Number(m[2])]));
}

describe('free', () => {
  it('prints kibibytes in the layout of procps 4.0.2', async () => {
    // free reads meminfo once; a copy read just before it shows the same machine, but the
    // figures that follow running processes may have moved, so only the fixed ones are exact.
    const r = await runOnMachine('cat /proc/meminfo; echo ===; free');
    const [info, out] = r.stdout.split('===\n');
    const m = meminfo(info!);
    const g = (k: string): number => m.get(k)!;
    const col = (v: number): string => String(v).padStart(11);
    const lines = out!.split('\n');
    expect(lines[0]).toBe('               total        used        free      shared  buff/cache   available');
    const f = /^Mem: {5}(.{11}) (.{11}) (.{11}) (.{11}) (.{11}) (.{11})$/.exec(lines[1]!)!;
    expect(f[1]).toBe(col(g('MemTotal')));
    expect(f[4]).toBe(col(g('Shmem')));
    expect(f[5]).toBe(col(g('Buffers') + g('Cached') + g('SReclaimable')));
    expect(Number(f[2]) + Number(f[6])).toBe(g('MemTotal'));
    expect(lines.slice(2)).toEqual(['Swap:              0           0           0', '']);
  });

  it('has wide, low/high, total and committed lines, and other units', async () => {
    const r = await runOnMachine('free -w -l -t -v -m; free -h; free --si -h; free -b');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('               total        used        free      shared     buffers       cache   available');
    expect(lines[1]).toMatch(/^Mem: {12}3933 +\d+ +\d+ +8 +6 +\d+ +\d+$/);
    expect(lines[2]).toMatch(/^Low: {12}3933 /);
    expect(lines[3]).toBe('High:              0           0           0');
    expect(lines[4]).toBe('Swap:              0           0           0');
    expect(lines[5]).toMatch(/^Total: {10}3933 /);
    expect(lines[6]).toMatch(/^Comm: {11}1966 /);
    expect(lines[8]).toMatch(/^Mem: {11}3\.8Gi +\d+Mi +3\.\dGi +8\.6Mi +\d+Mi +3\.\dGi$/);
    expect(lines[9]).toBe('Swap:             0B          0B          0B');
    expect(lines[11]).toMatch(/^Mem: {12}4\.1G /);
    expect(lines[14]).toMatch(/^Mem: {6}4124901376 /);
  });

  it('repeats with -c and -s, a blank line between reports', async () => {
    const r = await runOnMachine('free -c 2 -s 0.1');
    const reports = r.stdout.split('\n\n');
    expect(reports).toHaveLength(2);
    expect(reports[1]!.startsWith('               total')).toBe(true);
  });

  it('says so when /proc/meminfo is missing', async () => {
    const { runSh } = await import('../shell/run-sh.ts');
    const r = await runSh('free; echo st=$?');
    expect(r.stdout).toBe('st=1\n');
    expect(r.stderr).toBe('free: Memory information file /proc/meminfo does not exist\n');
  });
});

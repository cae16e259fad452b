// uptime on the simulated kernel: the clock, /proc/uptime and /proc/loadavg in procps-ng
// 4.0.2's layout, -p in words, -s the boot time; and the users count, which here is the number
// of terminals that are some session's controlling terminal (no utmp is written).

import { describe, expect, it } from 'vitest';
import { prettyUptime } from '../../src/programs/procps/uptime.ts';
import { runOnMachine } from './procps-machine.ts';
import { runSh } from '../shell/run-sh.ts';

describe('uptime', () => {
  it('prints time, uptime, users and load averages', async () => {
    const r = await runOnMachine('uptime; cat /proc/loadavg');
    const [line, load] = r.stdout.split('\n');
    const [a, b, c] = load!.split(' ');
    expect(line).toMatch(new RegExp(`^ \\d\\d:\\d\\d:\\d\\d up 0 min,  0 user,  load average: ${a}, ${b}, ${c}$`));
  });

  it('says the uptime in words, as procps 4.0.2 counts it', () => {
    expect(prettyUptime(5)).toBe('up 0 minutes');
    expect(prettyUptime(61)).toBe('up 1 minute');
    expect(prettyUptime(3600.15)).toBe('up 1 hour, 0 minutes');
    expect(prettyUptime(7260.17)).toBe('up 2 hours, 1 minute');
    expect(prettyUptime(7260)).toBe('up 2 hours, 0 minutes');
    expect(prettyUptime(86400.18)).toBe('up 1 day, 0 minutes');
    expect(prettyUptime(700000.2)).toBe('up 1 week, 1 day, 2 hours, 26 minutes');
    expect(prettyUptime(31536000.21)).toBe('up 1 year, 0 minutes');
    expect(prettyUptime(40000000.22)).toBe('up 1 year, 13 weeks, 6 days, 23 hours, 6 minutes');
    expect(prettyUptime(400000000.23)).toBe('up 1 decade, 2 years, 35 weeks, 4 days, 15 hours, 6 minutes');
  });

  it('prints -p and -s', async () => {
    const r = await runOnMachine('uptime -p; uptime -s');
    expect(r.stdout).toMatch(/^up 0 minutes\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n$/);
  });

  it('fails without /proc/uptime as procps does', async () => {
    const r = await runSh('uptime; echo st=$?');
    expect(r.stdout).toBe('st=1\n');
    expect(r.stderr).toBe('uptime: Cannot get system uptime: No such file or directory\n');
  });
});

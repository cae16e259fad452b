// stat on the simulated kernel, for what recordings cannot show: file system status (-f) of the
// simulated tmpfs and procfs, mount points (%m) found by walking up to a device change, and
// the birth time the simulated kernel does not keep ("-" and 0, as on Linux without it).

import { describe, expect, it } from 'vitest';
import { runOnMachine } from './procps-machine.ts';

describe('stat -f', () => {
  it('shows the file system of a path in the default layout', async () => {
    const r = await runOnMachine('stat -f /tmp /proc');
    // Total is the tmpfs's default size, half the machine's memory; Free moves with the files on it.
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      '  File: "/tmp"',
      '    ID: 0        Namelen: 255     Type: tmpfs',
      'Block size: 4096       Fundamental block size: 4096',
    ]);
    expect(r.stdout).toMatch(/\nBlocks: Total: 503528 {5}Free: (\d+) {5}Available: \1\n/);
    expect(r.stdout).toMatch(/\nInodes: Total: 503528 {5}Free: \d+\n {2}File: "\/proc"\n {4}ID: 0 +Namelen: \d+ +Type: proc\n/);
  });

  it('answers the file system directives, tersely too', async () => {
    const r = await runOnMachine('stat -f -c "%n %t %T %s %S %b %l" /sys/fs/cgroup /; stat -f -t / | cut -d" " -f1,3,4');
    expect(r.stdout).toBe('/sys/fs/cgroup 63677270 cgroup2fs 4096 4096 0 255\n/ 1021994 tmpfs 4096 4096 503528 255\n/ 255 1021994\n');
  });
});

describe('stat on the simulated machine', () => {
  it('finds the mount point a file is under', async () => {
    const r = await runOnMachine('stat -c %m /etc/passwd /proc/self/status /dev/null /sys/fs/cgroup /');
    expect(r.stdout).toBe('/\n/proc\n/dev\n/sys/fs/cgroup\n/\n');
  });

  it('shows no birth time, as a kernel without one', async () => {
    const r = await runOnMachine('touch /tmp/f; stat /tmp/f | tail -n 1; stat -c "%w %W" /tmp/f');
    expect(r.stdout).toBe(' Birth: -\n- 0\n');
  });

  it('names the owner from /etc/passwd, or UNKNOWN', async () => {
    const r = await runOnMachine('touch /tmp/f /tmp/g && chown 1:1 /tmp/f && chown 4242:4343 /tmp/g && stat -c "%U %G %u %g" /tmp/f /tmp/g');
    expect(r.stdout).toBe('daemon daemon 1 1\nUNKNOWN UNKNOWN 4242 4343\n');
  });
});

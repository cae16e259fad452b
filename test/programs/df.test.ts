// df on a booted simulated machine (the conformance harness has no /proc, so no mount table):
// which mounts it lists and hides, its columns and headers, and how it finds the mount holding
// a file. A tmpfs's size is half the machine's memory unless size= says (503528 blocks of 4096
// bytes); the root's Used moves with the programs on it, so exact figures come from mounts made here.

import { describe, expect, it } from 'vitest';
import type { TestProgram } from '../helpers/kernel.ts';
import { runOnMachine } from './procps-machine.ts';

/** mnt TYPE SOURCE TARGET [OPTIONS]: mount(2), for scripts (util-linux's mount is another family's). */
const mnt: TestProgram = async (sys) => {
  const [type, source, target, options] = sys.argv.slice(1);
  let path = '';
  for (const part of target!.split('/').filter((p) => p)) await sys.mkdir((path += `/${part}`)).catch(() => undefined);
  await sys.mount(source!, target!, type!, options ?? '');
  return 0;
};

const programs = { mnt };

describe('df', () => {
  it('lists real file systems, leaving out proc, devpts, cgroup2 and other pseudo ones', async () => {
    const r = await runOnMachine('mnt tmpfs scratch /mnt/scratch && df', { programs });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Filesystem     1K-blocks  Used Available Use% Mounted on');
    expect(lines.map((l) => l.split(/ +/).at(-1))).toEqual(['on', '/', '/dev', '/sys', '/mnt/scratch']);
    expect(lines[4]).toBe('scratch          2014112     0   2014112   0% /mnt/scratch');
    expect(r.stdout).not.toMatch(/proc|devpts|cgroup2/);
  });

  it('shows every mount with -a, pseudo ones with dashes for the percentage', async () => {
    const r = await runOnMachine('df -a', { programs });
    expect(r.stdout).toContain('\nproc                   0     0         0    - /proc\n');
    expect(r.stdout).toContain('\ncgroup2                0     0         0    - /sys/fs/cgroup\n');
  });

  it('finds the file system holding a FILE, pseudo ones included', async () => {
    const r = await runOnMachine('mnt tmpfs t /mnt/t size=1m && touch /mnt/t/f && echo hi > /mnt/t/g && df /mnt/t/f /proc/self /etc/passwd; df nosuch; echo status $?', { programs });
    expect(r.stdout).toMatch(new RegExp(`^${[
      'Filesystem     1K-blocks  Used Available Use% Mounted on',
      't                   1024     4      1020   1% /mnt/t',
      'proc                   0     0         0    - /proc',
      'rootfs           2014112 +\\d+ +\\d+ +\\d+% /',
      'status 1',
      '',
    ].join('\n')}$`));
    expect(r.stderr).toBe('df: nosuch: No such file or directory\n');
  });

  it('prints types, inodes, human sizes, a total and chosen columns', async () => {
    const script = 'mnt tmpfs t /t size=1g,nr_inodes=1000 && head -c 300000 /dev/zero > /t/f && cd /t && '
      + 'df -T .; df -h .; df -H .; df -i . | head -1; df --total -t tmpfs -x devtmpfs . | tail -1; df --output=target,fstype,pcent .';
    const r = await runOnMachine(script, { programs });
    expect(r.stdout).toBe([
      'Filesystem     Type  1K-blocks  Used Available Use% Mounted on',
      't              tmpfs   1048576   296   1048280   1% /t',
      'Filesystem      Size  Used Avail Use% Mounted on',
      't               1.0G  296K  1.0G   1% /t',
      'Filesystem      Size  Used Avail Use% Mounted on',
      't               1.1G  304k  1.1G   1% /t',
      'Filesystem     Inodes IUsed IFree IUse% Mounted on',
      'total            1048576   296   1048280   1% -',
      'Mounted on Type  Use%',
      '/t         tmpfs   1%',
      '',
    ].join('\n'));
  });

  it('says so when a filter leaves nothing', async () => {
    const r = await runOnMachine('df -t nosuchfs; echo status $?; df -x tmpfs -x devtmpfs; echo status $?', { programs });
    expect(r.stdout).toBe('status 1\nstatus 1\n');
    expect(r.stderr).toBe('df: no file systems processed\ndf: no file systems processed\n');
  });
});

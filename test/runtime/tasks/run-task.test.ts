// runTask on a whole test machine: the container's process is PID 1 of new namespaces, in its
// cgroup (seen as 0::/ from inside), on an overlay root with proc and /dev, with the short id as
// hostname, the user and working directory asked for, and runc's errors when it cannot exec.

import { describe, expect, it } from 'vitest';
import { onTaskMachine } from './task-machine.ts';

describe('runTask', () => {
  it('runs the command as PID 1 with the short id as hostname and 0::/ as its cgroup', async () => {
    const r = await onTaskMachine(`task-run sh -c 'echo pid $$; hostname; cat /proc/self/cgroup; pwd; echo $GREETING $HOSTNAME $HOME; ps -o pid,args; true'`);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('host pid ok');
    expect(lines.slice(1, 6)).toEqual(['pid 1', 'c0ffee123456', '0::/', '/', 'hi c0ffee123456 /root']);
    expect(lines[7]).toMatch(/^ +1 sh -c echo pid/);
    expect(r.stdout).toMatch(/exit 0\n$/);
  });

  it('shows overlay on / and proc, a tmpfs /dev with the usual nodes', async () => {
    const r = await onTaskMachine(`task-run sh -c 'mount; ls /dev; cat /etc/hostname'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\noverlay on \/ type overlay \(rw,[^)]*lowerdir=\/box\/lower,upperdir=\/box\/upper,workdir=\/box\/work/);
    expect(r.stdout).toMatch(/\nproc on \/proc type proc /);
    expect(r.stdout).toMatch(/\ntmpfs on \/dev type tmpfs /);
    for (const n of ['null', 'zero', 'full', 'random', 'urandom', 'tty', 'console', 'pts', 'shm', 'ptmx']) expect(r.stdout).toContain(`\n${n}\n`);
    expect(r.stdout).toContain('c0ffee123456\nexit 0\n');
  });

  it('exits with the command status; the cgroup stays, empty, for the shim to remove', async () => {
    const r = await onTaskMachine(`task-run sh -c 'exit 3'; cat /sys/fs/cgroup/system.slice/docker-c0ffee*.scope/cgroup.procs | wc -l`);
    expect(r.stdout).toBe('host pid ok\nexit 3\n0\n');
  });

  it('writes memory.max and pids.max into the cgroup', async () => {
    const r = await onTaskMachine(`task-run -m 67108864 -p 20 sh -c 'cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/pids.max'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('host pid ok\n67108864\n20\nexit 0\n');
  });

  it('runs as the user asked for, in the working directory asked for', async () => {
    const r = await onTaskMachine(`task-run -u guest -w /work sh -c 'id; pwd; echo $HOME'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('host pid ok\nuid=405(guest) gid=100(users) groups=100(users),10(wheel)\n/work\n/home/guest\nexit 0\n');
  });

  it("says runc's words for a missing command and an unknown user", async () => {
    const r = await onTaskMachine(`task-run nope; echo st=$?; task-run /bin/nope; echo st=$?; task-run -u bob true; echo st=$?`);
    expect(r.stderr).toBe([
      'start failed (127): exec: "nope": executable file not found in $PATH',
      'start failed (127): exec: "/bin/nope": stat /bin/nope: no such file or directory',
      'start failed (126): unable to find user bob: no matching entries in passwd file', '',
    ].join('\n'));
    expect(r.stdout).toBe('st=127\nst=127\nst=126\n');
  });
});

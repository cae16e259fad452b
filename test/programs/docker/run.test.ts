// docker run on a whole machine: the container's hostname is its short id, its command is PID 1,
// its cgroup reads 0::/ inside and carries -m/--pids-limit outside, exit codes pass through,
// docker's own errors are 125/126/127 with its words, and --rm leaves nothing behind.

import { describe, expect, it } from 'vitest';
import { onDocker } from './docker-machine.ts';

describe('docker run', () => {
  it('runs the command as PID 1 with the short id as hostname and 0::/ as its cgroup', async () => {
    const r = await onDocker(`docker run --name web box sh -c 'echo pid $$; hostname; cat /proc/self/cgroup; ps -o pid,args; true'; echo st=$?
id=$(cat /var/lib/docker/containers/*/config.v2.json | sed 's/^{"Id":"\\([0-9a-f]*\\)".*/\\1/')
echo short=$(echo $id | cut -c1-12)`);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('pid 1');
    const short = /short=([0-9a-f]{12})/.exec(r.stdout)?.[1];
    expect(lines[1]).toBe(short);
    expect(lines[2]).toBe('0::/');
    expect(lines[4]).toMatch(/^ +1 sh -c echo pid/);
    expect(r.stdout).toContain('st=0\n');
  });

  it('passes the exit code through', async () => {
    const r = await onDocker(`docker run box sh -c 'exit 42'; echo st=$?; docker run box false; echo st=$?`);
    expect(r.stdout).toBe('st=42\nst=1\n');
  });

  it("says 127 for a missing command and 125 for a bad flag, in docker's words", async () => {
    const r = await onDocker(`docker run box nope; echo st=$?; docker run --bogus box; echo st=$?; docker run nosuchimage; echo st=$?`);
    expect(r.stderr).toContain('docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nope": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n');
    expect(r.stderr).toContain("unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n");
    expect(r.stderr).toContain("Unable to find image 'nosuchimage:latest' locally\n");
    expect(r.stdout).toBe('st=127\nst=125\nst=125\n');
  });

  it('puts -m and --pids-limit into the cgroup, and a fork bomb fails with EAGAIN', async () => {
    const r = await onDocker(`docker run --rm -m 64m --pids-limit 5 box sh -c 'cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/pids.max; (for i in 1 2 3 4 5 6; do sleep 5 & done); cat /sys/fs/cgroup/pids.events'`);
    expect(r.stdout).toMatch(/^67108864\n5\nmax [1-9]\d*\n$/);
    // dash's words when fork(2) fails (here with EAGAIN from pids.max).
    expect(r.stderr).toContain('Cannot fork');
  });

  it('--rm leaves nothing behind: no container dir, no overlay2 dir, no cgroup', async () => {
    const r = await onDocker(`ls /var/lib/docker/overlay2 | sort > /tmp/before
docker run --rm box true; echo st=$?
ls /var/lib/docker/containers | wc -l
ls /var/lib/docker/overlay2 | sort | diff /tmp/before - && echo same-layers
ls -d /sys/fs/cgroup/system.slice/docker-* 2>/dev/null | wc -l`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('st=0\n0\nsame-layers\n0\n');
  });

  it('-d prints the id and leaves the container running; stop kills a PID 1 ignoring SIGTERM after -t; logs shows its output', async () => {
    const r = await onDocker(`id=$(docker run -d --name bg box sh -c 'echo hello; echo oops >&2; exec sleep 100')
echo \${#id}
grep -c '"Status":"running"' /var/lib/docker/containers/$id/config.v2.json
docker stop -t 1 bg; echo st=$?
docker wait bg
docker logs bg
grep -c '"Status":"exited"' /var/lib/docker/containers/$id/config.v2.json`);
    expect(r.stdout).toBe('64\n1\nbg\nst=0\n137\nhello\n1\n');
    expect(r.stderr).toBe('oops\n');
  });
});

describe('docker run -m and the OOM killer', () => {
  it("records OOMKilled when the OOM killer takes a process of the container (stress's worker; stress itself then exits 1)", async () => {
    const r = await onDocker(`mkimage hog stress
docker run --name hogger -m 32m hog stress --vm 1 --vm-bytes 64M --timeout 10 >/dev/null 2>&1; echo st=$?
grep -o '"OOMKilled":[a-z]*' /var/lib/docker/containers/*/config.v2.json
grep -o '"ExitCode":[0-9]*' /var/lib/docker/containers/*/config.v2.json`);
    expect(r.stdout).toBe('st=1\n"OOMKilled":true\n"ExitCode":1\n');
  });
});

describe('docker run -d -i', () => {
  it('keeps stdin open, so a shell waiting on it stays up', async () => {
    const r = await onDocker(`docker run -di --name shell box sh >/dev/null
sleep 0.3
docker exec shell echo still here
docker rm -f shell`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('still here\nshell\n');
  });
});

describe('docker run: the root and what cannot run', () => {
  it('shows overlay on / over the l/ links, and 126 for a file that is not executable', async () => {
    const r = await onDocker(`docker run --rm box mount | head -1
docker run --rm box /etc/passwd; echo st=$?
docker run --rm --network none box cat /etc/hosts | head -1`);
    expect(r.stdout).toMatch(/^overlay on \/ type overlay \(rw,relatime,lowerdir=\/var\/lib\/docker\/overlay2\/l\/[A-Z0-9]{26}:\/var\/lib\/docker\/overlay2\/l\/[A-Z0-9]{26},upperdir=\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff,workdir=\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/work/);
    expect(r.stdout).toContain('\nst=126\n127.0.0.1\tlocalhost\n');
    expect(r.stderr).toBe('docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/etc/passwd": permission denied: unknown\n\nRun \'docker run --help\' for more information\n');
  });
});

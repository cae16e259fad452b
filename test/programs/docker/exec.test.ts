// docker exec: the new process joins the container's namespaces and cgroup (same hostname, same
// /proc, PPID 0 inside), takes -u/-w/-e, and reports runc's words when it cannot run.

import { describe, expect, it } from 'vitest';
import { onDocker } from './docker-machine.ts';

describe('docker exec', () => {
  it('runs inside the container: its hostname, its PID namespace, its cgroup', async () => {
    const r = await onDocker(`id=$(docker run -d --name cx box sleep 100)
docker exec cx sh -c 'hostname; echo pid=$$; cat /proc/self/cgroup; ps -o pid,ppid,args'
echo short=$(echo $id | cut -c1-12)
docker exec -u guest -w /tmp -e X=1 cx sh -c 'id -u; pwd; echo X=$X'
docker exec cx sh -c 'exit 7'; echo st=$?
docker exec cx nope; echo st=$?
docker rm -f cx`);
    const short = /short=([0-9a-f]{12})/.exec(r.stdout)?.[1];
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(short);
    expect(lines[1]).toMatch(/^pid=\d+$/);
    expect(lines[1]).not.toBe('pid=1');
    expect(lines[2]).toBe('0::/');
    expect(r.stdout).toMatch(/\n +1 +0 sleep 100\n/);
    // The exec'd shell ran ps as its last command (dash execs it): PPID 0, its parent is outside.
    expect(r.stdout).toMatch(/\n +2 +0 ps -o pid,ppid,args\n/);
    expect(r.stdout).toContain('405\n/tmp\nX=1\nst=7\nst=127\ncx\n');
    expect(r.stderr).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\n');
  });

  it('refuses a stopped container and an unknown one', async () => {
    const r = await onDocker(`docker create --name idle box true >/dev/null
docker exec idle true; echo st=$?
docker exec ghost true; echo st=$?`);
    expect(r.stdout).toBe('st=1\nst=1\n');
    expect(r.stderr).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\nError response from daemon: No such container: ghost\n$/);
  });
});

// docker rm: a stopped container goes with its RW layer; a running one needs -f; names and id
// prefixes both find it; a second container may not take a name in use.

import { describe, expect, it } from 'vitest';
import { onDocker } from './docker-machine.ts';

describe('docker rm', () => {
  it('removes stopped containers, refuses running ones without -f', async () => {
    const r = await onDocker(`ls /var/lib/docker/overlay2 | wc -l > /tmp/before
docker run --name done box true
docker run -d --name live box sleep 100 >/dev/null
docker rm live; echo st=$?
docker rm done; echo st=$?
docker rm -f live; echo st=$?
ls /var/lib/docker/containers | wc -l
ls /var/lib/docker/overlay2 | wc -l | diff /tmp/before - && echo layers-gone
docker rm ghost; echo st=$?`);
    expect(r.stdout).toBe('st=1\ndone\nst=0\nlive\nst=0\n0\nlayers-gone\nst=1\n');
    expect(r.stderr).toBe('Error response from daemon: cannot remove container "/live": container is running: stop the container before removing or force remove\nError response from daemon: No such container: ghost\n');
  });

  it('finds a container by id prefix, and refuses a name in use', async () => {
    const r = await onDocker(`id=$(docker create --name one box true)
docker create --name one box true; echo st=$?
docker rm $(echo $id | cut -c1-5)`);
    // docker create prints the engine's refusal plainly, status 1 (fixtures/cli.json: create's errors)
    expect(r.stderr).toMatch(/^Error response from daemon: Conflict\. The container name "\/one" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n/);
    expect(r.stdout).toMatch(/^st=1\n[0-9a-f]{5}\n$/);
  });
});

describe('a container whose shim is gone', () => {
  it('is recorded as exited (255) when its record is next read, and can be removed', async () => {
    const r = await onDocker(`docker run -d --name orphan box sleep 100 >/dev/null
kill -9 $(cat /run/containerd/io.containerd.runtime.v2.task/moby/*/shim.pid)
sleep 0.1
grep -o '"Status":"[a-z]*"' /var/lib/docker/containers/*/config.v2.json
docker ps -a --format '{{.Names}} {{.Status}}'
grep -o '"ExitCode":[0-9]*' /var/lib/docker/containers/*/config.v2.json
docker rm orphan
ls /sys/fs/cgroup/system.slice | grep -c docker-`);
    expect(r.stdout).toMatch(/^"Status":"running"\norphan Exited \(255\) .*\n"ExitCode":255\norphan\n0\n$/);
  });
});

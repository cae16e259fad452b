// docker logs: the json-file log the shim writes, stdout and stderr apart, --tail, -t.

import { describe, expect, it } from 'vitest';
import { onDocker } from './docker-machine.ts';

describe('docker logs', () => {
  it('keeps each line as a json-file entry and prints them back', async () => {
    const r = await onDocker(`id=$(docker create --name lg box sh -c 'echo one; echo two; echo err >&2; echo three')
docker start -a lg >/dev/null 2>&1
grep stdout /var/lib/docker/containers/$id/$id-json.log | head -1
docker logs lg 2>/dev/null
docker logs --tail 1 lg
docker logs -t --tail 1 lg`);
    expect(r.stdout).toMatch(/^\{"log":"one\\n","stream":"stdout","time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"\}\n/);
    expect(r.stdout).toContain('\none\ntwo\nthree\nthree\n');
    expect(r.stdout).toMatch(/\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z three\n$/);
    expect(r.stderr).toBe('');
  });

  it('-f follows the log until the container stops', async () => {
    const r = await onDocker(`docker run -d --name fo box sh -c 'echo a; sleep 0.3; echo b' >/dev/null
docker logs -f fo; echo st=$?
grep -c '"Running":false' /var/lib/docker/containers/*/config.v2.json`);
    expect(r.stdout).toBe('a\nb\nst=0\n1\n');
  });

  it('attach follows the output from now on and ends with the exit code', async () => {
    const r = await onDocker(`docker run -d --name at box sh -c 'echo early; sleep 0.4; echo late; exit 2' >/dev/null
until docker logs at | grep -q early; do sleep 0.02; done
docker attach at; echo st=$?
docker attach at; echo st=$?`);
    expect(r.stdout).toBe('late\nst=2\nst=1\n');
    expect(r.stderr).toBe('You cannot attach to a stopped container, start it first\n');
  });

  it('attach passes its input to a container started with -d -i (through the shim\'s stdin fifo)', async () => {
    const r = await onDocker(`docker run -di --name cat1 box sh -c 'while read l; do echo "got $l"; done' >/dev/null
ls /run/containerd/io.containerd.runtime.v2.task/moby/*/
echo hello | docker attach cat1 > /tmp/att &
until grep -q hello /tmp/att 2>/dev/null; do sleep 0.02; done
docker kill cat1 >/dev/null
wait $!; echo st=$?
cat /tmp/att`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('init.pid\nshim.pid\nstdin\nst=137\ngot hello\n');
  });
});

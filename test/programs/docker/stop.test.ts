// docker stop, kill and restart: SIGTERM to a PID 1 that handles it ends the container at once
// (its own status); one that does not is killed after -t (137); kill sends one signal, and a
// PID 1 without a handler ignores all but SIGKILL, as the kernel rules for namespace inits say.

import { describe, expect, it } from 'vitest';
import { onDocker } from './docker-machine.ts';

describe('docker stop / kill / restart', () => {
  it('stops a PID 1 that traps SIGTERM with its own status', async () => {
    const r = await onDocker(`docker run -d --name trapper box sh -c 'trap "echo got TERM; exit 3" TERM; echo ready; sleep 100 & wait' >/dev/null
until docker logs trapper | grep -q ready; do sleep 0.02; done
docker stop -t 30 trapper; echo st=$?
docker wait trapper
docker logs trapper
docker stop trapper`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('trapper\nst=0\n3\nready\ngot TERM\ntrapper\n');
  });

  it('kill -s TERM is ignored by a PID 1 without a handler; kill (SIGKILL) ends it with 137', async () => {
    const r = await onDocker(`docker run -d --name sleeper box sleep 100 >/dev/null
docker kill -s TERM sleeper; echo st=$?
sleep 0.2
grep -c '"Running":true' /var/lib/docker/containers/*/config.v2.json
docker kill sleeper; echo st=$?
docker wait sleeper
docker kill sleeper; echo st=$?`);
    expect(r.stdout).toBe('sleeper\nst=0\n1\nsleeper\nst=0\n137\nst=1\n');
    expect(r.stderr).toMatch(/^Error response from daemon: cannot kill container: sleeper: container [0-9a-f]{64} is not running\n$/);
  });

  it('restart starts it again', async () => {
    const r = await onDocker(`docker run -d --name again box sleep 100 >/dev/null
p1=$(sed 's/.*"Pid":\\([0-9]*\\).*/\\1/' /var/lib/docker/containers/*/config.v2.json)
docker restart -t 0 again; echo st=$?
p2=$(sed 's/.*"Pid":\\([0-9]*\\).*/\\1/' /var/lib/docker/containers/*/config.v2.json)
[ "$p1" != "$p2" ] && [ "$p2" != 0 ] && echo new-pid
grep -c '"Status":"running"' /var/lib/docker/containers/*/config.v2.json
docker rm -f again`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('again\nst=0\nnew-pid\n1\nagain\n');
  });

  it('an attached docker run passes the signals it gets to the container (--sig-proxy)', async () => {
    const r = await onDocker(`docker run --name prox box sh -c 'trap "echo caught; exit 5" INT; echo ready; sleep 100 & wait' > /tmp/out &
until grep -q ready /tmp/out 2>/dev/null; do sleep 0.02; done
kill -INT $!
wait $!; echo st=$?
cat /tmp/out`);
    expect(r.stdout).toBe('st=5\nready\ncaught\n');
  });
});

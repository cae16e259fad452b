// docker run's options: -e/--env-file (over the image's Env, with PATH, HOSTNAME and HOME as
// docker gives them), -w, -u, --hostname, --entrypoint, -v binds of host paths, --cpus into
// cpu.max, and --rm after a start that failed.

import { describe, expect, it } from 'vitest';
import { onDocker } from './docker-machine.ts';

describe('docker run options', () => {
  it('sets the environment, working directory, user, hostname and entrypoint', async () => {
    const r = await onDocker(`printf 'FROM_FILE=1\\n# comment\\nPATH=/bin\\n' > /tmp/envs
docker run --rm --env-file /tmp/envs -e A=b -w /srv -u guest --hostname inbox box env
docker run --rm -w /srv -u guest --hostname inbox box sh -c 'pwd; id -u; hostname'
docker run --rm --entrypoint echo box hello from entrypoint
docker run --rm -h short box hostname`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('PATH=/bin\nHOSTNAME=inbox\nFROM_FILE=1\nA=b\nHOME=/home/guest\n/srv\n405\ninbox\nhello from entrypoint\nshort\n');
  });

  it('gives every container a network namespace with only lo; --network host shares the machine\'s', async () => {
    const r = await onDocker(`docker run --rm --network none box cat /proc/net/dev | cut -d: -f1 | tail -n +3
docker run --rm box readlink /proc/self/ns/net > /tmp/a; readlink /proc/self/ns/net > /tmp/b
cmp -s /tmp/a /tmp/b || echo own-netns
docker run --rm --network host box readlink /proc/self/ns/net | cmp -s - /tmp/b && echo host-netns
docker create --network none --name nn box true >/dev/null
grep -o '"Networks":{"[a-z]*"' /var/lib/docker/containers/*/config.v2.json`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('    lo\nown-netns\nhost-netns\n"Networks":{"none"\n');
  });

  it('passes stdin with -i only', async () => {
    const r = await onDocker(`echo piped | docker run --rm -i box cat
echo piped | docker run --rm box cat; echo st=$?`);
    expect(r.stdout).toBe('piped\nst=0\n');
  });

  it('binds a host directory with -v', async () => {
    const r = await onDocker(`mkdir -p /srv/data && echo host > /srv/data/file
docker run --rm -v /srv/data:/data box sh -c 'cat /data/file; echo inside > /data/back'
cat /srv/data/back`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('host\ninside\n');
  });

  it('writes --cpus into cpu.max', async () => {
    const r = await onDocker(`docker run --rm --cpus 0.5 box cat /sys/fs/cgroup/cpu.max`);
    expect(r.stdout).toBe('50000 100000\n');
  });

  it("--rm removes a container whose start failed; flag errors are docker's", async () => {
    const r = await onDocker(`docker run --rm box /nope; echo st=$?
ls /var/lib/docker/containers | wc -l
docker run; echo st=$?
docker run -m 1k box true; echo st=$?
docker run --name x box true; echo st=$?
docker run -m 1x box true; echo st=$?
docker run --cpus x box true; echo st=$?
docker stop -t x c; echo st=$?
docker logs a b; echo st=$?
docker commit a b c; echo st=$?
docker container prune x; echo st=$?`);
    expect(r.stdout).toBe('st=127\n0\nst=1\nst=125\nst=125\nst=125\nst=125\nst=125\nst=1\nst=1\nst=1\n');
    expect(r.stderr).toContain('exec: "/nope": stat /nope: no such file or directory: unknown\n');
    // The texts of the real docker CLI 28.2.2 (it checks flags and operands before any daemon call).
    expect(r.stderr).toContain("docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n");
    expect(r.stderr).toContain('invalid argument "1x" for "-m, --memory" flag: invalid suffix: \'x\'\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker run --help\' for more information\n');
    expect(r.stderr).toContain('invalid argument "x" for "--cpus" flag: failed to parse x as a rational number\n');
    expect(r.stderr).toContain('invalid argument "x" for "-t, --timeout" flag: strconv.ParseInt: parsing "x": invalid syntax\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n');
    expect(r.stderr).toContain("docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n");
    expect(r.stderr).toContain("docker: 'docker commit' requires at least 1 and at most 2 arguments\n");
    expect(r.stderr).toContain("docker: 'docker container prune' accepts no arguments\n");
    expect(r.stderr).toContain('docker: Error response from daemon: Minimum memory limit allowed is 6MB\n');
    expect(r.stderr).toContain('docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n');
  });
});

describe('docker create / start / container prune', () => {
  it('creates without starting, starts with -a, prunes the stopped ones', async () => {
    const r = await onDocker(`docker create --name made box echo started >/dev/null
grep -c '"Status":"created"' /var/lib/docker/containers/*/config.v2.json
docker start -a made; echo st=$?
docker start made
docker run -d --name keep box sleep 100 >/dev/null
docker container prune -f | sed 's/[0-9a-f]\\{64\\}/ID/'
ls /var/lib/docker/containers | wc -l
docker rm -f keep`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^1\nstarted\nst=0\nmade\nDeleted Containers:\nID\n\nTotal reclaimed space: \d+(\.\d+)?k?B\n1\nkeep\n$/);
  });
});

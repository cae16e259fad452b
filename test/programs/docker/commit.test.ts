// docker commit: the container's changes become a layer of a new image that runs with them.

import { describe, expect, it } from 'vitest';
import { onDocker } from './docker-machine.ts';

describe('docker commit', () => {
  it('makes an image from the RW layer (a delete kept as a whiteout), with -c and -m', async () => {
    const r = await onDocker(`docker run --name wk box sh -c 'echo made > /note; rm /etc/group'
docker commit -m 'add note' -c 'CMD ["cat", "/note"]' wk noted:v1 | cut -c1-7
docker run --rm noted:v1
docker run --rm noted:v1 ls /etc`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('sha256:\nmade\nhostname\nhosts\nmtab\npasswd\nresolv.conf\n');
  });

  it('commits a running container (frozen meanwhile) and keeps it running', async () => {
    const r = await onDocker(`docker run -d --name live box sh -c 'echo x > /made; exec sleep 100' >/dev/null
until docker exec live cat /made >/dev/null 2>&1; do sleep 0.02; done
docker commit -a 'Ann <ann@example.com>' live snap >/dev/null; echo st=$?
cat /sys/fs/cgroup/system.slice/docker-*.scope/cgroup.freeze
docker run --rm snap cat /made
docker rm -f live`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('st=0\n0\nx\nlive\n');
  });
});

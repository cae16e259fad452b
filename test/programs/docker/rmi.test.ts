// docker rmi and docker image prune: untag while other tags remain, delete the image and its
// layers with the last one, the conflicts a container's image raises, and pruning.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

const ID = /sha256:[0-9a-f]{64}/;

describe('docker rmi', () => {
  it('untags, then deletes the image and its layer with the last tag', async () => {
    const r = await runSh([
      'docker pull -q alpine:3.19 >/dev/null',
      'docker tag alpine:3.19 mine',
      'docker rmi mine; echo "status $?"',
      'docker rmi alpine:3.19; echo "status $?"',
      'ls /var/lib/docker/image/overlay2/imagedb/content/sha256 | wc -l',
      'ls /var/lib/docker/image/overlay2/layerdb/sha256 | wc -l',
    ].join('\n'));
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Untagged: mine:latest', 'status 0']);
    expect(lines[2]).toBe('Untagged: alpine:3.19');
    expect(lines[3]).toMatch(/^Untagged: alpine@sha256:[0-9a-f]{64}$/);
    expect(lines[4]).toMatch(new RegExp(`^Deleted: ${ID.source}$`));
    expect(lines[5]).toMatch(new RegExp(`^Deleted: ${ID.source}$`));
    expect(lines.slice(6)).toEqual(['status 0', '0', '0', '']);
  });

  it('refuses what a container uses unless forced, and names the container; -f deletes it', async () => {
    const r = await runSh([
      'docker pull -q busybox >/dev/null',
      'c=$(docker create busybox true)',
      'echo "${c%${c#????????????}}" > cid',
      'docker rmi busybox; echo "status $?"',
      'id=$(sed -n \'s/.*"busybox:latest":"sha256:\\([0-9a-f]\\{12\\}\\).*/\\1/p\' /var/lib/docker/image/overlay2/repositories.json)',
      'echo "$id" > iid',
      'docker rmi "$id"; echo "status $?"',
      'docker rmi -f busybox; echo "status $?"',
      'ls /var/lib/docker/image/overlay2/imagedb/content/sha256 | wc -l',
      'cat cid iid',
    ].join('\n'));
    const [cid, iid] = r.stdout.trim().split('\n').slice(-2);
    expect(r.stderr).toBe([
      `Error response from daemon: conflict: unable to remove repository reference "busybox" (must force) - container ${cid} is using its referenced image ${iid}`,
      `Error response from daemon: conflict: unable to delete ${iid} (must be forced) - image is being used by stopped container ${cid}`,
      '',
    ].join('\n'));
    // Forced, the image goes (its id only: the container's layer still needs the image's layer).
    expect(r.stdout).toMatch(new RegExp(`^status 1\nstatus 1\nUntagged: busybox:latest\nUntagged: busybox@sha256:[0-9a-f]{64}\nDeleted: sha256:${iid}[0-9a-f]{52}\nstatus 0\n0\n`));
  });

  it('says No such image and keeps going', async () => {
    const r = await runSh('docker pull -q busybox >/dev/null; docker rmi nope busybox; echo "status $?"; docker rmi; echo "status $?"');
    expect(r.stdout).toMatch(/^Untagged: busybox:latest\nUntagged: busybox@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\nstatus 1\nstatus 1\n$/);
    expect(r.stderr).toBe("Error response from daemon: No such image: nope:latest\ndocker: 'docker rmi' requires at least 1 argument\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nSee 'docker rmi --help' for more information\n");
  });
});

describe('docker image prune', () => {
  it('removes dangling images, or with -a every unused one', async () => {
    const r = await runSh([
      'docker image prune -f',
      'docker pull -q busybox >/dev/null',
      'docker pull -q alpine >/dev/null',
      'docker create alpine true >/dev/null',
      'echo n | docker image prune -a; echo "status $?"',
      'echo',
      'docker image prune -a -f',
      'ls /var/lib/docker/image/overlay2/imagedb/content/sha256 | wc -l',
    ].join('\n'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp([
      '^Total reclaimed space: 0B',
      'WARNING! This will remove all images without at least one container associated to them.',
      'Are you sure you want to continue\\? \\[y/N\\] status 0',
      '',
      'Deleted Images:',
      'untagged: busybox:latest',
      'untagged: busybox@sha256:[0-9a-f]{64}',
      'deleted: sha256:[0-9a-f]{64}',
      'deleted: sha256:[0-9a-f]{64}',
      '',
      // busybox:latest, 4.3MB on Docker Hub and here.
      'Total reclaimed space: 4\\.\\d+MB',
      '1',
      '$',
    ].join('\n')));
  });
});

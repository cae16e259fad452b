// docker tag: a second name for a local image, Docker's errors for a missing source and a bad target.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('docker tag', () => {
  it('names an image again, by name or by id', async () => {
    const r = await runSh([
      'docker pull -q alpine:3.19 >/dev/null',
      'docker tag alpine:3.19 myapp',
      'docker tag alpine:3.19 registry.example.com/team/app:v1',
      'id=$(sed -n \'s/.*"alpine:3.19":"sha256:\\([0-9a-f]\\{12\\}\\).*/\\1/p\' /var/lib/docker/image/overlay2/repositories.json)',
      'docker tag "$id" byid:1',
      'cat /var/lib/docker/image/overlay2/repositories.json',
    ].join('\n'));
    expect(r.stderr).toBe('');
    const repos = JSON.parse(r.stdout).Repositories;
    const id = repos.alpine['alpine:3.19'];
    expect(repos.myapp).toEqual({ 'myapp:latest': id });
    expect(repos['registry.example.com/team/app']).toEqual({ 'registry.example.com/team/app:v1': id });
    expect(repos.byid).toEqual({ 'byid:1': id });
  });

  it('fails as Docker does', async () => {
    const r = await runSh('docker tag nope x; echo "status $?"; docker pull -q busybox >/dev/null; docker tag busybox Bad; echo "status $?"; docker tag busybox; echo "status $?"');
    expect(r.stdout).toBe('status 1\nstatus 1\nstatus 1\n');
    expect(r.stderr).toBe([
      'Error response from daemon: No such image: nope:latest',
      'Error parsing reference: "Bad" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase',
      "docker: 'docker tag' requires 2 arguments",
      '',
      'Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
      '',
      "Run 'docker tag --help' for more information",
      '',
    ].join('\n'));
  });
});

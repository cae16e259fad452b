// docker pull from the shell: Docker 28's lines on a pipe, the final reference, up-to-date pulls,
// tags and digests, and the daemon's errors with status 1.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('docker pull', () => {
  it('pulls with the default tag, then finds the image up to date', async () => {
    const r = await runSh('docker pull alpine; echo "status $?"; docker pull alpine:3.20; docker pull -q busybox');
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('latest: Pulling from library/alpine');
    expect(lines[2]).toMatch(/^[0-9a-f]{12}: Pulling fs layer$/);
    expect(lines[3]).toMatch(/^[0-9a-f]{12}: Verifying Checksum$/);
    expect(lines[4]).toMatch(/^[0-9a-f]{12}: Download complete$/);
    expect(lines[5]).toMatch(/^[0-9a-f]{12}: Pull complete$/);
    expect(lines[6]).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(lines[7]).toBe('Status: Downloaded newer image for alpine:latest');
    expect(lines[8]).toBe('docker.io/library/alpine:latest');
    expect(lines[9]).toBe('status 0');
    expect(lines.slice(10, 14)).toEqual(['3.20: Pulling from library/alpine', lines[6], 'Status: Image is up to date for alpine:3.20', 'docker.io/library/alpine:3.20']);
    expect(lines[14]).toBe('docker.io/library/busybox:latest');
  });

  it('pulls ubi8 from Red Hat\'s registry, its two layers, and by digest', async () => {
    const r = await runSh('docker pull registry.access.redhat.com/ubi8/ubi:8.1 > out; cat out; d=$(sed -n "s/^Digest: //p" out); docker pull "registry.access.redhat.com/ubi8/ubi@$d"');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('8.1: Pulling from ubi8/ubi\n');
    expect(r.stdout.match(/: Pull complete\n/g)).toHaveLength(2);
    expect(r.stdout).toContain('Status: Downloaded newer image for registry.access.redhat.com/ubi8/ubi:8.1\nregistry.access.redhat.com/ubi8/ubi:8.1\n');
    expect(r.stdout).toMatch(/sha256:[0-9a-f]{64}: Pulling from ubi8\/ubi\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for registry.access.redhat.com\/ubi8\/ubi@sha256:[0-9a-f]{64}\nregistry.access.redhat.com\/ubi8\/ubi@sha256:[0-9a-f]{64}\n$/);
  });

  it('fails as Docker does', async () => {
    const r = await runSh('docker pull nope; echo "status $?"; docker pull alpine:9; echo "status $?"; docker pull scratch; echo "status $?"; docker pull Alpine; echo "status $?"; docker pull; echo "status $?"; docker pull --bogus x; echo "status $?"');
    expect(r.stdout).toBe('Using default tag: latest\nstatus 1\nstatus 1\nUsing default tag: latest\nstatus 1\nstatus 1\nstatus 1\nstatus 125\n');
    expect(r.stderr).toBe([
      "Error response from daemon: pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      'Error response from daemon: manifest for alpine:9 not found: manifest unknown: manifest unknown',
      "Error response from daemon: 'scratch' is a reserved name",
      'invalid reference format: repository name (library/Alpine) must be lowercase',
      "docker: 'docker pull' requires 1 argument",
      '',
      'Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
      '',
      "Run 'docker pull --help' for more information",
      'unknown flag: --bogus',
      '',
      'Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
      '',
      "Run 'docker pull --help' for more information",
      '',
    ].join('\n'));
  });
});

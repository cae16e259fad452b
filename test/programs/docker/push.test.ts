// docker push: layers to the simulated registry (mounted from the repository they came from,
// "Layer already exists" the second time), the manifest under the tag in registry:2's layout,
// the repo digest, and pulling the pushed image back.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('docker push', () => {
  it('pushes, pushes again, and the pushed image pulls back', async () => {
    const r = await runSh([
      'docker pull -q alpine >/dev/null',
      'docker tag alpine me/app:v1',
      'docker push me/app:v1',
      'docker push me/app:v1',
      'docker rmi -f me/app:v1 >/dev/null',
      'docker pull me/app:v1',
      'ls /var/lib/registry/docker/registry/v2/repositories/me/app/_manifests/tags',
      'cat /var/lib/registry/docker/registry/v2/repositories/me/app/_manifests/tags/v1/current/link; echo',
    ].join('\n'));
    expect(r.stderr).toBe('');
    const m = /^The push refers to repository \[docker\.io\/me\/app\]\n([0-9a-f]{12}): Preparing\n\1: Mounted from library\/alpine\nv1: digest: (sha256:[0-9a-f]{64}) size: (\d+)\n/.exec(r.stdout);
    expect(m).not.toBeNull();
    const [, id, digest] = m!;
    expect(r.stdout).toContain(`The push refers to repository [docker.io/me/app]\n${id}: Preparing\n${id}: Layer already exists\nv1: digest: ${digest} size: ${m![3]}\n`);
    expect(r.stdout).toContain(`v1: Pulling from me/app\nDigest: ${digest}\nStatus: Image is up to date for me/app:v1\ndocker.io/me/app:v1\n`);
    expect(r.stdout).toMatch(new RegExp(`\nv1\n${digest}\n$`));
  });

  it('pushes a layer the registry has not seen', async () => {
    const r = await runSh([
      'docker pull -q busybox >/dev/null',
      'docker tag busybox localhost:5000/bb',
      'docker push localhost:5000/bb',
      'ls /var/lib/registry/docker/registry/v2/repositories/localhost:5000/bb/_layers/sha256 | wc -l',
    ].join('\n'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^The push refers to repository \[localhost:5000\/bb\]\n([0-9a-f]{12}): Preparing\n\1: Pushed\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n2\n$/);
  });

  it('fails as Docker does', async () => {
    const r = await runSh('docker push nope; echo "status $?"; docker push --bogus; echo "status $?"');
    expect(r.stdout).toBe('status 1\nstatus 125\n');
    expect(r.stderr).toBe("An image does not exist locally with the tag: nope\nunknown flag: --bogus\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nRun 'docker push --help' for more information\n");
  });
});

// A bundled image pulled at its real size (bulk files unpacked sparse, digests from the table)
// is still a real OCI image: `docker save` writes layer tars whose sha256 is the config's diff
// id, oci-image-tool validates the layout, umoci unpacks it with the files at their real sizes,
// and skopeo converts it to a docker-archive. Skipped where the tools are missing
// (scripts/ensure-oci-tools.sh installs them; ./tools.ts).

import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullImage } from '../../../src/runtime/registry/pull.ts';
import { run, withSys } from '../layers/helpers.ts';
import { docker, sh, TOOLS } from './tools.ts';

const work = mkdtempSync(join(tmpdir(), 'cowbox-bundled-interop-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!TOOLS)('a pulled bundled image with the real OCI tools', () => {
  it('saves as layers whose digests are the diff ids, validates, unpacks at real sizes and converts', async () => {
    const dir = join(work, 'alpine');
    mkdirSync(dir);
    await withSys(async (sys) => {
      await pullImage(sys, 'alpine:3.20', async () => {});
      const saved = await run(sys, ['docker', 'save', 'alpine:3.20']);
      expect(saved.stderr).toBe('');
      writeFileSync(join(dir, 'save.tar'), saved.stdout);
    }, { docker });
    mkdirSync(join(dir, 'layout'));
    sh('tar', ['-xf', 'save.tar', '-C', 'layout'], dir);
    const blob = (digest: string): Buffer => readFileSync(join(dir, 'layout/blobs/sha256', digest.slice(7)));
    const index = JSON.parse(readFileSync(join(dir, 'layout/index.json'), 'utf8'));
    const manifest = JSON.parse(blob(index.manifests[0].digest).toString());
    const config = JSON.parse(blob(manifest.config.digest).toString());
    const layerDigests = manifest.layers.map((l: { digest: string }) => `sha256:${createHash('sha256').update(blob(l.digest)).digest('hex')}`);
    expect(layerDigests).toEqual(config.rootfs.diff_ids);
    expect(manifest.layers.map((l: { digest: string }) => l.digest)).toEqual(config.rootfs.diff_ids);

    expect(sh('oci-image-tool', ['validate', '--type', 'image', '--ref', 'name=3.20', 'layout'], dir)).toContain('Validation succeeded');
    sh('umoci', ['unpack', '--image', 'layout:3.20', 'bundle'], dir);
    expect(readFileSync(join(dir, 'bundle/rootfs/etc/alpine-release'), 'utf8')).toBe('3.20.3\n');
    // libcrypto3's bulk at its catalog size (a head, then zeros), not a hundredth of it.
    const lib = readFileSync(join(dir, 'bundle/rootfs/usr/lib/libcrypto.so.3'));
    expect(lib.length).toBeGreaterThan(3_000_000);
    expect(lib.subarray(0, 20).toString()).toBe('cowbox: the bytes of');
    expect(lib.subarray(lib.length - 4096).every((b) => b === 0)).toBe(true);
    expect(statSync(join(dir, 'bundle/rootfs/bin/busybox')).size).toBeGreaterThan(500_000);

    sh('skopeo', ['copy', '-q', 'oci-archive:save.tar:3.20', 'docker-archive:converted.tar:conv:1'], dir);
    expect(statSync(join(dir, 'converted.tar')).size).toBeGreaterThan(8_000_000);
  }, 120_000);
});

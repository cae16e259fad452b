// pullImage: Docker's progress lines, layers and image in the stores, the tag and repo digest,
// "Image is up to date" the second time, and the daemon's words for what does not exist.

import { describe, expect, it } from 'vitest';
import { ImageStore } from '../../../src/runtime/images/image-store.ts';
import { digestOf } from '../../../src/runtime/oci/digest.ts';
import { LayerStore } from '../../../src/runtime/layers/layer-store.ts';
import { buildBundled, BUNDLED } from '../../../src/runtime/registry/bundled.ts';
import { PullError, pullImage } from '../../../src/runtime/registry/pull.ts';
import { withSys } from '../layers/helpers.ts';

function collector(): { out: (t: string) => Promise<void>; text: () => string } {
  let s = '';
  return { out: async (t) => void (s += t), text: () => s };
}

describe('pullImage', () => {
  it('pulls alpine:3.20 with the plain progress lines, then finds it up to date', async () => {
    await withSys(async (sys) => {
      const built = await buildBundled(BUNDLED.find((d) => d.tags.includes('3.20'))!);
      const id = built.layers[0]!.digest.slice(7, 19);
      const c = collector();
      const res = await pullImage(sys, 'alpine:3.20', c.out);
      expect(c.text()).toBe([
        '3.20: Pulling from library/alpine',
        `${id}: Pulling fs layer`,
        `${id}: Verifying Checksum`,
        `${id}: Download complete`,
        `${id}: Pull complete`,
        `Digest: ${built.indexDigest}`,
        'Status: Downloaded newer image for alpine:3.20',
        '',
      ].join('\n'));
      expect(res.upToDate).toBe(false);
      const images = new ImageStore(sys);
      const img = await images.resolve('alpine:3.20');
      expect(img?.id).toBe(built.configDigest);
      expect(img?.repoTags).toContain('alpine:3.20');
      expect(img?.repoDigests).toContain(`alpine@${built.indexDigest}`);
      expect(await new LayerStore(sys).get(built.layers[0]!.diffId)).not.toBeNull();

      const again = collector();
      const res2 = await pullImage(sys, 'alpine:latest', again.out);
      expect(res2.upToDate).toBe(true);
      expect(again.text()).toBe(`latest: Pulling from library/alpine\nDigest: ${built.indexDigest}\nStatus: Image is up to date for alpine:latest\n`);
      expect((await images.resolve('alpine'))?.id).toBe(built.configDigest);
    });
  });

  it('says what Docker says for unknown repositories, tags and scratch', async () => {
    await withSys(async (sys) => {
      const c = collector();
      await expect(pullImage(sys, 'nope', c.out)).rejects.toThrow(new PullError("pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"));
      await expect(pullImage(sys, 'alpine:9', c.out)).rejects.toThrow('manifest for alpine:9 not found: manifest unknown: manifest unknown');
      await expect(pullImage(sys, 'scratch', c.out)).rejects.toThrow("'scratch' is a reserved name");
      expect(c.text()).toBe('');
    });
  });

  it('unpacks a bundled layer sparse at its real size, and tarOf gives back the bytes of its diff id', async () => {
    await withSys(async (sys) => {
      const built = await buildBundled(BUNDLED.find((d) => d.repository === 'docker.io/library/busybox')!);
      await pullImage(sys, 'busybox', collector().out);
      const layers = new LayerStore(sys);
      const info = (await layers.get(built.layers[0]!.diffId))!;
      const libc = `${info.diffDir}/lib/libc.so.6`;
      expect((await sys.stat(libc)).size).toBe(1_922_136);
      const fd = await sys.open(libc, 0);
      const bytes = await sys.readAll(fd);
      await sys.close(fd);
      const head = 'cowbox: the bytes of /lib/libc.so.6 from glibc 2.36 stand here; their content is not simulated.\n';
      expect(new TextDecoder().decode(bytes.subarray(0, head.length))).toBe(head);
      expect(bytes.length).toBe(1_922_136);
      expect(bytes.subarray(head.length).every((b) => b === 0)).toBe(true);
      // What `docker images` shows: busybox:latest is 4.3MB on Docker Hub.
      const img = await new ImageStore(sys).resolve('busybox');
      expect(img!.size).toBeGreaterThan(4.2e6);
      expect(img!.size).toBeLessThan(4.4e6);
      expect(digestOf(await layers.tarOf(info.chainId))).toBe(built.layers[0]!.diffId);
    });
  });

  it('draws progress in place on a terminal', async () => {
    await withSys(async (sys) => {
      const c = collector();
      await pullImage(sys, 'busybox', c.out, { tty: true, width: 120 });
      const t = c.text();
      expect(t).toMatch(/\x1b\[1A\x1b\[2K\r[0-9a-f]{12}: Downloading \[=+>\s*\] +\d/);
      expect(t).toContain(': Pull complete \r\x1b[1B');
      expect(t).toContain('Status: Downloaded newer image for busybox:latest\n');
    });
  });
});

// Registry: what exists (Docker's two "not found" cases), pushes stored in registry:2's layout,
// a pushed tag hiding a bundled one, and a pull that reuses a layer it has ("Already exists").
// Also: the UBI image is the ubi8 catalog's, whose dnf offers the php:7.3 module stream.

import { describe, expect, it } from 'vitest';
import { gzipDecompress } from '../../../src/runtime/archive/gzip.ts';
import { catalogFor, distributionOf } from '../../../src/runtime/distro/index.ts';
import { ImageStore } from '../../../src/runtime/images/image-store.ts';
import { digestOf } from '../../../src/runtime/oci/digest.ts';
import { BUNDLED, buildBundled, bundledLayerByDiffId, layerBlob, layerSparseTar } from '../../../src/runtime/registry/bundled.ts';
import { gzipLayer } from '../../../src/runtime/registry/layer-tar.ts';
import { pullImage } from '../../../src/runtime/registry/pull.ts';
import { Registry } from '../../../src/runtime/registry/registry.ts';
import { configFor, layerTar, withSys } from '../layers/helpers.ts';

const alpine = (): Promise<Awaited<ReturnType<typeof buildBundled>>> => buildBundled(BUNDLED.find((d) => d.repository === 'docker.io/library/alpine' && d.tags.includes('latest'))!);

describe('Registry', () => {
  it('tells an unknown repository from an unknown tag', async () => {
    await withSys(async (sys) => {
      const reg = new Registry(sys);
      expect((await reg.lookup('nope')).kind).toBe('no-repository');
      expect((await reg.lookup('alpine:9')).kind).toBe('no-manifest');
      expect((await reg.lookup('ubuntu:noble')).kind).toBe('found');
      const a = await alpine();
      const byDigest = await reg.resolve(`alpine@${a.indexDigest}`);
      expect(byDigest?.configDigest).toBe(a.configDigest);
      expect(digestOf((await reg.blob(a.layers[0]!.digest))!)).toBe(a.layers[0]!.digest);
      expect(await reg.bundledLayer(a.layers[0]!.digest)).toBe(a.layers[0]);
    });
  });

  it('keeps pushes in registry:2 layout, and a pushed tag wins over a bundled one', async () => {
    await withSys(async (sys) => {
      const reg = new Registry(sys);
      const a = await alpine();
      const top = gzipLayer(layerTar([['hello.txt', 'file', 'hi\n']]));
      const cfg = configFor([a.layers[0]!.diffId, digestOf(gzipDecompress(top).data)]);
      const layers = [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', blob: await layerBlob(a.layers[0]!) }, { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', blob: top }];
      const pushed = await reg.push('alpine:latest', { configBytes: cfg, layers });
      const v2 = '/var/lib/registry/docker/registry/v2';
      const link = async (p: string): Promise<string> => new TextDecoder().decode(await sys.readAll(await sys.open(p, 0)));
      expect(await link(`${v2}/repositories/library/alpine/_manifests/tags/latest/current/link`)).toBe(pushed.digest);
      const manifest = JSON.parse(new TextDecoder().decode(await reg.blob(pushed.digest) ?? new Uint8Array()));
      expect(manifest.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
      expect(manifest.layers.map((l: { digest: string }) => l.digest)).toEqual([a.layers[0]!.digest, digestOf(top)]);
      expect(pushed.size).toBe((await reg.blob(pushed.digest))!.length);
      expect((await reg.resolve('alpine'))?.digest).toBe(pushed.digest);
      expect((await reg.resolve('alpine:3.20'))?.digest).toBe(a.indexDigest);

      // Pull the bundled 3.20, then the pushed latest: the base layer is there already.
      const sink = async (): Promise<void> => {};
      await pullImage(sys, 'alpine:3.20', sink);
      let out = '';
      await pullImage(sys, 'alpine', async (t) => void (out += t));
      const base = a.layers[0]!.digest.slice(7, 19);
      const second = digestOf(top).slice(7, 19);
      expect(out).toBe([
        'latest: Pulling from library/alpine', `${base}: Already exists`, `${second}: Pulling fs layer`, `${second}: Verifying Checksum`,
        `${second}: Download complete`, `${second}: Pull complete`, `Digest: ${pushed.digest}`, 'Status: Downloaded newer image for alpine:latest', '',
      ].join('\n'));
      const img = await new ImageStore(sys).resolve('alpine:latest');
      expect(img?.layers).toHaveLength(2);
    });
  });

  it('takes a bundled layer by digest in a push, links it without storing its bytes, and refuses an unknown one', async () => {
    await withSys(async (sys) => {
      const reg = new Registry(sys);
      const ubi = await buildBundled(BUNDLED.find((d) => d.repository === 'registry.access.redhat.com/ubi8/ubi')!);
      const base = (await bundledLayerByDiffId(ubi.layers[0]!.diffId))!;
      expect(base).toBe(ubi.layers[0]);
      const top = gzipLayer(layerTar([['hello.txt', 'file', 'hi\n']]));
      const cfg = configFor([base.diffId, digestOf(gzipDecompress(top).data)]);
      const pushed = await reg.push('me/app:1', {
        configBytes: cfg,
        layers: [{ mediaType: base.mediaType, digest: base.digest, size: base.size }, { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', blob: top }],
      });
      const v2 = '/var/lib/registry/docker/registry/v2';
      expect(await sys.stat(`${v2}/repositories/me/app/_layers/sha256/${base.digest.slice(7)}/link`)).toBeTruthy();
      await expect(sys.stat(`${v2}/blobs/sha256/${base.digest.slice(7, 9)}/${base.digest.slice(7)}/data`)).rejects.toThrow();
      const manifest = JSON.parse(new TextDecoder().decode((await reg.blob(pushed.digest))!));
      expect(manifest.layers[0]).toEqual({ mediaType: base.mediaType, size: base.size, digest: base.digest });
      const bogus = `sha256:${'0'.repeat(64)}`;
      await expect(reg.push('me/app:2', { configBytes: cfg, layers: [{ mediaType: base.mediaType, digest: bogus, size: 1 }] })).rejects.toThrow(`blob ${bogus} not found`);
    });
  });

  it('makes layers past the third wait, as the daemon downloads three at a time', async () => {
    await withSys(async (sys) => {
      const reg = new Registry(sys);
      const blobs = [1, 2, 3, 4, 5].map((n) => gzipLayer(layerTar([[`f${n}`, 'file', `${n}\n`]])));
      const cfg = configFor(blobs.map((b) => digestOf(gzipDecompress(b).data)));
      await reg.push('localhost:5000/five', { configBytes: cfg, layers: blobs.map((blob) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', blob })) });
      let out = '';
      await pullImage(sys, 'localhost:5000/five', async (t) => void (out += t));
      const ids = blobs.map((b) => digestOf(b).slice(7, 19));
      expect(out.split('\n').slice(1, 8)).toEqual([...ids.map((id) => `${id}: Pulling fs layer`), `${ids[3]}: Waiting`, `${ids[4]}: Waiting`]);
      expect(out.match(/: Pull complete\n/g)).toHaveLength(5);
    });
  });

  it('serves UBI 8.1 as the ubi8 catalog, whose dnf has the php:7.3 module stream', async () => {
    const ubi = await buildBundled(BUNDLED.find((d) => d.repository === 'registry.access.redhat.com/ubi8/ubi')!);
    const files = (await layerSparseTar(ubi.layers[0]!)).entries.map((e) => e.entry);
    const osRelease = files.find((e) => e.name === 'etc/os-release')!;
    const id = distributionOf(new TextDecoder().decode(osRelease.data!));
    expect(id).toBe('ubi8');
    const catalog = await catalogFor(id!);
    expect(Object.keys(catalog.modules.php!.streams)).toContain('7.3');
    expect(files.find((e) => e.name === 'etc/dnf/modules.d/' || e.name === 'etc/dnf/modules.d')).toBeDefined();
  });
});

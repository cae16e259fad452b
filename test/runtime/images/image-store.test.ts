// ImageStore: configs in imagedb, tags and repo digests in repositories.json, resolving every
// kind of reference, and removal releasing layers that nothing else needs.

import { describe, expect, it } from 'vitest';
import { ImageStore, parseReference } from '../../../src/runtime/images/image-store.ts';
import { readText } from '../../../src/runtime/sys-files.ts';
import { LayerStore } from '../../../src/runtime/layers/layer-store.ts';
import { digestOf } from '../../../src/runtime/oci/digest.ts';
import { configFor, layerTar, withSys } from '../layers/helpers.ts';

describe('parseReference', () => {
  it('normalises as distribution/reference does', () => {
    expect(parseReference('alpine')).toEqual({ domain: 'docker.io', path: 'library/alpine', familiar: 'alpine' });
    expect(parseReference('docker.io/library/alpine:3.20')).toMatchObject({ familiar: 'alpine', tag: '3.20' });
    expect(parseReference('user/app')).toMatchObject({ domain: 'docker.io', path: 'user/app', familiar: 'user/app' });
    expect(parseReference('localhost:5000/app:v1')).toMatchObject({ domain: 'localhost:5000', path: 'app', tag: 'v1', familiar: 'localhost:5000/app' });
    expect(parseReference('registry.access.redhat.com/ubi8/ubi:8.1')).toMatchObject({ domain: 'registry.access.redhat.com', path: 'ubi8/ubi', familiar: 'registry.access.redhat.com/ubi8/ubi' });
    expect(parseReference(`alpine@sha256:${'a'.repeat(64)}`)).toMatchObject({ digest: `sha256:${'a'.repeat(64)}` });
    expect(() => parseReference('Alpine')).toThrow('invalid reference format: repository name (library/Alpine) must be lowercase');
    expect(() => parseReference('a:b:c')).toThrow('invalid reference format');
  });
});

describe('ImageStore', () => {
  it('creates, tags, resolves and removes images', async () => {
    await withSys(async (sys) => {
      const layers = new LayerStore(sys);
      const images = new ImageStore(sys);
      const t1 = layerTar([['a', 'file', 'one']]);
      const t2 = layerTar([['b', 'file', 'two']]);
      const l1 = await layers.register(t1, null);
      const l2 = await layers.register(t2, l1.chainId);
      const cfgA = configFor([l1.diffId]);
      const cfgB = configFor([l1.diffId, l2.diffId]);
      const a = await images.create(cfgA);
      const b = await images.create(cfgB, a.id);
      expect(a.id).toBe(digestOf(cfgA));
      expect(b.layers).toEqual([l1.chainId, l2.chainId]);
      expect(b.size).toBe(6);
      await images.tag(a.id, 'alpine:3.20');
      await images.tag(a.id, 'docker.io/library/alpine');
      await images.addRepoDigest(a.id, `alpine@sha256:${'b'.repeat(64)}`);
      await images.tag(b.id, 'app');
      const repos = JSON.parse(await readText(sys, '/var/lib/docker/image/overlay2/repositories.json'));
      expect(repos).toEqual({ Repositories: {
        alpine: { 'alpine:3.20': a.id, [`alpine@sha256:${'b'.repeat(64)}`]: a.id, 'alpine:latest': a.id },
        app: { 'app:latest': b.id },
      } });
      expect(await readText(sys, `/var/lib/docker/image/overlay2/imagedb/metadata/sha256/${b.id.slice(7)}/parent`)).toBe(a.id);
      for (const ref of ['alpine', 'alpine:3.20', 'docker.io/library/alpine:latest', a.id, a.id.slice(7), a.id.slice(7, 19), `alpine@sha256:${'b'.repeat(64)}`]) {
        expect((await images.resolve(ref))?.id, ref).toBe(a.id);
      }
      expect(await images.resolve('alpine:9')).toBeNull();
      expect((await images.resolve('alpine'))!.repoTags).toEqual(['alpine:3.20', 'alpine:latest']);
      // Retagging moves the tag.
      await images.tag(b.id, 'alpine:latest');
      expect((await images.resolve('alpine'))!.id).toBe(b.id);
      await images.untag('alpine:latest');
      expect(await images.resolve('alpine')).toBeNull();
      // Removing b keeps l1 (a needs it), drops l2.
      await images.remove(b.id);
      expect(await layers.get(l2.chainId)).toBeNull();
      expect(await layers.get(l1.chainId)).not.toBeNull();
      await images.remove(a.id);
      expect(await layers.get(l1.chainId)).toBeNull();
      expect(await images.list()).toEqual([]);
    });
  });
});

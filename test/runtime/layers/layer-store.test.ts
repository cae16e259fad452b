// LayerStore over the overlay2 layout: registering tars (whiteouts and opaque markers turned
// into char devices and xattrs), chain ids, the tar coming back byte for byte, the -init and
// container layers, `docker diff`'s list, and release.

import { describe, expect, it } from 'vitest';
import { S_IFCHR, S_IFMT } from '../../../src/abi/stat.ts';
import { gzipCompress } from '../../../src/runtime/archive/gzip.ts';
import { unpackTar } from '../../../src/runtime/archive/tar.ts';
import { readText } from '../../../src/runtime/sys-files.ts';
import { LayerStore, mountOverlay, overlayOptions } from '../../../src/runtime/layers/layer-store.ts';
import { chainIds, digestOf } from '../../../src/runtime/oci/digest.ts';
import { layerTar, withSys } from './helpers.ts';

const base = layerTar([
  ['etc/', 'dir'], ['etc/motd', 'file', 'hi\n'], ['etc/os-release', 'file', 'ID=test\n'],
  ['opt/', 'dir'], ['opt/app/', 'dir'], ['opt/app/a', 'file', 'a'], ['opt/app/b', 'file', 'b'],
  ['bin/', 'dir'], ['bin/sh', 'file', '#!sh', 0o755], ['bin/ash', 'symlink', 'sh'],
]);
const top = layerTar([
  ['etc/', 'dir'], ['etc/.wh.motd', 'file'], ['opt/', 'dir'], ['opt/app/', 'dir'], ['opt/app/.wh..wh..opq', 'file'], ['opt/app/c', 'file', 'c'],
]);

describe('LayerStore', () => {
  it('registers layers in the overlay2 layout with whiteouts and opaque dirs', async () => {
    await withSys(async (sys) => {
      const ls = new LayerStore(sys);
      const l1 = await ls.register(gzipCompress(base), null);
      expect(l1.diffId).toBe(digestOf(base));
      expect(l1.chainId).toBe(l1.diffId);
      expect(l1.size).toBe(3 + 8 + 1 + 1 + 4 + 2);
      const l2 = await ls.register(top, l1.chainId);
      expect(l2.chainId).toBe(chainIds([digestOf(base), digestOf(top)])[1]);
      expect(await ls.register(top, l1.chainId)).toEqual(l2);
      const db = `/var/lib/docker/image/overlay2/layerdb/sha256/${l2.chainId.slice(7)}`;
      expect(await readText(sys, `${db}/diff`)).toBe(digestOf(top));
      expect(await readText(sys, `${db}/parent`)).toBe(l1.chainId);
      expect(await readText(sys, `${db}/cache-id`)).toBe(l2.cacheId);
      const wh = await sys.lstat(`${l2.diffDir}/etc/motd`);
      expect(wh.mode & S_IFMT).toBe(S_IFCHR);
      expect(wh.rdev).toBe(0);
      expect(new TextDecoder().decode(await sys.getxattr(`${l2.diffDir}/opt/app`, 'trusted.overlay.opaque'))).toBe('y');
      const link1 = await readText(sys, `/var/lib/docker/overlay2/${l1.cacheId}/link`);
      expect(link1).toMatch(/^[A-Z2-7]{26}$/);
      expect(await sys.readlink(`/var/lib/docker/overlay2/l/${link1}`)).toBe(`../${l1.cacheId}/diff`);
      expect(await readText(sys, `/var/lib/docker/overlay2/${l2.cacheId}/lower`)).toBe(`l/${link1}`);
      // The tar comes back byte for byte.
      expect(digestOf(await ls.tarOf(l1.chainId))).toBe(l1.diffId);
      expect(digestOf(await ls.tarOf(l2.chainId))).toBe(l2.diffId);
    });
  });

  it('makes the -init and container layers and lists docker diff changes', async () => {
    await withSys(async (sys) => {
      const ls = new LayerStore(sys);
      const l1 = await ls.register(base, null);
      const rw = await ls.createRW('c1', l1.chainId);
      expect(rw.initId).toBe(`${rw.mountId}-init`);
      expect(rw.lowerDirs).toEqual([`/var/lib/docker/overlay2/${rw.initId}/diff`, l1.diffDir]);
      expect(overlayOptions(rw)).toMatch(/^lowerdir=\/var\/lib\/docker\/overlay2\/l\/[A-Z2-7]{26}:\/var\/lib\/docker\/overlay2\/l\/[A-Z2-7]{26},upperdir=\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff,workdir=\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/work$/);
      expect(await readText(sys, `/var/lib/docker/image/overlay2/layerdb/mounts/c1/mount-id`)).toBe(rw.mountId);
      expect(await readText(sys, `/var/lib/docker/image/overlay2/layerdb/mounts/c1/parent`)).toBe(l1.chainId);
      const init = rw.lowerDirs[0]!;
      expect((await sys.lstat(`${init}/etc/hosts`)).size).toBe(0);
      expect(await sys.readlink(`${init}/etc/mtab`)).toBe('/proc/mounts');
      for (const d of ['proc', 'sys', 'dev/pts', 'dev/shm']) expect((await sys.lstat(`${init}/${d}`)).mode & S_IFMT).toBe(0o040000);
      // Make changes in the upper dir as the overlay would.
      await sys.mount('overlay', rw.mergedDir, 'overlay', overlayOptions(rw));
      const te = new TextEncoder();
      const fd = await sys.open(`${rw.mergedDir}/etc/new`, 0o101, 0o644);
      await sys.write(fd, te.encode('x'));
      await sys.close(fd);
      await sys.unlink(`${rw.mergedDir}/etc/motd`);
      await sys.unlink(`${rw.mergedDir}/opt/app/a`);
      await sys.unlink(`${rw.mergedDir}/opt/app/b`);
      await sys.rmdir(`${rw.mergedDir}/opt/app`);
      await sys.mkdir(`${rw.mergedDir}/opt/app`, 0o755);
      await sys.umount(rw.mergedDir);
      const changes = (await ls.changes('c1')).map((c) => `${c.kind} ${c.path}`);
      expect(changes).toEqual(['C /etc', 'D /etc/motd', 'A /etc/new', 'C /opt', 'D /opt/app']);
      const tar = unpackTar(await ls.tarOfRW('c1')).map((e) => e.name);
      expect(tar).toEqual(['etc/', 'etc/.wh.motd', 'etc/new', 'opt/', 'opt/app/', 'opt/app/.wh..wh..opq']);
      // Release: the image layer stays while the container needs it.
      await ls.release(l1.chainId);
      expect(await ls.get(l1.chainId)).not.toBeNull();
      await ls.removeRW('c1');
      expect(await ls.getRW('c1')).toBeNull();
      await ls.release(l1.chainId);
      expect(await ls.get(l1.chainId)).toBeNull();
      expect((await sys.getdents(await sys.open('/var/lib/docker/overlay2/l', 0o200000))).filter((e) => !e.name.startsWith('.'))).toEqual([]);
    });
  });

  it('mounts a stack too long for one page with relative l/ links, as overlay2 does', async () => {
    await withSys(async (sys) => {
      const ls = new LayerStore(sys);
      let parent: string | null = null;
      for (let i = 0; i < 80; i++) parent = (await ls.register(layerTar([[`f${i}`, 'file', `layer ${i}`]]), parent)).chainId;
      const rw = await ls.createRW('tall', parent);
      expect(rw.lowerDirs).toHaveLength(81);
      expect(overlayOptions(rw).length).toBeGreaterThan(4095);
      await sys.chdir('/tmp');
      await mountOverlay(sys, rw);
      expect(await sys.getcwd()).toBe('/tmp');
      expect(await readText(sys, `${rw.mergedDir}/f0`)).toBe('layer 0');
      expect(await readText(sys, `${rw.mergedDir}/f79`)).toBe('layer 79');
      await sys.umount(rw.mergedDir);
    });
  }, 60_000);
});

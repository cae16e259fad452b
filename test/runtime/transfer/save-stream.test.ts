// save and export made piece by piece must give the bytes the old whole-archive code gave: a
// layer streamed from tar-split equals tarOf with its diff id and length known up front, the
// save archive equals one built with GoTarWriter over tarOf, and the CLI writes the same bytes
// to -o as to stdout.

import { describe, expect, it } from 'vitest';
import { archiveEnd, entryHeader, type TarEntry, unpackTar } from '../../../src/runtime/archive/tar.ts';
import { type GoTarHeader, GoTarWriter } from '../../../src/runtime/archive/go-tar.ts';
import { ImageStore } from '../../../src/runtime/images/image-store.ts';
import { LayerStore } from '../../../src/runtime/layers/layer-store.ts';
import { sparseTar, sparseTarBytes } from '../../../src/runtime/layers/sparse-tar.ts';
import { digestOf, hexOf } from '../../../src/runtime/oci/digest.ts';
import { planSave, saveImages, selectImages } from '../../../src/runtime/transfer/save.ts';
import { tarOfMerged, tarOfMergedChunks } from '../../../src/runtime/transfer/export.ts';
import { utf8Encode } from '../../../src/base/text.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { loadEntry } from '../../../src/programs/registry.ts';
import { configFor, layerTar, run, withSys } from '../layers/helpers.ts';

const docker = async (sys: Sys) => (await loadEntry('docker'))!(sys);

const te = new TextEncoder();
const base = { uid: 0, gid: 0, uname: '', gname: '', mtime: 1700000000, linkname: '', devmajor: 0, devminor: 0 };
const bulk: TarEntry[] = [
  { ...base, name: 'usr', type: 'dir', mode: 0o755, size: 0 },
  { ...base, name: 'usr/lib', type: 'dir', mode: 0o755, size: 0 },
  { ...base, name: 'usr/lib/libbig.so', type: 'file', mode: 0o755, size: 300_001, data: te.encode('head of a big library\n') },
  { ...base, name: `usr/lib/${'long-name-'.repeat(12)}`, type: 'file', mode: 0o644, size: 1000, data: te.encode('x') },
  { ...base, name: 'empty', type: 'file', mode: 0o644, size: 0, data: new Uint8Array(0) },
];
const top = layerTar([['etc/', 'dir'], ['etc/motd', 'file', 'hi\n'], ['usr/', 'dir'], ['usr/.wh.gone', 'file']]);

async function makeImage(sys: Sys) {
  const layers = new LayerStore(sys);
  const images = new ImageStore(sys);
  const sparse = sparseTar(bulk.map((entry) => ({ header: entryHeader(entry), entry })), archiveEnd);
  const l1 = await layers.registerSparse(sparse, digestOf(sparseTarBytes(sparse)), null);
  const l2 = await layers.register(top, l1.chainId);
  const image = await images.create(configFor([l1.diffId, l2.diffId]));
  await images.tag(image.id, 'big:1');
  return { layers, images, image, chains: [l1.chainId, l2.chainId] };
}

/** The archive as save built it before it streamed: every blob whole, through GoTarWriter. */
async function wholeArchive(layers: LayerStore, image: Awaited<ReturnType<typeof makeImage>>['image'], now: number): Promise<Uint8Array> {
  const plan = await planSave(layers, [{ image, tags: ['big:1'] }]);
  const w = new GoTarWriter();
  const h = (name: string, typeflag: '0' | '5', size: number, mtime: number): GoTarHeader =>
    ({ name, typeflag, mode: typeflag === '5' ? 0o755 : 0o644, uid: 0, gid: 0, size, mtime, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 });
  w.add(h('blobs/', '5', 0, plan.blobsDirTime));
  w.add(h('blobs/sha256/', '5', 0, 0));
  const created = Math.floor(Date.parse(image.created) / 1000);
  const whole = new Map<string, Uint8Array>([[hexOf(image.id), image.configBytes]]);
  for (const c of image.layers) {
    const t = await layers.tarOf(c);
    whole.set(hexOf(digestOf(t)), t);
  }
  for (const hex of [...plan.blobs.keys()].sort()) {
    const data = whole.get(hex) ?? plan.blobs.get(hex)!.bytes!;
    w.add(h(`blobs/sha256/${hex}`, '0', data.length, whole.has(hex) ? created : 0), data);
  }
  w.add(h('index.json', '0', plan.index.length, now), plan.index);
  w.add(h('manifest.json', '0', plan.manifestJson.length, 0), plan.manifestJson);
  const layout = utf8Encode('{"imageLayoutVersion": "1.0.0"}');
  w.add(h('oci-layout', '0', layout.length, 0), layout);
  w.add(h('repositories', '0', plan.repositories!.length, 0), plan.repositories!);
  return w.finish();
}

describe('streamed save and export', () => {
  it('streams a layer as tarOf gives it, with its digest and size known first', async () => {
    await withSys(async (sys) => {
      const { layers, chains } = await makeImage(sys);
      for (const c of chains) {
        const whole = await layers.tarOf(c);
        const s = await layers.tarStream(c);
        const parts: Uint8Array[] = [];
        for await (const p of s.chunks()) parts.push(p.slice());
        const streamed = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) streamed.set(p, (at += p.length) - p.length);
        expect(streamed).toEqual(whole);
        expect(s.size).toBe(whole.length);
        expect(s.digest).toBe(digestOf(whole));
        expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(65536);
      }
    });
  });

  it('gives the same archive the whole-blob writer gives', async () => {
    await withSys(async (sys) => {
      const { layers, images, image } = await makeImage(sys);
      const saved = await saveImages(layers, await selectImages(images, ['big:1']), 1700000123);
      expect(digestOf(saved)).toBe(digestOf(await wholeArchive(layers, image, 1700000123)));
    });
  });

  it('writes the same bytes to -o as to stdout', async () => {
    await withSys(async (sys) => {
      await makeImage(sys);
      const out = await run(sys, ['docker', 'save', 'big:1']);
      expect(out.status).toBe(0);
      const file = await run(sys, ['docker', 'save', '-o', '/tmp/big.tar', 'big:1']);
      expect([file.status, file.stderr]).toEqual([0, '']);
      const fd = await sys.open('/tmp/big.tar', 0);
      const written = await sys.readAll(fd);
      await sys.close(fd);
      // Only index.json's time may differ between the two runs.
      const strip = (b: Uint8Array) => unpackTar(b).map((e) => ({ ...e, mtime: e.name === 'index.json' ? 0 : e.mtime }));
      expect(written.length).toBe(out.stdout.length);
      expect(strip(written)).toEqual(strip(out.stdout));
      const big = unpackTar(out.stdout).find((e) => e.size > 300_000 && e.name.startsWith('blobs/'))!;
      expect(digestOf(big.data!)).toBe(`sha256:${big.name.slice(13)}`);
    }, { docker });
  });

  it('export streams the merged tree as tarOfMerged gives it', async () => {
    await withSys(async (sys) => {
      const { layers } = await makeImage(sys);
      const dirs = [];
      for (const c of [...(await new ImageStore(sys).resolve('big:1'))!.layers].reverse()) dirs.push((await layers.get(c))!.diffDir);
      const parts: Uint8Array[] = [];
      for await (const p of tarOfMergedChunks(sys, dirs)) parts.push(p.slice());
      const whole = await tarOfMerged(sys, dirs);
      expect(parts.reduce((n, p) => n + p.length, 0)).toBe(whole.length);
      const names = unpackTar(whole).map((e) => e.name);
      expect(names).toEqual(['empty', 'etc/', 'etc/motd', 'usr/', 'usr/lib/', 'usr/lib/libbig.so', `usr/lib/${'long-name-'.repeat(12)}`]);
      const lib = unpackTar(whole).find((e) => e.name === 'usr/lib/libbig.so')!;
      expect(lib.data!.length).toBe(300_001);
      expect(new TextDecoder().decode(lib.data!.subarray(0, 22))).toBe('head of a big library\n');
    });
  });
});

// docker save / load / import through the CLI, and export's merged tree through the library:
// the save archive's layout, a round trip, an old docker-archive, broken archives that change
// nothing, and a container's view without whiteouts.

import { describe, expect, it } from 'vitest';
import { packTar, unpackTar } from '../../../src/runtime/archive/tar.ts';
import { ImageStore } from '../../../src/runtime/images/image-store.ts';
import { listEntriesOrEmpty } from '../../../src/runtime/sys-files.ts';
import { LayerStore } from '../../../src/runtime/layers/layer-store.ts';
import { digestOf } from '../../../src/runtime/oci/digest.ts';
import { tarOfMerged } from '../../../src/runtime/transfer/export.ts';
import { applyLoad, planLoad } from '../../../src/runtime/transfer/load.ts';
import { ProgressDisplay } from '../../../src/runtime/registry/progress.ts';
import { loadEntry } from '../../../src/programs/registry.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { configFor, layerTar, run, withSys } from '../layers/helpers.ts';

const docker = async (sys: Sys) => (await loadEntry('docker'))!(sys);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const te = new TextEncoder();

const base = layerTar([['bin/', 'dir'], ['bin/sh', 'file', '#!', 0o755], ['etc/', 'dir'], ['etc/motd', 'file', 'hi\n'], ['opt/', 'dir'], ['opt/x', 'file', 'x']]);
const top = layerTar([['etc/', 'dir'], ['etc/.wh.motd', 'file'], ['opt/', 'dir'], ['opt/.wh..wh..opq', 'file'], ['opt/y', 'file', 'y']]);

async function makeImage(sys: Sys, tag = 'alpine:3.20') {
  const layers = new LayerStore(sys);
  const images = new ImageStore(sys);
  const l1 = await layers.register(base, null);
  const l2 = await layers.register(top, l1.chainId);
  const image = await images.create(configFor([l1.diffId, l2.diffId]));
  await images.tag(image.id, tag);
  return { layers, images, image };
}

describe('docker save/load', () => {
  it('saves an OCI layout with manifest.json and loads it back', async () => {
    await withSys(async (sys) => {
      const { images, image } = await makeImage(sys);
      const saved = await run(sys, ['docker', 'save', 'alpine:3.20']);
      expect(saved.stderr).toBe('');
      expect(saved.status).toBe(0);
      const entries = unpackTar(saved.stdout);
      const names = entries.map((e) => e.name);
      expect(names.slice(0, 2)).toEqual(['blobs/', 'blobs/sha256/']);
      expect(names.slice(-4)).toEqual(['index.json', 'manifest.json', 'oci-layout', 'repositories']);
      const file = (n: string) => entries.find((e) => e.name === n)!.data!;
      for (const e of entries.filter((x) => x.name.startsWith('blobs/sha256/') && x.type === 'file')) expect(digestOf(e.data!)).toBe(`sha256:${e.name.slice(13)}`);
      const index = JSON.parse(text(file('index.json')));
      expect(index.manifests[0].annotations).toEqual({ 'io.containerd.image.name': 'docker.io/library/alpine:3.20', 'org.opencontainers.image.ref.name': '3.20' });
      const manifest = JSON.parse(text(file(`blobs/sha256/${index.manifests[0].digest.slice(7)}`)));
      expect(manifest.config.digest).toBe(image.id);
      expect(manifest.layers.map((l: { digest: string }) => l.digest)).toEqual(image.config.rootfs.diff_ids);
      expect(JSON.parse(text(file('manifest.json')))).toEqual([{ Config: `blobs/sha256/${image.id.slice(7)}`, RepoTags: ['alpine:3.20'], Layers: manifest.layers.map((l: { digest: string }) => `blobs/sha256/${l.digest.slice(7)}`) }]);
      expect(text(file('oci-layout'))).toBe('{"imageLayoutVersion": "1.0.0"}');
      expect(text(file('manifest.json')).endsWith(']\n')).toBe(true);
      expect(index.manifests[0].platform).toEqual({ architecture: 'amd64', os: 'linux' });
      await images.remove(image.id);
      expect(await listEntriesOrEmpty(sys, '/var/lib/docker/image/overlay2/layerdb/sha256')).toEqual([]);
      const loaded = await run(sys, ['docker', 'load'], saved.stdout);
      expect(loaded.stderr).toBe('');
      expect(text(loaded.stdout)).toBe('Loaded image: alpine:3.20\n');
      expect((await images.resolve('alpine:3.20'))!.id).toBe(image.id);
      // Saving again gives the same bytes for the blobs.
      const again = await run(sys, ['docker', 'save', 'alpine:3.20']);
      const blobs = (b: Uint8Array) => unpackTar(b).filter((e) => e.name.startsWith('blobs/sha256/') && e.type === 'file').map((e) => e.name);
      expect(blobs(again.stdout)).toEqual(blobs(saved.stdout));
      // By id: no tags.
      const byId = await run(sys, ['docker', 'save', image.id.slice(7, 19)]);
      const idx2 = JSON.parse(text(unpackTar(byId.stdout).find((e) => e.name === 'index.json')!.data!));
      expect(idx2.manifests[0].annotations).toBeUndefined();
      const missing = await run(sys, ['docker', 'save', 'nosuch']);
      expect([missing.stderr, missing.status]).toEqual(['Error response from daemon: No such image: nosuch\n', 1]);
      const missingTag = await run(sys, ['docker', 'save', 'alpine:9']);
      expect([missingTag.stderr, missingTag.status]).toEqual(['Error response from daemon: reference does not exist\n', 1]);
    }, { docker });
  }, 60_000);

  it('loads an old docker-archive and reports broken archives without changing anything', async () => {
    await withSys(async (sys) => {
      const cfg = configFor([digestOf(base)]);
      const id = digestOf(cfg).slice(7);
      const file = (name: string, data: Uint8Array) => ({ name, type: 'file' as const, mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime: 0, size: data.length, linkname: '', devmajor: 0, devminor: 0, data });
      const archive = packTar([
        file(`${id}.json`, cfg), file('l1/layer.tar', base), file('l1/VERSION', te.encode('1.0')),
        file('manifest.json', te.encode(JSON.stringify([{ Config: `${id}.json`, RepoTags: ['old:1'], Layers: ['l1/layer.tar'] }]))),
      ]);
      const broken = archive.slice(0, 1500);
      const r1 = await run(sys, ['docker', 'load'], broken);
      expect(r1.status).toBe(1);
      expect(r1.stderr).toBe('unexpected EOF\n');
      const garbage = await run(sys, ['docker', 'load'], te.encode('not a tar at all'.repeat(64)));
      expect(garbage.stderr).toBe('archive/tar: invalid tar header\n');
      const noLayer = packTar([file(`${id}.json`, cfg), file('manifest.json', te.encode(JSON.stringify([{ Config: `${id}.json`, RepoTags: ['old:1'], Layers: ['l1/layer.tar'] }])))]);
      const r2 = await run(sys, ['docker', 'load'], noLayer);
      expect(r2.stderr).toMatch(/^open \/var\/lib\/docker\/tmp\/docker-import-\d+\/l1\/layer.tar: no such file or directory\n$/);
      const wrongLayer = packTar([file(`${id}.json`, cfg), file('l1/layer.tar', top), file('manifest.json', te.encode(JSON.stringify([{ Config: `${id}.json`, RepoTags: ['old:1'], Layers: ['l1/layer.tar'] }])))]);
      const r3 = await run(sys, ['docker', 'load'], wrongLayer);
      expect(r3.stderr).toBe(`invalid diffID for layer 0: expected "${digestOf(base)}", got "${digestOf(top)}"\n`);
      expect(await listEntriesOrEmpty(sys, '/var/lib/docker/image/overlay2/layerdb/sha256')).toEqual([]);
      expect(await listEntriesOrEmpty(sys, '/var/lib/docker/image/overlay2/imagedb/content/sha256')).toEqual([]);
      const ok = await run(sys, ['docker', 'load', '-q'], archive);
      expect(text(ok.stdout)).toBe('Loaded image: old:1\n');
      const unknownFlag = await run(sys, ['docker', 'load', '--bogus']);
      expect([unknownFlag.stderr, unknownFlag.status]).toEqual(["unknown flag: --bogus\n\nUsage:  docker load [OPTIONS]\n\nRun 'docker load --help' for more information\n", 125]);
    }, { docker });
  }, 60_000);
});

describe('docker import', () => {
  it('makes a one-layer image with --change and a tag', async () => {
    await withSys(async (sys) => {
      const r = await run(sys, ['docker', 'import', '-c', 'CMD ["/bin/sh"]', '-c', 'ENV A=1', '-', 'imported:v1'], base);
      expect(r.stderr).toBe('');
      const id = text(r.stdout).trim();
      expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
      const image = (await new ImageStore(sys).resolve('imported:v1'))!;
      expect(image.id).toBe(id);
      expect(image.config.rootfs.diff_ids).toEqual([digestOf(base)]);
      const cfg = text(image.configBytes);
      expect(cfg).toMatch(/^\{"comment":"Imported from -","created":"[^"]+","docker_version":"28\.2\.2","config":\{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":\["A=1"\],"Cmd":\["\/bin\/sh"\],"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null\},"architecture":"amd64","os":"linux","rootfs":\{"type":"layers","diff_ids":\["sha256:[0-9a-f]{64}"\]\},"history":\[\{"created":"[^"]+","comment":"Imported from -"\}\]\}$/);
      const bad = await run(sys, ['docker', 'import', '-c', 'RUN true', '-'], base);
      expect([bad.stderr, bad.status]).toEqual(['Error response from daemon: run is not a valid change command\n', 1]);
    }, { docker });
  }, 60_000);
});

describe('export', () => {
  it('gives the merged tree of a container without whiteouts', async () => {
    await withSys(async (sys) => {
      const { layers, image } = await makeImage(sys);
      const rw = await layers.createRW('c1', image.layers[1]!);
      const tar = unpackTar(await tarOfMerged(sys, [rw.upperDir, ...rw.lowerDirs]));
      expect(tar.map((e) => e.name)).toEqual([
        '.dockerenv', 'bin/', 'bin/sh', 'dev/', 'dev/console', 'dev/pts/', 'dev/shm/', 'etc/', 'etc/hostname', 'etc/hosts',
        'etc/mtab', 'etc/resolv.conf', 'opt/', 'opt/y', 'proc/', 'sys/',
      ]);
    }, { docker });
  }, 60_000);
});

describe('docker export (CLI)', () => {
  it('exports a created container and refuses an unknown one', async () => {
    await withSys(async (sys) => {
      await makeImage(sys);
      const created = await run(sys, ['docker', 'create', 'alpine:3.20', '/bin/sh']);
      expect(created.stderr).toBe('');
      const id = text(created.stdout).trim();
      const r = await run(sys, ['docker', 'export', id.slice(0, 12)]);
      expect(r.stderr).toBe('');
      const names = unpackTar(r.stdout).map((e) => e.name);
      expect(names).toContain('opt/y');
      expect(names).toContain('etc/hosts');
      expect(names.some((n) => n.includes('.wh.'))).toBe(false);
      expect(names).not.toContain('etc/motd');
      const missing = await run(sys, ['docker', 'container', 'export', 'nosuch']);
      expect([missing.stderr, missing.status]).toEqual(['Error response from daemon: No such container: nosuch\n', 1]);
    }, { docker });
  }, 60_000);
});

describe('docker load on a terminal', () => {
  it('draws a Loading layer line for each new layer, then the Loaded lines', async () => {
    await withSys(async (sys) => {
      const { images, layers, image } = await makeImage(sys);
      const saved = await run(sys, ['docker', 'save', 'alpine:3.20']);
      await images.remove(image.id);
      let out = '';
      const p = new ProgressDisplay(async (t) => { out += t; }, true, 120);
      const lines = await applyLoad(images, layers, planLoad(saved.stdout), (id, size) => p.layer(id, 'Loading layer', size, size));
      for (const l of lines) await p.message(l);
      const [d1, d2] = image.config.rootfs.diff_ids.map((d) => d.slice(7, 19));
      expect(out).toBe(
        `\n\x1b[1A\x1b[2K\r${d1}: Loading layer [${'='.repeat(50)}>]  10.24kB/10.24kB\r\x1b[1B`
        + `\n\x1b[1A\x1b[2K\r${d2}: Loading layer [${'='.repeat(50)}>]  10.24kB/10.24kB\r\x1b[1B`
        + 'Loaded image: alpine:3.20\n',
      );
    }, { docker });
  }, 60_000);
});


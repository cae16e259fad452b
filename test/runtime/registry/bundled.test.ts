// The bundled base images: real image bytes (index -> manifest -> config and gzip layers whose
// digests and diff ids hold), the files the real images have (os-release, accounts, programs,
// package databases, layout links), their configs, and the same bytes on every build.

import { describe, expect, it } from 'vitest';
import { programName } from '../../../src/abi/program.ts';
import { gzipDecompress } from '../../../src/runtime/archive/gzip.ts';
import { unpackTar, type TarEntry } from '../../../src/runtime/archive/tar.ts';
import { digestOf } from '../../../src/runtime/oci/digest.ts';
import { sparseTarBytes } from '../../../src/runtime/layers/sparse-tar.ts';
import { BUNDLED, buildBundled, layerBlob, layerSparseTar, type BuiltImage } from '../../../src/runtime/registry/bundled.ts';
import { busyboxRootfs, distroRootfs } from '../../../src/runtime/registry/rootfs.ts';
import { layerTar, gzipLayer } from '../../../src/runtime/registry/layer-tar.ts';

const dec = new TextDecoder();

function find(repo: string, tag: string): (typeof BUNDLED)[number] {
  const d = BUNDLED.find((x) => x.repository === repo && x.tags.includes(tag));
  if (!d) throw new Error(`${repo}:${tag} missing`);
  return d;
}

interface Tree { files: Map<string, TarEntry>; config: Record<string, any> }

/** The image's files from its sparse tars (a bulk file's data is its head; the rest is zeros). */
async function open(repo: string, tag: string): Promise<{ built: BuiltImage; tree: Tree }> {
  const built = await buildBundled(find(repo, tag));
  const files = new Map<string, TarEntry>();
  for (const l of built.layers) for (const { entry } of (await layerSparseTar(l)).entries) files.set(entry.name.replace(/\/$/, ''), entry);
  return { built, tree: { files, config: JSON.parse(dec.decode(built.configBytes)) } };
}

const text = (t: Tree, path: string): string => {
  const e = t.files.get(path);
  if (!e?.data) throw new Error(`${path}: not a file in the image`);
  return dec.decode(e.data);
};
const program = (t: Tree, path: string): string | null => {
  const e = t.files.get(path);
  return e?.data ? programName(dec.decode(e.data.subarray(0, 64))) : null;
};

describe('bundled images', () => {
  it('are well-formed: index, manifest, config and layers agree with their digests', async () => {
    for (const d of BUNDLED) {
      const b = await buildBundled(d);
      const manifest = JSON.parse(dec.decode(b.manifestBytes));
      expect(digestOf(b.manifestBytes)).toBe(b.manifestDigest);
      expect(manifest.config).toMatchObject({ digest: b.configDigest, size: b.configBytes.length });
      const config = JSON.parse(dec.decode(b.configBytes));
      expect(config.architecture).toBe('amd64');
      expect(config.os).toBe('linux');
      expect(config.rootfs.diff_ids).toEqual(b.layers.map((l) => l.diffId));
      expect(config.history.filter((h: { empty_layer?: boolean }) => !h.empty_layer)).toHaveLength(b.layers.length);
      for (const [i, l] of b.layers.entries()) expect(manifest.layers[i]).toMatchObject({ digest: l.digest, size: l.size });
      if (b.indexBytes) {
        const index = JSON.parse(dec.decode(b.indexBytes));
        expect(index.manifests[0]).toMatchObject({ digest: b.manifestDigest, size: b.manifestBytes.length, platform: { architecture: 'amd64', os: 'linux' } });
      }
    }
  });

  it('small layers as bytes: the blob and the tar hash to the digests, and the tar unpacks to the sparse entries', async () => {
    for (const [repo, tag] of [['docker.io/library/busybox', 'latest'], ['docker.io/library/alpine', '3.20']] as const) {
      const b = await buildBundled(find(repo, tag));
      for (const l of b.layers) {
        const blob = await layerBlob(l);
        const sparse = await layerSparseTar(l);
        expect(blob.length).toBe(l.size);
        expect(digestOf(blob)).toBe(l.digest);
        const tar = gzipDecompress(blob).data;
        expect(digestOf(sparseTarBytes(sparse))).toBe(l.diffId);
        expect(digestOf(tar)).toBe(l.diffId);
        const unpacked = unpackTar(tar);
        expect(unpacked.map((e) => [e.name.replace(/\/$/, ''), e.type, e.size])).toEqual(sparse.entries.map(({ entry }) => [entry.name, entry.type, entry.size]));
      }
    }
  });

  it('are the same bytes every time they are generated', async () => {
    for (const source of ['alpine-3.20']) {
      const a = gzipLayer(layerTar(await distroRootfs(source, 1700000000), 1700000000));
      const b = gzipLayer(layerTar(await distroRootfs(source, 1700000000), 1700000000));
      expect(digestOf(a)).toBe(digestOf(b));
    }
    const bb = digestOf(layerTar(busyboxRootfs(), 1));
    expect(digestOf(layerTar(busyboxRootfs(), 1))).toBe(bb);
  });

  it('alpine 3.20 and 3.19: os-release, accounts, busybox applets, apk database, config', async () => {
    for (const [tag, version] of [['latest', '3.20.3'], ['3.19', '3.19.4']] as const) {
      const { tree } = await open('docker.io/library/alpine', tag);
      expect(text(tree, 'etc/os-release')).toContain(`VERSION_ID=${version}`);
      expect(text(tree, 'etc/alpine-release')).toBe(`${version}\n`);
      expect(text(tree, 'etc/passwd')).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\n/);
      expect(text(tree, 'etc/group')).toMatch(/^root:x:0:root\n/);
      expect(program(tree, 'bin/busybox')).toBe('busybox');
      expect(tree.files.get('bin/busybox')?.mode).toBe(0o755);
      expect(tree.files.get('bin/ls')).toMatchObject({ type: 'symlink', linkname: '/bin/busybox' });
      expect(tree.files.get('bin/sh')).toMatchObject({ type: 'symlink', linkname: 'busybox' });
      expect(program(tree, 'sbin/apk')).toBe('apk');
      expect(text(tree, 'lib/apk/db/installed')).toContain('P:busybox\n');
      expect(tree.files.get('var/run')).toMatchObject({ type: 'symlink', linkname: '../run' });
      expect(tree.config.config).toEqual({ Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'], WorkingDir: '/', ArgsEscaped: true });
      expect(tree.config.history[0].created_by).toBe(`ADD alpine-minirootfs-${version}-x86_64.tar.gz / # buildkit`);
    }
  });

  it('busybox: one binary with every applet linked to it, busybox accounts, no os-release', async () => {
    const { tree } = await open('docker.io/library/busybox', 'latest');
    expect(program(tree, 'bin/busybox')).toBe('busybox');
    expect(tree.files.get('bin/ls')).toMatchObject({ type: 'hardlink', linkname: 'bin/busybox' });
    expect(tree.files.get('bin/sh')).toMatchObject({ type: 'hardlink', linkname: 'bin/busybox' });
    expect(text(tree, 'etc/passwd')).toContain('nobody:x:65534:65534:nobody:/home:/bin/false\n');
    expect(tree.files.has('etc/os-release')).toBe(false);
    expect(tree.config.config).toEqual({ Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'] });
  });

  it('debian 12 and ubuntu 24.04: merged /usr, dpkg database, bash, config', async () => {
    const { tree: deb } = await open('docker.io/library/debian', 'bookworm');
    expect(text(deb, 'usr/lib/os-release')).toContain('VERSION_CODENAME=bookworm');
    expect(deb.files.get('etc/os-release')).toMatchObject({ type: 'symlink', linkname: '../usr/lib/os-release' });
    expect(deb.files.get('bin')).toMatchObject({ type: 'symlink', linkname: 'usr/bin' });
    expect(deb.files.get('lib')).toMatchObject({ type: 'symlink', linkname: 'usr/lib' });
    expect(program(deb, 'usr/bin/bash')).toBe('bash');
    expect(program(deb, 'usr/bin/ls')).toBe('ls');
    expect(program(deb, 'usr/bin/apt-get')).toBe('apt-get');
    expect(text(deb, 'etc/passwd')).toMatch(/^root:x:0:0:root:\/root:\/bin\/bash\n/);
    expect(text(deb, 'var/lib/dpkg/status')).toContain('Package: bash\n');
    expect(deb.config.config).toEqual({ Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['bash'] });
    expect(deb.config.history[0].comment).toBe('debuerreotype 0.15');

    const { tree: ub } = await open('docker.io/library/ubuntu', '24.04');
    const osr = ub.files.get('etc/os-release')?.type === 'symlink' ? text(ub, 'usr/lib/os-release') : text(ub, 'etc/os-release');
    expect(osr).toContain('VERSION_ID="24.04"');
    expect(ub.files.get('bin')).toMatchObject({ type: 'symlink', linkname: 'usr/bin' });
    expect(program(ub, 'usr/bin/ls')).toBe('ls');
    expect(ub.config.config.Cmd).toEqual(['/bin/bash']);
    expect(ub.config.config.Labels).toEqual({ 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' });
  });

  it('ubi8: /var/run -> ../run, rpm database, yum and dnf, two layers, Red Hat config', async () => {
    const { built, tree } = await open('registry.access.redhat.com/ubi8/ubi', '8.1');
    expect(built.layers).toHaveLength(2);
    expect(built.indexBytes).toBeUndefined();
    expect(text(tree, 'etc/os-release')).toContain('VERSION_ID="8.1"');
    expect(tree.files.get('var/run')).toMatchObject({ type: 'symlink', linkname: '../run' });
    expect(tree.files.get('bin')).toMatchObject({ type: 'symlink', linkname: 'usr/bin' });
    expect(program(tree, 'usr/bin/yum')).toBe('yum');
    expect(program(tree, 'usr/bin/dnf')).toBe('dnf');
    expect(program(tree, 'usr/bin/bash')).toBe('bash');
    expect(tree.files.has('var/lib/rpm/cowbox-rpmdb') || [...tree.files.keys()].some((k) => k.startsWith('var/lib/rpm/'))).toBe(true);
    expect(tree.files.has('root/buildinfo/Dockerfile-ubi8-8.1-328')).toBe(true);
    expect(tree.config.config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'container=oci']);
    expect(tree.config.config.Cmd).toEqual(['/bin/bash']);
    expect(tree.config.config.Labels).toMatchObject({ name: 'ubi8', version: '8.1', vendor: 'Red Hat, Inc.', 'com.redhat.component': 'ubi8-container' });
    const latest = await buildBundled(find('registry.access.redhat.com/ubi8/ubi', 'latest'));
    expect(latest.manifestDigest).toBe(built.manifestDigest);
  });

  it('weigh what the real images weigh (docker images: busybox 4.3MB, alpine 7.8MB, debian 117MB, ubuntu 78.1MB, ubi8 205MB)', async () => {
    const real: Array<[string, string, number]> = [
      ['docker.io/library/busybox', 'latest', 4.3e6], ['docker.io/library/alpine', '3.20', 7.8e6], ['docker.io/library/alpine', '3.19', 7.4e6],
      ['docker.io/library/debian', '12', 117e6], ['docker.io/library/ubuntu', '24.04', 78.1e6], ['registry.access.redhat.com/ubi8/ubi', '8.1', 205e6],
    ];
    for (const [repo, tag, size] of real) {
      const b = await buildBundled(find(repo, tag));
      // What `docker images` adds up: the bytes of the files and link targets of every layer.
      let total = 0;
      for (const l of b.layers) for (const { entry } of (await layerSparseTar(l)).entries) total += entry.type === 'file' ? entry.size : entry.type === 'symlink' ? entry.linkname.length : 0;
      expect(total / size, `${repo}:${tag}`).toBeGreaterThan(0.9);
      expect(total / size, `${repo}:${tag}`).toBeLessThan(1.15);
    }
  });

  it('keep only headers and heads in memory: the bulk is zeros that are never allocated', async () => {
    const b = await buildBundled(find('registry.access.redhat.com/ubi8/ubi', '8.1'));
    let held = 0;
    let size = 0;
    for (const l of b.layers) {
      const tar = await layerSparseTar(l);
      size += tar.size;
      for (const { header, entry } of tar.entries) held += header.length + (entry.data?.length ?? 0);
    }
    expect(size).toBeGreaterThan(200e6);
    expect(held).toBeLessThan(1e6);
  });
});

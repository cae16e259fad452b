// Interoperability with the real OCI tools on this machine (Debian's oci-image-tool, umoci,
// skopeo; scripts/ensure-oci-tools.sh installs them): an image the simulator saves validates,
// unpacks with umoci to the tree the simulator's export gives, and converts with skopeo to a
// docker-archive the simulator loads back; an image umoci builds (with a whiteout and an opaque
// dir) loads into the simulator and shows the right files through an overlay mount.

import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packTar, type TarEntry, unpackTar } from '../../../src/runtime/archive/tar.ts';
import { ImageStore } from '../../../src/runtime/images/image-store.ts';
import { listEntries, readText } from '../../../src/runtime/sys-files.ts';
import { LayerStore, overlayOptions } from '../../../src/runtime/layers/layer-store.ts';
import { tarOfMerged } from '../../../src/runtime/transfer/export.ts';
import { configFor, run, withSys } from '../layers/helpers.ts';
import { docker, sh, TOOLS } from './tools.ts';

const te = new TextEncoder();
const text = (b: Uint8Array) => new TextDecoder().decode(b);

const work = mkdtempSync(join(tmpdir(), 'cowbox-interop-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function entry(name: string, type: TarEntry['type'], o: Partial<TarEntry> & { text?: string } = {}): TarEntry {
  const data = o.text !== undefined ? te.encode(o.text) : undefined;
  return {
    name, type, mode: o.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644), uid: o.uid ?? 0, gid: o.gid ?? 0,
    uname: '', gname: '', mtime: o.mtime ?? 1700000000, size: data?.length ?? 0, linkname: o.linkname ?? '', devmajor: 0, devminor: 0, data,
  };
}

const LONG = `deep/${'d'.repeat(90)}/${'f'.repeat(60)}.txt`;
const BASE = packTar([
  entry('bin/', 'dir'), entry('bin/busybox', 'file', { mode: 0o755, text: 'busybox' }), entry('bin/sh', 'symlink', { linkname: 'busybox' }),
  entry('bin/su', 'file', { mode: 0o4755, text: 'su' }), entry('bin/ln-to-busybox', 'hardlink', { linkname: 'bin/busybox' }),
  entry('etc/', 'dir'), entry('etc/motd', 'file', { text: 'welcome\n' }), entry('etc/shadow', 'file', { mode: 0o640, gid: 42, text: 'root:*:1::::::\n' }),
  entry('home/', 'dir'), entry('home/user/', 'dir', { mode: 0o700, uid: 1000, gid: 1000 }), entry('home/user/.profile', 'file', { uid: 1000, gid: 1000, text: 'PS1=$\n' }),
  entry('opt/', 'dir'), entry('opt/app/', 'dir'), entry('opt/app/old', 'file', { text: 'old' }),
  entry('deep/', 'dir'), entry(`deep/${'d'.repeat(90)}/`, 'dir'), entry(LONG, 'file', { text: 'long name' }),
  entry('tmp/', 'dir', { mode: 0o1777 }),
]);
const TOP = packTar([
  entry('etc/', 'dir'), entry('etc/.wh.motd', 'file'), entry('etc/issue', 'file', { text: 'cowbox\n' }),
  entry('opt/', 'dir'), entry('opt/app/', 'dir'), entry('opt/app/.wh..wh..opq', 'file'), entry('opt/app/new', 'file', { mode: 0o600, text: 'new' }),
]);

/** The parts of Docker's -init layer that an image does not have (export shows them). */
const INIT_ONLY = new Set(['.dockerenv', 'dev', 'dev/console', 'dev/pts', 'dev/shm', 'etc/hostname', 'etc/hosts', 'etc/mtab', 'etc/resolv.conf', 'proc', 'sys']);

type Node = { type: string; mode: number; uid: number; gid: number; content?: string; mtime?: number };

/** A tree on the host as path -> node. */
function hostTree(root: string): Record<string, Node> {
  const out: Record<string, Node> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(root, path));
      const type = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : 'other';
      out[path] = {
        type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid,
        ...(type === 'file' ? { content: readFileSync(join(root, path), 'utf8'), mtime: Math.floor(st.mtimeMs / 1000) } : type === 'symlink' ? { content: readlinkSync(join(root, path)) } : {}),
      };
      if (type === 'dir') walk(path);
    }
  };
  walk('');
  return out;
}

/** An export tar as path -> node (hard links resolved to their first name's content). */
function tarTree(tar: Uint8Array): Record<string, Node> {
  const out: Record<string, Node> = {};
  for (const e of unpackTar(tar)) {
    const path = e.name.replace(/\/$/, '');
    if (e.type === 'hardlink') {
      out[path] = { ...out[e.linkname]! };
      continue;
    }
    out[path] = {
      type: e.type, mode: e.mode, uid: e.uid, gid: e.gid,
      ...(e.type === 'file' ? { content: text(e.data!), mtime: e.mtime } : e.type === 'symlink' ? { content: e.linkname } : {}),
    };
  }
  return out;
}

describe.skipIf(!TOOLS)('real OCI tools', () => {
  it('validates, unpacks and converts what docker save writes', async () => {
    const dir = join(work, 'save');
    mkdirSync(dir);
    await withSys(async (sys) => {
      const layers = new LayerStore(sys);
      const images = new ImageStore(sys);
      const l1 = await layers.register(BASE, null);
      const l2 = await layers.register(TOP, l1.chainId);
      const image = await images.create(configFor([l1.diffId, l2.diffId]));
      await images.tag(image.id, 'alpine:3.20');
      const saved = await run(sys, ['docker', 'save', 'alpine:3.20']);
      expect(saved.stderr).toBe('');
      writeFileSync(join(dir, 'save.tar'), saved.stdout);
      const rw = await layers.createRW('c1', l2.chainId);
      const exported = tarTree(await tarOfMerged(sys, [rw.upperDir, ...rw.lowerDirs]));

      // oci-image-tool validates the layout and its tag.
      mkdirSync(join(dir, 'layout'));
      sh('tar', ['-xf', 'save.tar', '-C', 'layout'], dir);
      expect(sh('oci-image-tool', ['validate', '--type', 'image', '--ref', 'name=3.20', 'layout'], dir)).toContain('Validation succeeded');
      // umoci unpacks it to the tree export gives (less the -init layer's own entries).
      sh('umoci', ['unpack', '--image', 'layout:3.20', 'bundle'], dir);
      const unpacked = hostTree(join(dir, 'bundle', 'rootfs'));
      const fromExport = Object.fromEntries(Object.entries(exported).filter(([p]) => !INIT_ONLY.has(p)));
      expect(unpacked).toEqual(fromExport);
      expect(unpacked['etc/motd']).toBeUndefined();
      expect(Object.keys(unpacked).filter((p) => p.startsWith('opt/app/'))).toEqual(['opt/app/new']);
      expect(lstatSync(join(dir, 'bundle/rootfs/bin/ln-to-busybox')).ino).toBe(lstatSync(join(dir, 'bundle/rootfs/bin/busybox')).ino);

      // skopeo converts it to a docker-archive, which loads back as the same image.
      sh('skopeo', ['copy', '-q', 'oci-archive:save.tar:3.20', 'docker-archive:converted.tar:conv:1'], dir);
      const back = await run(sys, ['docker', 'load'], readFileSync(join(dir, 'converted.tar')));
      expect(back.stderr).toBe('');
      expect(text(back.stdout)).toBe('Loaded image: conv:1\n');
      expect((await images.resolve('conv:1'))!.id).toBe(image.id);
    }, { docker });
  }, 120_000);

  it('loads an image umoci made, with its whiteout and opaque dir in effect', async () => {
    const dir = join(work, 'umoci');
    for (const d of ['b/etc', 'b/opt/app', 't/etc', 't/opt/app']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'b/etc/motd'), 'hi\n');
    writeFileSync(join(dir, 'b/etc/keep'), 'keep\n');
    writeFileSync(join(dir, 'b/opt/app/a'), 'a\n');
    writeFileSync(join(dir, 't/etc/.wh.motd'), '');
    writeFileSync(join(dir, 't/opt/app/.wh..wh..opq'), '');
    writeFileSync(join(dir, 't/opt/app/c'), 'c\n');
    sh('tar', ['--numeric-owner', '-C', 'b', '-cf', 'base.tar', 'etc', 'opt'], dir);
    sh('tar', ['--numeric-owner', '-C', 't', '-cf', 'top.tar', 'etc', 'opt'], dir);
    sh('umoci', ['init', '--layout', 'img'], dir);
    sh('umoci', ['new', '--image', 'img:v1'], dir);
    sh('umoci', ['raw', 'add-layer', '--image', 'img:v1', 'base.tar'], dir);
    sh('umoci', ['raw', 'add-layer', '--image', 'img:v1', 'top.tar'], dir);
    sh('tar', ['-cf', 'umoci.tar', '-C', 'img', '.'], dir);
    await withSys(async (sys) => {
      const r = await run(sys, ['docker', 'load'], readFileSync(join(dir, 'umoci.tar')));
      expect(r.stderr).toBe('');
      const m = /^Loaded image ID: (sha256:[0-9a-f]{64})\n$/.exec(text(r.stdout));
      expect(m).not.toBeNull();
      const image = (await new ImageStore(sys).resolve(m![1]!))!;
      expect(image.layers).toHaveLength(2);
      const layers = new LayerStore(sys);
      const top = (await layers.get(image.layers[1]!))!;
      expect((await sys.lstat(`${top.diffDir}/etc/motd`)).rdev).toBe(0);
      expect(text(await sys.getxattr(`${top.diffDir}/opt/app`, 'trusted.overlay.opaque'))).toBe('y');
      const rw = await layers.createRW('c1', image.layers[1]!);
      await sys.mount('overlay', rw.mergedDir, 'overlay', overlayOptions(rw));
      const names = async (p: string) => (await listEntries(sys, `${rw.mergedDir}${p}`)).map((e) => e.name);
      expect(await names('/etc')).toEqual(['hostname', 'hosts', 'keep', 'mtab', 'resolv.conf']);
      expect(await names('/opt/app')).toEqual(['c']);
      expect(await readText(sys, `${rw.mergedDir}/opt/app/c`)).toBe('c\n');
      expect(await readText(sys, `${rw.mergedDir}/etc/keep`)).toBe('keep\n');
      await sys.umount(rw.mergedDir);
    }, { docker });
  }, 120_000);
});

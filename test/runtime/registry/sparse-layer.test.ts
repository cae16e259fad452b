// The two ways a layer gets in: a full tar (register, as docker load and builds give them) and a
// sparse tar with its known diff id (registerSparse, as a bundled image's pull gives it). Both
// must leave the same layer: the same files and sizes, the same tar-split, so tarOf gives back
// the same bytes; and zero blocks inside a full tar's file are left as holes yet read back.

import { describe, expect, it } from 'vitest';
import { archiveEnd, entryHeader, packTar, type TarEntry } from '../../../src/runtime/archive/tar.ts';
import { LayerStore } from '../../../src/runtime/layers/layer-store.ts';
import { sparseTar, sparseTarBytes, splitSparseTar } from '../../../src/runtime/layers/sparse-tar.ts';
import { splitTar } from '../../../src/runtime/layers/tar-split.ts';
import { digestOf } from '../../../src/runtime/oci/digest.ts';
import { withSys } from '../layers/helpers.ts';

const te = new TextEncoder();
const base = { uid: 0, gid: 0, uname: '', gname: '', mtime: 1700000000, linkname: '', devmajor: 0, devminor: 0 };
const entries: TarEntry[] = [
  { ...base, name: 'usr', type: 'dir', mode: 0o755, size: 0 },
  { ...base, name: 'usr/lib', type: 'dir', mode: 0o755, size: 0 },
  { ...base, name: 'usr/lib/libbig.so', type: 'file', mode: 0o755, size: 300_000, data: te.encode('head of a big library\n') },
  { ...base, name: 'usr/lib/ro.dat', type: 'file', mode: 0o444, size: 70_000, data: te.encode('read-only bulk\n') },
  { ...base, name: 'usr/lib/small', type: 'file', mode: 0o644, size: 5, data: te.encode('hello') },
  { ...base, name: `usr/lib/${'long-name-'.repeat(12)}`, type: 'file', mode: 0o644, size: 1000, data: te.encode('x') },
  { ...base, name: 'usr/lib/link.so', type: 'symlink', mode: 0o777, size: 0, linkname: 'libbig.so' },
  { ...base, name: 'empty', type: 'file', mode: 0o644, size: 0, data: new Uint8Array(0) },
];

async function readAll(sys: import('../../../src/sys/sys.ts').Sys, path: string): Promise<Uint8Array> {
  const fd = await sys.open(path, 0);
  try {
    return await sys.readAll(fd);
  } finally {
    await sys.close(fd);
  }
}

describe('sparse layers', () => {
  it('registerSparse leaves the layer register leaves for the same bytes', async () => {
    const sparse = sparseTar(entries.map((entry) => ({ header: entryHeader(entry), entry })), archiveEnd);
    const full = sparseTarBytes(sparse);
    const padded = entries.map((e) => (e.type === 'file' ? { ...e, data: (() => { const d = new Uint8Array(e.size); d.set(e.data!); return d; })() } : e));
    expect(digestOf(full)).toBe(digestOf(packTar(padded)));
    expect(splitSparseTar(sparse)).toEqual(splitTar(full));
    const diffId = digestOf(full);
    await withSys(async (sys) => {
      const a = await new LayerStore(sys, '/tmp/a').register(full, null);
      const b = await new LayerStore(sys, '/tmp/b').registerSparse(sparse, diffId, null);
      expect(b.chainId).toBe(a.chainId);
      expect(b.size).toBe(a.size);
      for (const e of entries.filter((x) => x.type === 'file')) {
        const [sa, sb] = [await sys.lstat(`${a.diffDir}/${e.name}`), await sys.lstat(`${b.diffDir}/${e.name}`)];
        expect([sb.size, sb.mode, sb.mtimeNs]).toEqual([sa.size, sa.mode, sa.mtimeNs]);
        expect(digestOf(await readAll(sys, `${b.diffDir}/${e.name}`))).toBe(digestOf(await readAll(sys, `${a.diffDir}/${e.name}`)));
      }
      expect(digestOf(await new LayerStore(sys, '/tmp/b').tarOf(b.chainId))).toBe(diffId);
      expect(digestOf(await new LayerStore(sys, '/tmp/a').tarOf(a.chainId))).toBe(diffId);
    });
  });

  it('unpacks zero blocks inside a file as holes that read back as zeros', async () => {
    const data = new Uint8Array(5 * 65536 + 100);
    data.set(te.encode('start'), 0);
    data.set(te.encode('middle'), 2 * 65536 + 7);
    data[data.length - 1] = 9;
    const tar = packTar([{ ...base, name: 'f', type: 'file', mode: 0o600, size: data.length, data }]);
    await withSys(async (sys) => {
      const l = await new LayerStore(sys).register(tar, null);
      expect(digestOf(await readAll(sys, `${l.diffDir}/f`))).toBe(digestOf(data));
      expect(digestOf(await new LayerStore(sys).tarOf(l.chainId))).toBe(digestOf(tar));
    });
  });
});

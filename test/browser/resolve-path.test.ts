// The Layer stack's path lookup, in Node: which layer a merged-view path comes from, what it
// shadows, and how whiteouts and opaque directories stop the layers below from showing.

import { describe, expect, it } from 'vitest';
import type { LayerEntry, LayerSnapshot } from '../../src/protocol/kernel-api.ts';
import { resolvePath } from '../../src/ui/panels/layers/resolve-path.ts';

const f = (path: string, extra: Partial<LayerEntry> = {}): LayerEntry => ({ path, type: 'file', size: 1, whiteout: false, opaque: false, ...extra });
const d = (path: string, extra: Partial<LayerEntry> = {}): LayerEntry => f(path, { type: 'dir', size: 0, ...extra });
const layer = (role: 'upper' | 'lower', label: string, index: number, entries: LayerEntry[]): LayerSnapshot =>
  ({ role, label, index, entries, bytes: 0, files: 0, truncated: false });

describe('resolvePath', () => {
  it('finds a copied-up file in the upper layer, shadowing the lower copy', () => {
    const r = resolvePath([layer('upper', '/u', 0, [f('/hostname')]), layer('lower', '/etc', 1, [f('/hostname')])], 'hostname');
    expect(r.verdicts).toEqual(['source', 'shadowed']);
    expect(r.summary).toBe('/hostname comes from the upper layer /u; it shadows the lower layer /etc.');
  });

  it('reports a whiteout as a deletion of what is below', () => {
    const r = resolvePath([layer('upper', '/u', 0, [f('/passwd', { type: 'chardev', whiteout: true })]), layer('lower', '/etc', 1, [f('/passwd')])], '/passwd');
    expect(r.source).toBe(-1);
    expect(r.verdicts).toEqual(['whiteout', 'shadowed']);
    expect(r.summary).toBe('/passwd is deleted: a whiteout in the upper layer /u hides the lower layer /etc.');
  });

  it('merges directories until one is opaque', () => {
    const layers = [
      layer('upper', '/u', 0, [d('/opt')]),
      layer('lower', '/l1', 1, [d('/opt', { opaque: true }), f('/opt/a')]),
      layer('lower', '/l2', 2, [d('/opt'), f('/opt/b')]),
    ];
    expect(resolvePath(layers, '/opt').verdicts).toEqual(['source', 'merged', 'hidden-by-opaque']);
    expect(resolvePath(layers, '/opt/a').summary).toBe('/opt/a comes from the lower layer /l1.');
    const b = resolvePath(layers, '/opt/b');
    expect(b.verdicts).toEqual(['absent', 'absent', 'hidden-by-opaque']);
    expect(b.source).toBe(-1);
  });

  it('takes the top lower layer first', () => {
    const r = resolvePath([layer('lower', '/top', 1, [f('/x')]), layer('lower', '/bottom', 2, [f('/x'), f('/y')])], '/y');
    expect(r.verdicts).toEqual(['absent', 'source']);
    expect(resolvePath([layer('lower', '/top', 1, [f('/x')]), layer('lower', '/bottom', 2, [f('/x')])], '/x').verdicts).toEqual(['source', 'shadowed']);
  });

  it('says when a mount over the overlay decides the path: a volume, a bind, a filesystem', () => {
    const layers = [layer('upper', '/u', 0, [d('/data')]), layer('lower', '/img', 1, [d('/etc'), f('/etc/hostname'), d('/proc')])];
    const covers = [
      { path: '/proc', fsType: 'proc', root: '/' },
      { path: '/data', fsType: 'ext4', root: '/var/lib/docker/volumes/data/_data' },
      { path: '/etc/hostname', fsType: 'ext4', root: '/var/lib/docker/containers/abc/hostname' },
    ];
    expect(resolvePath(layers, '/data/greeting', covers).summary)
      .toBe('/data/greeting is not from the overlay: docker volume data is mounted at /data.');
    const host = resolvePath(layers, '/etc/hostname', covers);
    expect(host.summary).toBe('/etc/hostname is not from the overlay: a bind mount of /var/lib/docker/containers/abc/hostname (ext4) is mounted at '
      + '/etc/hostname. The copy in the lower layer /img is hidden under it.');
    // The layers' verdicts still say where the hidden copy is.
    expect(host.verdicts).toEqual(['absent', 'source']);
    expect(resolvePath(layers, '/proc/1/status', covers).summary).toBe('/proc/1/status is not from the overlay: a proc filesystem is mounted at /proc.');
    // Only the mount point and what is below it: /etc itself is the overlay's.
    expect(resolvePath(layers, '/etc', covers).summary).toBe('/etc comes from the lower layer /img.');
    expect(resolvePath(layers, '/database', covers).summary).toBe('/database is in no layer.');
  });
});

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
});

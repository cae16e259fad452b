// The table of bundled layer digests (src/runtime/registry/bundled-digests.ts) is current: every
// bundled layer's fingerprint is in it, and its digests are what streaming the layer's bytes
// through SHA-256 gives (node's, for speed; the page's own streaming hasher is checked against
// it on a small layer). When a catalog changes this fails: regenerate the table with
//   npx tsx test/runtime/registry/gen-bundled-digests.ts

import { describe, expect, it } from 'vitest';
import { BUNDLED_DIGESTS } from '../../../src/runtime/registry/bundled-digests.ts';
import { BUNDLED, bundledLayerTars } from '../../../src/runtime/registry/bundled.ts';
import { computeLayerDigests, sparseTarFingerprint } from '../../../src/runtime/registry/layer-tar.ts';
import { bundledDigestTable, nodeLayerDigests } from './gen-bundled-digests.ts';

describe('bundled layer digests', () => {
  it('has every bundled layer, with the digests its bytes hash to', async () => {
    const rows = await bundledDigestTable();
    const table = Object.fromEntries(rows.map(([key, v]) => [key, v]));
    expect(BUNDLED_DIGESTS, 'stale: run npx tsx test/runtime/registry/gen-bundled-digests.ts').toEqual(table);
  }, 60_000);

  it('the streaming hasher the page uses gives the same digests', async () => {
    const busybox = BUNDLED.find((d) => d.repository === 'docker.io/library/busybox')!;
    const [tar] = await bundledLayerTars(busybox);
    expect(computeLayerDigests(tar!)).toEqual(nodeLayerDigests(tar!));
    expect(BUNDLED_DIGESTS[sparseTarFingerprint(tar!)]).toEqual(nodeLayerDigests(tar!));
  });
});

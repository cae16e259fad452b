// Every package of every catalog lays out its files: each file spec is well formed (a kind, an
// absolute path, an octal mode where one goes), so a spec run into the next one by a missing
// newline fails here instead of dropping files from an image without a word.

import { describe, expect, it } from 'vitest';
import { DISTRIBUTIONS, catalogFor } from '../../../src/runtime/distro/index.ts';
import { expand } from '../../../src/runtime/distro/expand.ts';

describe('catalog file specs', () => {
  for (const id of DISTRIBUTIONS) {
    it(`${id}: every package expands`, async () => {
      const catalog = await catalogFor(id);
      let files = 0;
      for (const versions of catalog.packages.values()) for (const p of versions) files += expand(catalog, p).length;
      expect(files).toBeGreaterThan(100);
    });
  }

  it('refuses two specs run together', async () => {
    const catalog = await catalogFor('debian-12');
    const p = { ...catalog.packages.get('coreutils')![0]!, files: ['x /bin/true truex /usr/bin/[ ['] };
    expect(() => expand(catalog, p)).toThrow(/bad file spec for coreutils: x \/bin\/true truex/);
  });
});

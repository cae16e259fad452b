// The engine's shared file helpers: mkdir -p with a leaf mode apart from its parents' (what the
// container store needs) or one mode for all (os.MkdirAll), rm -rf, listings in Go's byte order,
// reads of missing files as null, and atomic writes that leave nothing aside.

import { describe, expect, it } from 'vitest';
import {
  exists, listNames, listNamesOrEmpty, mkdirAll, randomHex, readTextIfReadable, readTextOrNull, removeAll, writeFile,
  writeFileAtomic,
} from '../../src/runtime/sys-files.ts';
import { byteCompare, goJson, goQuote, humanSize, rfc3339Nano } from '../../src/runtime/go-style.ts';
import { withSys } from './layers/helpers.ts';

describe('sys-files', () => {
  it('mkdirAll gives the leaf its mode and the parents theirs', async () => {
    const modes = await withSys(async (sys) => {
      await sys.umask(0);
      await mkdirAll(sys, '/tmp/a/b/c', 0o710, 0o755);
      await mkdirAll(sys, '/tmp/x/y', 0o700);
      await mkdirAll(sys, '/tmp/x/y', 0o755); // already there: nothing changes
      const m = async (p: string): Promise<number> => (await sys.stat(p)).mode & 0o7777;
      return [await m('/tmp/a'), await m('/tmp/a/b'), await m('/tmp/a/b/c'), await m('/tmp/x'), await m('/tmp/x/y')];
    });
    expect(modes).toEqual([0o755, 0o755, 0o710, 0o700, 0o700]);
  });

  it('lists in byte order, reads missing files as null, writes atomically and removes trees', async () => {
    const got = await withSys(async (sys) => {
      await mkdirAll(sys, '/tmp/d/sub');
      for (const n of ['b', 'B', 'a', 'é']) await writeFile(sys, `/tmp/d/${n}`, n);
      await writeFileAtomic(sys, '/tmp/d/sub/doc', 'one');
      await writeFileAtomic(sys, '/tmp/d/sub/doc', 'two');
      const names = await listNames(sys, '/tmp/d');
      const sub = await listNames(sys, '/tmp/d/sub');
      const text = await readTextOrNull(sys, '/tmp/d/sub/doc');
      const missing = [await readTextOrNull(sys, '/tmp/nope'), await readTextOrNull(sys, '/tmp/d/a/below'), await readTextIfReadable(sys, '/tmp/d')];
      await removeAll(sys, '/tmp/d');
      await removeAll(sys, '/tmp/d');
      return { names, sub, text, missing, gone: !(await exists(sys, '/tmp/d')), empty: await listNamesOrEmpty(sys, '/tmp/d'), hex: await randomHex(sys, 4) };
    });
    expect(got.names).toEqual(['B', 'a', 'b', 'sub', 'é']);
    expect(got.sub).toEqual(['doc']);
    expect(got.text).toBe('two');
    expect(got.missing).toEqual([null, null, null]);
    expect(got.gone).toBe(true);
    expect(got.empty).toEqual([]);
    expect(got.hex).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('go-style', () => {
  it('writes values as Go does', () => {
    expect(rfc3339Nano(1_700_000_000_120_000_000n)).toBe('2023-11-14T22:13:20.12Z');
    expect(rfc3339Nano(1_700_000_000_000_000_000n)).toBe('2023-11-14T22:13:20Z');
    expect(goJson({ a: '<b>&\u2028' })).toBe('{"a":"\\u003cb\\u003e\\u0026\\u2028"}');
    expect(goQuote('a"b\n\x07\x01')).toBe('"a\\"b\\n\\a\\x01"');
    expect(['b', 'é', 'B', '\u{1F600}', '\uFFFD'].sort(byteCompare)).toEqual(['B', 'b', 'é', '\uFFFD', '\u{1F600}']);
    expect([0, 999, 1000, 1234, 123456789, 2_050_000].map((n) => humanSize(n))).toEqual(['0B', '999B', '1kB', '1.234kB', '123.5MB', '2.05MB']);
    expect(humanSize(1234, 3)).toBe('1.23kB');
  });
});

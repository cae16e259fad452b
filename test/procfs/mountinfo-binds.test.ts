// mountinfo's fourth column for bind mounts: the path of the bind's root inside its filesystem,
// as Linux prints it (measured with `unshare -m` and `mount --bind`: a bind of /a/b shows /a/b, a
// bind of a directory inside that bind shows /a/b/c), however many files the filesystem holds.

import { describe, expect, it } from 'vitest';
import { O_CREAT, O_WRONLY } from '../../src/abi/open-flags.ts';
import { readText, withProc } from './helpers.ts';

describe('mountinfo roots of bind mounts', () => {
  it('name the source path, for a bind of a bind and beside thousands of files', async () => {
    await withProc(async (sys) => {
      for (const d of ['/a', '/a/b', '/a/b/c', '/m', '/n', '/many']) await sys.mkdir(d);
      // A wide directory near the root: the bind's path must not be looked for among these.
      for (let i = 0; i < 6000; i++) await sys.close(await sys.open(`/many/${i}`, O_CREAT | O_WRONLY, 0o644));
      await sys.bindMount('/a/b', '/m');
      await sys.bindMount('/m/c', '/n');
      const rows = (await readText(sys, '/proc/self/mountinfo')).split('\n').map((l) => l.split(' '));
      expect(rows.find((f) => f[4] === '/m')?.[3]).toBe('/a/b');
      expect(rows.find((f) => f[4] === '/n')?.[3]).toBe('/a/b/c');
    });
  }, 60_000);
});

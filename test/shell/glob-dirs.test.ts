// Which directories pathname expansion reads, against dash recorded under strace
// (fixtures/record-glob-dirs.py): a word is a pattern only when dash's expmeta says so, so a lone
// `[` (every `[ ... ]` test in a loop) reads no directory, and a word that is one reads the same
// directories dash opens, in the same order.

import { describe, expect, it } from 'vitest';
import { O_DIRECTORY } from '../../src/abi/open-flags.ts';
import recorded from './fixtures/glob-dirs.json' with { type: 'json' };
import { CASE_DIR, runSh } from './run-sh.ts';

describe('pathname expansion reads the directories dash reads', () => {
  for (const c of recorded.cases) {
    it(`echo ${c.word}`, async () => {
      const files = Object.fromEntries(recorded.files.map((f) => [`${CASE_DIR}/${f}`, '']));
      const r = await runSh(`echo ${c.word}`, { files, trace: true });
      expect(r.stdout).toBe(c.stdout);
      const dirs = r.calls!
        .filter((e) => e.name === 'openat' && (Number(e.args[2]) & O_DIRECTORY) !== 0)
        .map((e) => String(e.args[1]));
      expect(dirs).toEqual(c.dirs);
    });
  }
});

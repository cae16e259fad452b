// Replays every recorded dash case on the simulated shell and compares stdout, stderr and the
// exit status exactly. Cases in waiting.md need programs that are not installed yet and are
// skipped; cases in differences.md must still differ (so the list cannot go stale).

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { caseNames, loadCase, readList } from './replay.ts';

const waiting = readList('waiting.md', 'Waiting');
const differences = readList('differences.md', 'Kept differences');
const names = caseNames();

describe('shell conformance with dash', () => {
  it('lists only cases that exist', () => {
    for (const n of [...waiting.keys(), ...differences.keys()]) expect(names).toContain(n);
  });

  for (const name of names) {
    const run = waiting.has(name) ? it.skip : it;
    run(name, async () => {
      const { script, recording } = loadCase(name);
      const got = await runSh(script);
      if (differences.has(name)) {
        expect(got, `listed in differences.md but now matches dash`).not.toEqual(recording);
        return;
      }
      expect(got).toEqual(recording);
    });
  }
});

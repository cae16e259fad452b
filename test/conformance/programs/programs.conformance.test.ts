// Replays every case recorded from this machine's real tools (record.py) on the simulated
// userland and compares stdout, stderr and exit status exactly. Cases in differences.md must
// still differ, so that list cannot go stale. Run one program's cases with
// `npx vitest run test/conformance/programs -t 'ls-'`.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { readList, type Recording } from '../shell/replay.ts';

const here = new URL('.', import.meta.url).pathname;
const names = readdirSync(`${here}/cases`).filter((f) => f.endsWith('.sh')).map((f) => f.slice(0, -3)).sort();
// One list per program family (differences/<family>.md), so families are edited apart.
const differences = new Map<string, string>();
for (const f of readdirSync(`${here}/differences`).filter((n) => n.endsWith('.md'))) {
  for (const [k, v] of readList(`../programs/differences/${f}`, 'Kept differences')) differences.set(k, v);
}

describe('userland conformance with the real tools', () => {
  it('lists only cases that exist', () => {
    for (const n of differences.keys()) expect(names).toContain(n);
  });

  for (const name of names) {
    it(name, async () => {
      const script = readFileSync(`${here}/cases/${name}.sh`, 'utf8').replace(/\n+$/, '');
      const recording = JSON.parse(readFileSync(`${here}/recordings/${name}.json`, 'utf8')) as Recording;
      const got = await runSh(script);
      if (differences.has(name)) {
        expect(got, 'listed in differences.md but now matches the real tool').not.toEqual(recording);
        return;
      }
      expect(got).toEqual(recording);
    });
  }
});

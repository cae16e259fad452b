// docker diff replayed against recordings of the real CLI: `KIND PATH` lines, no header,
// nothing for an unchanged container, the daemon's error for a missing one.

import { describe, expect, it } from 'vitest';
import { renderDiff } from '../../../src/programs/docker/cmd/diff.ts';
import { loadRecording } from './replay.ts';

const { dataset, runs } = loadRecording('varied');

describe('docker diff', () => {
  for (const run of runs.filter((r) => r.args[0] === 'diff')) {
    it(run.args.join(' '), () => {
      const ref = run.args[1]!;
      const c = dataset.containers.find((x) => x.Name === `/${ref}`);
      const changes = c ? (dataset.changes[c.Id] ?? []).map(([kind, path]) => ({ kind, path })) : null;
      const got = renderDiff(changes, ref);
      expect({ stdout: got.stdout ?? '', stderr: got.stderr ?? '', status: got.status }).toEqual({ stdout: run.stdout, stderr: run.stderr, status: run.status });
    });
  }
});

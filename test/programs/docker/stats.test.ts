// docker stats --no-stream replayed against recordings of the real CLI: CPU % from the two
// samples times online CPUs, memory without inactive_file in binary units, I/O in decimal.

import { describe, expect, it } from 'vitest';
import { renderStats, type StatsRow, streamFrame } from '../../../src/programs/docker/cmd/stats.ts';
import { parseCommand } from '../../../src/programs/docker/format/cli.ts';
import { specFor } from '../../../src/programs/docker/format/specs.ts';
import { noSuchContainer } from '../../../src/programs/docker/format/state.ts';
import { containersOf, loadRecording } from './replay.ts';

for (const name of ['varied', 'empty']) {
  const { dataset, runs } = loadRecording(name);
  describe(`docker stats (${name})`, () => {
    for (const run of runs.filter((r) => r.args[0] === 'stats')) {
      it(run.args.join(' '), () => {
        const flags = parseCommand(specFor('stats', 'stats'), 'stats', run.args.slice(1));
        if (!('values' in flags)) throw new Error('flags');
        const targets = flags.operands.length
          ? flags.operands.map((ref) => [ref, dataset.containers.find((c) => c.Name === `/${ref}` || c.Id.startsWith(ref))] as const)
          : containersOf(dataset)
              .filter((c) => c.State.Running)
              .map((c) => [c.Id, c] as const);
        const missing = targets.find(([, c]) => !c);
        const rows: StatsRow[] = targets.flatMap(([ref, c]) => (c ? [{ container: ref, id: c.Id, name: c.Name, sample: dataset.stats[c.Id] ?? null }] : []));
        const got = missing ? noSuchContainer(missing[0]) : renderStats(rows, flags);
        if (!flags.bool('no-stream')) {
          // the streaming view: the first frame (the fake engine has no /events, hence its stderr)
          expect(streamFrame(got.stdout ?? '')).toBe(run.stdout);
          return;
        }
        expect({ stdout: got.stdout ?? '', stderr: got.stderr ?? '', status: got.status }).toEqual({ stdout: run.stdout, stderr: run.stderr, status: run.status });
      });
    }
  });
}

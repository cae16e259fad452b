// docker ps replayed against recordings of the real CLI (fixtures/record.py): the same records
// must print byte for byte the same tables, ids, filters, templates and template errors.

import { describe, expect, it } from 'vitest';
import { renderPs } from '../../../src/programs/docker/cmd/ps.ts';
import { parseCommand } from '../../../src/programs/docker/format/cli.ts';
import { specFor } from '../../../src/programs/docker/format/specs.ts';
import { containersOf, loadRecording } from './replay.ts';

for (const name of ['varied', 'empty']) {
  const { dataset, runs } = loadRecording(name);
  describe(`docker ps (${name})`, () => {
    for (const run of runs.filter((r) => r.args[0] === 'ps')) {
      it(run.args.join(' '), () => {
        const flags = parseCommand(specFor('ps', 'ps'), 'ps', run.args.slice(1));
        const got =
          'values' in flags
            ? renderPs({ containers: containersOf(dataset), images: dataset.images, rwSize: (id) => dataset.containers.find((c) => c.Id === id)?._SizeRw ?? 0, now: run.now }, flags)
            : flags;
        expect({ stdout: got.stdout ?? '', stderr: got.stderr ?? '', status: got.status }).toEqual({ stdout: run.stdout, stderr: run.stderr, status: run.status });
      });
    }
  });
}

describe('docker ps templates beyond the recordings', () => {
  it('{{.Label "key"}} reads one label, {{.Labels}} lists them sorted', () => {
    const { dataset } = loadRecording('varied');
    const web = { ...dataset.containers.find((c) => c.Name === '/web')!, Config: { ...dataset.containers.find((c) => c.Name === '/web')!.Config, Labels: { maintainer: 'NGINX <x@y>', a: '1' } } };
    const flags = parseCommand(specFor('ps', 'ps'), 'ps', ['--format', '{{.Label "maintainer"}}|{{.Label "nope"}}|{{.Labels}}']);
    if (!('values' in flags)) throw new Error('flags');
    const got = renderPs({ containers: [web], images: dataset.images, rwSize: () => 0, now: 0 }, flags);
    expect(got.stdout).toBe('NGINX <x@y>||a=1,maintainer=NGINX <x@y>\n');
  });
});

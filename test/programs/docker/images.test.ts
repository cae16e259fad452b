// docker images replayed against recordings of the real CLI (fixtures/record.py). Docker lists
// the repositories of one image in Go map order, so lines of one image id are compared sorted.

import { describe, expect, it } from 'vitest';
import { renderImages } from '../../../src/programs/docker/cmd/images.ts';
import { parseCommand } from '../../../src/programs/docker/format/cli.ts';
import { specFor } from '../../../src/programs/docker/format/specs.ts';
import { loadRecording, normalizeImageLines } from './replay.ts';

for (const name of ['varied', 'empty']) {
  const { dataset, runs } = loadRecording(name);
  describe(`docker images (${name})`, () => {
    for (const run of runs.filter((r) => r.args[0] === 'images')) {
      it(run.args.join(' '), () => {
        const flags = parseCommand(specFor('images', 'images'), 'images', run.args.slice(1));
        const got = 'values' in flags ? renderImages(dataset.images, run.now, flags) : flags;
        expect({ stdout: normalizeImageLines(got.stdout ?? ''), stderr: got.stderr ?? '', status: got.status }).toEqual({
          stdout: normalizeImageLines(run.stdout),
          stderr: run.stderr,
          status: run.status,
        });
      });
    }
  });
}

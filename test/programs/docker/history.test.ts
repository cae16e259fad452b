// docker history replayed against recordings of the real CLI (fixtures/record.py): sizes per
// step, 0B config steps, local ids along the parent chain and <missing> beyond, -H=false,
// --no-trunc, -q and --format.

import { describe, expect, it } from 'vitest';
import { renderHistory } from '../../../src/programs/docker/cmd/history.ts';
import { parseCommand } from '../../../src/programs/docker/format/cli.ts';
import type { ImageView } from '../../../src/programs/docker/format/images.ts';
import { specFor } from '../../../src/programs/docker/format/specs.ts';
import { loadRecording } from './replay.ts';

/** The fake engine's lookup: name[:tag] (default latest), digest, or id prefix. */
export function findImage(images: ImageView[], ref: string): ImageView | null {
  const r = /[:@]/.test(ref.split('/').pop()!) ? ref : `${ref}:latest`;
  const byRef = images.find((i) => i.repoTags.includes(r) || i.repoDigests.includes(ref));
  if (byRef) return byRef;
  const hex = ref.replace(/^sha256:/, '');
  const m = /^[0-9a-f]+$/.test(hex) ? images.filter((i) => i.id.slice(7).startsWith(hex)) : [];
  return m.length === 1 ? m[0]! : null;
}

for (const name of ['varied', 'empty']) {
  const { dataset, runs } = loadRecording(name);
  describe(`docker history (${name})`, () => {
    for (const run of runs.filter((r) => r.args[0] === 'history')) {
      it(run.args.join(' '), () => {
        const flags = parseCommand(specFor('history', 'history'), 'history', run.args.slice(1));
        const got = 'values' in flags ? renderHistory(findImage(dataset.images, flags.operands[0]!), flags.operands[0]!, dataset.images, run.now, flags) : flags;
        expect({ stdout: got.stdout ?? '', stderr: got.stderr ?? '', status: got.status }).toEqual({ stdout: run.stdout, stderr: run.stderr, status: run.status });
      });
    }
  });
}

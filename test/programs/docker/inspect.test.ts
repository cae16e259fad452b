// docker inspect replayed against recordings of the real CLI (fixtures/record.py): container
// records print as stored, image documents are built as moby builds them (key order, omitted
// empty Config fields, GraphDriver dirs, Comment from the last history step), -f templates,
// --type, and the errors for missing objects.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderInspect } from '../../../src/programs/docker/cmd/inspect.ts';
import { parseCommand } from '../../../src/programs/docker/format/cli.ts';
import { imageInspectDoc } from '../../../src/programs/docker/format/inspect.ts';
import { specFor } from '../../../src/programs/docker/format/specs.ts';
import { findImage } from './history.test.ts';
import { loadRecording } from './replay.ts';

const hx = (s: string): string => createHash('sha256').update(s).digest('hex');

for (const name of ['varied', 'empty']) {
  const { dataset, runs } = loadRecording(name);
  const lookup = {
    container: async (ref: string) => {
      const c =
        dataset.containers.find((x) => x.Id === ref || x.Name === `/${ref}`) ??
        (dataset.containers.filter((x) => x.Id.startsWith(ref)).length === 1 ? dataset.containers.find((x) => x.Id.startsWith(ref)) : undefined);
      if (!c) return null;
      const { _SizeRw, ...doc } = c;
      void _SizeRw;
      return doc as unknown as Record<string, unknown>;
    },
    image: async (ref: string) => {
      const img = findImage(dataset.images, ref);
      if (!img) return null;
      const dirs = img.config.rootfs.diff_ids.map((d) => `/var/lib/docker/overlay2/${hx(`l-${d}`)}`).reverse();
      return imageInspectDoc(img, { cacheDirs: dirs, lastTagTime: null });
    },
  };
  describe(`docker inspect (${name})`, () => {
    for (const run of runs.filter((r) => r.args[0] === 'inspect' || r.args[1] === 'inspect')) {
      it(run.args.join(' '), async () => {
        const kind = run.args[1] === 'inspect' ? (run.args[0] as 'container' | 'image') : '';
        const invoked = kind ? `${kind} inspect` : 'inspect';
        const flags = parseCommand(specFor(invoked, 'inspect'), invoked, run.args.slice(kind ? 2 : 1));
        const got = 'values' in flags ? await renderInspect(lookup, flags, kind) : flags;
        expect({ stdout: got.stdout ?? '', stderr: got.stderr ?? '', status: got.status }).toEqual({ stdout: run.stdout, stderr: run.stderr, status: run.status });
      });
    }
  });
}

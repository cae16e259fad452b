// docker diff (container diff): what the container's writable layer changed against its image,
// as LayerStore.changes computes it from the upper dir (A added, C changed, D deleted by a
// whiteout), one `KIND PATH` line each, no header.

import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import type { DockerCommand } from '../command.ts';
import { type CliExit, parseCommand } from '../format/cli.ts';
import { specFor } from '../format/specs.ts';
import { finish, resolveContainer } from '../format/state.ts';

export function renderDiff(changes: { kind: string; path: string }[] | null, ref: string): CliExit {
  if (!changes) return { stderr: `Error response from daemon: No such container: ${ref}\n`, status: 1 };
  return { stdout: changes.map((c) => `${c.kind} ${c.path}\n`).join(''), status: 0 };
}

const diff: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'diff'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const ref = flags.operands[0]!;
  const rec = await resolveContainer(ctx.sys, ctx.root, ref);
  if (!rec) return finish(ctx.sys, renderDiff(null, ref));
  const changes = await new LayerStore(ctx.sys, ctx.root).changes(rec.Id);
  return finish(ctx.sys, renderDiff(changes, ref));
};

export default diff;

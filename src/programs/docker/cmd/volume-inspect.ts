// docker volume inspect: each volume's document as one indented JSON array, or each through
// the -f template; a missing one is the engine's "get NAME: no such volume", status 1.

import { VolumeStore } from '../../../runtime/volumes/volume-store.ts';
import type { DockerCommand } from '../command.ts';
import type { CliExit, ParsedFlags } from '../format/cli.ts';
import { type Inspected, inspectOutput } from '../format/inspect.ts';
import { finish } from '../format/state.ts';
import type { VolumeView } from '../format/volumes.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const VOLUME_INSPECT: CommandDef = { name: 'volume inspect', flags: ['format'], args: { min: 1 } };

/** The CLI's output for the volumes found by `get` (null: no such volume). */
export function renderVolumeInspect(get: (name: string) => VolumeView | null, flags: ParsedFlags): CliExit {
  const found = flags.operands.map((name): Inspected => {
    const v = get(name);
    if (!v) return { error: `Error response from daemon: get ${name}: no such volume` };
    const { UsageData: _u, ...doc } = v;
    return { doc };
  });
  return inspectOutput(found, flags.str('format'), { jsonLine: true });
}

const inspect: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, VOLUME_INSPECT);
  if (typeof f === 'number') return f;
  const store = new VolumeStore(ctx.sys, ctx.root);
  const found = new Map<string, VolumeView | null>();
  for (const name of f.operands) found.set(name, await store.get(name));
  return finish(ctx.sys, renderVolumeInspect((n) => found.get(n) ?? null, f));
};

export default inspect;

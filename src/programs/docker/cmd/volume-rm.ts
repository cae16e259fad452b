// docker volume rm: remove volumes no container uses (running or not), printing each name; a
// used one is the engine's "volume is in use" naming the containers, even with -f, which only
// lets a missing volume pass.

import { volumeRefs } from '../../../runtime/volumes/volume-refs.ts';
import { VolumeStore } from '../../../runtime/volumes/volume-store.ts';
import type { DockerCommand } from '../command.ts';
import { listContainerRecords } from '../format/state.ts';
import { type CommandDef, daemonError, parseCommand } from './command-line.ts';

export const VOLUME_RM: CommandDef = { name: 'volume rm', flags: ['force'], args: { min: 1 } };

const rm: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, VOLUME_RM);
  if (typeof f === 'number') return f;
  const store = new VolumeStore(ctx.sys, ctx.root);
  const refs = volumeRefs(await listContainerRecords(ctx.sys, ctx.root));
  const errors: string[] = [];
  for (const name of f.operands) {
    if (!(await store.get(name))) {
      if (f.bool('force')) await ctx.sys.writeAll(1, `${name}\n`);
      else errors.push(`get ${name}: no such volume`);
      continue;
    }
    const users = refs.get(name);
    if (users) {
      errors.push(`remove ${name}: volume is in use - [${users.join(', ')}]`);
      continue;
    }
    await store.remove(name);
    await ctx.sys.writeAll(1, `${name}\n`);
  }
  // the client reports the failures together after the names it removed
  for (const e of errors) await daemonError(ctx, e);
  return errors.length ? 1 : 0;
};

export default rm;

// docker volume create [NAME]: a local volume under <root>/volumes (a random 64-hex name when
// none is given), with --label and -o driver options; prints the name. Creating a name that
// exists gives back that volume, as the engine does.

import { isDaemonError } from '../../../runtime/containers/index.ts';
import { VolumeStore } from '../../../runtime/volumes/volume-store.ts';
import type { DockerCommand } from '../command.ts';
import { type CommandDef, daemonError, flagFailure, parseCommand } from './command-line.ts';

export const VOLUME_CREATE: CommandDef = { name: 'volume create', flags: ['driver', 'label', 'name', 'opt'], args: { max: 1 } };

/** KEY=VALUE (or a bare KEY, an empty value) into a map, as the client's map and label options do. */
function keyValues(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const eq = kv.indexOf('=');
    out[eq < 0 ? kv : kv.slice(0, eq)] = eq < 0 ? '' : kv.slice(eq + 1);
  }
  return out;
}

const create: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, VOLUME_CREATE);
  if (typeof f === 'number') return f;
  for (const l of f.list('label')) {
    if (l.startsWith('=')) return flagFailure(ctx, VOLUME_CREATE, `invalid argument "${l}" for "--label" flag: invalid label '${l}': empty name`);
  }
  try {
    const v = await new VolumeStore(ctx.sys, ctx.root).create({
      name: f.operands[0] ?? f.opt('name'),
      driver: f.str('driver', 'local'),
      labels: keyValues(f.list('label')),
      options: keyValues(f.list('opt')),
    });
    await ctx.sys.writeAll(1, `${v.Name}\n`);
    return 0;
  } catch (e) {
    if (!isDaemonError(e)) throw e;
    await daemonError(ctx, e.message);
    return 1;
  }
};

export default create;

// docker volume ls: the volumes, sorted by name, as a table, names (-q) or --format; the
// engine's filters dangling=, name=, label=, driver=.

import { volumeRefs } from '../../../runtime/volumes/volume-refs.ts';
import { VolumeStore } from '../../../runtime/volumes/volume-store.ts';
import type { DockerCommand } from '../command.ts';
import { finish, listContainerRecords } from '../format/state.ts';
import { filterVolumes, renderVolumeList } from '../format/volumes.ts';
import { type CommandDef, daemonError, parseCommand } from './command-line.ts';

export const VOLUME_LS: CommandDef = { name: 'volume ls', flags: ['cluster', 'filter', 'format', 'quiet'], args: { exact: 0 } };

const ls: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, VOLUME_LS);
  if (typeof f === 'number') return f;
  const all = await new VolumeStore(ctx.sys, ctx.root).list();
  const refs = volumeRefs(await listContainerRecords(ctx.sys, ctx.root));
  const volumes = filterVolumes(all, f.list('filter'), refs);
  if (typeof volumes === 'string') {
    await daemonError(ctx, volumes);
    return 1;
  }
  // --cluster lists cluster volumes: a machine that is no swarm manager has none
  return finish(ctx.sys, renderVolumeList(f.bool('cluster') ? [] : volumes, f));
};

export default ls;

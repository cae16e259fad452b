// docker container prune: remove every stopped container, after a y/N question unless -f;
// lists the removed ids and the space their RW layers held.

import { isSysError } from '../../../abi/errno.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { DockerCommand } from '../command.ts';
import { removeContainer, stores } from './container-common.ts';
import { humanSize } from '../format/units.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const PRUNE: CommandDef = {
  name: 'container prune',
  flags: ['filter', 'force'],
  args: { exact: 0 },
};

const prune: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, PRUNE);
  if (typeof f === 'number') return f;
  const sys = ctx.sys;
  const labels = f.list('filter').map((x) => /^label=(.*)$/.exec(x)?.[1]).filter((x): x is string => x !== undefined);
  for (const x of f.list('filter')) {
    if (!/^(label|until)=/.test(x)) {
      await sys.writeAll(2, `Error response from daemon: invalid filter '${x.split('=')[0]}'\n`);
      return 1;
    }
  }
  const untilArg = f.list('filter').map((x) => /^until=(.*)$/.exec(x)?.[1]).filter((x): x is string => x !== undefined).pop();
  let until: number | null = null;
  if (untilArg !== undefined) {
    const d = /^(\d+)(s|m|h)$/.exec(untilArg);
    until = d ? Number((await sys.clockGettime(0)) / 1_000_000n) - Number(d[1]) * { s: 1000, m: 60000, h: 3600000 }[d[2] as 's' | 'm' | 'h'] : Date.parse(untilArg);
    if (Number.isNaN(until)) {
      await sys.writeAll(2, `Error response from daemon: failed to parse value as time or duration: "${untilArg}"\n`);
      return 1;
    }
  }
  if (!f.bool('force')) {
    await sys.writeAll(1, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ');
    const answer = utf8Decode(await sys.read(0, 1024)).trim().toLowerCase();
    // the CLI takes only y or Y (not "yes") as a yes
    if (answer !== 'y') return 0;
  }
  const { containers, layers } = stores(ctx);
  const removed: string[] = [];
  let space = 0;
  for (const rec of await containers.list()) {
    if (rec.State.Running) continue;
    const matches = labels.every((l) => {
      const [k, v] = l.split('=');
      return k! in rec.Config.Labels && (v === undefined || rec.Config.Labels[k!] === v);
    });
    if (!matches) continue;
    if (until !== null && Date.parse(rec.Created) >= until) continue;
    try {
      space += await layers.sizeOfRW(rec.Id);
    } catch (e) {
      // no RW layer left: nothing to count
      if (!isSysError(e)) throw e;
    }
    await removeContainer(ctx, rec);
    removed.push(rec.Id);
  }
  let out = '';
  if (removed.length) out += `Deleted Containers:\n${removed.join('\n')}\n\n`;
  // units.HumanSize: four significant digits (1.235MB), unlike the three of `docker images`
  out += `Total reclaimed space: ${humanSize(space)}\n`;
  await sys.writeAll(1, out);
  return 0;
};

export default prune;

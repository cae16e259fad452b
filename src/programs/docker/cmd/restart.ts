// docker restart: stop (as docker stop, -t/-s) and start again in the background; prints each
// name as given.

import { isDaemonError } from '../../../runtime/containers/index.ts';
import type { DockerCommand } from '../command.ts';
import { parseSignal, RunError, startShim, stopContainer, stores } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const RESTART: CommandDef = {
  name: 'restart',
  flags: ['signal', 'timeout'],
  args: { min: 1 },
};

const restart: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, RESTART);
  if (typeof f === 'number') return f;
  const sig = f.has('signal') ? parseSignal(f.opt('signal')!) ?? undefined : undefined;
  const timeout = f.has('timeout') ? Number(f.opt('timeout')) : null;
  const { containers } = stores(ctx);
  let status = 0;
  for (const ref of f.operands) {
    try {
      let rec = await containers.lookup(ref);
      await stopContainer(ctx.sys, containers, rec, timeout, sig);
      rec = await containers.lookup(rec.Id);
      await startShim(ctx, rec, { attach: false, stdin: false });
      await ctx.sys.writeAll(1, `${ref}\n`);
    } catch (e) {
      if (!isDaemonError(e) && !(e instanceof RunError)) throw e;
      await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};

export default restart;

// docker kill: one signal (-s, default SIGKILL) to each running container's PID 1; never
// escalates. Prints each name as given.

import { DaemonError, isDaemonError } from '../../../runtime/containers/index.ts';
import type { DockerCommand } from '../command.ts';
import { alive, killContainer, parseSignal, stores, waitStopped } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const KILL: CommandDef = {
  name: 'kill',
  flags: ['signal'],
  args: { min: 1 },
};

const kill: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, KILL);
  if (typeof f === 'number') return f;
  const sig = parseSignal(f.opt('signal') ?? 'KILL');
  const { containers } = stores(ctx);
  let status = 0;
  for (const ref of f.operands) {
    try {
      if (sig === null) throw new DaemonError(`Invalid signal: ${f.opt('signal')}`);
      const rec = await containers.lookup(ref);
      if (!rec.State.Running || !(await alive(ctx.sys, rec.State.Pid))) {
        throw new DaemonError(`cannot kill container: ${ref}: container ${rec.Id} is not running`);
      }
      await killContainer(ctx.sys, containers, rec, sig);
      // SIGKILL always ends PID 1: return once the shim has recorded it, as the daemon does.
      if (sig === 9) await waitStopped(ctx.sys, containers, rec.Id, 5000);
      await ctx.sys.writeAll(1, `${ref}\n`);
    } catch (e) {
      if (!isDaemonError(e)) throw e;
      await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};

export default kill;

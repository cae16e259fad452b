// docker wait: block until each container stops, then print its exit code.

import { isDaemonError } from '../../../runtime/containers/index.ts';
import type { DockerCommand } from '../command.ts';
import { stores, waitStopped } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const WAIT: CommandDef = {
  name: 'wait',
  flags: [],
  args: { min: 1 },
};

const wait: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, WAIT);
  if (typeof f === 'number') return f;
  const { containers } = stores(ctx);
  let status = 0;
  for (const ref of f.operands) {
    try {
      const rec = await containers.lookup(ref);
      await waitStopped(ctx.sys, containers, rec.Id, -1);
      const done = await containers.get(rec.Id);
      await ctx.sys.writeAll(1, `${done?.State.ExitCode ?? rec.State.ExitCode}\n`);
    } catch (e) {
      if (!isDaemonError(e)) throw e;
      await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};

export default wait;

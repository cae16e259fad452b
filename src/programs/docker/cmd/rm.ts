// docker rm: remove stopped containers (their RW layer and directory); -f kills a running one
// first; -v takes its anonymous volumes too. Prints each name as given; a running one without -f gets the daemon's refusal.

import { isDaemonError } from '../../../runtime/containers/index.ts';
import type { DockerCommand } from '../command.ts';
import { killContainer, removeContainer, stores, waitStopped } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const RM: CommandDef = {
  name: 'rm',
  flags: ['force', 'link', 'volumes'],
  args: { min: 1 },
};

const rm: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, RM);
  if (typeof f === 'number') return f;
  const { containers } = stores(ctx);
  let status = 0;
  for (const ref of f.operands) {
    try {
      let rec = await containers.lookup(ref);
      if (rec.State.Running && f.bool('force')) {
        await killContainer(ctx.sys, containers, rec, 9);
        await waitStopped(ctx.sys, containers, rec.Id, -1);
        const again = await containers.get(rec.Id);
        if (!again) {
          // A --rm container: its shim removed it.
          await ctx.sys.writeAll(1, `${ref}\n`);
          continue;
        }
        rec = again;
        if (rec.State.Running) rec.State.Running = false; // the shim died without recording
      }
      await removeContainer(ctx, rec, f.bool('volumes'));
      await ctx.sys.writeAll(1, `${ref}\n`);
    } catch (e) {
      if (!isDaemonError(e)) throw e;
      await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      // with -f a container that is not there is said but is no failure, as the CLI has it
      if (!(f.bool('force') && e.kind === 'not-found')) status = 1;
    }
  }
  return status;
};

export default rm;

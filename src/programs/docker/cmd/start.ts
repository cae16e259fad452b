// docker start: start stopped containers through their shims. Without -a each is started in the
// background and its name printed as given; with -a (and -i) the one container's output comes
// here and the status is its exit code.

import type { DockerCommand } from '../command.ts';
import { rawTerminal, RunError, startShim, stores } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';
import { reportRunError } from './create.ts';
import { proxySignals, waitShim } from './run.ts';
import { isDaemonError } from '../../../runtime/containers/index.ts';

export const START: CommandDef = {
  name: 'start',
  flags: ['attach', 'interactive'],
  args: { min: 1 },
};

const start: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, START);
  if (typeof f === 'number') return f;
  const { containers } = stores(ctx);
  const attach = f.bool('attach') || f.bool('interactive');
  if (attach && f.operands.length > 1) {
    await ctx.sys.writeAll(2, 'you cannot start and attach multiple containers at once\n');
    return 1;
  }
  let status = 0;
  const failed: string[] = [];
  for (const ref of f.operands) {
    try {
      const rec = await containers.lookup(ref);
      if (rec.State.Running) {
        if (!attach) await ctx.sys.writeAll(1, `${ref}\n`);
        continue;
      }
      if (!attach) {
        await startShim(ctx, rec, { attach: false, stdin: false });
        await ctx.sys.writeAll(1, `${ref}\n`);
        continue;
      }
      const restore = rec.Config.Tty && f.bool('interactive') ? await rawTerminal(ctx.sys, 0) : null;
      try {
        const started = await startShim(ctx, rec, { attach: true, stdin: f.bool('interactive') });
        if (!rec.Config.Tty) await proxySignals(ctx, started.pid);
        return await waitShim(ctx, started.shimPid);
      } finally {
        if (restore) await restore();
      }
    } catch (e) {
      if (attach) return reportRunError(ctx, e, START);
      if (e instanceof RunError || isDaemonError(e)) {
        await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
        failed.push(ref);
        status = 1;
      } else throw e;
    }
  }
  if (failed.length) await ctx.sys.writeAll(2, `Error: failed to start containers: ${failed.join(', ')}\n`);
  return status;
};

export default start;

// docker stop: send each container its stop signal (-s, else the image's StopSignal, else
// SIGTERM), wait -t seconds (else StopTimeout, else 10), then SIGKILL; prints each name as given.

import { isDaemonError } from '../../../runtime/containers/index.ts';
import type { DockerCommand } from '../command.ts';
import { parseSignal, stopContainer, stores } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const STOP: CommandDef = {
  name: 'stop',
  flags: ['signal', 'timeout'],
  args: { min: 1 },
};

const stop: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, STOP);
  if (typeof f === 'number') return f;
  let sig: number | undefined;
  if (f.has('signal')) {
    const n = parseSignal(f.opt('signal')!);
    if (n === null) {
      await ctx.sys.writeAll(2, `Error response from daemon: Invalid signal: ${f.opt('signal')}\n`);
      return 1;
    }
    sig = n;
  }
  const timeout = f.has('timeout') ? Number(f.opt('timeout')) : null;
  const { containers } = stores(ctx);
  let status = 0;
  for (const ref of f.operands) {
    try {
      const rec = await containers.lookup(ref);
      await stopContainer(ctx.sys, containers, rec, timeout, sig);
      await ctx.sys.writeAll(1, `${ref}\n`);
    } catch (e) {
      if (!isDaemonError(e)) throw e;
      await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};

export default stop;

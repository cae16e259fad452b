// docker wait: block until each container stops, then print its exit code. A container that
// --rm removes as it exits still gives its code to a wait that was already waiting (the shim
// writes it into the waiter's fifo before removing the record); one already gone is "No such
// container", as the daemon says.

import { isSysError } from '../../../abi/errno.ts';
import { O_CLOEXEC, O_NONBLOCK, O_RDONLY } from '../../../abi/open-flags.ts';
import { utf8Decode } from '../../../base/text.ts';
import { type ContainerStore, isDaemonError, noSuchContainer, TASK_STATE } from '../../../runtime/containers/index.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerCommand } from '../command.ts';
import { shimAlive, stores } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const WAIT: CommandDef = {
  name: 'wait',
  flags: [],
  args: { min: 1 },
};

const S_IFIFO = 0o010000;

/** The exit code of a container, waiting while it runs; null once it is gone without one. */
async function exitCode(sys: Sys, containers: ContainerStore, id: string): Promise<number | null> {
  const rec = await containers.get(id);
  if (!rec) return null;
  if (!rec.State.Running) return rec.State.ExitCode;
  // our fifo in the task state directory, where the shim tells its waiters the code
  const fifo = `${TASK_STATE}/${id}/wait-${await sys.getpid()}`;
  let fd = -1;
  try {
    await sys.mknod(fifo, S_IFIFO | 0o600);
    fd = await sys.open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  } catch (e) {
    // no task state: the shim has finished (or was never there); the record says the rest
    if (!isSysError(e)) throw e;
  }
  try {
    let text = '';
    for (;;) {
      if (fd >= 0) {
        try {
          text += utf8Decode(await sys.read(fd, 64));
        } catch (e) {
          if (!isSysError(e, 'EAGAIN')) throw e;
        }
        if (text.endsWith('\n')) return Number(text.trim());
      }
      const cur = await containers.get(id);
      if (!cur) return null;
      // stopped, or a shim that died without recording the exit: the record is what there is
      if (!cur.State.Running || !(await shimAlive(sys, id))) return cur.State.ExitCode;
      await sys.sleep(10);
    }
  } finally {
    if (fd >= 0) {
      await sys.close(fd);
      try {
        await sys.unlink(fifo);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
  }
}

const wait: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, WAIT);
  if (typeof f === 'number') return f;
  const { containers } = stores(ctx);
  let status = 0;
  for (const ref of f.operands) {
    try {
      const rec = await containers.lookup(ref);
      const code = await exitCode(ctx.sys, containers, rec.Id);
      if (code === null) throw noSuchContainer(ref);
      await ctx.sys.writeAll(1, `${code}\n`);
    } catch (e) {
      if (!isDaemonError(e)) throw e;
      await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};

export default wait;

// docker exec: run a command in a running container. This CLI does it itself, as runc exec
// does (runtime/tasks execTask): join the container's cgroup and namespaces, fork into its PID
// namespace, take -u/-w/-e, exec. -d leaves it running; -t gives it a new pseudo-terminal that
// we relay to ours (in raw mode with -i). The status is the command's; 126/127 when it cannot
// be run, with runc's message.

import { isSysError } from '../../../abi/errno.ts';
import { O_CLOEXEC, O_NOCTTY, O_RDWR } from '../../../abi/open-flags.ts';
import { isDaemonError } from '../../../runtime/containers/index.ts';
import { cgroupPath, execTask, TaskStartError } from '../../../runtime/tasks/index.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerCommand } from '../command.ts';
import { alive, expandEnv, rawTerminal, readEnvFile, RunError, stores } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';
import { waitShim } from './run.ts';

export const EXEC: CommandDef = {
  name: 'exec',
  flags: ['detach', 'env', 'env-file', 'interactive', 'tty', 'user', 'workdir'],
  args: { min: 2 },
};

/** Copy from one descriptor to another until end of file (a relay process of -t). */
async function relay(sys: Sys, from: number, to: number): Promise<number> {
  for (;;) {
    try {
      const chunk = await sys.read(from, 4096);
      if (chunk.length === 0) return 0;
      await sys.writeAll(to, chunk);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 0;
    }
  }
}

const exec: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, EXEC);
  if (typeof f === 'number') return f;
  const sys = ctx.sys;
  const { containers } = stores(ctx);
  const [ref, ...argv] = f.operands as [string, ...string[]];
  let rec;
  try {
    rec = await containers.lookup(ref);
    if (!rec.State.Running || !(await alive(sys, rec.State.Pid))) {
      await sys.writeAll(2, `Error response from daemon: container ${rec.Id} is not running\n`);
      return 1;
    }
  } catch (e) {
    if (!isDaemonError(e)) throw e;
    await sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
    return 1;
  }
  const env: string[] = [];
  try {
    for (const file of f.list('env-file')) env.push(...(await readEnvFile(sys, file)));
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
    await sys.writeAll(2, `${e.message}\n`);
    return 125;
  }
  for (const e of f.list('env')) env.push(...expandEnv(sys, e));
  const tty = f.bool('tty');
  const interactive = f.bool('interactive');
  const detach = f.bool('detach');
  let master = -1;
  let stdio: [number, number, number] | undefined;
  if (detach) {
    const nul = await sys.open('/dev/null', O_RDWR | O_CLOEXEC);
    stdio = [nul, nul, nul];
  } else if (tty) {
    master = await sys.posixOpenpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    await sys.unlockpt(master);
    const slave = await sys.open(await sys.ptsname(master), O_RDWR | O_NOCTTY);
    try {
      await sys.setWinsize(master, await sys.getWinsize(1));
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    stdio = [slave, slave, slave];
  } else if (!interactive) {
    const nul = await sys.open('/dev/null', O_RDWR | O_CLOEXEC);
    stdio = [nul, 1, 2];
  }
  const restore = tty && interactive && !detach ? await rawTerminal(sys, 0) : null;
  try {
    let pid: number;
    try {
      pid = await execTask(sys, {
        pid: rec.State.Pid, cgroup: cgroupPath(rec.Id), config: rec.Config, argv, env,
        user: f.opt('user') ?? rec.Config.User, workdir: f.opt('workdir') ?? rec.Config.WorkingDir, tty, stdio,
      });
    } catch (e) {
      for (const fd of new Set(stdio ?? [])) if (fd > 2) await sys.close(fd);
      if (!(e instanceof TaskStartError)) throw e;
      await sys.writeAll(2, `OCI runtime exec failed: exec failed: unable to start container process: ${e.message}: unknown\n`);
      return e.status;
    }
    // Our copies of the terminal's slave (or /dev/null) go, so the relay sees the end.
    for (const fd of new Set(stdio ?? [])) if (fd > 2) await sys.close(fd);
    if (detach) return 0;
    if (master < 0) return await waitShim(ctx, pid);
    const out = await sys.fork((c) => relay(c, master, 1));
    const input = interactive ? await sys.fork((c) => relay(c, 0, master)) : -1;
    await sys.close(master);
    const status = await waitShim(ctx, pid);
    await waitShim(ctx, out);
    if (input > 0) {
      try {
        await sys.kill(input, 9);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      await waitShim(ctx, input);
    }
    return status;
  } finally {
    if (restore) await restore();
  }
};

export default exec;

// docker run: create a container and start it. With -d it prints the id and leaves the shim
// running; otherwise stdio stays attached (the shim writes the container's output to our
// stdout/stderr; -i gives it our stdin; -t a new pseudo-terminal, our terminal in raw mode so
// ^C reaches the container, ^P^Q lets go of it and leaves it running), signals we get are
// passed to its PID 1, and the status is the container's (125 for docker's own errors,
// 126/127 when the command cannot run).

import { isSysError } from '../../../abi/errno.ts';
import { SIG, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WTERMSIG } from '../../../abi/signals.ts';
import type { DockerCommand, DockerContext } from '../command.ts';
import { createContainer, rawTerminal, startShim } from './container-common.ts';
import { DETACH_MARKER } from './escape-proxy.ts';
import { TASK_STATE } from '../../../runtime/containers/index.ts';
import { exists } from '../../../runtime/sys-files.ts';
import { type CommandDef, parseCommand } from './command-line.ts';
import { CREATE_FLAGS, createOptions, reportRunError } from './create.ts';

const WNOHANG = 1;

export const RUN: CommandDef = {
  name: 'run',
  flags: [...CREATE_FLAGS, 'detach'],
  args: { min: 1 },
};

/** Wait for the shim (our child); its status is the container's. */
export async function waitShim(ctx: DockerContext, shimPid: number): Promise<number> {
  for (;;) {
    try {
      const [, status] = await ctx.sys.wait4(shimPid);
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    } catch (e) {
      if (isSysError(e, 'EINTR')) continue;
      throw e;
    }
  }
}

/**
 * waitShim for an -it container, where the detach keys also end the wait: the shim leaves a
 * marker in the task state directory once it has let go of our terminal; the answer is then null.
 */
async function waitShimOrDetach(ctx: DockerContext, shimPid: number, stateDir: string): Promise<number | null> {
  for (;;) {
    const [pid, status] = await ctx.sys.wait4(shimPid, WNOHANG);
    if (pid === shimPid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (await exists(ctx.sys, `${stateDir}/${DETACH_MARKER}`)) return null;
    await ctx.sys.sleep(20);
  }
}

/** Attached and not on a terminal: the signals we get go to the container's PID 1 (--sig-proxy). */
export async function proxySignals(ctx: DockerContext, pid: number): Promise<void> {
  for (const sig of [SIG.SIGINT, SIG.SIGTERM, SIG.SIGHUP, SIG.SIGQUIT, SIG.SIGUSR1, SIG.SIGUSR2]) {
    await ctx.sys.sigaction(sig, async (s) => {
      try {
        await ctx.sys.kill(pid, s);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    });
  }
}

const run: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, RUN);
  if (typeof f === 'number') return f;
  const detach = f.bool('detach');
  const interactive = f.bool('interactive');
  const tty = f.bool('tty');
  try {
    if (!detach && interactive && tty && !(await ctx.sys.isatty(0))) {
      await ctx.sys.writeAll(2, 'the input device is not a TTY\n');
      return 1;
    }
    const rec = await createContainer(ctx, await createOptions(ctx, f, detach));
    if (detach) {
      await startShim(ctx, rec, { attach: false, stdin: false });
      await ctx.sys.writeAll(1, `${rec.Id}\n`);
      return 0;
    }
    const restore = tty && interactive ? await rawTerminal(ctx.sys, 0) : null;
    try {
      const started = await startShim(ctx, rec, { attach: true, stdin: interactive });
      if (!tty) await proxySignals(ctx, started.pid);
      // ^P^Q: the container goes on without us, and docker run succeeds without a word
      if (!(tty && interactive)) return await waitShim(ctx, started.shimPid);
      return (await waitShimOrDetach(ctx, started.shimPid, `${TASK_STATE}/${rec.Id}`)) ?? 0;
    } finally {
      if (restore) await restore();
    }
  } catch (e) {
    return reportRunError(ctx, e, RUN);
  }
};

export default run;

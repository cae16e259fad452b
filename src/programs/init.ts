// init: PID 1 of a machine or a container. Given a command, it starts it as the leader of a new
// session, reaps every orphan handed to it, and when the command ends either exits with its
// status (one-shot machines: `cowbox -c`, a container's entrypoint) or starts it again
// (--respawn, like a getty). Without a command it only reaps, for ever: the host starts each
// terminal's login shell as its child.

import { isSysError, strerror } from '../abi/errno.ts';
import { WEXITSTATUS, WIFEXITED, shellStatus } from '../abi/signals.ts';
import type { Sys } from '../sys/sys.ts';

const USAGE = 'usage: init [--respawn] [--] [COMMAND [ARG]...]\n';
const SIGCHLD = 17;

export default async function init(sys: Sys): Promise<number> {
  let args = sys.argv.slice(1);
  let respawn = false;
  while (args[0]?.startsWith('-')) {
    const opt = args.shift()!;
    if (opt === '--') break;
    if (opt === '--respawn') respawn = true;
    else {
      await report(sys, `init: unknown option ${opt}\n${USAGE}`);
      return 2;
    }
  }
  if (args.length === 0) return reapForever(sys);
  const command = args;
  for (;;) {
    const pid = await sys.fork(async (child) => {
      await child.setsid();
      try {
        return await child.execve(command[0]!, command);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await report(child, `init: cannot run ${command[0]}: ${strerror(e.code)}\n`);
        return e.code === 'ENOENT' ? 127 : 126;
      }
    });
    const status = await reapUntil(sys, pid);
    if (!respawn) return WIFEXITED(status) ? WEXITSTATUS(status) : shellStatus(status);
  }
}

/** Reap whatever ends, sleeping in between: a handler for SIGCHLD wakes the pause. */
async function reapForever(sys: Sys): Promise<number> {
  await sys.sigaction(SIGCHLD, () => {});
  for (;;) {
    try {
      while ((await sys.wait4(-1, 1))[0] > 0);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code !== 'ECHILD' && e.code !== 'EINTR') throw e;
    }
    try {
      await sys.pause();
    } catch (e) {
      if (!isSysError(e, 'EINTR')) throw e;
    }
  }
}

/** Say something on stderr if there is one: init may run before any console exists. */
async function report(sys: Sys, text: string): Promise<void> {
  try {
    await sys.writeAll(2, text);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

/** Reap children (orphans included) until `pid` itself has ended; its wait status. */
async function reapUntil(sys: Sys, pid: number): Promise<number> {
  for (;;) {
    try {
      const [done, status] = await sys.wait4(-1);
      if (done === pid) return status;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'ECHILD') return 0;
      if (e.code !== 'EINTR') throw e;
    }
  }
}

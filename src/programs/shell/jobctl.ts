// Job control's terminal side, as dash's setjobctl and forkchild: an interactive shell keeps a
// descriptor on its terminal (above 10, close-on-exec), waits until it is in the foreground,
// leads its own process group and owns the terminal; each job gets a process group of its own
// and the terminal while it runs in the foreground, and the shell takes the terminal back.

import { isSysError } from '../../abi/errno.ts';
import { O_RDWR } from '../../abi/open-flags.ts';
import { SIG } from '../../abi/signals.ts';
import type { Shell } from './shell.ts';
import { setsignal } from './signals.ts';

const F_DUPFD_CLOEXEC = 1030;

async function quietly<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return undefined;
  }
}

/** Turn job control on (the -m option); false, with dash's message, when there is no terminal. */
export async function enableJobControl(sh: Shell): Promise<boolean> {
  const sys = sh.sys;
  let fd = await quietly(sys.open('/dev/tty', O_RDWR));
  if (fd === undefined) {
    for (const f of [2, 0, 1]) {
      if (await quietly(sys.isatty(f))) {
        fd = f;
        break;
      }
    }
  }
  if (fd === undefined) {
    await sh.warn("can't access tty; job control turned off");
    return false;
  }
  const high = await quietly(sys.fcntl(fd, F_DUPFD_CLOEXEC, 10));
  if (high !== undefined && fd > 2) await quietly(sys.close(fd));
  const ttyfd = high ?? fd;
  // Wait until we are in the foreground (a background start gets SIGTTIN until then).
  for (let tries = 0; tries < 100; tries++) {
    const pgrp = await quietly(sys.tcgetpgrp(ttyfd));
    if (pgrp === undefined) {
      await sh.warn("can't access tty; job control turned off");
      return false;
    }
    if (pgrp === (await sys.getpgid(0))) break;
    await quietly(sys.kill(0, SIG.SIGTTIN));
  }
  sh.ttyfd = ttyfd;
  sh.jobctl = true;
  for (const sig of [SIG.SIGTSTP, SIG.SIGTTOU, SIG.SIGTTIN]) await setsignal(sh, sig);
  await quietly(sys.setpgid(0, sh.rootPid));
  await quietly(sys.tcsetpgrp(ttyfd, sh.rootPid));
  return true;
}

/** Give the terminal to process group `pgid` (the shell's own when 0). */
export async function setForeground(sh: Shell, pgid: number): Promise<void> {
  if (!sh.jobctl || sh.ttyfd < 0) return;
  await quietly(sh.sys.tcsetpgrp(sh.ttyfd, pgid || sh.rootPid));
}

/** In a job's child: join the job's group and, in the foreground, take the terminal. */
export async function enterJob(child: Shell, parent: Shell, pgid: number, fg: boolean): Promise<void> {
  const sys = child.sys;
  const me = await sys.getpid();
  const group = pgid || me;
  await quietly(sys.setpgid(0, group));
  if (fg && parent.ttyfd >= 0) {
    // Taking the terminal from the background would stop us with SIGTTOU: block it meanwhile.
    await quietly(sys.sigprocmask('block', [SIG.SIGTTOU]));
    await quietly(sys.tcsetpgrp(parent.ttyfd, group));
    await quietly(sys.sigprocmask('unblock', [SIG.SIGTTOU]));
  }
}

/** In the parent after a fork: put the child in its job's group too (whoever runs first). */
export async function placeInJob(sh: Shell, pid: number, pgid: number): Promise<void> {
  if (!sh.jobctl) return;
  await quietly(sh.sys.setpgid(pid, pgid || pid));
}

// What every daemon here does the same way: leave the terminal (fork, setsid, standard streams
// to /dev/null) unless told to stay in the foreground, keep a pid file, take the signals it acts
// on as flags, and wait for children and signals in one loop (a signal ends the wait with
// EINTR, so the flag is seen at once).

import { isSysError } from '../../../abi/errno.ts';
import { O_CREAT, O_RDWR, O_TRUNC, O_WRONLY, O_APPEND } from '../../../abi/open-flags.ts';
import type { Sys } from '../../../sys/sys.ts';

/** Fork and return 0 at once; the child starts a session, leaves the terminal and runs `child`. */
export async function detach(sys: Sys, child: (sys: Sys) => Promise<number>): Promise<number> {
  await sys.fork(async (c) => {
    await c.setsid();
    try {
      const fd = await c.open('/dev/null', O_RDWR);
      for (const n of [0, 1, 2]) await c.dup2(fd, n);
      if (fd > 2) await c.close(fd);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    return child(c);
  });
  return 0;
}

export async function writePidFile(sys: Sys, path: string, pid: number): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  try {
    await sys.writeAll(fd, `${pid}\n`);
  } finally {
    await sys.close(fd);
  }
}

export async function unlinkQuietly(sys: Sys, path: string): Promise<void> {
  try {
    await sys.unlink(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

/** Open a log for appending (created 0644 if missing). */
export function openLog(sys: Sys, path: string): Promise<number> {
  return sys.open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644);
}

export type Event = { kind: 'signal'; sig: number } | { kind: 'child'; pid: number; status: number };

/**
 * Signals the daemon handles are queued; next() returns the next signal or reaped child,
 * waiting for either. With no children left it waits for a signal alone.
 */
export class EventLoop {
  private readonly queue: number[] = [];

  constructor(private readonly sys: Sys) {}

  async handle(sigs: number[]): Promise<void> {
    for (const s of sigs) await this.sys.sigaction(s, (sig) => void this.queue.push(sig));
  }

  async next(): Promise<Event> {
    for (;;) {
      const sig = this.queue.shift();
      if (sig !== undefined) return { kind: 'signal', sig };
      try {
        const [pid, status] = await this.sys.wait4(-1);
        return { kind: 'child', pid, status };
      } catch (e) {
        if (isSysError(e, 'EINTR')) continue;
        if (!isSysError(e, 'ECHILD')) throw e;
      }
      try {
        await this.sys.pause();
      } catch (e) {
        if (!isSysError(e, 'EINTR')) throw e;
      }
    }
  }
}

/** Reset the handlers a child inherited from its parent, so the default actions apply. */
export async function defaultSignals(sys: Sys, sigs: number[]): Promise<void> {
  for (const s of sigs) await sys.sigaction(s, 'default');
}

/** A worker process's life: hold its memory and sleep until a signal ends it. */
export async function idleWorker(sys: Sys, bytes: number): Promise<number> {
  if (bytes > 0) {
    try {
      await sys.mmap(bytes);
    } catch (e) {
      if (!isSysError(e, 'ENOMEM')) throw e;
    }
  }
  for (;;) {
    try {
      await sys.pause();
    } catch (e) {
      if (!isSysError(e, 'EINTR')) throw e;
    }
  }
}

/** kill(2) that ignores a process already gone. */
export async function signalQuietly(sys: Sys, pid: number, sig: number): Promise<void> {
  try {
    await sys.kill(pid, sig);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

// What every daemon here does the same way: leave the terminal (fork, setsid, standard streams
// to /dev/null) unless told to stay in the foreground, keep a pid file, take the signals it acts
// on as flags, and wait for children and signals in one loop (a signal ends the wait with
// EINTR, so the flag is seen at once); fork workers that switch to the server's account and
// idle holding memory, and reap them all when stopping.

import { isSysError } from '../../../abi/errno.ts';
import { O_CREAT, O_RDWR, O_TRUNC, O_WRONLY, O_APPEND } from '../../../abi/open-flags.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';

/**
 * Fork and return 0 at once; the child starts a session, leaves the terminal and runs `child`.
 * Its standard streams go to /dev/null, standard error to `stderr` instead when that is a
 * descriptor (php-fpm keeps its error log there).
 */
export async function detach(sys: Sys, child: (sys: Sys) => Promise<number>, stderr = -1): Promise<number> {
  await sys.fork(async (c) => {
    await c.setsid();
    try {
      const fd = await c.open('/dev/null', O_RDWR);
      for (const n of [0, 1, 2]) await c.dup2(n === 2 && stderr >= 0 ? stderr : fd, n);
      if (fd > 2) await c.close(fd);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    return child(c);
  });
  return 0;
}

/** A whole file as text (the open, read or close error is thrown). */
export async function readText(sys: Sys, path: string): Promise<string> {
  const fd = await sys.open(path, 0);
  try {
    return utf8Decode(await sys.readAll(fd));
  } finally {
    await sys.close(fd);
  }
}

/** Name to id (the third field) of /etc/passwd or /etc/group text. */
export function accountIds(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of text.split('\n')) {
    const f = l.split(':');
    if (f.length > 2) m.set(f[0]!, Number(f[2]));
  }
  return m;
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

/** Map `bytes` of memory a server process holds (charged to its cgroup); none left is no error. */
export async function holdMemory(sys: Sys, bytes: number): Promise<void> {
  try {
    await sys.mmap(bytes);
  } catch (e) {
    if (!isSysError(e, 'ENOMEM')) throw e;
  }
}

/** A worker process's life: hold its memory and sleep until a signal ends it. */
export async function idleWorker(sys: Sys, bytes: number): Promise<number> {
  if (bytes > 0) await holdMemory(sys, bytes);
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

export interface Account {
  uid: number;
  gid: number;
}

/**
 * Fork a worker: the signals the master handles get their default actions back, a root master's
 * worker drops to the server's account (null: stays who it is), and it idles holding `bytes`.
 */
export function spawnWorker(sys: Sys, handled: number[], account: Account | null, bytes: number): Promise<number> {
  return sys.fork(async (c) => {
    await defaultSignals(c, handled);
    if (account) {
      await c.setgroups([account.gid]);
      await c.setresgid(account.gid, account.gid, account.gid);
      await c.setresuid(account.uid, account.uid, account.uid);
    }
    return idleWorker(c, bytes);
  });
}

/** Wait until every worker has been reaped (a signal arriving meanwhile does not cut it short). */
export async function reap(sys: Sys, workers: { readonly size: number; delete(pid: number): boolean }): Promise<void> {
  while (workers.size) {
    try {
      const [p] = await sys.wait4(-1);
      workers.delete(p);
    } catch (e) {
      if (isSysError(e, 'EINTR')) continue;
      if (isSysError(e, 'ECHILD')) break;
      throw e;
    }
  }
}

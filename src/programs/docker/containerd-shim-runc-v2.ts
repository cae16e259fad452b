// containerd-shim-runc-v2: the process that stays behind as each container's parent. The docker
// CLI forks it, it calls setsid and runs the container's task (runtime/tasks runTask), reports
// "ok PID" (or "err STATUS MESSAGE") on descriptor 3, copies the container's output into the
// json-file log (and to its own stdout/stderr, which are the caller's terminal when attached),
// waits for PID 1, and records the exit (ExitCode, FinishedAt, OOMKilled from memory.events)
// in the container's record, tells each waiting `docker wait` the code; it then removes the
// cgroup, and the container itself with --rm. Its own exit status is the container's, so an
// attached `docker run` knows it even after --rm. An attached `docker run -it` that gets ^P^Q
// is let go: the shim stops using its terminal and takes input from a fifo, as for -dit.

import { isSysError } from '../../abi/errno.ts';
import { O_APPEND, O_CLOEXEC, O_CREAT, O_NOCTTY, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY } from '../../abi/open-flags.ts';
import { SIG, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WTERMSIG } from '../../abi/signals.ts';
import { utf8Decode } from '../../base/text.ts';
import { ContainerStore, goJson, now, TASK_STATE } from '../../runtime/containers/index.ts';
import { listNamesOrEmpty, mkdirAll, removeAll, writeFileAtomic } from '../../runtime/sys-files.ts';
import { LayerStore } from '../../runtime/layers/layer-store.ts';
import { cgroupPath, oomKills, removeCgroup, runTask, TaskStartError } from '../../runtime/tasks/index.ts';
import { taskMounts } from '../../runtime/volumes/mounts.ts';
import { removeAnonymousVolumes } from '../../runtime/volumes/volume-refs.ts';
import type { Sys } from '../../sys/sys.ts';
import { DETACH_MARKER, DETACHED, EscapeProxy } from './cmd/escape-proxy.ts';

const F_SETFD = 2;
const S_IFIFO = 0o010000;
const FD_CLOEXEC = 1;

/** Docker's wording around a failed start, as the daemon reports it. */
function ociError(message: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${message}: unknown`;
}

async function report(sys: Sys, text: string): Promise<void> {
  try {
    await sys.writeAll(3, `${text}\n`);
    await sys.close(3);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

/**
 * Copy one stream of the container: to `to` (while it takes writes) and, a line at a time, into
 * the json-file log as {"log":"...\n","stream":"stdout","time":"..."}. The copies run inside the
 * shim, side by side with its wait for PID 1, as the real shim's goroutines do: a thousand idle
 * containers then cost a thousand shims, not three thousand processes.
 */
async function copier(sys: Sys, from: number, to: number | null, log: LogWriter | null, stream: string): Promise<void> {
  // No closures in here: a copy blocked in read() keeps its frame, and every closure made in it,
  // for as long as the container runs.
  let pending = new Uint8Array(0);
  for (;;) {
    let chunk: Uint8Array;
    try {
      chunk = await sys.read(from, 65536);
    } catch (e) {
      if (!isSysError(e)) throw e;
      break; // EIO from a pty master once the last slave is gone
    }
    if (chunk.length === 0) break;
    if (to !== null) {
      try {
        await sys.writeAll(to, chunk);
      } catch (e) {
        if (!isSysError(e)) throw e;
        to = null;
      }
    }
    const joined = new Uint8Array(pending.length + chunk.length);
    joined.set(pending);
    joined.set(chunk, pending.length);
    let start = 0;
    for (let i = 0; i < joined.length; i++) {
      if (joined[i] === 10) {
        await logLine(sys, log, stream, joined.subarray(start, i + 1));
        start = i + 1;
      }
    }
    pending = joined.slice(start);
    if (pending.length >= 16384) {
      await logLine(sys, log, stream, pending);
      pending = new Uint8Array(0);
    }
  }
  if (pending.length > 0) await logLine(sys, log, stream, pending);
}

/** One json-file log entry for `bytes` of `stream`. */
async function logLine(sys: Sys, log: LogWriter | null, stream: string, bytes: Uint8Array): Promise<void> {
  if (log === null) return;
  const line = goJson({ log: utf8Decode(bytes), stream, time: await now(sys) });
  await log(`${line}\n`);
}

type LogWriter = (line: string) => Promise<void>;

/**
 * Appends to the log one entry after the other: the stdout and stderr copies run side by side,
 * and two O_APPEND writes in flight at once could land at the same end of file.
 */
function logWriter(sys: Sys, fd: number): LogWriter {
  let tail: Promise<void> = Promise.resolve();
  return (line) => {
    const done = tail.then(() => sys.writeAll(fd, line));
    tail = done.catch(() => {});
    return done;
  };
}

/** Copy the caller's input into the pty master until it ends or the shim stops us. */
/**
 * The stdin fifo `docker attach` writes into: both ends at once (each open waits for the
 * other); the shim keeps the write end, so the container's input never ends while nobody is
 * attached. Returns [read end, write end].
 */
async function openStdinFifo(sys: Sys, stateDir: string): Promise<[number, number]> {
  const fifo = `${stateDir}/stdin`;
  await sys.mknod(fifo, S_IFIFO | 0o600);
  const [r, w] = await Promise.all([sys.open(fifo, O_RDONLY | O_CLOEXEC), sys.open(fifo, O_WRONLY | O_CLOEXEC)]);
  return [r, w];
}

async function inputPump(sys: Sys, from: number, master: number, watch: boolean): Promise<number> {
  const escape = new EscapeProxy();
  for (;;) {
    let chunk: Uint8Array;
    try {
      chunk = await sys.read(from, 4096);
      if (chunk.length === 0) return 0;
      // typed by an attached `docker run -it`: ^P^Q lets go of the container
      const pass = watch ? escape.feed(chunk) : chunk;
      if (pass === null) return DETACHED;
      if (pass.length > 0) await sys.writeAll(master, pass);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 0;
    }
  }
}

async function waitExit(sys: Sys, pid: number): Promise<number> {
  for (;;) {
    try {
      const [, status] = await sys.wait4(pid);
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    } catch (e) {
      if (isSysError(e, 'EINTR')) continue;
      if (isSysError(e, 'ECHILD')) return 255;
      throw e;
    }
  }
}

/** Go's flag package usage layout (flags sorted, each description on its own tabbed line). */
const USAGE = `Usage of containerd-shim-runc-v2:
  -address string
    \tsocket of the container manager that started this shim
  -id string
    \tid of the container this shim runs and waits for
  -namespace string
    \tnamespace of the container (the engine's is moby)
`;

export default async function shim(sys: Sys): Promise<number> {
  const argv = sys.argv.slice(1);
  if (argv.some((a) => a === '-h' || a === '-help' || a === '--help')) {
    await sys.writeAll(2, USAGE);
    return 0;
  }
  const idAt = argv.indexOf('-id');
  const id = idAt >= 0 ? argv[idAt + 1] : undefined;
  if (!id) {
    await sys.writeAll(2, 'containerd-shim-runc-v2: -id is required\n');
    return 1;
  }
  const root = sys.getenv('DOCKER_ROOT') ?? '/var/lib/docker';
  try {
    await sys.fcntl(3, F_SETFD, FD_CLOEXEC);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  await sys.chdir('/');
  const containers = new ContainerStore(sys, root);
  const layers = new LayerStore(sys, root);
  const rec = await containers.get(id);
  const rw = rec ? await layers.getRW(id) : null;
  if (!rec || !rw) {
    await report(sys, `err 125 No such container: ${id}`);
    return 125;
  }
  const tty = rec.Config.Tty;
  // containerd's task state: where the CLI finds the shim that records this container's exit,
  // and (for -i without an attached caller) the fifo that `docker attach` writes the input into.
  const stateDir = `${TASK_STATE}/${id}`;
  await removeAll(sys, stateDir);
  await mkdirAll(sys, stateDir);
  let stdinFifo = -1;
  let stdinHold = -1;
  if (rec.Config.OpenStdin && !rec.Config.AttachStdin) {
    [stdinFifo, stdinHold] = await openStdinFifo(sys, stateDir);
  }
  let stdio: [number, number, number];
  let master = -1;
  let outR = -1;
  let errR = -1;
  if (tty) {
    master = await sys.posixOpenpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    await sys.unlockpt(master);
    const slave = await sys.open(await sys.ptsname(master), O_RDWR | O_NOCTTY);
    try {
      await sys.setWinsize(master, await sys.getWinsize(1));
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    stdio = [slave, slave, slave];
  } else {
    const out = await sys.pipe(true);
    const err = await sys.pipe(true);
    outR = out[0];
    errR = err[0];
    stdio = [stdinFifo >= 0 ? stdinFifo : 0, out[1], err[1]];
  }
  let pid: number;
  try {
    pid = await runTask(sys, {
      id, rootfs: rw, config: rec.Config, hostConfig: rec.HostConfig, tty, stdio, containerDir: containers.pathOf(id),
      mounts: rec.Mounts.length ? await taskMounts(sys, root, rec) : [],
    });
  } catch (e) {
    if (!(e instanceof TaskStartError)) throw e;
    const message = ociError(e.message);
    await containers.update(id, (r) => {
      r.State.ExitCode = e.status;
      r.State.Error = message;
    });
    if (rec.HostConfig.AutoRemove) {
      await layers.removeRW(id);
      await containers.remove(id);
      await removeAnonymousVolumes(sys, root, rec);
    }
    await removeAll(sys, stateDir);
    await report(sys, `err ${e.status} ${message}`);
    return e.status;
  }
  await writeFileAtomic(sys, `${stateDir}/shim.pid`, `${await sys.getpid()}`);
  await writeFileAtomic(sys, `${stateDir}/init.pid`, `${pid}`);
  const startedAt = await now(sys);
  await containers.update(id, (r) => {
    r.State = {
      ...r.State, Status: 'running', Running: true, Paused: false, Restarting: false, OOMKilled: false, Dead: false,
      Pid: pid, ExitCode: 0, Error: '', StartedAt: startedAt,
    };
  });
  await report(sys, `ok ${pid}`);
  for (const fd of new Set(stdio)) if (fd > 2 && fd !== stdinFifo) await sys.close(fd);

  // From here on the shim keeps only what it needs to record the exit (not the container's
  // record or its layers), so a thousand waiting shims hold little: `return` without `await`
  // ends this function's frame.
  return supervise(sys, {
    id, pid, tty, logPath: rec.LogPath, autoRemove: rec.HostConfig.AutoRemove, openStdin: rec.Config.OpenStdin,
    stateDir, stdinFifo, stdinHold, master, outR, errR, containers, layers,
  });
}

interface Running {
  id: string;
  pid: number;
  tty: boolean;
  logPath: string;
  autoRemove: boolean;
  openStdin: boolean;
  stateDir: string;
  /** The fifo `docker attach` writes into (-1 without one), and our hold on its write end. */
  stdinFifo: number;
  stdinHold: number;
  /** The pty master with -t; the read ends of the stdout and stderr pipes without. */
  master: number;
  outR: number;
  errR: number;
  containers: ContainerStore;
  layers: LayerStore;
}

/** Copy the container's output while waiting for PID 1, then record its exit. */
async function supervise(sys: Sys, r: Running): Promise<number> {
  const { id, pid, tty, stdinFifo } = r;
  // A reader that went away (`docker run ... | head -1`) must not stop the log.
  await sys.sigaction(SIG.SIGPIPE, 'ignore');
  // One open of the log, shared by the copies (appends from one open file description).
  let log: number | null = null;
  try {
    log = await sys.open(r.logPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  let pump = -1;
  if (tty && r.openStdin) pump = await sys.fork((c) => inputPump(c, stdinFifo >= 0 ? stdinFifo : 0, r.master, stdinFifo < 0));
  if (pump > 0 && stdinFifo < 0) {
    // The detach keys end the pump: stop using the caller's terminal (the log still gets the
    // output), then say so, and the attached `docker run` returns with the container running.
    // From then on the input comes through a stdin fifo, as for -dit, so `docker attach` can
    // type into the container again.
    void waitExit(sys, pump).then(async (st) => {
      if (st !== DETACHED) return;
      const nul = await sys.open('/dev/null', O_RDWR | O_CLOEXEC);
      for (const fd of [0, 1, 2]) await sys.dup2(nul, fd);
      await sys.close(nul);
      const [fifo, hold] = await openStdinFifo(sys, r.stateDir);
      r.stdinHold = hold;
      pump = await sys.fork((c) => inputPump(c, fifo, r.master, false));
      await sys.close(fifo);
      await writeFileAtomic(sys, `${r.stateDir}/${DETACH_MARKER}`, '');
    });
  }
  if (stdinFifo >= 0) await sys.close(stdinFifo);
  const sources = tty ? [r.master] : [r.outR, r.errR];
  const write = log === null ? null : logWriter(sys, log);
  const copies = Promise.all(
    tty ? [copier(sys, r.master, 1, write, 'stdout')] : [copier(sys, r.outR, 1, write, 'stdout'), copier(sys, r.errR, 2, write, 'stderr')],
  );
  // If the shim itself is killed while waiting, the copies fail with it: nobody awaits them then.
  copies.catch(() => {});
  const code = await waitExit(sys, pid);
  if (r.stdinHold >= 0) await sys.close(r.stdinHold);
  await copies;
  for (const fd of sources) await sys.close(fd);
  if (log !== null) await sys.close(log);
  if (pump > 0) {
    try {
      await sys.kill(pump, 9);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    await waitExit(sys, pump);
  }
  const cgroup = cgroupPath(id);
  const oom = (await oomKills(sys, cgroup)) > 0;
  await removeCgroup(sys, cgroup);
  const finishedAt = await now(sys);
  await r.containers.update(id, (rec) => {
    rec.State = {
      ...rec.State, Status: 'exited', Running: false, Paused: false, Restarting: false, OOMKilled: oom, Dead: false,
      Pid: 0, ExitCode: code, Error: '', FinishedAt: finishedAt,
    };
  });
  await tellWaiters(sys, r.stateDir, code);
  if (r.autoRemove) {
    // --rm takes the container's anonymous volumes with it; the record says which
    const rec = await r.containers.get(id);
    await r.layers.removeRW(id);
    await r.containers.remove(id);
    if (rec) await removeAnonymousVolumes(sys, r.containers.root, rec);
  }
  await removeAll(sys, r.stateDir);
  return code;
}

/**
 * Each `docker wait` waiting on this container keeps a fifo (wait-PID) in the task state
 * directory; it is told the exit code there, so it has it even when --rm takes the record away
 * next, as the daemon answers its waiters before removing the container.
 */
async function tellWaiters(sys: Sys, stateDir: string, code: number): Promise<void> {
  for (const name of await listNamesOrEmpty(sys, stateDir)) {
    if (!name.startsWith('wait-')) continue;
    try {
      const fd = await sys.open(`${stateDir}/${name}`, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      await sys.writeAll(fd, `${code}\n`);
      await sys.close(fd);
    } catch (e) {
      // ENXIO: the waiter went away
      if (!isSysError(e)) throw e;
    }
  }
}

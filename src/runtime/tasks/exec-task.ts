// execTask: run another process in a running container (docker exec), as runc exec does:
// a child of the caller joins the container's cgroup, then its namespaces through
// /proc/PID/ns/* (ipc, uts, net, pid, mnt, cgroup), and forks, because entering a PID namespace
// only places children there; the grandchild takes the user and working directory and execs.
// Seen from inside, the new process has PPID 0: its parent is outside the namespace.

import { WEXITSTATUS, WIFEXITED, WIFSIGNALED, WTERMSIG } from '../../abi/signals.ts';
import { O_CLOEXEC, O_NOFOLLOW, O_PATH } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ContainerConfig } from '../containers/container-record.ts';
import { joinCgroup } from './cgroup.ts';
import { becomeUser, execIn, readStartReport, resetSignals } from './run-task.ts';
import { mergeEnv, processEnv, TaskStartError } from './task-spec.ts';

export interface ExecSpec {
  /** Host pid of the container's PID 1. */
  pid: number;
  /** The container's cgroup directory. */
  cgroup: string;
  config: ContainerConfig;
  argv: string[];
  env: string[];
  user: string;
  workdir: string;
  tty: boolean;
  stdio?: [number, number, number];
}

const NAMESPACES = ['ipc', 'uts', 'net', 'pid', 'cgroup', 'mnt'];

async function enter(sys: Sys, spec: ExecSpec, errW: number): Promise<number> {
  const fds: number[] = [];
  for (const ns of NAMESPACES) fds.push(await sys.open(`/proc/${spec.pid}/ns/${ns}`, O_PATH | O_NOFOLLOW | O_CLOEXEC));
  await joinCgroup(sys, spec.cgroup, await sys.getpid());
  for (const fd of fds) {
    await sys.setns(fd);
    await sys.close(fd);
  }
  const child = await sys.fork(async (c) => {
    try {
      await resetSignals(c);
      await c.setsid();
      const stdio = spec.stdio ?? [0, 1, 2];
      for (let i = 0; i < 3; i++) if (stdio[i] !== i) await c.dup2(stdio[i]!, i);
      for (const fd of new Set(stdio)) if (fd > 2) await c.close(fd);
      if (spec.tty) await c.setControllingTty(0, true);
      const hostname = (await c.uname()).nodename;
      const { home } = await becomeUser(c, spec.user, spec.workdir);
      const env = mergeEnv(processEnv(spec.config, hostname, spec.tty, home), spec.env);
      return await execIn(c, spec.argv, env);
    } catch (e) {
      if (e instanceof TaskStartError) {
        await c.writeAll(errW, `${e.status} ${e.message}`);
        return e.status;
      }
      throw e;
    }
  });
  await sys.close(errW);
  for (const fd of new Set(spec.stdio ?? [])) if (fd > 2) await sys.close(fd);
  const [, status] = await sys.wait4(child);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

/**
 * Start `argv` in the container; returns the pid (a child of the caller) whose exit status is
 * the command's (128+N for a signal). Throws TaskStartError when it could not exec.
 */
export async function execTask(sys: Sys, spec: ExecSpec): Promise<number> {
  const [errR, errW] = await sys.pipe(true);
  const pid = await sys.fork((c) => c.close(errR).then(() => enter(c, spec, errW)));
  await sys.close(errW);
  const failed = await readStartReport(sys, errR);
  if (failed) {
    await sys.wait4(pid);
    throw failed;
  }
  return pid;
}

// runTask: start a container's first process, as runc's create+start do it, in syscalls only:
//   1. the cgroup system.slice/docker-<id>.scope with the limits (cgroup.ts);
//   2. clone with CLONE_NEWPID|NEWNS|NEWUTS|NEWIPC|NEWNET: the child is PID 1 of its namespace;
//      every container's network namespace has only `lo` (there is no bridge in this machine);
//   3. the parent writes the child's pid into cgroup.procs, then lets it go on (a sync pipe);
//   4. the child unshares its cgroup namespace (so /proc/self/cgroup reads 0::/), becomes a
//      session leader (taking the terminal with -t), mounts its root and pivots into it
//      (rootfs.ts), sets its hostname, user and working directory, and execs Entrypoint+Cmd.
// A failure in the child before exec comes back on a close-on-exec pipe (EOF means the exec
// happened) and is thrown as a TaskStartError with docker run's status (126 or 127).

import { CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUTS } from '../../abi/clone-flags.ts';
import { isSysError, strerror } from '../../abi/errno.ts';
import { X_OK } from '../../abi/open-flags.ts';
import { SIG } from '../../abi/signals.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { mkdirAll } from '../sys-files.ts';
import { cgroupPath, createCgroup, joinCgroup, removeCgroup } from './cgroup.ts';
import { setupRootfs } from './rootfs.ts';
import { processEnv, TaskStartError, type TaskSpec } from './task-spec.ts';
import { resolveUser, UserError } from './user.ts';

export const TASK_CLONE_FLAGS = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET;

/** The command a container runs: Entrypoint then Cmd. */
export function taskArgv(spec: { config: { Entrypoint: string[] | null; Cmd: string[] | null } }): string[] {
  return [...(spec.config.Entrypoint ?? []), ...(spec.config.Cmd ?? [])];
}

/** The hostname a container gets: Config.Hostname, else its short id. */
export function taskHostname(spec: TaskSpec): string {
  return spec.config.Hostname || spec.id.slice(0, 12);
}

async function isExecutableFile(sys: Sys, path: string): Promise<boolean> {
  try {
    const st = await sys.stat(path);
    if ((st.mode & 0o170000) !== 0o100000) return false;
    await sys.access(path, X_OK);
    return true;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

/** Go's exec.LookPath over the container's PATH, with runc's words for a miss. */
export async function lookPath(sys: Sys, file: string, env: string[]): Promise<string> {
  if (file.includes('/')) {
    try {
      await sys.stat(file);
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new TaskStartError(`exec: "${file}": stat ${file}: ${strerror(e.code).toLowerCase()}`, 127);
    }
    return file;
  }
  const path = env.find((e) => e.startsWith('PATH='))?.slice(5) ?? '';
  for (const dir of path.split(':')) {
    const candidate = `${dir === '' ? '.' : dir}/${file}`;
    if (await isExecutableFile(sys, candidate)) return candidate;
  }
  throw new TaskStartError(`exec: "${file}": executable file not found in $PATH`, 127);
}

/** execve, with a failure turned into runc's message and docker's status. */
export async function execIn(sys: Sys, argv: string[], env: string[]): Promise<never> {
  if (argv.length === 0) throw new TaskStartError('no command specified', 126);
  const path = await lookPath(sys, argv[0]!, env);
  try {
    return await sys.execve(path, argv, env);
  } catch (e) {
    if (!isSysError(e)) throw e;
    const status = e.code === 'ENOENT' ? 127 : 126;
    throw new TaskStartError(`exec: "${argv[0]}": ${strerror(e.code).toLowerCase()}`, status);
  }
}

/** Switch to the user (resolved in the container's /etc) and go to the working directory. */
export async function becomeUser(sys: Sys, user: string, workdir: string): Promise<{ home: string }> {
  let who;
  try {
    who = await resolveUser(sys, user);
  } catch (e) {
    if (e instanceof UserError) throw new TaskStartError(e.message, 126);
    throw e;
  }
  const cwd = workdir || '/';
  try {
    await mkdirAll(sys, cwd);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  await sys.setgroups(who.groups);
  await sys.setresgid(who.gid, who.gid, who.gid);
  await sys.setresuid(who.uid, who.uid, who.uid);
  try {
    await sys.chdir(cwd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new TaskStartError(`chdir to cwd ("${cwd}") set in config.json failed: ${strerror(e.code).toLowerCase()}`, 126);
  }
  return { home: who.home };
}

/**
 * Start the container's process with every signal at its default and none blocked, as a process
 * the daemon starts would be: dispositions inherited from whoever ran `docker` (a background job
 * ignores SIGINT and SIGQUIT) must not reach it, or its shell could not trap them.
 */
export async function resetSignals(sys: Sys): Promise<void> {
  for (let sig = 1; sig < 32; sig++) {
    if (sig === SIG.SIGKILL || sig === SIG.SIGSTOP) continue;
    await sys.sigaction(sig, 'default');
  }
  await sys.sigprocmask('set', []);
}

/** Report a start failure on the error pipe ("STATUS message") and leave. */
async function report(sys: Sys, errW: number, e: unknown): Promise<number> {
  if (e instanceof TaskStartError) {
    await sys.writeAll(errW, `${e.status} ${e.message}`);
    return e.status;
  }
  if (isSysError(e)) {
    await sys.writeAll(errW, `126 ${e.message}`);
    return 126;
  }
  throw e;
}

async function childMain(sys: Sys, spec: TaskSpec, syncR: number, syncW: number, errR: number, errW: number): Promise<number> {
  await sys.close(syncW);
  await sys.close(errR);
  // Wait until the parent has put us into the cgroup, then take a cgroup namespace rooted there.
  await sys.read(syncR, 1);
  await sys.close(syncR);
  try {
    await sys.unshare(CLONE_NEWCGROUP);
    await resetSignals(sys);
    await sys.setsid();
    const stdio = spec.stdio ?? [0, 1, 2];
    for (let i = 0; i < 3; i++) if (stdio[i] !== i) await sys.dup2(stdio[i]!, i);
    for (const fd of new Set(stdio)) if (fd > 2) await sys.close(fd);
    if (spec.tty) await sys.setControllingTty(0, true);
    await setupRootfs(sys, spec);
    const hostname = taskHostname(spec);
    await sys.sethostname(hostname);
    const { home } = await becomeUser(sys, spec.config.User, spec.config.WorkingDir);
    const env = processEnv(spec.config, hostname, spec.tty, home);
    return await execIn(sys, taskArgv(spec), env);
  } catch (e) {
    return report(sys, errW, e);
  }
}

/** Read a child's start report: '' when it exec'd. */
export async function readStartReport(sys: Sys, errR: number): Promise<TaskStartError | null> {
  const text = utf8Decode(await sys.readAll(errR));
  await sys.close(errR);
  if (text === '') return null;
  const space = text.indexOf(' ');
  return new TaskStartError(text.slice(space + 1), Number(text.slice(0, space)) || 126);
}

/**
 * Start the container's process; returns its host pid (a child of the caller, who must wait4
 * it). Throws TaskStartError (after reaping the child and removing the cgroup) when it could
 * not exec.
 */
export async function runTask(sys: Sys, spec: TaskSpec): Promise<number> {
  const hc = spec.hostConfig;
  const cgroup = await createCgroup(sys, spec.id, {
    memory: hc.Memory, memorySwap: hc.MemorySwap, pids: hc.PidsLimit, nanoCpus: hc.NanoCpus,
  });
  const [syncR, syncW] = await sys.pipe(true);
  const [errR, errW] = await sys.pipe(true);
  // --network host shares the machine's network namespace; every other mode gets one with only lo.
  const flags = hc.NetworkMode === 'host' ? TASK_CLONE_FLAGS & ~CLONE_NEWNET : TASK_CLONE_FLAGS;
  const pid = await sys.clone(flags, (c) => childMain(c, spec, syncR, syncW, errR, errW));
  await sys.close(syncR);
  await sys.close(errW);
  try {
    await joinCgroup(sys, cgroup, pid);
  } finally {
    await sys.write(syncW, '1');
    await sys.close(syncW);
  }
  const failed = await readStartReport(sys, errR);
  if (failed) {
    await sys.wait4(pid);
    await removeCgroup(sys, cgroup);
    throw failed;
  }
  return pid;
}

export { cgroupPath };

// What several container subcommands share: building a container from flags and an image
// (create, run), starting its shim (start, run, restart), stopping and killing it (stop, kill,
// restart, rm -f), removing it (rm, prune, run --rm), and the messages docker prints for each.

import { isSysError } from '../../../abi/errno.ts';
import { O_CLOEXEC, O_RDWR } from '../../../abi/open-flags.ts';
import { SIG, signalNumber } from '../../../abi/signals.ts';
import { copyTermios, makeRaw } from '../../../abi/termios.ts';
import { utf8Decode } from '../../../base/text.ts';
import {
  type ContainerConfig, type ContainerRecord, ContainerStore, createdState, DaemonError, defaultHostConfig,
  type HostConfig, networkSettings, now, processAlive, TASK_STATE, VALID_NAME,
} from '../../../runtime/containers/index.ts';
import { ImageStore, type ImageRecord } from '../../../runtime/images/image-store.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { pullImage, PullError } from '../../../runtime/registry/index.ts';
import { cgroupPath, mergeEnv, removeCgroup, taskArgv } from '../../../runtime/tasks/index.ts';
import { readText, readTextIfReadable } from '../../../runtime/sys-files.ts';
import { type ApiMount, resolveMounts } from '../../../runtime/volumes/mounts.ts';
import { removeAnonymousVolumes } from '../../../runtime/volumes/volume-refs.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerContext } from '../command.ts';

export const SHIM = 'containerd-shim-runc-v2';

/** Docker's wording around a failed container start (runc's error wrapped by containerd's). */
export function ociError(message: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${message}: unknown`;
}

/** A daemon-side failure of run/create/start, with docker run's status. */
export class RunError extends Error {
  constructor(message: string, readonly status = 125) {
    super(message);
  }
}

export function stores(ctx: DockerContext): { containers: ContainerStore; images: ImageStore; layers: LayerStore } {
  return {
    containers: new ContainerStore(ctx.sys, ctx.root),
    images: new ImageStore(ctx.sys, ctx.root),
    layers: new LayerStore(ctx.sys, ctx.root),
  };
}

/** "alpine" -> "alpine:latest", as docker names the image it could not find. */
export function withTag(ref: string): string {
  if (ref.includes('@')) return ref;
  const slash = ref.lastIndexOf('/');
  return ref.slice(slash + 1).includes(':') ? ref : `${ref}:latest`;
}

/** The CPUs the machine has, counted as the engine's info does (cpuN lines of /proc/stat). */
async function onlineCpus(sys: Sys): Promise<number> {
  const stat = (await readTextIfReadable(sys, '/proc/stat')) ?? '';
  return (stat.match(/^cpu\d+ /gm) ?? []).length || 1;
}

/** A signal by name (KILL, SIGKILL) or number. */
export function parseSignal(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s) > 0 && Number(s) < 65 ? Number(s) : null;
  return signalNumber(s.toUpperCase().startsWith('SIG') ? s.toUpperCase() : `SIG${s.toUpperCase()}`) ?? null;
}

/** Lines of an --env-file: KEY=VALUE, a bare KEY takes the caller's value, # comments. */
export async function readEnvFile(sys: Sys, path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readText(sys, path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new RunError(`open ${path}: no such file or directory`);
  }
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    out.push(...expandEnv(sys, line));
  }
  return out;
}

/** `-e KEY` takes the caller's value (or nothing when unset); `-e KEY=v` stays. */
export function expandEnv(sys: Sys, e: string): string[] {
  if (e.includes('=')) return [e];
  const v = sys.getenv(e);
  return v === undefined ? [] : [`${e}=${v}`];
}

export interface CreateOptions {
  image: string;
  command: string[];
  name?: string;
  env: string[];
  workdir?: string;
  user?: string;
  hostname?: string;
  entrypoint?: string;
  tty: boolean;
  interactive: boolean;
  detach: boolean;
  autoRemove: boolean;
  /** -v with a source (HostConfig.Binds), -v without one (anonymous volumes), --mount, --volumes-from. */
  binds: string[];
  anonymous: string[];
  mounts: ApiMount[];
  volumesFrom: string[];
  memory: number;
  nanoCpus: number;
  pidsLimit: number | null;
  network: string;
  /** --stop-timeout: seconds docker stop waits before SIGKILL, when given. */
  stopTimeout?: number;
}

/** Resolve the image; a missing one is pulled, as docker run does ("Unable to find image"). */
export async function findImage(ctx: DockerContext, images: ImageStore, ref: string): Promise<ImageRecord> {
  const img = await images.resolve(ref);
  if (img) return img;
  await ctx.sys.writeAll(2, `Unable to find image '${withTag(ref)}' locally\n`);
  try {
    const pulled = await pullImage(ctx.sys, ref, (text) => ctx.sys.writeAll(2, text), { root: ctx.root });
    return pulled.image;
  } catch (e) {
    if (e instanceof PullError) throw new RunError(e.message);
    throw e;
  }
}

const HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
const RESOLV = "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n\n# Based on host file: '/etc/resolv.conf' (legacy)\n# Used default nameservers.\n# Overrides: []\n";

/** Make the container: its record, its directory and files, its RW layer. */
export async function createContainer(ctx: DockerContext, o: CreateOptions): Promise<ContainerRecord> {
  const { containers, images, layers } = stores(ctx);
  if (o.name !== undefined && !VALID_NAME.test(o.name)) {
    throw new RunError(`Invalid container name (${o.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  if (o.network !== 'bridge' && o.network !== 'none' && o.network !== 'host' && o.network !== 'default') {
    throw new RunError(`failed to set up container networking: network ${o.network} not found`, 125);
  }
  if (o.memory > 0 && o.memory < 6 * 1024 * 1024) throw new RunError('Minimum memory limit allowed is 6MB');
  const ncpu = await onlineCpus(ctx.sys);
  if (o.nanoCpus < 0 || o.nanoCpus > ncpu * 1e9) throw new RunError(`Range of CPUs is from 0.01 to ${ncpu}.00, as there are only ${ncpu} CPUs available`);
  if (o.name !== undefined) await containers.checkName(o.name);
  const img = await findImage(ctx, images, o.image);
  const ic = img.config.config ?? {};
  // the image's VOLUMEs join the -v /path ones (moby merges Config.Volumes with the image's)
  const volumes: Record<string, Record<string, never>> = {};
  for (const v of [...o.anonymous, ...Object.keys(ic.Volumes ?? {})]) volumes[v] = {};
  const from = [];
  for (const ref of o.volumesFrom) {
    const [name = '', mode = ''] = ref.split(':');
    from.push({ rec: await containers.lookup(name), mode });
  }
  const mounts = await resolveMounts(ctx.sys, ctx.root, { binds: o.binds, mounts: o.mounts, anonymous: Object.keys(volumes), volumesFrom: from });
  const id = await containers.newId();
  const name = o.name ?? (await containers.newName());
  const entrypoint = o.entrypoint !== undefined ? (o.entrypoint === '' ? null : [o.entrypoint]) : (ic.Entrypoint ?? null);
  const cmd = o.command.length > 0 ? o.command : o.entrypoint !== undefined ? null : (ic.Cmd ?? null);
  const config: ContainerConfig = {
    Hostname: o.hostname ?? id.slice(0, 12),
    Domainname: '',
    User: o.user ?? ic.User ?? '',
    AttachStdin: o.interactive && !o.detach,
    AttachStdout: !o.detach,
    AttachStderr: !o.detach,
    ...(ic.ExposedPorts ? { ExposedPorts: ic.ExposedPorts } : {}),
    Tty: o.tty,
    OpenStdin: o.interactive,
    StdinOnce: o.interactive && !o.detach,
    Env: mergeEnv(ic.Env ?? [], o.env),
    Cmd: cmd,
    Image: o.image,
    Volumes: Object.keys(volumes).length ? volumes : null,
    WorkingDir: o.workdir ?? ic.WorkingDir ?? '',
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: ic.Labels ?? {},
    ...(ic.StopSignal ? { StopSignal: ic.StopSignal } : {}),
    ...(o.stopTimeout !== undefined ? { StopTimeout: o.stopTimeout } : {}),
  };
  if (taskArgv({ config }).length === 0) throw new RunError('no command specified');
  const hostConfig: HostConfig = defaultHostConfig({
    Binds: o.binds.length ? o.binds : null,
    VolumesFrom: o.volumesFrom.length ? o.volumesFrom : null,
    Mounts: o.mounts.length ? o.mounts : undefined,
    NetworkMode: o.network === 'default' ? 'bridge' : o.network,
    AutoRemove: o.autoRemove,
    Memory: o.memory,
    MemorySwap: o.memory > 0 ? 2 * o.memory : 0,
    NanoCpus: o.nanoCpus,
    PidsLimit: o.pidsLimit,
  });
  const top = img.layers.length ? img.layers[img.layers.length - 1]! : null;
  const rw = await layers.createRW(id, top);
  const dir = containers.pathOf(id);
  const argv = taskArgv({ config });
  const rec: ContainerRecord = {
    Id: id,
    Created: await now(ctx.sys),
    Path: argv[0]!,
    Args: argv.slice(1),
    State: createdState(),
    Image: img.id,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${id}-json.log`,
    Name: `/${name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: hostConfig,
    GraphDriver: {
      Data: { LowerDir: rw.lowerDirs.join(':'), MergedDir: rw.mergedDir, UpperDir: rw.upperDir, WorkDir: rw.workDir },
      Name: 'overlay2',
    },
    Mounts: mounts,
    Config: config,
    NetworkSettings: networkSettings(hostConfig.NetworkMode),
  };
  try {
    await containers.create(rec, { hostname: `${config.Hostname}\n`, hosts: HOSTS, resolvConf: RESOLV });
  } catch (e) {
    await layers.removeRW(id);
    throw e;
  }
  return rec;
}

/** The first of PATH's directories (and the usual ones) that holds `name`. */
async function findProgram(sys: Sys, name: string): Promise<string> {
  const dirs = [...(sys.getenv('PATH') ?? '').split(':'), '/usr/bin', '/bin', '/usr/local/bin'].filter((d) => d !== '');
  for (const d of dirs) {
    try {
      await sys.stat(`${d}/${name}`);
      return `${d}/${name}`;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  throw new RunError(`failed to start shim: exec: "${name}": executable file not found in $PATH`);
}

export interface StartOptions {
  /** Give the shim the caller's stdout/stderr (else /dev/null). */
  attach: boolean;
  /** Give the shim the caller's stdin (else /dev/null). */
  stdin: boolean;
}

export interface Started {
  shimPid: number;
  /** Host pid of the container's PID 1. */
  pid: number;
}

/**
 * Start the container: fork, setsid and exec its shim, which runs the task and reports on fd 3
 * ("ok PID" or "err STATUS MESSAGE"). The shim stays behind as the container's parent.
 */
export async function startShim(ctx: DockerContext, rec: ContainerRecord, o: StartOptions): Promise<Started> {
  const sys = ctx.sys;
  const shim = await findProgram(sys, SHIM);
  const [repR, repW] = await sys.pipe(true);
  const shimPid = await sys.fork(async (c) => {
    await c.setsid();
    const nul = await c.open('/dev/null', O_RDWR);
    if (!o.stdin) await c.dup2(nul, 0);
    if (!o.attach) {
      await c.dup2(nul, 1);
      await c.dup2(nul, 2);
    }
    if (nul > 2) await c.close(nul);
    // The report pipe's read end may sit on 3 itself: close it before putting the write end there.
    await c.close(repR);
    if (repW !== 3) {
      await c.dup2(repW, 3);
      await c.close(repW);
    }
    return c.execve(shim, [SHIM, '-namespace', 'moby', '-id', rec.Id, '-address', '/run/containerd/containerd.sock'], [
      `PATH=${sys.getenv('PATH') ?? '/usr/bin:/bin'}`,
      `DOCKER_ROOT=${ctx.root}`,
    ]);
  });
  await sys.close(repW);
  const report = utf8Decode(await sys.readAll(repR)).trim();
  await sys.close(repR);
  const m = /^ok (\d+)$/.exec(report);
  if (m) return { shimPid, pid: Number(m[1]) };
  await sys.wait4(shimPid);
  const e = /^err (\d+) ([\s\S]*)$/.exec(report);
  if (e) throw new RunError(e[2]!, Number(e[1]));
  throw new RunError(`failed to start shim: ${report || 'shim exited early'}`);
}

/** Wait for a container's process to end, polling its record; false when `ms` ran out. */
export async function waitStopped(sys: Sys, containers: ContainerStore, id: string, ms: number): Promise<boolean> {
  for (let waited = 0; ms < 0 || waited <= ms; waited += 10) {
    const rec = await containers.get(id);
    if (!rec || !rec.State.Running) return true;
    // A shim that died without writing the exit (killed, or the machine restarted): the record is stale.
    if (!(await shimAlive(sys, id))) return true;
    await sys.sleep(10);
  }
  return false;
}

/** Is the shim that will record the container's exit still there? */
export async function shimAlive(sys: Sys, id: string): Promise<boolean> {
  const text = await readTextIfReadable(sys, `${TASK_STATE}/${id}/shim.pid`);
  return text !== null && processAlive(sys, Number(text.trim()));
}

export async function alive(sys: Sys, pid: number): Promise<boolean> {
  if (pid <= 0) return false;
  try {
    await sys.kill(pid, 0);
    return true;
  } catch (e) {
    if (isSysError(e, 'ESRCH')) return false;
    throw e;
  }
}

/** docker stop: the stop signal, `timeout` seconds, then SIGKILL (daemon/stop.go). */
export async function stopContainer(sys: Sys, containers: ContainerStore, rec: ContainerRecord, timeout: number | null, signal?: number): Promise<void> {
  if (!rec.State.Running) return;
  const sig = signal ?? (rec.Config.StopSignal ? parseSignal(rec.Config.StopSignal) ?? SIG.SIGTERM : SIG.SIGTERM);
  const t = timeout ?? rec.Config.StopTimeout ?? 10;
  let sent = true;
  try {
    await sys.kill(rec.State.Pid, sig);
  } catch (e) {
    if (!isSysError(e)) throw e;
    sent = false;
  }
  if (await waitStopped(sys, containers, rec.Id, sent ? (t < 0 ? -1 : t * 1000) : 2000)) return;
  await killContainer(sys, containers, rec, SIG.SIGKILL);
  await waitStopped(sys, containers, rec.Id, -1);
}

/** docker kill: one signal to PID 1. */
export async function killContainer(sys: Sys, _containers: ContainerStore, rec: ContainerRecord, sig: number): Promise<void> {
  try {
    await sys.kill(rec.State.Pid, sig);
  } catch (e) {
    if (!isSysError(e, 'ESRCH')) throw e;
  }
}

/** Remove a stopped container: its RW layer and its directory; with `volumes` (rm -v) its anonymous volumes. */
export async function removeContainer(ctx: DockerContext, rec: ContainerRecord, volumes = false): Promise<void> {
  const { containers, layers } = stores(ctx);
  if (rec.State.Running) {
    throw new DaemonError(`cannot remove container "${rec.Name}": container is running: stop the container before removing or force remove`, 'conflict');
  }
  // A cgroup left by a shim that died (the shim removes it on a normal exit).
  await removeCgroup(ctx.sys, cgroupPath(rec.Id));
  await layers.removeRW(rec.Id);
  await containers.remove(rec.Id);
  if (volumes) await removeAnonymousVolumes(ctx.sys, ctx.root, rec);
}

/** Put the caller's terminal in raw mode; returns the restore. */
export async function rawTerminal(sys: Sys, fd: number): Promise<(() => Promise<void>) | null> {
  try {
    const saved = await sys.tcgetattr(fd);
    await sys.tcsetattr(fd, 0, makeRaw(copyTermios(saved)));
    return async () => {
      await sys.tcsetattr(fd, 0, saved);
    };
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
}

export const CLOEXEC = O_CLOEXEC;

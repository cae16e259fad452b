// docker commit: a new image from a container's changes. The RW layer's upper dir becomes a
// layer tar (whiteouts as .wh. entries), registered on top of the image's layers; the config is
// the container's Config with -c changes, -a author, -m comment, and one more history entry.
// Prints the new image id; with REPOSITORY[:TAG] it is tagged too.

import { isSysError } from '../../../abi/errno.ts';
import { O_WRONLY } from '../../../abi/open-flags.ts';
import { utf8Encode } from '../../../base/text.ts';
import { cgroupPath } from '../../../runtime/tasks/index.ts';
import type { Sys } from '../../../sys/sys.ts';
import { type ContainerConfig, goJson, isDaemonError, now } from '../../../runtime/containers/index.ts';
import type { DockerContainerConfig, DockerImageConfig, HistoryEntry } from '../../../runtime/oci/types.ts';
import type { DockerCommand } from '../command.ts';
import { stores } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const COMMIT: CommandDef = {
  name: 'commit',
  flags: ['author', 'change', 'message', 'pause'],
  args: { min: 1, max: 2 },
};

class ChangeError extends Error {}

/** Write a cgroup control file; a cgroup already gone (the container just stopped) is fine. */
async function writeControl(sys: Sys, path: string, value: string): Promise<void> {
  try {
    const fd = await sys.open(path, O_WRONLY);
    try {
      await sys.writeAll(fd, value);
    } finally {
      await sys.close(fd);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

/** A Dockerfile instruction's argument as a list: JSON form, or shell form under /bin/sh -c. */
function cmdForm(arg: string): string[] {
  try {
    const v = JSON.parse(arg) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // shell form
  }
  return ['/bin/sh', '-c', arg];
}

/** Apply one -c instruction (the ones docker commit accepts) to the config. */
function applyChange(c: DockerContainerConfig, change: string): void {
  const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(change);
  if (!m) return;
  const [, word, arg] = m as unknown as [string, string, string];
  switch (word.toUpperCase()) {
    case 'CMD': c.Cmd = cmdForm(arg); break;
    case 'ENTRYPOINT': c.Entrypoint = cmdForm(arg); break;
    case 'USER': c.User = arg.trim(); break;
    case 'WORKDIR': c.WorkingDir = arg.trim(); break;
    case 'STOPSIGNAL': c.StopSignal = arg.trim(); break;
    case 'ENV': {
      const pairs = arg.includes('=') ? arg.trim().split(/\s+/) : [arg.trim().replace(/\s+/, '=')];
      const env = [...(c.Env ?? [])];
      for (const p of pairs) {
        const key = p.split('=')[0];
        const i = env.findIndex((e) => e.split('=')[0] === key);
        if (i >= 0) env[i] = p;
        else env.push(p);
      }
      c.Env = env;
      break;
    }
    case 'LABEL': {
      const labels = { ...(c.Labels ?? {}) };
      for (const p of arg.trim().split(/\s+/)) {
        const [k, ...v] = p.split('=');
        labels[k!.replace(/^"|"$/g, '')] = v.join('=').replace(/^"|"$/g, '');
      }
      c.Labels = labels;
      break;
    }
    case 'EXPOSE': {
      const ports = { ...(c.ExposedPorts ?? {}) };
      for (const p of arg.trim().split(/\s+/)) ports[p.includes('/') ? p : `${p}/tcp`] = {};
      c.ExposedPorts = ports;
      break;
    }
    case 'VOLUME': {
      const vols = { ...(c.Volumes ?? {}) };
      for (const v of cmdForm(arg)[0] === '/bin/sh' ? arg.trim().split(/\s+/) : cmdForm(arg)) vols[v] = {};
      c.Volumes = vols;
      break;
    }
    default:
      throw new ChangeError(`${word.toLowerCase()} is not a valid change command`);
  }
}

/** The container's Config as an image keeps it (omitting what is empty, as Go's omitempty does). */
function imageConfig(c: ContainerConfig): DockerContainerConfig {
  const out: DockerContainerConfig = {};
  if (c.User) out.User = c.User;
  if (c.ExposedPorts) out.ExposedPorts = c.ExposedPorts;
  if (c.Env.length) out.Env = c.Env;
  if (c.Entrypoint) out.Entrypoint = c.Entrypoint;
  if (c.Cmd) out.Cmd = c.Cmd;
  if (c.WorkingDir) out.WorkingDir = c.WorkingDir;
  if (Object.keys(c.Labels).length) out.Labels = c.Labels;
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  return out;
}

const commit: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, COMMIT);
  if (typeof f === 'number') return f;
  const sys = ctx.sys;
  const { containers, images, layers } = stores(ctx);
  try {
    const rec = await containers.lookup(f.operands[0]!);
    const base = await images.resolve(rec.Image);
    if (!base) throw new ChangeError(`No such image: ${rec.Image}`);
    const config = imageConfig(rec.Config);
    for (const c of f.list('change')) applyChange(config, c);
    // -p (the default): freeze the running container's cgroup so the layer is read at rest.
    const freeze = rec.State.Running && f.opt('pause') !== 'false' ? `${cgroupPath(rec.Id)}/cgroup.freeze` : null;
    if (freeze) await writeControl(sys, freeze, '1');
    let tar: Uint8Array;
    try {
      tar = await layers.tarOfRW(rec.Id);
    } finally {
      if (freeze) await writeControl(sys, freeze, '0');
    }
    const empty = tar.every((b) => b === 0);
    const parentChain = base.layers.length ? base.layers[base.layers.length - 1]! : null;
    const diffIds = [...(base.config.rootfs?.diff_ids ?? [])];
    if (!empty) {
      const info = await layers.register(tar, parentChain);
      diffIds.push(info.diffId);
    }
    const created = await now(sys);
    const entry: HistoryEntry = { created };
    if (f.opt('author')) entry.author = f.opt('author');
    entry.created_by = [rec.Path, ...rec.Args].join(' ');
    if (f.opt('message')) entry.comment = f.opt('message');
    if (empty) entry.empty_layer = true;
    const doc: DockerImageConfig = {
      parent: base.id,
      ...(f.opt('message') ? { comment: f.opt('message') } : {}),
      created,
      container: rec.Id,
      docker_version: '28.2.2',
      ...(f.opt('author') ? { author: f.opt('author') } : {}),
      config,
      architecture: base.config.architecture ?? 'amd64',
      os: base.config.os ?? 'linux',
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: [...(base.config.history ?? []), entry],
    };
    const img = await images.create(utf8Encode(goJson(doc)), base.id);
    if (f.operands[1]) await images.tag(img.id, f.operands[1]);
    await sys.writeAll(1, `${img.id}\n`);
    return 0;
  } catch (e) {
    if (isDaemonError(e) || e instanceof ChangeError) {
      await sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
};

export default commit;

// docker create: make a container from an image without starting it; prints the new id. Its
// flags are also docker run's (run.ts adds -d, --rm's attach rules and the start).

import type { DockerCommand, DockerContext } from '../command.ts';
import { type CreateOptions, createContainer, expandEnv, readEnvFile, RunError } from './container-common.ts';
import { parseCPUs, ramInBytes } from '../format/numbers.ts';
import type { ParsedFlags } from '../format/cli.ts';
import { type CommandDef, FlagError, flagFailure, parseCommand } from './command-line.ts';
import { isDaemonError } from '../../../runtime/containers/index.ts';
import { parseMountFlag, parseVolumeFlags, SpecError } from './mount-flags.ts';

/** The spec's flags create does (run adds -d). */
export const CREATE_FLAGS: readonly string[] = [
  'cpus', 'entrypoint', 'env', 'env-file', 'hostname', 'interactive', 'memory', 'mount', 'name', 'network', 'pids-limit', 'rm', 'stop-timeout', 'tty', 'user', 'volume',
  'volumes-from', 'workdir',
];

export const CREATE: CommandDef = {
  name: 'create',
  flags: CREATE_FLAGS,
  args: { min: 1 },
};

/** The flags as createContainer takes them; RunError for a value docker refuses. */
export async function createOptions(ctx: DockerContext, f: ParsedFlags, detach: boolean): Promise<CreateOptions> {
  const env: string[] = [];
  for (const file of f.list('env-file')) env.push(...(await readEnvFile(ctx.sys, file)));
  for (const e of f.list('env')) env.push(...expandEnv(ctx.sys, e));
  let memory = 0;
  if (f.has('memory')) {
    const m = ramInBytes(f.opt('memory')!);
    if (typeof m === 'string') throw new FlagError(`invalid argument "${f.opt('memory')}" for "-m, --memory" flag: ${m}`);
    memory = m;
  }
  let nanoCpus = 0;
  if (f.has('cpus')) {
    const c = parseCPUs(f.opt('cpus')!);
    if (typeof c === 'string') throw new FlagError(`invalid argument "${f.opt('cpus')}" for "--cpus" flag: ${c}`);
    nanoCpus = c;
  }
  // ints were parsed (base 0, as pflag does) with the flags
  const pids = f.has('pids-limit') ? f.int('pids-limit', 0) : null;
  // the working directory only matters for a ./relative bind source
  const cwd = f.list('volume').some((v) => v.startsWith('.')) ? await ctx.sys.getcwd() : '/';
  const volumes = parseVolumeFlags(f.list('volume'), cwd);
  const mounts = f.list('mount').map(parseMountFlag);
  return {
    image: f.operands[0]!,
    command: f.operands.slice(1),
    name: f.opt('name'),
    env,
    workdir: f.opt('workdir'),
    user: f.opt('user'),
    hostname: f.opt('hostname'),
    entrypoint: f.opt('entrypoint'),
    tty: f.bool('tty'),
    interactive: f.bool('interactive'),
    detach,
    autoRemove: f.bool('rm'),
    binds: volumes.binds,
    anonymous: volumes.anonymous,
    mounts,
    volumesFrom: f.list('volumes-from'),
    memory,
    nanoCpus,
    pidsLimit: pids !== null && pids > 0 ? pids : null,
    network: f.opt('network') ?? 'default',
    stopTimeout: f.has('stop-timeout') ? f.int('stop-timeout', 0) : undefined,
  };
}

/** Print a failure of create/run as docker does; returns the status. */
export async function reportRunError(ctx: DockerContext, e: unknown, def: CommandDef = CREATE): Promise<number> {
  if (e instanceof FlagError) return flagFailure(ctx, def, e.message);
  if (e instanceof SpecError) {
    // a -v the client itself cannot split: its words, before any request
    await ctx.sys.writeAll(2, `docker: ${e.message}\n\nRun 'docker ${ctx.name} --help' for more information\n`);
    return 125;
  }
  if (e instanceof RunError || isDaemonError(e)) {
    // docker create prints the engine's refusal as it comes, status 1; docker run adds its
    // "docker:" and the --help hint, and the status says whose fault it was (125 docker's)
    if (def === CREATE) {
      await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      return 1;
    }
    const status = e instanceof RunError ? e.status : 125;
    await ctx.sys.writeAll(2, `docker: Error response from daemon: ${e.message}\n\nRun 'docker ${ctx.name} --help' for more information\n`);
    return status;
  }
  throw e;
}

const create: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, CREATE);
  if (typeof f === 'number') return f;
  try {
    const rec = await createContainer(ctx, await createOptions(ctx, f, false));
    await ctx.sys.writeAll(1, `${rec.Id}\n`);
    return 0;
  } catch (e) {
    return reportRunError(ctx, e);
  }
};

export default create;

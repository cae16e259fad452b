// docker create: make a container from an image without starting it; prints the new id. Its
// flags are also docker run's (run.ts adds -d, --rm's attach rules and the start).

import type { DockerCommand, DockerContext } from '../command.ts';
import { type CreateOptions, createContainer, expandEnv, parseBytes, readEnvFile, RunError } from './container-common.ts';
import { type CommandDef, type FlagDef, FlagError, type Flags, flagFailure, parseCommand } from './container-flags.ts';
import { isDaemonError } from '../../../runtime/containers/index.ts';

export const CREATE_FLAGS: FlagDef[] = [
  { long: 'cpus', kind: 'string', argName: 'decimal', help: 'How many CPUs the container may use' },
  { long: 'entrypoint', kind: 'string', help: "Replace the image's ENTRYPOINT" },
  { short: 'e', long: 'env', kind: 'list', help: 'Set an environment variable' },
  { long: 'env-file', kind: 'list', help: 'Read environment variables from a file' },
  { short: 'h', long: 'hostname', kind: 'string', help: 'Hostname of the container' },
  { short: 'i', long: 'interactive', kind: 'bool', help: 'Keep standard input open' },
  { short: 'm', long: 'memory', kind: 'string', argName: 'bytes', help: 'Memory limit' },
  { long: 'name', kind: 'string', help: 'Name the container' },
  { long: 'network', kind: 'string', argName: 'network', help: 'Connect the container to a network ("none": loopback only)' },
  { long: 'pids-limit', kind: 'int', help: 'How many processes the container may have (-1: no limit)' },
  { long: 'rm', kind: 'bool', help: 'Remove the container when it exits' },
  { short: 't', long: 'tty', kind: 'bool', help: 'Give the container a pseudo-terminal' },
  { short: 'u', long: 'user', kind: 'string', help: 'User to run as (name|uid[:group|gid])' },
  { short: 'v', long: 'volume', kind: 'list', help: 'Bind a host path into the container (SRC:DST[:ro])' },
  { short: 'w', long: 'workdir', kind: 'string', help: 'Working directory inside the container' },
];

export const CREATE: CommandDef = {
  name: 'create',
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  summary: 'Create a new container',
  flags: CREATE_FLAGS,
  stopAtOperand: true,
  minArgs: 1,
};

/** The flags as createContainer takes them; RunError for a value docker refuses. */
export async function createOptions(ctx: DockerContext, f: Flags, detach: boolean): Promise<CreateOptions> {
  const env: string[] = [];
  for (const file of f.list('env-file')) env.push(...(await readEnvFile(ctx.sys, file)));
  for (const e of f.list('env')) env.push(...expandEnv(ctx.sys, e));
  let memory = 0;
  if (f.has('memory')) {
    const m = parseBytes(f.str('memory')!);
    if (typeof m === 'string') throw new FlagError(`invalid argument "${f.str('memory')}" for "-m, --memory" flag: ${m}`);
    memory = m;
  }
  let nanoCpus = 0;
  if (f.has('cpus')) {
    const c = Number(f.str('cpus'));
    if (!Number.isFinite(c) || f.str('cpus') === '') throw new FlagError(`invalid argument "${f.str('cpus')}" for "--cpus" flag: failed to parse ${f.str('cpus')} as a rational number`);
    nanoCpus = Math.round(c * 1e9);
  }
  const pids = f.has('pids-limit') ? Number(f.str('pids-limit')) : null;
  for (const v of f.list('volume')) {
    const parts = v.split(':');
    if (parts.length < 2 || !parts[0]!.startsWith('/')) {
      throw new RunError(`invalid mount config for type "bind": invalid mount path: '${parts[1] ?? v}' mount path must be absolute`);
    }
  }
  return {
    image: f.operands[0]!,
    command: f.operands.slice(1),
    name: f.str('name'),
    env,
    workdir: f.str('workdir'),
    user: f.str('user'),
    hostname: f.str('hostname'),
    entrypoint: f.str('entrypoint'),
    tty: f.bool('tty'),
    interactive: f.bool('interactive'),
    detach,
    autoRemove: f.bool('rm'),
    binds: f.list('volume'),
    memory,
    nanoCpus,
    pidsLimit: pids !== null && pids > 0 ? pids : null,
    network: f.str('network') ?? 'default',
  };
}

/** Print a failure of create/run as docker does; returns the status. */
export async function reportRunError(ctx: DockerContext, e: unknown, def: CommandDef = CREATE): Promise<number> {
  if (e instanceof FlagError) return flagFailure(ctx, def, e.message);
  if (e instanceof RunError || isDaemonError(e)) {
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

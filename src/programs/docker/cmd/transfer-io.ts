// What save, load, export and import share on the CLI side: writing an archive to stdout or to
// a file the way the docker CLI does (a .docker_temp_ file, mode 0600, renamed into place), and
// reading one from a file or stdin.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { O_CREAT, O_EXCL, O_RDONLY, O_WRONLY } from '../../../abi/open-flags.ts';
import { S_IFDIR, S_IFMT } from '../../../abi/stat.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerContext } from '../command.ts';
import { type CommandDef, FlagError, type Flags, parseFlags } from './container-flags.ts';

/**
 * The CLI's check of -o before it asks the daemon for anything (command.ValidateOutputPath):
 * the directory must exist and the path must not be a directory. Returns the message, or null.
 */
export async function validateOutputPath(sys: Sys, output: string): Promise<string | null> {
  const slash = output.lastIndexOf('/');
  const dir = slash < 0 ? '.' : slash === 0 ? '/' : output.slice(0, slash);
  if (dir !== '.') {
    try {
      await sys.stat(dir);
    } catch (e) {
      if (isSysError(e)) return `invalid output path: stat ${dir}: ${strerror(e.code).toLowerCase()}`;
      throw e;
    }
  }
  try {
    const st = await sys.stat(output);
    if ((st.mode & S_IFMT) === S_IFDIR) return 'cannot write to a directory';
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  return null;
}

export async function writeOutput(sys: Sys, output: string | undefined, data: Uint8Array): Promise<void> {
  if (!output || output === '-') {
    await sys.writeAll(1, data);
    return;
  }
  const slash = output.lastIndexOf('/');
  const dir = slash < 0 ? '.' : slash === 0 ? '/' : output.slice(0, slash);
  const tmp = `${dir}/.docker_temp_${Math.floor(Math.random() * 1e9)}`;
  const fd = await sys.open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o600);
  try {
    await sys.writeAll(fd, data);
  } finally {
    await sys.close(fd);
  }
  await sys.rename(tmp, output);
}

export async function readInput(sys: Sys, input: string | undefined): Promise<Uint8Array> {
  if (!input || input === '-') return sys.readAll(0);
  const fd = await sys.open(input, O_RDONLY);
  try {
    return await sys.readAll(fd);
  } finally {
    await sys.close(fd);
  }
}

/**
 * Parse a save/load/export/import command line with docker 28.2.2's framing (recorded from the
 * real CLI): a flag error is followed by the usage line and "Run '... --help'" (status 125); a
 * wrong operand count says "docker: '...' requires ..." (status 1); --help prints `help`.
 */
export async function parseTransferCommand(ctx: DockerContext, def: CommandDef, help: string): Promise<Flags | number> {
  const usage = `Usage:  docker ${ctx.name} ${def.usage.slice(def.usage.indexOf(' ') + 1)}`;
  let f: Flags | 'help';
  try {
    f = parseFlags(def, ctx.args);
  } catch (e) {
    if (e instanceof FlagError) {
      await ctx.sys.writeAll(2, `${e.message}\n\n${usage}\n\nRun 'docker ${ctx.name} --help' for more information\n`);
      return 125;
    }
    throw e;
  }
  if (f === 'help') {
    await ctx.sys.writeAll(1, help.replace(/^Usage: {2}docker \S+/, `Usage:  docker ${ctx.name}`));
    return 0;
  }
  const n = f.operands.length;
  let problem: string | null = null;
  let verb = 'Run';
  if (def.exactArgs !== undefined && n !== def.exactArgs) problem = `requires ${def.exactArgs} argument${def.exactArgs === 1 ? '' : 's'}`;
  else if (def.minArgs !== undefined && n < def.minArgs) {
    problem = `requires at least ${def.minArgs} argument${def.minArgs === 1 ? '' : 's'}`;
    verb = 'See';
  } else if (def.maxArgs === 0 && n > 0) problem = 'accepts no arguments';
  else if (def.maxArgs !== undefined && n > def.maxArgs) {
    problem = `requires at most ${def.maxArgs} argument${def.maxArgs === 1 ? '' : 's'}`;
    verb = 'See';
  }
  if (problem) {
    await ctx.sys.writeAll(2, `docker: 'docker ${ctx.name}' ${problem}\n\n${usage}\n\n${verb} 'docker ${ctx.name} --help' for more information\n`);
    return 1;
  }
  return f;
}

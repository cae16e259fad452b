// The `cowbox` command in a Node terminal: boots a fresh machine (its disk in memory) and runs
// a command line (-c), a script (--script), or an interactive login shell on a pseudo-terminal
// wired to this terminal. Exits with the status the machine's command exited with.

import { readFileSync } from 'node:fs';
import { WEXITSTATUS, WIFEXITED, shellStatus } from '../abi/signals.ts';
import { bootMachine, type Machine } from '../boot/machine.ts';
import { LOGIN_ENV, startSession } from '../boot/session.ts';
import { loadProgram } from '../programs/registry.ts';
import { HostInput, HostOutput } from './host-streams.ts';
import { nodeHost } from './node-host.ts';
import { type Invocation, parseArgs, USAGE, UsageError, type Volume } from './parse-args.ts';
import { HostFs } from './host-fs.ts';
import { isSysError } from '../abi/errno.ts';
import { resolve as resolvePath } from 'node:path';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the command line `argv` (without node and the script path); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let invocation;
  try {
    invocation = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`cowbox: ${e.message}\nTry 'cowbox --help' for more information.\n`);
    return 2;
  }

  switch (invocation.mode) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'version':
      io.out(`cowbox ${version()}\n`);
      return 0;
    case 'script': {
      // Read the script now, so a missing file is reported as a shell would, before anything runs.
      let text: string | null = null;
      if (invocation.file !== '-') {
        try {
          text = readFileSync(invocation.file, 'utf8');
        } catch (e) {
          const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file' : String((e as Error).message);
          io.err(`cowbox: cannot open ${invocation.file}: ${reason}\n`);
          return 2;
        }
      }
      return runMachine(invocation, text);
    }
    case 'command':
    case 'interactive':
      return runMachine(invocation, null);
  }
}

/** A wait status as an exit code: the code, or 128+N for a death by signal N. */
function exitCode(status: number): number {
  return WIFEXITED(status) ? WEXITSTATUS(status) : shellStatus(status);
}

async function runMachine(invocation: Exclude<Invocation, { mode: 'help' | 'version' }>, script: string | null): Promise<number> {
  const machine = await bootMachine({ host: nodeHost });
  for (const v of invocation.volumes) await mountVolume(machine, v);
  const init = (await loadProgram('init'))!;
  if (invocation.mode === 'interactive' && process.stdin.isTTY && process.stdout.isTTY) {
    machine.kernel.startInit(init, ['init'], LOGIN_ENV);
    return interactive(machine);
  }
  let argv: string[];
  if (invocation.mode === 'command') argv = ['/bin/sh', '-c', invocation.command, invocation.argv0, ...invocation.args];
  else if (invocation.mode === 'script' && script !== null) {
    await machine.vfs.writeFile(machine.ctx, '/run/cowbox-script', script);
    argv = ['/bin/sh', '/run/cowbox-script', ...invocation.args];
  } else argv = ['/bin/sh', '-s', ...(invocation.mode === 'script' ? invocation.args : [])];
  // The command's standard streams are this process's own, byte for byte.
  const task = machine.kernel.startInit(init, ['init', ...argv], LOGIN_ENV);
  task.fds.install(new HostInput(process.stdin));
  task.fds.install(new HostOutput(process.stdout));
  task.fds.install(new HostOutput(process.stderr));
  return exitCode(await machine.kernel.halted);
}

/** `-v DIR:PATH`: the host directory, mounted as a hostfs at PATH (made if missing). */
async function mountVolume(machine: Machine, v: Volume): Promise<void> {
  const { vfs, ctx } = machine;
  let dir = '';
  for (const part of v.path.split('/').filter(Boolean)) {
    dir += `/${part}`;
    await vfs.mkdir(ctx, dir, 0o755).catch((e: unknown) => {
      if (!isSysError(e, 'EEXIST')) throw e;
    });
  }
  await vfs.mountFs(ctx, new HostFs(resolvePath(v.hostDir), vfs.allocDev(), v.readOnly), v.path, v.hostDir);
}

/** A login shell on a pty whose other side is this terminal, in raw mode. */
async function interactive(machine: Machine): Promise<number> {
  const { stdin, stdout } = process;
  const session = startSession(machine.kernel, machine.devices, { cols: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
  const out = session.pty.onOutput((bytes) => stdout.write(bytes));
  const onData = (d: Buffer): void => void session.pty.input(new Uint8Array(d));
  const onResize = (): void => session.pty.resize(stdout.columns ?? 80, stdout.rows ?? 24);
  stdin.setRawMode(true);
  stdin.on('data', onData);
  stdout.on('resize', onResize);
  try {
    return exitCode(await session.exited);
  } finally {
    stdin.off('data', onData);
    stdout.off('resize', onResize);
    stdin.setRawMode(false);
    out.dispose();
  }
}

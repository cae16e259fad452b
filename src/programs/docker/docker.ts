// docker: the engine's command line. There is no daemon: each invocation does its work itself
// through syscalls (clone with namespace flags, overlay mounts under the data root, cgroup
// files), so every step it takes can be repeated by hand and shows in `strace -f docker ...`.
// This file only picks the subcommand (and answers `docker`, `docker --help`, `docker GROUP`
// and unknown commands as Docker 28 does); the work is in cmd/.

import { isSysError, strerror, type SysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import { COMMANDS, LACKING_ARGS, MANAGEMENT, VERB_ALIASES } from './commands.ts';
import { parseCommand } from './format/cli.ts';
import { CLIENT_VERSION, groupHelp, lookupSpec, topLevelHelp } from './format/specs.ts';
import { outputFailure } from '../lib/tool.ts';

const DATA_ROOT = '/var/lib/docker';

// Global options that take no value and change nothing here (-D/--debug), and -H/--host, -c,
// -l, --config whose value is skipped: cowbox has one local engine.
const GLOBAL_BOOL = new Set(['-D', '--debug', '--tls', '--tlsverify']);
const GLOBAL_VALUE = new Set(['-H', '--host', '-c', '--context', '-l', '--log-level', '--config', '--tlscacert', '--tlscert', '--tlskey']);

export default async function docker(sys: Sys): Promise<number> {
  try {
    return await main(sys);
  } catch (e) {
    const failure = outputFailure(e);
    if (!failure) throw e;
    return goWriteFailure(sys, failure);
  }
}

/**
 * A write of standard output failed. The docker client is a Go program: a broken pipe on its
 * standard output kills it with SIGPIPE even when SIGPIPE is ignored (the Go runtime re-raises
 * it); any other error is dropped by the fmt.Fprint that met it, so the command goes on as if
 * nothing happened (docker images > /dev/full says nothing, status 0).
 */
async function goWriteFailure(sys: Sys, failure: SysError): Promise<number> {
  if (failure.code === 'EPIPE') {
    await sys.sigaction(SIG.SIGPIPE, 'default');
    await sys.kill(await sys.getpid(), SIG.SIGPIPE);
    return 128 + SIG.SIGPIPE;
  }
  return 0;
}

/** The help and version texts are printed with a checked write: Go's error text, then on. */
async function printChecked(sys: Sys, text: string, status: number): Promise<number> {
  try {
    await sys.writeAll(1, text);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'EPIPE') return goWriteFailure(sys, e);
    const words = strerror(e.code);
    await sys.writeAll(2, `write /dev/stdout: ${words.charAt(0).toLowerCase()}${words.slice(1)}\n`).catch(() => undefined);
    return status;
  }
  return 0;
}

async function main(sys: Sys): Promise<number> {
  let args = sys.argv.slice(1);
  const home = sys.getenv('HOME') ?? '/root';
  while (args.length > 0 && args[0]!.startsWith('-')) {
    const a = args[0]!;
    // Docker 28 says why its help could not be printed and still succeeds; --version fails.
    if (a === '--help' || a === '-h') return printChecked(sys, topLevelHelp(home), 0);
    if (a === '--version' || a === '-v') return printChecked(sys, `${CLIENT_VERSION}\n`, 1);
    if (GLOBAL_BOOL.has(a)) args = args.slice(1);
    else if (GLOBAL_VALUE.has(a)) args = args.slice(2);
    else if ([...GLOBAL_VALUE].some((g) => g.startsWith('--') && a.startsWith(`${g}=`))) args = args.slice(1);
    else {
      await sys.writeAll(2, `unknown flag: ${a.startsWith('--') ? a.replace(/=.*$/, '') : `shorthand flag: '${a[1]}' in ${a}`}\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n`.replace('unknown flag: shorthand flag', 'unknown shorthand flag'));
      return 125;
    }
  }
  if (args.length === 0) {
    // bare `docker` shows the help on stderr and succeeds, as Docker 28 does
    await sys.writeAll(2, topLevelHelp(home));
    return 0;
  }
  if (args[0] === 'help') {
    if (args.length === 1) {
      await sys.writeAll(1, topLevelHelp(home));
      return 0;
    }
    args = [...args.slice(1), '--help']; // `docker help ps` is `docker ps --help`
  }
  let name: string | undefined = args[0];
  let rest = args.slice(1);
  let shown = name ?? '';
  const group = name !== undefined ? MANAGEMENT[name] : undefined;
  if (group && name !== undefined) {
    const verb = rest[0];
    const help = groupHelp(name);
    if (help && (verb === undefined || verb === '--help' || verb === '-h')) {
      await sys.writeAll(verb === undefined ? 2 : 1, help);
      return 0;
    }
    if (verb !== undefined && group[verb] !== undefined) {
      shown = `${name} ${VERB_ALIASES[name]?.[verb] ?? verb}`;
      name = group[verb];
      rest = rest.slice(1);
    } else if (verb !== undefined && lookupSpec(`${name} ${verb}`)) {
      // a Docker verb no file here does: its --help and flag errors still answer below
      shown = `${name} ${verb}`;
      name = undefined;
      rest = rest.slice(1);
    } else {
      // cobra prints the group's Use line: "volume COMMAND" for volume, a bare "container" for container
      const use = name === 'volume' ? `${name} COMMAND` : name;
      await sys.writeAll(2, `docker: unknown command: docker ${name}${verb !== undefined ? ` ${verb}` : ''}\n\nUsage:  docker ${use}\n\nRun 'docker ${name} --help' for more information\n`);
      return 1;
    }
  }
  // Every command's --help page and pflag's flag errors come from the one metadata table, so
  // they read as Docker's whichever file does the command's work.
  // `docker container run` shares `docker run`'s spec when it has none of its own.
  const spec = lookupSpec(shown) ?? (name !== undefined && shown !== name ? lookupSpec(name) : null);
  if (spec) {
    const parsed = parseCommand(spec, shown, rest);
    if (!('values' in parsed) && (parsed.stdout !== undefined || parsed.status === 125)) {
      if (parsed.stdout) await sys.writeAll(1, parsed.stdout);
      if (parsed.stderr) await sys.writeAll(2, parsed.stderr);
      return parsed.status;
    }
  }
  const load = name !== undefined ? COMMANDS[name] : undefined;
  if (!load && spec) {
    const args = LACKING_ARGS[shown];
    const counted = args ? parseCommand({ ...spec, args }, shown, rest) : null;
    if (counted && !('values' in counted)) {
      await sys.writeAll(2, counted.stderr ?? '');
      return counted.status;
    }
    await sys.writeAll(2, `docker: 'docker ${shown}' is a Docker command cowbox does not have\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  if (!load) {
    await sys.writeAll(2, `docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  const run = (await load()).default;
  return run({ sys, name: shown, args: rest, root: DATA_ROOT });
}

// Command-line parsing for `cowbox`, in the manner of sh: `-c CMD [NAME [ARG...]]` runs a command
// string (NAME becomes $0), `--script FILE [ARG...]` a script, and no operands an interactive
// session. Any misuse is a UsageError, which the caller reports with exit status 2.

/** `-v HOSTDIR:PATH[:ro]`: a directory of this computer shown at PATH in the machine. */
export interface Volume {
  hostDir: string;
  path: string;
  readOnly: boolean;
}

export type Invocation =
  | { mode: 'help' }
  | { mode: 'version' }
  | { mode: 'interactive'; volumes: Volume[] }
  | { mode: 'command'; command: string; argv0: string; args: string[]; volumes: Volume[] }
  | { mode: 'script'; file: string; args: string[]; volumes: Volume[] };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: cowbox [-c COMMAND [NAME [ARG...]] | --script FILE [ARG...]]

Runs cowbox's simulated Linux machine in this terminal.

  -c COMMAND       run COMMAND in the machine's shell; NAME sets $0, ARGs set $1...
  --script FILE    run the shell script FILE (read from this computer) with ARGs
  -v DIR:PATH[:ro] show this computer's directory DIR at PATH inside the machine
                   (repeatable; :ro makes it read-only)
  -h, --help       show this help and exit
  -V, --version    print cowbox's version and exit

With neither -c nor --script, cowbox starts an interactive shell.
`;

export function parseArgs(argv: readonly string[]): Invocation {
  let command: string | undefined;
  let script: string | undefined;
  const operands: string[] = [];
  const volumes: Volume[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // Everything after the command string or script name belongs to them, as with sh.
    if (command !== undefined || script !== undefined || operands.length > 0) {
      operands.push(arg);
      continue;
    }
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { mode: 'help' };
    if (arg === '-V' || arg === '--version') return { mode: 'version' };
    if (arg === '-c') {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError('option -c needs a command string');
      command = next;
      i++;
    } else if (arg === '--script' || arg.startsWith('--script=')) {
      const value = arg === '--script' ? argv[++i] : arg.slice('--script='.length);
      if (value === undefined || value === '') throw new UsageError('option --script needs a file name');
      script = value;
    } else if (arg === '-v' || arg.startsWith('--volume=') || arg === '--volume') {
      const spec = arg.startsWith('--volume=') ? arg.slice('--volume='.length) : argv[++i];
      if (spec === undefined) throw new UsageError('option -v needs DIR:PATH');
      volumes.push(parseVolume(spec));
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      operands.push(arg);
    }
  }

  if (command !== undefined) {
    // As with sh -c: without a NAME, $0 is the shell's own name, which error messages start with.
    const [argv0 = 'sh', ...args] = operands;
    return { mode: 'command', command, argv0, args, volumes };
  }
  if (script !== undefined) return { mode: 'script', file: script, args: operands, volumes };
  if (operands.length > 0) {
    throw new UsageError(`unexpected argument '${operands[0]}' (to run a script, use --script FILE)`);
  }
  return { mode: 'interactive', volumes };
}

function parseVolume(spec: string): Volume {
  const parts = spec.split(':');
  const readOnly = parts.length === 3 && parts[2] === 'ro';
  if (parts.length < 2 || parts.length > 3 || (parts.length === 3 && !readOnly) || !parts[0] || !parts[1]?.startsWith('/')) {
    throw new UsageError(`bad volume '${spec}': expected HOSTDIR:/PATH or HOSTDIR:/PATH:ro`);
  }
  return { hostDir: parts[0], path: parts[1], readOnly };
}

// Command-line parsing for `cowbox`, in the manner of sh: `-c CMD [NAME [ARG...]]` runs a command
// string (NAME becomes $0), `--script FILE [ARG...]` a script, and no operands an interactive
// session. Any misuse is a UsageError, which the caller reports with exit status 2.

export type Invocation =
  | { mode: 'help' }
  | { mode: 'version' }
  | { mode: 'interactive' }
  | { mode: 'command'; command: string; argv0: string; args: string[] }
  | { mode: 'script'; file: string; args: string[] };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: cowbox [-c COMMAND [NAME [ARG...]] | --script FILE [ARG...]]

Runs cowbox's simulated Linux machine in this terminal.

  -c COMMAND       run COMMAND in the machine's shell; NAME sets $0, ARGs set $1...
  --script FILE    run the shell script FILE (read from this computer) with ARGs
  -h, --help       show this help and exit
  -V, --version    print cowbox's version and exit

With neither -c nor --script, cowbox starts an interactive shell.
`;

export function parseArgs(argv: readonly string[]): Invocation {
  let command: string | undefined;
  let script: string | undefined;
  const operands: string[] = [];

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
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      operands.push(arg);
    }
  }

  if (command !== undefined) {
    // As with sh -c: without a NAME, $0 is the shell's own name, which error messages start with.
    const [argv0 = 'sh', ...args] = operands;
    return { mode: 'command', command, argv0, args };
  }
  if (script !== undefined) return { mode: 'script', file: script, args: operands };
  if (operands.length > 0) {
    throw new UsageError(`unexpected argument '${operands[0]}' (to run a script, use --script FILE)`);
  }
  return { mode: 'interactive' };
}

// The `cowbox` command in a Node terminal. Parses its arguments for real; running anything waits
// for the shell, so every mode that would run a command says so and exits with status 2.

import { readFileSync } from 'node:fs';
import { parseArgs, USAGE, UsageError } from './parse-args.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export const NOT_BUILT = 'cowbox: the shell is not built yet (see README)\n';

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
    case 'script':
      // Read the script now, so a missing file is reported as a shell would, before anything runs.
      try {
        readFileSync(invocation.file, 'utf8');
      } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file' : String((e as Error).message);
        io.err(`cowbox: cannot open ${invocation.file}: ${reason}\n`);
        return 2;
      }
      io.err(NOT_BUILT);
      return 2;
    case 'command':
    case 'interactive':
      io.err(NOT_BUILT);
      return 2;
  }
}

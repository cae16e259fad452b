// env (GNU coreutils): with no command, print the environment one variable a line; otherwise
// run the command with NAME=VALUE words added (-i: starting from nothing, -u NAME: without NAME).
// A command that cannot run gives 127 (not found) or 126, with GNU's message.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';

export default async function env(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let vars = [...sys.envp];
  while (args.length && args[0]!.startsWith('-') && args[0] !== '-') {
    const opt = args.shift()!;
    if (opt === '--') break;
    if (opt === '-i' || opt === '--ignore-environment') vars = [];
    else if (opt === '-u' || opt === '--unset') {
      const name = args.shift() ?? '';
      vars = vars.filter((v) => !v.startsWith(`${name}=`));
    } else {
      await sys.writeAll(2, `env: invalid option -- '${opt.replace(/^-+/, '')}'\nTry 'env --help' for more information.\n`);
      return 125;
    }
  }
  if (args[0] === '-') {
    args.shift();
    vars = [];
  }
  while (args.length && /^[^=]+=/.test(args[0]!)) {
    const word = args.shift()!;
    const name = word.slice(0, word.indexOf('='));
    vars = [...vars.filter((v) => !v.startsWith(`${name}=`)), word];
  }
  if (args.length === 0) {
    await sys.writeAll(1, vars.map((v) => `${v}\n`).join(''));
    return 0;
  }
  const command = args[0]!;
  const path = vars.find((v) => v.startsWith('PATH='))?.slice(5) ?? '/usr/bin:/bin';
  const candidates = command.includes('/') ? [command] : path.split(':').map((d) => `${d || '.'}/${command}`);
  let failure: string = 'ENOENT';
  for (const file of candidates) {
    try {
      return await sys.execve(file, args, vars);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code !== 'ENOENT') failure = e.code;
    }
  }
  await sys.writeAll(2, `env: '${command}': ${strerror(failure as 'ENOENT')}\n`);
  return failure === 'ENOENT' ? 127 : 126;
}

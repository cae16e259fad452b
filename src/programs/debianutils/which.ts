// which, as Debian's debianutils ships it: for each NAME, the first $PATH entry holding an
// executable regular file of that name (-a: every one), printed as DIR/NAME exactly as the entry
// is written (an empty entry is "."); a NAME with a slash is checked as it is. Nothing is printed
// for a NAME not found; the status is 0 only if every NAME was found (1 without NAMEs). Options
// are read as sh's getopts reads them (-a, --), since Debian's which is a shell script; so is its
// usage line, which names the path the script was run by: the path the shell found it at.

import type { Sys } from '../../sys/sys.ts';
import { guardOutput } from '../lib/tool.ts';
import { executableFile, whichPaths } from '../lib/which-search.ts';

/**
 * $PATH cut at colons as the script's `IFS=:` splitting cuts it: an empty entry stays (it means
 * "."), except after a final colon, which the script keeps by adding one more.
 */
function pathEntries(path: string): string[] {
  const written = /[^:]:$/.test(path) ? `${path}:` : path;
  if (written === '') return [];
  const entries = written.split(':');
  if (entries.at(-1) === '') entries.pop();
  return entries;
}

/** The path this program was run by: argv[0] if it names one, else where $PATH finds it. */
async function invokedAs(sys: Sys, entries: string[]): Promise<string> {
  const name = sys.argv[0] ?? 'which';
  if (name.includes('/')) return name;
  for (const dir of entries) {
    const file = `${dir || '.'}/${name}`;
    if (await executableFile(sys, file)) return file;
  }
  return name;
}

export default function which(sys: Sys): Promise<number> {
  // which is a dash script: its printf meets the failed output, and dash says so.
  return guardOutput(sys, 'which', 1, () => run(sys), async () => {
    const name = await invokedAs(sys, pathEntries(sys.getenv('PATH') ?? ''));
    await sys.writeAll(2, `${name}: 10: printf: printf: I/O error\n`).catch(() => undefined);
    return 1;
  });
}

async function run(sys: Sys): Promise<number> {
  const entries = pathEntries(sys.getenv('PATH') ?? '');
  const args = sys.argv.slice(1);
  let all = false;
  // getopts: option letters until the first operand or "--"; only -a is known.
  while (args.length > 0 && args[0]!.startsWith('-') && args[0] !== '-') {
    const arg = args.shift()!;
    if (arg === '--') break;
    for (const letter of arg.slice(1)) {
      if (letter !== 'a') {
        await sys.writeAll(2, `Illegal option -${letter}\n`);
        await sys.writeAll(1, `Usage: ${await invokedAs(sys, entries)} [-a] args\n`);
        return 2;
      }
      all = true;
    }
  }
  const { out, status } = await whichPaths(sys, args, entries, all);
  await sys.writeAll(1, out);
  // No name at all is a failure too.
  return args.length === 0 ? 1 : status;
}


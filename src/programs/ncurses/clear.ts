// clear (ncurses 6.4): writes what the terminal type ($TERM, or -T TYPE) takes to clear its
// screen, and its scrollback too unless -x. Options are read by POSIX getopt as glibc does it
// (options anywhere, operands are a usage error, the first bad option ends it with status 1).

import type { Sys } from '../../sys/sys.ts';
import { clearCaps } from './terminfo.ts';
import { shortOptions } from '../lib/getopt.ts';
import { guardOutput } from '../lib/tool.ts';

const VERSION = 'ncurses 6.4.20221231';

/** The usage ncurses prints on a bad option or an operand; the option lines in cowbox's words. */
const USAGE = `Usage: clear [options]

Options:
  -T TERM     clear for terminal type TERM rather than $TERM
  -V          print the curses version
  -x          leave the scrollback as it is
`;

export default function clear(sys: Sys): Promise<number> {
  return guardOutput(sys, 'clear', 0, () => run(sys), async () => 0);
}

async function run(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let type = sys.getenv('TERM');
  let keepScrollback = false;
  let operands = 0;
  const usage = async (message = ''): Promise<number> => {
    await sys.writeAll(2, message + USAGE);
    return 1;
  };
  for (const o of shortOptions(args, 'T')) {
    if ('operand' in o) operands++;
    else if (o.letter === 'x') keepScrollback = true;
    else if (o.letter === 'V') {
      await sys.writeAll(1, `${VERSION}\n`);
      return 0;
    } else if (o.letter === 'T') {
      if (o.value === undefined) return usage(`clear: option requires an argument -- 'T'\n`);
      type = o.value;
    } else {
      return usage(`clear: invalid option -- '${o.letter}'\n`);
    }
  }
  if (operands > 0) return usage();
  if (type === undefined) {
    await sys.writeAll(2, 'TERM environment variable not set.\n');
    return 1;
  }
  const caps = clearCaps(type);
  if (!caps) {
    await sys.writeAll(2, `'${type}': unknown terminal type.\n`);
    return 1;
  }
  await sys.writeAll(1, caps.clear + (keepScrollback ? '' : caps.e3));
  return 0;
}

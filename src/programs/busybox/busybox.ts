// busybox: one multi-call binary standing for many commands. Run by a link named after an
// applet (/bin/ls -> /bin/busybox), it is that applet; `busybox APPLET ARGS` runs the applet;
// alone (or --help) it prints its banner and the applets it has; --list[-full] names them.
// An applet is cowbox's own tool (loaded through the registry, as every applet is compiled into
// the one real binary) run under busybox's dialect (lib/tool.ts), so its options, usage errors
// and messages are busybox's; ps, top, free, df and which have files of their own here.

import { isSysError } from '../../abi/errno.ts';
import { basename } from '../../base/path.ts';
import type { Sys } from '../../sys/sys.ts';
import { programModule } from '../registry.ts';
import { withArgv } from '../lib/argv.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { outputFailure, setDialect, type Dialect } from '../lib/tool.ts';
import { APPLETS, APPLET_DIR, NATIVE } from './applets.ts';
import { NO_HELP, NO_HELP_OPTION, USAGE } from './usage.ts';
import { busyboxWriteError } from './write-error.ts';

/** For the docs: `busybox --help` itself prints busybox's banner, not this layout. */
export const meta: ProgramMeta = {
  name: 'busybox', package: 'BusyBox', version: '1.36.1',
  usage: ['[function [arguments]...]', '--list[-full]', 'function [arguments]...'],
  summary: 'One executable for many Unix tools: run through a link named after a tool, or as `busybox TOOL`, it acts as that tool, with busybox\'s options and messages.',
  options: [],
  standardOptions: false,
  style: 'busybox',
};

/** The version line of alpine 3.20's busybox (1.36.1-r29). */
export const VERSION_LINE = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.';

/** `APPLET --help`: the version line and the applet's usage. */
export function usageBlock(applet: string): string {
  const text = NO_HELP.has(applet) ? 'No help available\n' : USAGE[applet] ?? 'No help available\n';
  return `${VERSION_LINE}\n\n${text}`;
}

/** Applets that set busybox's xfunc_error_retval to 2, so a usage error gives 2. */
const STATUS_2 = new Set(['grep', 'egrep', 'fgrep', 'sort', '[', 'test']);

export const BUSYBOX_DIALECT: Dialect = {
  name: 'busybox', usage: usageBlock, usageStatus: (a) => (STATUS_2.has(a) ? 2 : 1), writeError: busyboxWriteError,
};

function banner(): string {
  const head = [
    VERSION_LINE,
    'BusyBox is copyrighted by many authors between 1998-2015.',
    'Licensed under GPLv2. See source distribution for detailed',
    'copyright notices.',
    '',
    'Usage: busybox [function [arguments]...]',
    '   or: busybox --list[-full]',
    '   or: busybox --show SCRIPT',
    '   or: busybox --install [-s] [DIR]',
    '   or: function [arguments]...',
    '',
    '\tBusyBox puts many everyday Unix tools into one executable.',
    '\tEach tool is usually reached through a link named after it,',
    '\tand BusyBox behaves as the tool whose name it was run by.',
    '',
    'Currently defined functions:',
  ];
  return `${head.join('\n')}\n${functionList(APPLETS, 80)}\n`;
}

/**
 * The applet names wrapped as busybox wraps them: a tab (counted as 6), ", " between, ",\n"
 * once a name would reach the width less one (so no comma lands in the last column).
 */
export function functionList(names: readonly string[], width: number): string {
  let out = '';
  let col = 0;
  for (const name of names) {
    const len = name.length + 2;
    if (col >= width - 1 - len) {
      out += ',\n';
      col = 0;
    }
    if (col === 0) {
      out += '\t';
      col = 6;
    } else out += ', ';
    out += name;
    col += len;
  }
  return out;
}

export default async function busybox(sys: Sys): Promise<number> {
  // A login shell's argv[0] starts with '-' ("-sh"): busybox looks past it, as for a path.
  const invoked = basename(sys.argv[0] ?? 'busybox').replace(/^-/, '');
  if (!invoked.startsWith('busybox')) return runApplet(sys, invoked, sys.argv.slice(1));
  const args = sys.argv.slice(1);
  const first = args[0];
  // busybox prints its banner and lists unchecked: a failed output is still status 0.
  if (first === undefined || (first === '--help' && args.length === 1)) {
    await sys.writeAll(1, banner()).catch(unchecked);
    return 0;
  }
  if (first === '--help') return runApplet(sys, args[1]!, ['--help']);
  if (first === '--list' || first === '--list-full') {
    const full = first === '--list-full';
    await sys.writeAll(1, APPLETS.map((n) => `${full ? `${APPLET_DIR.get(n)}/` : ''}${n}\n`).join('')).catch(unchecked);
    return 0;
  }
  return runApplet(sys, first, args.slice(1));
}

function unchecked(e: unknown): void {
  if (!isSysError(e)) throw e;
}

async function runApplet(sys: Sys, name: string, args: string[]): Promise<number> {
  if (!APPLET_DIR.has(name)) {
    await sys.writeAll(2, `${name}: applet not found\n`);
    return 127;
  }
  if (args[0] === '--help' && !NO_HELP_OPTION.has(name)) {
    await sys.writeAll(2, usageBlock(name));
    return 0;
  }
  // `busybox APPLET` runs the applet with argv[0] = APPLET; a link keeps argv[0] as typed. The
  // process's own argv (its /proc/PID/cmdline) stays as it was exec'd.
  setDialect(sys, BUSYBOX_DIALECT);
  if (basename(sys.argv[0] ?? '').startsWith('busybox')) sys = withArgv(sys, [name, ...args]);
  const native = NATIVE[name];
  const module = native ? await native() : await programModule(name);
  if (!module) {
    await sys.writeAll(2, `${name}: applet not found\n`);
    return 127;
  }
  try {
    return await module.default(sys);
  } catch (e) {
    // An applet that writes its output itself (which, df, ps...) meets a failure as busybox's does.
    const failure = outputFailure(e);
    if (!failure) throw e;
    const { message, status } = busyboxWriteError(name, failure, 0);
    if (message !== null) await sys.writeAll(2, message).catch(unchecked);
    return status;
  }
}

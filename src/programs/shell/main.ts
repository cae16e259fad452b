// The shell program: `sh [-aCefimnuvx] [-o opt]... [-c string [name [arg...]] | -s [arg...] |
// file [arg...]]`, set up as dash sets itself up (variables from the environment, IFS, PS1,
// PS2, PS4, OPTIND, PPID and PWD; /etc/profile and ~/.profile for a login shell), then run
// to the end and exit through the EXIT trap.

import { isSysError } from '../../abi/errno.ts';
import { O_RDONLY } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import './builtins/index.ts';
import { bytesToLatin1, fromBytes, toBytes } from './bytes.ts';
import { initPwd } from './builtins/cd.ts';
import { listOptions, parseShellOptions } from './builtins/variables.ts';
import { ShellError } from './errors.ts';
import { EV_EXIT, expandPrompt, runShellBody } from './eval.ts';
import { isName } from './lexer.ts';
import { DASH, type ShellDialect } from './dialect.ts';
import { type InputSource, cmdloop, evalString } from './run.ts';
import { readTextFile } from './passwd.ts';
import { PendingError, Shell } from './shell.ts';
import { setsignal } from './signals.ts';
import { isTerminal } from './tty.ts';
import { SIG } from '../../abi/signals.ts';
import { interactiveInput } from './interactive.ts';
import { enableJobControl } from './jobctl.ts';

/** Reads a file descriptor in 8 KiB blocks, as dash reads scripts and stdin. */
export function fdInput(sys: Sys, fd: number): InputSource {
  return {
    next: async () => {
      for (;;) {
        try {
          const chunk = await sys.read(fd, 8192);
          return chunk.length ? bytesToLatin1(chunk) : null;
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (e.code === 'EINTR') continue;
          return null;
        }
      }
    },
  };
}

/** Run the shell; busybox's sh/ash applet passes ash's dialect. */
export async function shellMain(sys: Sys, dialect: ShellDialect = DASH): Promise<number> {
  const sh = new Shell(sys);
  sh.dialect = dialect;
  const argv = sys.argv.map(toBytes);
  sh.arg0 = argv[0] ?? 'sh';
  sh.lineno = 0;
  for (const e of sys.envp) {
    const b = toBytes(e);
    const eq = b.indexOf('=');
    if (eq > 0 && isName(b.slice(0, eq))) sh.vars.set(b.slice(0, eq), b.slice(eq + 1), { exported: true });
  }
  sh.vars.set('IFS', ' \t\n');
  sh.vars.set('OPTIND', '1');
  // PS1, PS2 and PS4 from the environment win over the defaults; IFS and OPTIND never do.
  if (sh.getVar('PS2') === undefined) sh.vars.set('PS2', '> ');
  if (sh.getVar('PS4') === undefined) sh.vars.set('PS4', '+ ');
  if (sh.getVar('PS1') === undefined) sh.vars.set('PS1', dialect.defaultPs1(await sys.geteuid()));
  await dialect.startVars(sh);
  sh.vars.set('PPID', String(await sys.getppid()));
  sh.rootPid = await sys.getpid();
  await initPwd(sh);

  let minusc: string | null = null;
  let cflag = false;
  let sflag = false;
  let login = sh.arg0.startsWith('-');
  let interactiveFlag: boolean | null = null;
  let i: number;
  try {
    i = await parseShellOptions(sh, argv, 1, (plus) => listOptions(sh, plus), (c, on) => {
      if (c === 'c') cflag = on;
      else if (c === 's') sflag = on;
      else if (c === 'l') login = on;
      else if (c === 'i') interactiveFlag = on;
      else return false;
      return true;
    });
  } catch (e) {
    if (e instanceof PendingError) return (await sh.report(e)).status;
    throw e;
  }
  if (i < 0) return 2;
  await sh.flushOut();
  if (cflag) {
    if (i >= argv.length) {
      await sh.warn('-c requires an argument');
      return 2;
    }
    minusc = argv[i++]!;
    sh.opts.cmdstring = true;
  }
  let file: string | null = null;
  if (!cflag && !sflag && i < argv.length) {
    file = argv[i++]!;
    sh.arg0 = file;
  } else if (cflag && i < argv.length) sh.topName = sh.arg0 = argv[i++]!;
  if (!cflag && file === null) sflag = true;
  sh.positional = argv.slice(i);
  sh.opts.stdin = sflag;
  if (interactiveFlag === null) interactiveFlag = sflag && !cflag && (await isTerminal(sh, 0)) && (await isTerminal(sh, 1));
  sh.opts.interactive = interactiveFlag;
  if (sh.opts.interactive) sh.opts.monitor = true;
  if (sh.opts.monitor && !sh.jobctl && !(await enableJobControl(sh))) sh.opts.monitor = false;
  for (const sig of [SIG.SIGINT, SIG.SIGQUIT, SIG.SIGTERM, SIG.SIGTSTP, SIG.SIGTTIN, SIG.SIGTTOU]) await setsignal(sh, sig);

  return runShellBody(sh, async () => {
    if (login) {
      await sourceIfExists(sh, '/etc/profile');
      await sourceIfExists(sh, `${sh.getVar('HOME') ?? ''}/.profile`);
    }
    if (sh.opts.interactive) {
      const env = sh.getVar('ENV');
      if (env) await sourceIfExists(sh, await expandPrompt(sh, env));
    }
    if (minusc !== null) {
      sh.lineno = dialect.commandStringLine;
      sh.status = await evalString(sh, minusc, sflag ? 0 : EV_EXIT, sh.lineno);
      return;
    }
    if (file !== null) {
      let fd: number;
      try {
        fd = await sys.open(fromBytes(file), O_RDONLY);
      } catch (e) {
        if (!isSysError(e)) throw e;
        sh.arg0 = argv[0] ?? 'sh';
        throw await sh.fail(dialect.openFailed(file, e.code), 2);
      }
      sh.topName = file;
      // The script keeps its descriptor above 10, close-on-exec, like dash.
      try {
        const high = await sys.fcntl(fd, 1030, 10);
        await sys.close(fd);
        fd = high;
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      sh.status = await cmdloop(sh, fdInput(sys, fd), true);
      return;
    }
    const input = sh.opts.interactive ? interactiveInput(sh) : fdInput(sys, 0);
    sh.status = await cmdloop(sh, input, true);
    if (sh.opts.interactive) await sh.writeFd(2, '\n');
  });
}

/** `.` a profile file if it can be read; a missing file is not an error. */
async function sourceIfExists(sh: Shell, path: string): Promise<void> {
  let text: string;
  try {
    text = await readTextFile(sh, path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return;
  }
  const saveArg0 = sh.arg0;
  if (sh.dialect.namesProfile) sh.arg0 = path;
  try {
    let given = false;
    await cmdloop(sh, { next: async () => (given ? null : ((given = true), text)) }, false);
  } catch (e) {
    if (!(e instanceof ShellError) || !sh.opts.interactive) throw e;
  } finally {
    sh.arg0 = saveArg0;
  }
}

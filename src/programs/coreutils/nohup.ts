// nohup (GNU coreutils): run COMMAND ignoring SIGHUP, so it outlives the terminal. Whatever of
// stdin, stdout and stderr is a terminal is taken away from it first: input becomes /dev/null
// (opened write-only, so a read fails), output is appended to ./nohup.out (else
// $HOME/nohup.out, made with mode 0600), and stderr follows stdout. Each step is announced on
// stderr in GNU's words. Status 125 (127 with POSIXLY_CORRECT) for nohup's own failures,
// 126/127 when COMMAND cannot run.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_APPEND, O_CREAT, O_WRONLY } from '../../abi/open-flags.ts';
import { SIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';
import { execPath } from '../lib/exec-path.ts';

export const meta: ProgramMeta = {
  name: 'nohup', package: 'GNU coreutils', version: '9.1',
  exitFailure: 125,
  usage: ['COMMAND [ARG]...', 'OPTION'],
  summary: 'Run COMMAND so that a hangup signal (SIGHUP) does not end it.',
  epilog: 'Standard input that is a terminal is replaced by an unreadable file; standard output\n' +
    "that is a terminal goes to 'nohup.out' (or '$HOME/nohup.out' when the current\n" +
    'directory is not writable); standard error that is a terminal goes where standard\n' +
    "output goes. Save output elsewhere with 'nohup COMMAND > FILE'.",
  options: [],
  usageStatus: 125,
  stopAtOperand: true,
};

const F_DUPFD_CLOEXEC = 1030;

async function isTty(sys: Sys, fd: number): Promise<{ tty: boolean; closed: boolean }> {
  try {
    await sys.tcgetattr(fd);
    return { tty: true, closed: false };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { tty: false, closed: e.code === 'EBADF' };
  }
}

/** Open `file` for appending, on fd 1 when `onStdout` (fd_reopen), else as a new descriptor. */
async function openOutput(sys: Sys, file: string, onStdout: boolean): Promise<number> {
  const fd = await sys.open(file, O_CREAT | O_WRONLY | O_APPEND, 0o600);
  if (!onStdout || fd === 1) return fd;
  await sys.dup2(fd, 1);
  await sys.close(fd);
  return 1;
}

export default function nohup(sys: Sys): Promise<number> {
  const failure = sys.getenv('POSIXLY_CORRECT') !== undefined ? 127 : 125;
  return runTool(sys, { ...meta, usageStatus: failure }, async (tool) => {
    const command = tool.args.operands;
    if (!command.length) return tool.usage('nohup: missing operand');
    const ignoringInput = (await isTty(sys, 0)).tty;
    const out = await isTty(sys, 1);
    const redirectingStdout = out.tty;
    const redirectingStderr = (await isTty(sys, 2)).tty;
    if (ignoringInput) {
      try {
        const fd = await sys.open('/dev/null', O_WRONLY);
        if (fd !== 0) {
          await sys.dup2(fd, 0);
          await sys.close(fd);
        }
      } catch (e) {
        await tool.sysError(e, 'failed to render standard input unusable');
        return failure;
      }
      if (!redirectingStdout && !redirectingStderr) await tool.error('ignoring input');
    }
    let outFd = 1;
    if (redirectingStdout || (redirectingStderr && out.closed)) {
      // The file is made 0600 whatever the umask says.
      const umask = await sys.umask(0o177);
      let file = 'nohup.out';
      try {
        outFd = await openOutput(sys, file, redirectingStdout);
      } catch (first) {
        if (!isSysError(first)) throw first;
        const home = sys.getenv('HOME');
        let second: unknown = null;
        if (home !== undefined) {
          file = `${home.replace(/\/+$/, '')}/nohup.out`;
          try {
            outFd = await openOutput(sys, file, redirectingStdout);
          } catch (e) {
            second = e;
          }
        }
        if (home === undefined || second) {
          await tool.sysError(first, `failed to open ${quote('nohup.out')}`);
          if (second) await tool.sysError(second, `failed to open ${quote(file)}`);
          return failure;
        }
      }
      await sys.umask(umask);
      await tool.error(`${ignoringInput ? 'ignoring input and appending' : 'appending'} output to ${quote(file)}`);
    }
    // The original stderr is kept (close-on-exec) to tell of a command that cannot run.
    let savedStderr = -1;
    if (redirectingStderr) {
      savedStderr = await sys.fcntl(2, F_DUPFD_CLOEXEC, 3).catch(() => -1);
      if (!redirectingStdout) await tool.error(ignoringInput ? 'ignoring input and redirecting stderr to stdout' : 'redirecting stderr to stdout');
      await sys.dup2(outFd, 2);
    }
    await sys.sigaction(SIG.SIGHUP, 'ignore');
    const name = command[0]!;
    const why = await execPath(sys, command);
    if (savedStderr >= 0) await sys.dup2(savedStderr, 2);
    if (!redirectingStderr || savedStderr >= 0) await sys.writeAll(2, `nohup: failed to run command ${quote(name)}: ${strerror(why)}\n`);
    return why === 'ENOENT' ? 127 : 126;
  });
}

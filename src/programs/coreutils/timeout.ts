// timeout (GNU coreutils): run COMMAND, and if it still runs after DURATION send it SIGTERM (or
// -s SIGNAL), then SIGKILL after -k KILL_AFTER more. As GNU's, it makes its own process group
// (unless --foreground) and signals the whole group, itself ignoring the signal; it sleeps until
// SIGCHLD or the deadline. Exit status: 124 on timeout (the command's own with
// --preserve-status), else the command's; 125 for timeout's failures, 126/127 when the command
// cannot be run or found; a command killed by a signal is mirrored by timeout killing itself.

import { isSysError, strerror } from '../../abi/errno.ts';
import { signalName, SIG, WEXITSTATUS, WIFSIGNALED, WTERMSIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import { parseDuration } from '../lib/duration.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool, tryHelp } from '../lib/tool.ts';
import { execPath } from '../lib/exec-path.ts';

export const meta: ProgramMeta = {
  name: 'timeout', package: 'GNU coreutils', version: '9.1',
  exitFailure: 125,
  usage: ['[OPTION] DURATION COMMAND [ARG]...', '[OPTION]'],
  summary: "Run COMMAND, and stop it if it still runs after DURATION (a number, with an optional\nunit s, m, h or d; 0 means no limit).",
  usageStatus: 125,
  stopAtOperand: true,
  options: [
    { long: 'preserve-status', help: 'exit with the status of COMMAND even when it timed out' },
    { long: 'foreground', help: 'do not make a process group: COMMAND may read the terminal,\nbut its own children are not signalled' },
    { short: 'k', long: 'kill-after', arg: 'required', argName: 'DURATION', help: 'if COMMAND still runs this long after the first signal, send SIGKILL' },
    { short: 's', long: 'signal', arg: 'required', argName: 'SIGNAL', help: 'the signal to send at the timeout (a name like HUP or a number;\nTERM by default)' },
    { short: 'v', long: 'verbose', help: 'say on standard error when a signal is sent' },
  ],
};

const WNOHANG = 1;
/** The signals that make timeout pass them on to the command (GNU's install_cleanup). */
const FORWARDED = [SIG.SIGINT, SIG.SIGQUIT, SIG.SIGHUP, SIG.SIGTERM];

/** operand2sig: a number, or a name with or without SIG, in any case. */
function parseSignal(text: string): number | null {
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    return n <= 64 ? n : null;
  }
  const up = text.toUpperCase();
  const name = up.startsWith('SIG') ? up : `SIG${up}`;
  return name in SIG ? SIG[name as keyof typeof SIG] : null;
}

/** The command run by PATH search, as execvp does it; returns only on failure. */
async function runCommand(sys: Sys, argv: string[]): Promise<number> {
  const failure = await execPath(sys, argv);
  await sys.writeAll(2, `timeout: failed to run command ${quote(argv[0]!)}: ${strerror(failure)}\n`);
  return failure === 'ENOENT' ? 127 : 126;
}

export default function timeout(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    if (a.operands.length < 2) {
      await sys.writeAll(2, tryHelp(meta));
      return 125;
    }
    let termSignal: number = SIG.SIGTERM;
    let killAfter = 0;
    for (const o of a.options) {
      if (o.key === 'signal') {
        const s = parseSignal(o.value!);
        if (s === null) return tool.usage(`timeout: ${quote(o.value!)}: invalid signal`);
        termSignal = s;
      } else if (o.key === 'kill-after') {
        const d = parseDuration(o.value!);
        if (d === null) return tool.usage(`timeout: invalid time interval ${quote(o.value!)}`);
        killAfter = d;
      }
    }
    const duration = parseDuration(a.operands[0]!);
    if (duration === null) return tool.usage(`timeout: invalid time interval ${quote(a.operands[0]!)}`);
    const command = a.operands.slice(1);
    const foreground = a.has('foreground');
    const verbose = a.has('verbose');
    const preserve = a.has('preserve-status');

    if (!foreground) await sys.setpgid(0, 0);
    // Ignore background tty reads/writes, so a command in our new group is not stopped by them.
    await sys.sigaction(SIG.SIGTTIN, 'ignore');
    await sys.sigaction(SIG.SIGTTOU, 'ignore');
    let childEnded = false;
    const received: number[] = [];
    // A SIGCHLD handler (not the default, ignoring disposition) is what wakes the sleep below.
    await sys.sigaction(SIG.SIGCHLD, () => {
      childEnded = true;
    });
    for (const sig of new Set([...FORWARDED, termSignal])) {
      if (sig === SIG.SIGKILL || sig === SIG.SIGSTOP) continue;
      await sys.sigaction(sig, (s) => {
        received.push(s);
      });
    }

    const pid = await sys.fork(async (child) => {
      for (const sig of [SIG.SIGTTIN, SIG.SIGTTOU]) await child.sigaction(sig, 'default');
      return runCommand(child, command);
    });

    const sendSignal = async (sig: number): Promise<void> => {
      if (verbose) await sys.writeAll(2, `timeout: sending signal ${signalName(sig).replace(/^SIG/, '')} to command ${quote(command[0]!)}\n`);
      // GNU signals the command, then the group; on Linux the two merge into one pending signal
      // when the command is still in our group, so send it once then.
      const sameGroup = !foreground && (await sys.getpgid(pid).catch(() => -1)) === (await sys.getpgid(0));
      if (!sameGroup) await sys.kill(pid, sig).catch(() => undefined);
      if (!foreground) {
        // The group includes timeout itself: ignore the signal first (SIGKILL cannot be, and ends it).
        if (sig !== SIG.SIGKILL && sig !== SIG.SIGSTOP) await sys.sigaction(sig, 'ignore');
        await sys.kill(0, sig).catch(() => undefined);
        if (sig !== SIG.SIGKILL && sig !== SIG.SIGCONT) {
          if (!sameGroup) await sys.kill(pid, SIG.SIGCONT).catch(() => undefined);
          await sys.kill(0, SIG.SIGCONT).catch(() => undefined);
        }
      }
    };

    // Elapsed time: the monotonic clock, or the sleeps completed, whichever says more (a test
    // kernel's clock may stand still while real timers run).
    const start = Number((await sys.clockGettime(1)) / 1_000_000n);
    let slept = 0;
    const now = async (): Promise<number> => Math.max(Number((await sys.clockGettime(1)) / 1_000_000n) - start, slept);
    let deadline = duration > 0 ? duration * 1000 : Infinity;
    let timedOut = false;
    let status = 0;
    for (;;) {
      const [done, st] = await sys.wait4(pid, WNOHANG);
      if (done === pid) {
        status = st;
        break;
      }
      childEnded = false;
      const sig = received.shift();
      let fire: number | null = null;
      if (sig !== undefined) fire = sig;
      else if ((await now()) >= deadline) {
        timedOut = true;
        fire = termSignal;
      }
      if (fire !== null) {
        await sendSignal(fire);
        // After the first signal, -k gives the command KILL_AFTER more seconds, then SIGKILL.
        if (killAfter > 0) {
          deadline = (await now()) + killAfter * 1000;
          termSignal = SIG.SIGKILL;
          killAfter = 0;
        } else deadline = Infinity;
        continue;
      }
      if (childEnded || received.length) continue;
      const wait = deadline === Infinity ? 1000 : Math.max(1, Math.min(100, deadline - (await now())));
      try {
        await sys.sleep(wait);
        slept += wait;
      } catch (e) {
        if (!isSysError(e, 'EINTR')) throw e;
      }
    }

    if (WIFSIGNALED(status)) {
      const sig = WTERMSIG(status);
      if (!timedOut) {
        // Die the same way, so the caller sees what happened to the command.
        await sys.sigaction(sig, 'default');
        await sys.sigprocmask('unblock', [sig]);
        await sys.kill(await sys.getpid(), sig);
      }
      return timedOut && !preserve && sig !== SIG.SIGKILL ? 124 : 128 + sig;
    }
    const code = WEXITSTATUS(status);
    return timedOut && !preserve ? 124 : code;
  });
}

// ash's kill: busybox's kill applet run inside the shell, after ash has turned each %JOB into
// its processes. Its words are the applet's (`sh: can't kill pid 7: No such process`), each
// failure counts one in the status, and `kill -l` lists ` 1) HUP` a line.

import { isSysError, strerror } from '../../abi/errno.ts';
import { signalName, signalNumber } from '../../abi/signals.ts';
import { findJob } from './builtins/jobs.ts';
import type { Shell } from './shell.ts';

/** The applet name busybox's messages start with: the name the shell was run by. */
export function appletName(sh: Shell): string {
  return (sh.sys.argv[0] ?? 'sh').replace(/^.*\//, '').replace(/^-/, '');
}

/** busybox's name for a signal (29 is POLL there), or null past the named ones. */
function name(n: number): string | null {
  if (n === 29) return 'POLL';
  if (n < 1 || n > 31) return null;
  return signalName(n).slice(3);
}

/** busybox's get_signum: a number, or a name in any case with or without SIG. */
function signum(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s) <= 64 ? Number(s) : null;
  if (/^(sig)?poll$/i.test(s)) return 29;
  const n = signalNumber(s);
  return n === undefined || n === 0 ? null : n;
}

function listSignals(sh: Shell, arg: string | undefined, fail: (msg: string) => Promise<number>): Promise<number> | number {
  if (arg === undefined) {
    let out = '';
    for (let n = 1; n <= 31; n++) out += `${String(n).padStart(2)}) ${name(n)}\n`;
    sh.out(out);
    return 0;
  }
  if (/^[0-9]+$/.test(arg)) {
    let n = Number(arg);
    if (n > 128) n -= 128;
    sh.out(`${name(n) ?? arg}\n`);
    return 0;
  }
  const n = signum(arg);
  if (n === null) return fail(`unknown signal '${arg}'`);
  sh.out(`${n}\n`);
  return 0;
}

export async function ashKill(sh: Shell, argv: string[]): Promise<number> {
  const say = async (msg: string): Promise<number> => {
    await sh.flushOut();
    await sh.writeFd(2, `${appletName(sh)}: ${msg}\n`);
    return 1;
  };
  let i = 1;
  let sig = 15;
  const a1 = argv[1];
  if (a1 === '-l') return listSignals(sh, argv[2], say);
  if (a1 !== undefined && a1.startsWith('-') && a1 !== '-' && a1 !== '--') {
    // `-s NAME`, or `-NAME`/`-N`; a lone `-s` is the signal named "s".
    const spec = a1 === '-s' && argv[2] !== undefined ? argv[2] : a1.slice(1);
    const n = signum(spec);
    if (n === null) return say(`bad signal name '${spec}'`);
    sig = n;
    i = a1 === '-s' && argv[2] !== undefined ? 3 : 2;
  }
  if (argv[i] === '--') i++;
  if (i >= argv.length) return say('you need to specify whom to kill');
  let errors = 0;
  const send = async (pid: number): Promise<void> => {
    try {
      await sh.sys.kill(pid, sig);
    } catch (e) {
      if (!isSysError(e)) throw e;
      errors += await say(`can't kill pid ${pid}: ${strerror(e.code)}`);
    }
  };
  for (const a of argv.slice(i)) {
    if (a.startsWith('%')) {
      // ash hands the applet a job as its processes (its process group under job control).
      const job = findJob(sh, a);
      if (job.jobctl) await send(-job.pgid);
      else for (const p of job.procs) if (p.status === null) await send(p.pid);
    } else if (/^-?[0-9]+$/.test(a)) await send(Number(a));
    else errors += await say(`invalid number '${a}'`);
  }
  return errors;
}

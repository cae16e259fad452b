// trap and kill. trap lists as `trap -- 'action' NAME`, takes `-` to reset, '' to ignore and a
// leading number to mean "reset these"; kill takes -s NAME, -NAME, -N, %job and `kill -l`.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { NSIG, SIG, signalName } from '../../../abi/signals.ts';
import { defineBuiltin } from '../builtin-table.ts';
import { ERR_TRAP } from '../dialect.ts';
import { isHardIgnored, setsignal } from '../signals.ts';
import type { Shell } from '../shell.ts';
import { nextopt } from './options.ts';
import { number, singleQuote } from './variables.ts';
import { findJob } from './jobs.ts';

/** dash's signal_names table: EXIT, names without SIG, RTMIN+N / RTMAX-N, else the number. */
export function sigName(n: number): string {
  if (n === 0) return 'EXIT';
  if (n === 16) return '16';
  if (n >= 34 && n <= 64) return n === 34 ? 'RTMIN' : n === 64 ? 'RTMAX' : n <= 49 ? `RTMIN+${n - 34}` : `RTMAX-${64 - n}`;
  const name = signalName(n);
  return name.startsWith('SIG') && !name.startsWith('SIGRT') && !/^SIG\d/.test(name) ? name.slice(3) : String(n);
}

function isNumber(s: string): boolean {
  return /^[0-9]+$/.test(s);
}

/** A signal number from a name (any case, SIG prefix optional) or number; -1 if none. */
export function decodeSignal(s: string, minsig: number): number {
  if (isNumber(s)) {
    const n = Number(s);
    return n >= minsig && n <= NSIG ? n : -1;
  }
  // dash matches names exactly as its table spells them: "INT", not "int" or "SIGINT".
  for (let n = minsig; n <= NSIG; n++) if (sigName(n) === s) return n;
  return -1;
}

defineBuiltin('trap', true, async (sh, argv) => {
  // dash's nextopt(nullstr): `--` ends options and any option letter is illegal.
  const args = nextopt(sh, argv, '');
  if (args.length === 0) {
    let out = '';
    for (const sig of [...sh.traps.keys()].sort((a, b) => a - b)) {
      out += `trap -- ${singleQuote(sh.traps.get(sig)!)} ${sig === ERR_TRAP ? 'ERR' : sigName(sig)}\n`;
    }
    sh.out(out);
    return 0;
  }
  let action: string | null;
  if (args.length === 1 || (isNumber(args[0]!) && Number(args[0]) < NSIG)) action = null;
  else action = args.shift()!;
  for (const a of args) {
    // busybox ash's ERR: no signal, an action run after a command fails (eval.ts).
    if (a === 'ERR' && sh.dialect.bashSyntax) {
      if (action === '-' || action === null) sh.traps.delete(ERR_TRAP);
      else sh.traps.set(ERR_TRAP, action);
      continue;
    }
    const sig = decodeSignal(a, 0);
    if (sig < 0) {
      await sh.flushOut();
      await sh.writeFd(2, `${sh.dialect.badTrap(sh, a)}\n`);
      return 1;
    }
    if (action === '-' || action === null) sh.traps.delete(sig);
    else if (sig !== 0 && isHardIgnored(sh, sig)) continue;
    else sh.traps.set(sig, action);
    if (sig !== 0) await setsignal(sh, sig);
  }
  return 0;
});

const KILL_USAGE = 'Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]';

async function listSignals(sh: Shell, arg: string | undefined): Promise<number> {
  if (arg === undefined) {
    let out = '0\n';
    for (let n = 1; n <= NSIG; n++) out += `${sigName(n)}\n`;
    sh.out(out);
    return 0;
  }
  let n = number(sh, arg);
  if (n > 128) n -= 128;
  if (n > 0 && n <= NSIG) {
    sh.out(`${sigName(n)}\n`);
    return 0;
  }
  sh.error(`invalid signal number or exit status: ${arg}`);
}

defineBuiltin('kill', false, async (sh, argv) => {
  let i = 1;
  let sig = SIG.SIGTERM as number;
  const a1 = argv[1];
  if (a1 === undefined) sh.error(KILL_USAGE);
  if (a1 === '-l') return listSignals(sh, argv[2]);
  if (a1 === '-s') {
    const name = argv[2];
    if (name === undefined) sh.error(KILL_USAGE);
    sig = decodeSignal(name, 0);
    if (sig < 0) sh.error(`invalid signal number or name: ${name}`);
    i = 3;
  } else if (a1.startsWith('-') && a1 !== '-' && a1 !== '--') {
    sig = decodeSignal(a1.slice(1), 0);
    if (sig < 0) sh.error(`invalid signal number or name: ${a1.slice(1)}`);
    i = 2;
  } else if (a1 === '--') i = 2;
  if (i >= argv.length) sh.error(KILL_USAGE);
  let status = 0;
  for (; i < argv.length; i++) {
    const target = argv[i]!;
    let pid: number;
    if (target.startsWith('%')) {
      const job = findJob(sh, target);
      pid = -job.pgid;
      if (!job.jobctl) {
        for (const p of job.procs) await sendSignal(sh, p.pid, sig).catch(() => undefined);
        continue;
      }
    } else {
      if (!/^-?[0-9]+$/.test(target)) sh.error(`Illegal number: ${target}`);
      pid = Number(target);
    }
    const err = await sendSignal(sh, pid, sig);
    if (err) {
      await sh.warn(`${err}\n`);
      status = 1;
    }
  }
  return status;
});

async function sendSignal(sh: Shell, pid: number, sig: number): Promise<string | null> {
  try {
    await sh.sys.kill(pid, sig);
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return strerror(e.code);
  }
}

// wait, jobs, fg and bg over the shell's job table, loaded on first use (builtins/index.ts).
// `wait` returns 128+N when a trapped signal interrupts it, 127 for a pid that is not a child;
// fg/bg send SIGCONT to the job's process group and fg waits for it in the foreground.

import { isSysError } from '../../../abi/errno.ts';
import { SIG, shellStatus } from '../../../abi/signals.ts';
import { defineBuiltin } from '../builtin-table.ts';
import { waitForJob } from '../eval.ts';
import { setForeground } from '../jobctl.ts';
import { statusText, type Job } from '../jobs.ts';
import type { Shell } from '../shell.ts';
import { findJob, jobLine, reapFinished } from './jobs.ts';
import { nextopt, parseOpts } from './options.ts';
import { number } from './variables.ts';

/** Reap one child (blocking); false if a trapped signal interrupted the wait. */
async function reapOne(sh: Shell, waited: Job | null): Promise<boolean> {
  for (;;) {
    try {
      const [pid, st] = await sh.sys.wait4(-1, 2);
      const job = sh.jobs.record(pid, st);
      if (job && (waited === null || job === waited) && sh.dialect.waitTellsSignal) {
        const text = await statusText(st, true);
        if (text) await sh.writeFd(2, `${text}\n`);
      }
      return true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'EINTR') {
        if (sh.pendingSignals.some((s) => sh.traps.get(s))) return false;
        continue;
      }
      // No children at all: everything we know of has ended.
      for (const j of sh.jobs.list) {
        for (const p of j.procs) if (p.status === null) p.status = 0;
        j.state = 'done';
      }
      return true;
    }
  }
}

function jobStatus(job: Job): number {
  const last = job.procs[job.procs.length - 1]!;
  return shellStatus(last.status ?? 0);
}

defineBuiltin('wait', false, async (sh, argv) => {
  const args = nextopt(sh, argv, '');
  if (args.length === 0) {
    for (;;) {
      if (!sh.jobs.list.some((j) => j.state === 'running')) break;
      if (!(await reapOne(sh, null))) return 128 + sh.pendingSignals[0]!;
    }
    return 0;
  }
  let retval = 127;
  for (const a of args) {
    let job: Job | undefined;
    if (!a.startsWith('%')) {
      const pid = number(sh, a);
      job = sh.jobs.list.find((j) => j.procs[j.procs.length - 1]!.pid === pid);
      if (!job) {
        retval = 127;
        continue;
      }
    } else job = findJob(sh, a);
    while (job.state === 'running') {
      if (!(await reapOne(sh, job))) return 128 + sh.pendingSignals[0]!;
    }
    retval = jobStatus(job);
  }
  return retval;
});

defineBuiltin('jobs', false, async (sh, argv) => {
  const { opts, rest } = parseOpts(sh, argv, 'lp');
  await reapFinished(sh);
  const pidsOnly = opts.some(([c]) => c === 'p');
  const long = opts.some(([c]) => c === 'l');
  const list = rest.length ? rest.map((r) => findJob(sh, r)) : sh.jobs.list;
  let out = '';
  for (const job of list) {
    out += pidsOnly ? `${job.procs[0]!.pid}\n` : await jobLine(sh, job, long);
    if (job.state === 'done') sh.jobs.remove(job);
    else job.notified = true;
  }
  sh.out(out);
  return 0;
});

async function continueJob(sh: Shell, job: Job): Promise<void> {
  try {
    await sh.sys.kill(job.jobctl ? -job.pgid : job.procs[0]!.pid, SIG.SIGCONT);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  for (const p of job.procs) if (p.status !== null && (p.status & 0xff) === 0x7f) p.status = null;
  if (job.state === 'stopped') job.state = 'running';
}

defineBuiltin('fg', false, async (sh, argv) => {
  const args = nextopt(sh, argv, '');
  const job = findJob(sh, args[0]);
  sh.out(`${job.cmd}\n`);
  await sh.flushOut();
  job.bg = false;
  await setForeground(sh, job.pgid);
  await continueJob(sh, job);
  const status = await waitForJob(sh, job);
  await setForeground(sh, 0);
  return status;
});

defineBuiltin('bg', false, async (sh, argv) => {
  const args = nextopt(sh, argv, '');
  const targets = args.length ? args : [undefined];
  let out = '';
  for (const t of targets) {
    const job = findJob(sh, t);
    if (job.state === 'running') continue;
    out += `[${job.id}] ${job.cmd}\n`;
    job.bg = true;
    await continueJob(sh, job);
  }
  sh.out(out);
  return 0;
});

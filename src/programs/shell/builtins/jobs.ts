// The job table as the shell's own code reads it: a job spec (%1, %+, a pid...) to its job, the
// statuses of children that ended, and dash's line for a job. The builtins that act on jobs
// (wait, jobs, fg, bg) are in job-control.ts, which loads on their first use.

import { isSysError } from '../../../abi/errno.ts';
import { jobStatusText, type Job } from '../jobs.ts';
import type { Shell } from '../shell.ts';
import { number } from './variables.ts';

/** %N, %+, %%, %-, %string, %?string: the job, or the error dash gives. */
export function findJob(sh: Shell, spec: string | undefined): Job {
  const jobs = sh.jobs;
  if (spec === undefined || spec === '%' || spec === '%%' || spec === '%+') {
    const j = jobs.current();
    if (!j) sh.error('No current job');
    return j;
  }
  if (spec === '%-') {
    const j = jobs.previous() ?? jobs.current();
    if (!j) sh.error('No previous job');
    return j;
  }
  if (!spec.startsWith('%')) {
    const pid = number(sh, spec);
    const found = jobs.byPid(pid);
    if (!found) sh.error(`No such job: ${spec}`);
    return found.job;
  }
  const rest = spec.slice(1);
  if (/^[0-9]+$/.test(rest)) {
    const j = jobs.list.find((x) => x.id === Number(rest));
    if (!j) sh.error(`No such job: ${spec}`);
    return j;
  }
  const matches = jobs.list.filter((j) => (rest.startsWith('?') ? j.cmd.includes(rest.slice(1)) : j.cmd.startsWith(rest)));
  if (matches.length > 1) sh.error(`${spec}: ambiguous`);
  if (matches.length === 0) sh.error(`No such job: ${spec}`);
  return matches[0]!;
}

/** Pick up statuses of children that have ended, without blocking. */
export async function reapFinished(sh: Shell): Promise<void> {
  for (;;) {
    try {
      const [pid, st] = await sh.sys.wait4(-1, 1 | 2);
      if (pid === 0) return;
      sh.jobs.record(pid, st);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return;
    }
  }
}

/** dash's showjob line: `[1] + Running                    cmd` (ash's: `[1]+  Running`). */
export async function jobLine(sh: Shell, job: Job, pids: boolean): Promise<string> {
  const mark = job === sh.jobs.current() ? '+' : job === sh.jobs.previous() ? '-' : ' ';
  let s = sh.dialect.jobHead(job.id, mark);
  if (pids) s += `${job.procs[0]!.pid} `;
  s += await jobStatusText(job);
  // dash starts the command in column 33, and leaves at least one space.
  return `${s}${' '.repeat(Math.max(1, 33 - s.length))}${job.cmd}\n`;
}

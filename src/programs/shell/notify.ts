// Telling the user about background jobs that finished or stopped, before a prompt, as dash's
// showjobs(SHOW_CHANGED): `[1] + Done                       sleep 1`.

import { jobLine, reapFinished } from './builtins/jobs.ts';
import type { Shell } from './shell.ts';

export async function notifyJobs(sh: Shell): Promise<void> {
  await reapFinished(sh);
  let out = '';
  for (const job of [...sh.jobs.list]) {
    if (job.state === 'running' || job.notified) continue;
    out += await jobLine(sh, job, false);
    job.notified = true;
    if (job.state === 'done') sh.jobs.remove(job);
  }
  if (out) await sh.writeFd(2, out);
}

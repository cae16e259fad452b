// Runs a script on the simulated machine for the util-linux tests, with /proc mounted (as a booted
// machine has it) and two small test programs: `nodename [NAME]` prints or sets the hostname
// through uname(2)/sethostname(2), and `asuser UID CMD [ARG]...` runs CMD with that uid and gid.

import { isSysError } from '../../../src/abi/errno.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { type RunOptions, type ShResult, runSh } from '../../shell/run-sh.ts';

async function nodename(sys: Sys): Promise<number> {
  if (sys.argv[1] !== undefined) await sys.sethostname(sys.argv[1]);
  else await sys.writeAll(1, `${(await sys.uname()).nodename}\n`);
  return 0;
}

async function asuser(sys: Sys): Promise<number> {
  const id = Number(sys.argv[1]);
  await sys.setgroups([]);
  await sys.setresgid(id, id, id);
  await sys.setresuid(id, id, id);
  const cmd = sys.argv[2]!;
  for (const dir of ['/bin', '/usr/bin']) {
    try {
      return await sys.execve(cmd.includes('/') ? cmd : `${dir}/${cmd}`, sys.argv.slice(2));
    } catch (e) {
      // A successful execve unwinds the program: only a failed one may be caught.
      if (!isSysError(e)) throw e;
    }
  }
  return 127;
}

export const TEST_PROGRAMS = { nodename, asuser };

/** The script runs after `mount -t proc proc /proc`, in /tmp/sh-case. */
export function ulSh(script: string, opts: RunOptions = {}): Promise<ShResult> {
  return runSh(`mkdir -p /proc && mount -t proc proc /proc || exit 99\n${script}`, {
    ...opts, programs: { ...TEST_PROGRAMS, ...(opts.programs ?? {}) },
  });
}

/** The lines of `text` that contain `part`. */
export function linesWith(text: string, part: string): string[] {
  return text.split('\n').filter((l) => l.includes(part));
}

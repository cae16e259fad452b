// docker top (container top): as the daemon does it, run the host's `ps` (default `-ef`, or the
// ps options given after the container) and keep the lines whose PID is in the container's
// cgroup; PIDs are host PIDs. The CLI lays the columns out at least 20 wide.

import { O_RDONLY } from '../../../abi/open-flags.ts';
import { readTextIfReadable } from '../../../runtime/sys-files.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerCommand } from '../command.ts';
import { type CliExit, parseCommand } from '../format/cli.ts';
import { specFor } from '../format/specs.ts';
import { finish, resolveContainer } from '../format/state.ts';
import { tabwrite } from '../format/tabwriter.ts';

export interface ProcList {
  Titles: string[];
  Processes: string[][];
}

/** moby's parsePSOutput: the PID column found by title, the last column keeps its spaces. */
export function parsePs(output: string, pids: Set<number>): ProcList | string {
  const lines = output.split('\n');
  const titles = (lines[0] ?? '').trim().split(/\s+/).filter(Boolean);
  const pidIndex = titles.indexOf('PID');
  if (pidIndex < 0) return "Couldn't find PID field in ps output";
  const processes: string[][] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const fields = line.trim().split(/\s+/);
    const pid = Number(fields[pidIndex]);
    if (!pids.has(pid)) continue;
    processes.push([...fields.slice(0, titles.length - 1), fields.slice(titles.length - 1).join(' ')]);
  }
  return { Titles: titles, Processes: processes };
}

export function renderTop(list: ProcList): CliExit {
  const text = [list.Titles, ...list.Processes].map((r) => `${r.join('\t')}\n`).join('');
  return { stdout: tabwrite(text, 20, 3), status: 0 };
}

/** Every PID in a cgroup and the cgroups below it. */
async function cgroupPids(sys: Sys, dir: string, out: Set<number>): Promise<void> {
  const procs = await readTextIfReadable(sys, `${dir}/cgroup.procs`);
  for (const l of (procs ?? '').split('\n')) if (l.trim()) out.add(Number(l));
  let fd: number;
  try {
    fd = await sys.open(dir, O_RDONLY);
  } catch {
    return;
  }
  try {
    // one call returns every entry (the kernel's getdents64 is not incremental)
    for (const e of await sys.getdents(fd)) if (e.type === 'dir' && e.name !== '.' && e.name !== '..') await cgroupPids(sys, `${dir}/${e.name}`, out);
  } finally {
    await sys.close(fd);
  }
}

/** Run `ps ARGS` and collect what it prints. */
async function runPs(sys: Sys, args: string[]): Promise<{ out: string; status: number }> {
  const [r, w] = await sys.pipe(true);
  const pid = await sys.fork(async (child) => {
    await child.dup2(w, 1);
    try {
      await child.execve('/bin/ps', ['ps', ...args], child.envp);
    } catch {
      await child.writeAll(2, 'ps: not found\n');
    }
    return 127;
  });
  await sys.close(w);
  const out = await sys.readText(r);
  await sys.close(r);
  const [, status] = await sys.wait4(pid);
  return { out, status: (status >> 8) & 0xff };
}

const top: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'top'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const [ref, ...psArgs] = flags.operands as [string, ...string[]];
  const rec = await resolveContainer(ctx.sys, ctx.root, ref);
  if (!rec) return finish(ctx.sys, { stderr: `Error response from daemon: No such container: ${ref}\n`, status: 1 });
  if (!rec.State.Running) return finish(ctx.sys, { stderr: `Error response from daemon: container ${rec.Id} is not running\n`, status: 1 });
  const pids = new Set<number>();
  await cgroupPids(ctx.sys, `/sys/fs/cgroup/system.slice/docker-${rec.Id}.scope`, pids);
  if (pids.size === 0 && rec.State.Pid) pids.add(rec.State.Pid);
  const ps = await runPs(ctx.sys, psArgs.length ? psArgs : ['-ef']);
  if (ps.status !== 0) return finish(ctx.sys, { stderr: `Error response from daemon: ps: exit status ${ps.status}: ${ps.out}\n`, status: 1 });
  const list = parsePs(ps.out, pids);
  if (typeof list === 'string') return finish(ctx.sys, { stderr: `Error response from daemon: ${list}\n`, status: 1 });
  return finish(ctx.sys, renderTop(list));
};

export default top;

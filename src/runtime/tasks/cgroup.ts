// A container's cgroup, as Docker's systemd driver places it: /sys/fs/cgroup/system.slice/
// docker-<id>.scope, with the controllers enabled top-down (root, then system.slice) and the
// limits written as runc writes them: memory.max (-m), memory.swap.max, pids.max (--pids-limit),
// cpu.max (--cpus as "quota period").

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { readTextOrNull, writeFile } from '../sys-files.ts';

export const CGROUP_ROOT = '/sys/fs/cgroup';
export const CGROUP_SLICE = 'system.slice';

export interface CgroupLimits {
  /** Bytes; 0 for none. */
  memory?: number;
  /** Bytes of memory+swap (Docker's MemorySwap); -1 unlimited; 0 = default (twice memory). */
  memorySwap?: number;
  /** null or <= 0 for none. */
  pids?: number | null;
  /** CPUs × 1e9; 0 for none. */
  nanoCpus?: number;
}

/** The cgroup directory of a container (its path below the cgroup2 root, and on the host). */
export function cgroupPath(id: string, parent = CGROUP_SLICE): string {
  return `${CGROUP_ROOT}/${parent}/docker-${id}.scope`;
}

/** Enable the controllers a container needs in `dir`'s subtree_control, if the kernel offers them. */
async function enableControllers(sys: Sys, dir: string): Promise<void> {
  const available = ((await readTextOrNull(sys, `${dir}/cgroup.controllers`)) ?? '').trim().split(/\s+/);
  const enabled = ((await readTextOrNull(sys, `${dir}/cgroup.subtree_control`)) ?? '').trim().split(/\s+/);
  const want = ['cpu', 'memory', 'pids'].filter((c) => available.includes(c) && !enabled.includes(c));
  if (want.length === 0) return;
  await writeFile(sys, `${dir}/cgroup.subtree_control`, want.map((c) => `+${c}`).join(' '));
}

/** Make the container's cgroup and write its limits. Returns the directory. */
export async function createCgroup(sys: Sys, id: string, limits: CgroupLimits, parent = CGROUP_SLICE): Promise<string> {
  const sliceDir = `${CGROUP_ROOT}/${parent}`;
  await enableControllers(sys, CGROUP_ROOT);
  try {
    await sys.mkdir(sliceDir, 0o755);
  } catch (e) {
    if (!isSysError(e, 'EEXIST')) throw e;
  }
  await enableControllers(sys, sliceDir);
  const dir = cgroupPath(id, parent);
  try {
    await sys.mkdir(dir, 0o755);
  } catch (e) {
    if (!isSysError(e, 'EEXIST')) throw e;
  }
  if (limits.memory && limits.memory > 0) {
    await writeFile(sys, `${dir}/memory.max`, String(limits.memory));
    // Docker's default MemorySwap is twice Memory: swap.max gets the difference.
    const swap = limits.memorySwap ?? 0;
    const swapMax = swap < 0 ? 'max' : String((swap > 0 ? swap : 2 * limits.memory) - limits.memory);
    await writeIfThere(sys, `${dir}/memory.swap.max`, swapMax);
  }
  if (limits.pids && limits.pids > 0) await writeFile(sys, `${dir}/pids.max`, String(limits.pids));
  if (limits.nanoCpus && limits.nanoCpus > 0) {
    const period = 100000;
    await writeFile(sys, `${dir}/cpu.max`, `${Math.round((limits.nanoCpus / 1e9) * period)} ${period}`);
  }
  return dir;
}

async function writeIfThere(sys: Sys, path: string, value: string): Promise<void> {
  try {
    await writeFile(sys, path, value);
  } catch (e) {
    if (!isSysError(e, 'ENOENT') && !isSysError(e, 'EACCES')) throw e;
  }
}

/** Move a process into the cgroup (its pid into cgroup.procs). */
export async function joinCgroup(sys: Sys, dir: string, pid: number): Promise<void> {
  await writeFile(sys, `${dir}/cgroup.procs`, String(pid));
}

/** memory.events' oom_kill count (0 when the file or the cgroup is gone). */
export async function oomKills(sys: Sys, dir: string): Promise<number> {
  const text = await readTextOrNull(sys, `${dir}/memory.events`);
  const m = text ? /^oom_kill (\d+)$/m.exec(text) : null;
  return m ? Number(m[1]) : 0;
}

/** The pids in the cgroup (and none when it is gone). */
export async function cgroupPids(sys: Sys, dir: string): Promise<number[]> {
  const text = await readTextOrNull(sys, `${dir}/cgroup.procs`);
  return text ? text.split('\n').filter((l) => l !== '').map(Number) : [];
}

/** Remove the cgroup; its processes are killed first (cgroup.kill), as runc's delete does. */
export async function removeCgroup(sys: Sys, dir: string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    try {
      await sys.rmdir(dir);
      return;
    } catch (e) {
      if (isSysError(e, 'ENOENT')) return;
      if (!isSysError(e, 'EBUSY')) throw e;
    }
    try {
      await writeFile(sys, `${dir}/cgroup.kill`, '1');
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    await sys.sleep(1);
  }
}

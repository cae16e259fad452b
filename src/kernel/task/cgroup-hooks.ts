// How the process side of the kernel answers the cgroup code: who the OOM killer takes (the
// largest process in the cgroup, as Linux's badness score does without oom_score_adj), how it
// is killed (SIGKILL, its memory given back at once, as the OOM reaper does), and how
// cgroup.procs writes and reads see pids through the writer's own PID namespace.

import { SysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';
import type { CgroupKernelHooks } from '../cgroup/cgroup-tree.ts';
import type { CgroupFsHooks } from '../fs/cgroupfs/cgroup-fs.ts';
import type { Kernel } from '../kernel.ts';
import type { Task } from './task.ts';

function isBelow(cg: Cgroup | null, scope: Cgroup): boolean {
  for (let c = cg; c; c = c.parent) if (c === scope) return true;
  return false;
}

export function kernelCgroupHooks(k: Kernel): CgroupKernelHooks {
  return {
    selectOomVictim(scope) {
      let victim: Task | null = null;
      for (const t of k.tasks.values()) {
        if (!t.alive || t.parent === null || !isBelow(t.cgroup as Cgroup, scope)) continue;
        if (!victim || t.memoryBytes > victim.memoryBytes) victim = t;
      }
      return victim?.pid ?? null;
    },
    kill(pids, cause) {
      for (const pid of pids) {
        const t = k.tasks.get(pid);
        if (!t) continue;
        if (cause.reason === 'oom') {
          k.log(`Memory cgroup out of memory: Killed process ${t.nrs[0]} (${t.comm}) total-vm:${Math.ceil(t.memoryBytes / 1024) + 2920}kB, anon-rss:${Math.ceil(t.memoryBytes / 1024)}kB, file-rss:0kB, shmem-rss:0kB, UID:${t.cred.uid} pgtables:44kB oom_score_adj:0`);
          k.releaseMemory(t);
        }
        k.signal(t, SIG.SIGKILL, null);
      }
    },
  };
}

export function cgroupFsHooks(k: Kernel): CgroupFsHooks {
  const taskOf = (caller: unknown): Task | null => (caller && typeof caller === 'object' && 'pidNs' in caller ? (caller as Task) : null);
  return {
    mountRoot(req) {
      const root = taskOf(req.caller)?.ns.cgroup.root as Cgroup | null | undefined;
      return root ?? k.cgroups.root;
    },
    displayPid(pid, caller) {
      const me = taskOf(caller);
      const t = k.tasks.get(pid);
      return me && t ? t.nrIn(me.pidNs) : pid;
    },
    movePid(pid, cg, threads, caller) {
      const me = taskOf(caller);
      const t = pid === 0 ? me : me ? me.pidNs.find(pid) : k.tasks.get(pid);
      if (!t || !t.alive) throw new SysError('ESRCH');
      if (me && me.cred.euid !== 0 && me.cred.euid !== t.cred.uid) throw new SysError('EACCES');
      k.cgroups.migrate(t.pid, cg, threads);
      t.cgroup = cg;
    },
  };
}

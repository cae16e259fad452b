// Memory calls. Programs are JavaScript, so there is no address space to manage; what a
// program maps is an amount it declares, charged to its memory cgroup as anonymous memory, so a
// memory hog (stress --vm) meets memory.max and the OOM killer as a real one would.

import { SysError } from '../../abi/errno.ts';
import { SIG, signaledStatus } from '../../abi/signals.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';
import { ExitUnwind } from '../task/unwind.ts';
import type { SyscallSpec } from './table.ts';

const PAGE = 4096;
/** Where the first mapping's address starts; later ones follow it (for display only). */
const MMAP_BASE = 0x7f0000000000;

export const MEM_SYSCALLS: Record<string, SyscallSpec> = {
  mmap: {
    handler: async (k, t, length: number) => {
      if (typeof length !== 'number' || !Number.isInteger(length) || length <= 0) throw new SysError('EINVAL');
      const bytes = Math.ceil(length / PAGE) * PAGE;
      const res = k.cgroups.memory.charge(t.cgroup as Cgroup, bytes, 'anon', { pid: t.pid });
      if (!res.ok) {
        if (res.selfKilled) throw new ExitUnwind(signaledStatus(SIG.SIGKILL));
        throw new SysError('ENOMEM');
      }
      let addr = MMAP_BASE;
      for (const [a, m] of t.mappings) addr = Math.max(addr, a + m.bytes);
      t.mappings.set(addr, { bytes, owner: res.owner });
      t.memoryBytes += bytes;
      return addr;
    },
    support: 'partial',
    note: 'anonymous private mappings only: an amount of memory, charged to the memory cgroup',
  },
  munmap: {
    handler: async (k, t, addr: number) => {
      const m = t.mappings.get(addr);
      if (!m) throw new SysError('EINVAL');
      t.mappings.delete(addr);
      t.memoryBytes -= m.bytes;
      k.cgroups.memory.uncharge(m.owner as never, m.bytes, 'anon');
    },
    support: 'partial',
    note: 'whole mappings only',
  },
};

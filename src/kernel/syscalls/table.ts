// The syscall table: every call by its Linux name with its handler, how fully it is supported
// and a note. The kernel is handed this table at boot; `syscalls` (the listing program) and the
// docs print it.

import type { SyscallEntry, SyscallHandler, SyscallTable } from '../kernel.ts';
import { FS_SYSCALLS } from './sys-fs.ts';
import { MEM_SYSCALLS } from './sys-mem.ts';
import { PROC_SYSCALLS } from './sys-proc.ts';
import { TTY_SYSCALLS } from './sys-tty.ts';
import { onDemand } from '../../base/on-demand.ts';

export interface SyscallSpec {
  handler: SyscallHandler;
  support?: 'full' | 'partial';
  note?: string;
  endsOnHandler?: boolean | 'sleep';
}

/** Calls whose code loads on the first call: only strace (and debuggers) trace. */
const loadTrace = onDemand(() => import('./sys-trace.ts'));

const TRACE_SYSCALLS: Record<string, SyscallSpec> = {
  ptrace: {
    handler: async (k, t, ...args) => (await loadTrace()).ptrace(k, t, ...args),
    support: 'partial',
    note: 'TRACEME, SEIZE, SETOPTIONS (TRACESYSGOOD, TRACEFORK/VFORK/CLONE, EXITKILL), SYSCALL, CONT, DETACH, GET_SYSCALL_INFO (the call by name), GETSIGINFO; tracees are not stopped by signals',
  },
};

/** Calls we know of but do not implement: they answer ENOSYS, and the listing says why. */
const MISSING: Record<string, string> = {
  socket: 'networking comes with the network namespace work',
  io_uring_setup: 'not modelled',
};

export function buildSyscallTable(): SyscallTable {
  const table = new Map<string, SyscallEntry>();
  for (const group of [FS_SYSCALLS, PROC_SYSCALLS, TTY_SYSCALLS, MEM_SYSCALLS, TRACE_SYSCALLS] as Array<Record<string, SyscallSpec>>) {
    for (const [name, spec] of Object.entries(group)) {
      table.set(name, { name, handler: spec.handler, support: spec.support ?? 'full', note: spec.note ?? '', endsOnHandler: spec.endsOnHandler });
    }
  }
  for (const [name, note] of Object.entries(MISSING)) if (!table.has(name)) table.set(name, { name, handler: null, support: 'none', note });
  return table;
}

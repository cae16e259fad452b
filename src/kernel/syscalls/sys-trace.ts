// ptrace(2): the requests strace uses, over the trace machinery of kernel/task/trace.ts. Who may
// trace whom is decided here (Linux's rule, reduced: the caller's own uid, or privilege).

import { SysError } from '../../abi/errno.ts';
import {
  PTRACE_CONT, PTRACE_DETACH, PTRACE_GETSIGINFO, PTRACE_GET_SYSCALL_INFO, PTRACE_SEIZE, PTRACE_SETOPTIONS,
  PTRACE_SYSCALL, PTRACE_SYSCALL_INFO_NONE, PTRACE_TRACEME,
} from '../../abi/ptrace.ts';
import type { Kernel, SyscallHandler } from '../kernel.ts';
import type { Task } from '../task/task.ts';
import { isTraced, tracerOf } from '../task/trace.ts';
import { attach, collectedReport, detach, resume, setOptions } from '../task/trace-stops.ts';
import { privileged } from './privilege.ts';

/** A tracee of `t` by the number `t` knows it by. */
function traceeOf(k: Kernel, t: Task, pid: number): Task {
  const tracee = k.findTask(t, pid);
  if (!tracee || tracerOf(tracee) !== t) throw new SysError('ESRCH');
  return tracee;
}

/** ptrace(2); the syscall table loads this module on the first call (table.ts). */
export const ptrace: SyscallHandler = async (k, t, request: number, pid = 0, _addr: unknown = 0, data: unknown = 0) => {
  switch (request) {
    case PTRACE_TRACEME: {
      if (isTraced(t) || !t.parent || !t.parent.alive) throw new SysError('EPERM');
      attach(t, t.parent, 0);
      return 0;
    }
    case PTRACE_SEIZE: {
      const target = k.findTask(t, pid);
      if (!target || !target.alive) throw new SysError('ESRCH');
      if (target === t || isTraced(target)) throw new SysError('EPERM');
      const sameUser = [target.cred.uid, target.cred.euid, target.cred.suid].every((id) => id === t.cred.uid);
      if (!sameUser && !privileged(t)) throw new SysError('EPERM');
      attach(target, t, 0);
      if (!setOptions(target, Number(data))) {
        detach(target);
        throw new SysError('EINVAL');
      }
      return 0;
    }
    case PTRACE_SETOPTIONS:
      if (!setOptions(traceeOf(k, t, pid), Number(data))) throw new SysError('EINVAL');
      return 0;
    case PTRACE_SYSCALL:
    case PTRACE_CONT:
      if (!resume(traceeOf(k, t, pid), t, request === PTRACE_SYSCALL)) throw new SysError('ESRCH');
      return 0;
    case PTRACE_DETACH:
      detach(traceeOf(k, t, pid));
      return 0;
    case PTRACE_GET_SYSCALL_INFO:
    case PTRACE_GETSIGINFO: {
      // Readable while the tracer holds the report, even from a tracee that has died since.
      const r = collectedReport(t, pid);
      if (!r) throw new SysError('ESRCH');
      if (request === PTRACE_GETSIGINFO) {
        if (!r.siginfo) throw new SysError('EINVAL');
        return { ...r.siginfo };
      }
      return r.syscall ?? { op: PTRACE_SYSCALL_INFO_NONE, name: '', args: [] };
    }
    default:
      throw new SysError('EIO');
  }
};

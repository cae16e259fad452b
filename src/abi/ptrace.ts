// ptrace(2) as this kernel offers it: the requests strace needs, with Linux's numbers, and the
// plain records a tracer reads back. A tracee stops at each system call's entry and exit; the
// tracer learns of the stop from wait4 (status 0x857f with PTRACE_O_TRACESYSGOOD), reads it with
// PTRACE_GET_SYSCALL_INFO and lets the tracee go on with PTRACE_SYSCALL. Calls are named, not
// numbered, in this kernel, so the record carries the call's Linux name and its arguments as the
// program passed them.

export const PTRACE_TRACEME = 0;
export const PTRACE_CONT = 7;
export const PTRACE_DETACH = 17;
export const PTRACE_SYSCALL = 24;
export const PTRACE_SETOPTIONS = 0x4200;
export const PTRACE_GETSIGINFO = 0x4202;
export const PTRACE_SEIZE = 0x4206;
export const PTRACE_GET_SYSCALL_INFO = 0x420e;

export const PTRACE_O_TRACESYSGOOD = 0x01;
export const PTRACE_O_TRACEFORK = 0x02;
export const PTRACE_O_TRACEVFORK = 0x04;
export const PTRACE_O_TRACECLONE = 0x08;
export const PTRACE_O_EXITKILL = 0x100000;

export const PTRACE_SYSCALL_INFO_NONE = 0;
export const PTRACE_SYSCALL_INFO_ENTRY = 1;
export const PTRACE_SYSCALL_INFO_EXIT = 2;

/** wait4's `__WALL`: report tracees that are not the caller's children too. */
export const WALL = 0x40000000;

/** What an argument or result that is code (clone's child, a signal handler) reads as. */
export const TRACE_CODE = '<code>';

export interface PtraceSyscallInfo {
  op: number;
  /** The call's Linux name. */
  name: string;
  /** Its arguments, copied at entry (code replaced by TRACE_CODE). */
  args: unknown[];
  /** At exit: the value returned, or the errno name it failed with. */
  rval?: unknown;
  error?: string;
}

/** siginfo_t as strace prints it: who sent a signal, or which child it reports. */
export interface PtraceSigInfo {
  signo: number;
  /** SI_USER, SI_KERNEL, CLD_EXITED, CLD_KILLED, CLD_DUMPED, CLD_STOPPED, CLD_CONTINUED. */
  code: string;
  pid?: number;
  uid?: number;
  /** For SIGCHLD: the exit code or signal, and the child's CPU time in clock ticks. */
  status?: number;
  utime?: number;
  stime?: number;
}

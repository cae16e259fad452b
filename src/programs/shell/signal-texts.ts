// What the shell prints for a job a signal killed or stopped: strsignal's texts as glibc spells
// them. Loaded the first time a job ends that way (jobs.ts): a prompt never needs them.

import type { SignalName } from '../../abi/signals.ts';

/** The texts a shell prints for a job killed by a signal (strsignal as glibc spells it). */
export const SIGNAL_DESCRIPTIONS: Partial<Record<SignalName, string>> = {
  SIGHUP: 'Hangup', SIGINT: 'Interrupt', SIGQUIT: 'Quit', SIGILL: 'Illegal instruction',
  SIGTRAP: 'Trace/breakpoint trap', SIGABRT: 'Aborted', SIGBUS: 'Bus error',
  SIGFPE: 'Floating point exception', SIGKILL: 'Killed', SIGUSR1: 'User defined signal 1',
  SIGSEGV: 'Segmentation fault', SIGUSR2: 'User defined signal 2', SIGPIPE: 'Broken pipe',
  SIGALRM: 'Alarm clock', SIGTERM: 'Terminated', SIGCHLD: 'Child exited', SIGCONT: 'Continued',
  SIGSTOP: 'Stopped (signal)', SIGTSTP: 'Stopped', SIGTTIN: 'Stopped (tty input)',
  SIGTTOU: 'Stopped (tty output)', SIGWINCH: 'Window changed', SIGSTKFLT: 'Stack fault',
  SIGURG: 'Urgent I/O condition', SIGXCPU: 'CPU time limit exceeded', SIGXFSZ: 'File size limit exceeded',
  SIGVTALRM: 'Virtual timer expired', SIGPROF: 'Profiling timer expired', SIGIO: 'I/O possible',
  SIGPWR: 'Power failure', SIGSYS: 'Bad system call',
};

// Linux x86-64 signal numbers, their names and default actions, and the wait-status encoding
// (a process killed by signal N reports status N; a shell shows 128+N).

export const SIG = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
  SIGPWR: 30, SIGSYS: 31,
} as const;

export type SignalName = keyof typeof SIG;
export const NSIG = 64;

const NAMES = new Map<number, SignalName>(Object.entries(SIG).map(([k, v]) => [v, k as SignalName]));

export function signalName(n: number): string {
  return NAMES.get(n) ?? (n >= 34 && n <= 64 ? `SIGRT${n - 34}` : `SIG${n}`);
}

export function signalNumber(name: string): number | undefined {
  const upper = name.toUpperCase();
  const full = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  if (full in SIG) return SIG[full as SignalName];
  const n = Number(name);
  return Number.isInteger(n) && n >= 0 && n <= NSIG ? n : undefined;
}

export type DefaultAction = 'term' | 'core' | 'ign' | 'stop' | 'cont';

export function defaultAction(sig: number): DefaultAction {
  switch (sig) {
    case SIG.SIGCHLD: case SIG.SIGURG: case SIG.SIGWINCH: return 'ign';
    case SIG.SIGCONT: return 'cont';
    case SIG.SIGSTOP: case SIG.SIGTSTP: case SIG.SIGTTIN: case SIG.SIGTTOU: return 'stop';
    case SIG.SIGQUIT: case SIG.SIGILL: case SIG.SIGTRAP: case SIG.SIGABRT: case SIG.SIGBUS:
    case SIG.SIGFPE: case SIG.SIGSEGV: case SIG.SIGXCPU: case SIG.SIGXFSZ: case SIG.SIGSYS: return 'core';
    default: return 'term';
  }
}

// wait(2) status words, as <sys/wait.h> encodes them.
export const exitedStatus = (code: number): number => (code & 0xff) << 8;
export const signaledStatus = (sig: number, core = false): number => (sig & 0x7f) | (core ? 0x80 : 0);
export const stoppedStatus = (sig: number): number => ((sig & 0xff) << 8) | 0x7f;
export const CONTINUED_STATUS = 0xffff;

export const WIFEXITED = (s: number): boolean => (s & 0x7f) === 0;
export const WEXITSTATUS = (s: number): number => (s >> 8) & 0xff;
export const WIFSIGNALED = (s: number): boolean => (s & 0x7f) !== 0 && (s & 0x7f) !== 0x7f;
export const WTERMSIG = (s: number): number => s & 0x7f;
export const WIFSTOPPED = (s: number): boolean => (s & 0xff) === 0x7f;
export const WSTOPSIG = (s: number): number => (s >> 8) & 0xff;

/** The number a shell puts in $? for a wait status. */
export function shellStatus(s: number): number {
  return WIFSIGNALED(s) ? 128 + WTERMSIG(s) : WIFSTOPPED(s) ? 128 + WSTOPSIG(s) : WEXITSTATUS(s);
}

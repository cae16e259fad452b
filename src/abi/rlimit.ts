// Resource limits (getrlimit(2)): Linux's resource numbers, and a limit as the calls pass it,
// with Infinity for RLIM_INFINITY ("unlimited").

export const RLIMIT = {
  CPU: 0, FSIZE: 1, DATA: 2, STACK: 3, CORE: 4, RSS: 5, NPROC: 6, NOFILE: 7, MEMLOCK: 8, AS: 9,
  LOCKS: 10, SIGPENDING: 11, MSGQUEUE: 12, NICE: 13, RTPRIO: 14, RTTIME: 15,
} as const;
export const RLIM_NLIMITS = 16;

export interface Rlimit {
  soft: number;
  hard: number;
}

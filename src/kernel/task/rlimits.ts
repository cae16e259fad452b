// A process's resource limits: where they start (the values /proc/PID/limits showed before they
// could change: the fd table's 1024, the process and signal limits from the machine's memory), and
// the rules setrlimit/prlimit apply. Most processes never change theirs, so they share one table.

import { SysError } from '../../abi/errno.ts';
import { RLIMIT, RLIM_NLIMITS, type Rlimit } from '../../abi/rlimit.ts';
import { NPROC_LIMIT, SIGPENDING_LIMIT } from '../fs/procfs/machine.ts';
import { RLIMIT_NOFILE } from './fd-table.ts';

/** fs.nr_open: the most open files a hard limit may allow. */
export const NR_OPEN = 1048576;

const defaults: Rlimit[] = Array.from({ length: RLIM_NLIMITS }, () => ({ soft: Infinity, hard: Infinity }));
defaults[RLIMIT.STACK] = { soft: 8388608, hard: Infinity };
defaults[RLIMIT.CORE] = { soft: 0, hard: Infinity };
defaults[RLIMIT.NPROC] = { soft: NPROC_LIMIT, hard: NPROC_LIMIT };
defaults[RLIMIT.NOFILE] = { soft: RLIMIT_NOFILE, hard: RLIMIT_NOFILE };
defaults[RLIMIT.MEMLOCK] = { soft: 8388608, hard: 8388608 };
defaults[RLIMIT.SIGPENDING] = { soft: SIGPENDING_LIMIT, hard: SIGPENDING_LIMIT };
defaults[RLIMIT.MSGQUEUE] = { soft: 819200, hard: 819200 };
defaults[RLIMIT.NICE] = { soft: 0, hard: 0 };
defaults[RLIMIT.RTPRIO] = { soft: 0, hard: 0 };

export const DEFAULT_RLIMITS: readonly Rlimit[] = Object.freeze(defaults.map((l) => Object.freeze(l)));

/**
 * The table after setting `resource` to `limit` (setrlimit's checks: EINVAL for soft above hard,
 * EPERM for a raised hard limit without privilege or open files past nr_open).
 */
export function withLimit(table: readonly Rlimit[], resource: number, limit: Rlimit, privileged: boolean): readonly Rlimit[] {
  if (!Number.isInteger(resource) || resource < 0 || resource >= RLIM_NLIMITS) throw new SysError('EINVAL');
  const { soft, hard } = limit;
  if (!(soft >= 0) || !(hard >= 0) || soft > hard) throw new SysError('EINVAL');
  if (hard > table[resource]!.hard && !privileged) throw new SysError('EPERM');
  if (resource === RLIMIT.NOFILE && hard > NR_OPEN) throw new SysError('EPERM');
  const next = table.slice();
  next[resource] = Object.freeze({ soft, hard });
  return Object.freeze(next);
}

// /proc/PID/limits: the resource limits table, in the columns Linux prints ("%-25s %-20s %-20s
// %-10s"; recorded in pidns-sleep-limits.txt). The values are this kernel's: the fd table holds
// 1024 descriptors, and the process and signal limits follow from the machine's memory.

import { RLIMIT_NOFILE } from '../../task/fd-table.ts';
import { leftAlign } from './format.ts';
import { NPROC_LIMIT, SIGPENDING_LIMIT } from './machine.ts';

type Limit = [name: string, soft: number | null, hard: number | null, unit: string];

/** null is RLIM_INFINITY, printed "unlimited". */
const LIMITS: Limit[] = [
  ['Max cpu time', null, null, 'seconds'],
  ['Max file size', null, null, 'bytes'],
  ['Max data size', null, null, 'bytes'],
  ['Max stack size', 8388608, null, 'bytes'],
  ['Max core file size', 0, null, 'bytes'],
  ['Max resident set', null, null, 'bytes'],
  ['Max processes', NPROC_LIMIT, NPROC_LIMIT, 'processes'],
  ['Max open files', RLIMIT_NOFILE, RLIMIT_NOFILE, 'files'],
  ['Max locked memory', 8388608, 8388608, 'bytes'],
  ['Max address space', null, null, 'bytes'],
  ['Max file locks', null, null, 'locks'],
  ['Max pending signals', SIGPENDING_LIMIT, SIGPENDING_LIMIT, 'signals'],
  ['Max msgqueue size', 819200, 819200, 'bytes'],
  ['Max nice priority', 0, 0, ''],
  ['Max realtime priority', 0, 0, ''],
  ['Max realtime timeout', null, null, 'us'],
];

export function limitsText(): string {
  let out = 'Limit                     Soft Limit           Hard Limit           Units     \n';
  for (const [name, soft, hard, unit] of LIMITS) {
    const v = (x: number | null): string => leftAlign(x === null ? 'unlimited' : x, 20);
    out += `${leftAlign(name, 25)} ${v(soft)} ${v(hard)} ${unit ? leftAlign(unit, 10) : ''}\n`;
  }
  return out;
}

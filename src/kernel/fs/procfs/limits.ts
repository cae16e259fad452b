// /proc/PID/limits: the process's resource limits (task/rlimits.ts), in the columns Linux prints
// ("%-25s %-20s %-20s %-10s"; recorded in pidns-sleep-limits.txt), by RLIMIT_* number.

import type { Task } from '../../task/task.ts';
import { leftAlign } from './format.ts';

const ROWS: Array<[name: string, unit: string]> = [
  ['Max cpu time', 'seconds'], ['Max file size', 'bytes'], ['Max data size', 'bytes'], ['Max stack size', 'bytes'],
  ['Max core file size', 'bytes'], ['Max resident set', 'bytes'], ['Max processes', 'processes'], ['Max open files', 'files'],
  ['Max locked memory', 'bytes'], ['Max address space', 'bytes'], ['Max file locks', 'locks'], ['Max pending signals', 'signals'],
  ['Max msgqueue size', 'bytes'], ['Max nice priority', ''], ['Max realtime priority', ''], ['Max realtime timeout', 'us'],
];

export function limitsText(task: Task): string {
  let out = 'Limit                     Soft Limit           Hard Limit           Units     \n';
  ROWS.forEach(([name, unit], i) => {
    const { soft, hard } = task.rlimits[i]!;
    const v = (x: number): string => leftAlign(x === Infinity ? 'unlimited' : x, 20);
    out += `${leftAlign(name, 25)} ${v(soft)} ${v(hard)} ${unit ? leftAlign(unit, 10) : ''}\n`;
  });
  return out;
}

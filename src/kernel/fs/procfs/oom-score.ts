// /proc/PID/oom_score_adj, oom_adj and oom_score. The adjustment is kept per process; without
// CAP_SYS_RESOURCE (root here) a process cannot go below the lowest value it was given, and
// values outside -1000..1000 or not numbers are EINVAL (all measured on Linux 6.18). oom_score
// is the kernel's badness scaled to 0..1000 and reported as two thirds of it, as 6.x does.

import { SysError } from '../../../abi/errno.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { Task } from '../../task/task.ts';
import { MEM_TOTAL_KB } from './machine.ts';
import { PAGE_KB, memoryOf } from './task-memory.ts';

interface OomState {
  adj: number;
  /** The floor an unprivileged write may not go under. */
  min: number;
}

const states = new WeakMap<Task, OomState>();

function stateOf(task: Task): OomState {
  let s = states.get(task);
  if (!s) states.set(task, (s = { adj: 0, min: 0 }));
  return s;
}

export function oomScoreAdjText(task: Task): string {
  return `${stateOf(task).adj}\n`;
}

/** The legacy -17..15 scale. */
export function oomAdjText(task: Task): string {
  const adj = stateOf(task).adj;
  if (adj === 1000) return '15\n';
  return `${Math.trunc((adj * 17) / 1000)}\n`;
}

export function oomScoreText(task: Task): string {
  const totalPages = MEM_TOTAL_KB / PAGE_KB;
  const m = memoryOf(task);
  const badness = m.vmRSS / PAGE_KB + m.vmPTE / PAGE_KB + (stateOf(task).adj * totalPages) / 1000;
  const points = Math.max(0, 1000 + Math.floor((badness * 1000) / totalPages));
  return `${Math.floor((points * 2) / 3)}\n`;
}

export function writeOomScoreAdj(task: Task, writer: Task | null, data: Uint8Array): number {
  const text = utf8Decode(data).trim();
  if (!/^-?\d+$/.test(text)) throw new SysError('EINVAL');
  const value = Number(text);
  if (value < -1000 || value > 1000) throw new SysError('EINVAL');
  const s = stateOf(task);
  const privileged = writer === null || writer.cred.euid === 0;
  if (value < s.min && !privileged) throw new SysError('EACCES');
  s.adj = value;
  if (privileged) s.min = value;
  return data.length;
}

// /proc/PID/stat (one line of 52 space-separated fields, `pid (comm) state ppid pgrp session ...`)
// and /proc/PID/statm (seven page counts), laid out as Linux 6.18 prints them (recorded in
// test/conformance/procfs/recordings/pidns-sleep-stat.txt and pidns-zombie-stat.txt). Times are
// clock ticks (USER_HZ 100); a zombie's memory and addresses read 0 and its exit code is last.

import type { Task } from '../../task/task.ts';
import { sigmaskDecimal, ticks } from './format.ts';
import { terminalsOf } from '../../tty/terminals.ts';
import { NR_CPUS } from './machine.ts';
import { PAGE_KB, memoryOf } from './task-memory.ts';
import { dispositions } from './task-status.ts';
import { type TaskView, isZombie } from './task-view.ts';
import { RLIMIT } from '../../../abi/rlimit.ts';

/** RLIM_INFINITY as the unsigned long /proc prints. */
const RLIM_INFINITY = '18446744073709551615';
/** PF_RANDOMIZE: every process runs with address space randomisation. */
const PF_RANDOMIZE = 0x400000;
/** What an exited task adds: PF_EXITING, PF_POSTCOREDUMP-era bits and PF_SIGNALED if killed. */
const PF_EXITED = 0x800c;
const PF_SIGNALED = 0x400;
/** exit_signal: the parent is told with SIGCHLD. */
const EXIT_SIGNAL = 17;

/** Where a process's segments lie: randomised per process, stable for its life. */
function layout(pid: number): { code: bigint; stack: bigint } {
  const r = BigInt((Math.imul(pid, 2654435761) >>> 0) & 0xffffff);
  return { code: 0x555555554000n + r * 0x1000n, stack: 0x7ffc00000000n + r * 0x10000n };
}

export function statText(view: TaskView, task: Task): string {
  const zombie = isZombie(task);
  const nr = view.nr(task);
  const m = zombie ? null : memoryOf(task);
  const { ignored, caught } = dispositions(task);
  const bootNs = view.kernel.bootNs;
  const a = layout(task.pid);
  const addr = (v: bigint): string => (zombie ? '0' : v.toString());
  const tty = zombie ? null : (terminalsOf(view.kernel)?.ttyOf(task) ?? null);
  let flags = PF_RANDOMIZE;
  if (zombie) flags |= PF_EXITED | ((task.exitStatus & 0x7f) !== 0 ? PF_SIGNALED : 0);
  const fields: Array<string | number> = [
    nr, `(${task.comm})`, task.state, view.ppid(task), view.pgrp(task), view.session(task),
    tty?.nr ?? 0, // tty_nr
    tty?.tpgid ?? -1,
    flags,
    m ? 30 + Math.floor(m.rssAnon / PAGE_KB) : 30, // minflt
    0, 0, 0, // cminflt majflt cmajflt
    ticks(task.utimeNs), ticks(task.stimeNs),
    0, 0, // cutime cstime
    20 + task.nice, task.nice, 1, 0, // priority nice num_threads itrealvalue
    ticks(task.startNs - bootNs),
    m ? m.vmSize * 1024 : 0,
    m ? m.vmRSS / PAGE_KB : 0,
    task.rlimits[RLIMIT.RSS]!.soft === Infinity ? RLIM_INFINITY : task.rlimits[RLIMIT.RSS]!.soft, // rsslim
    addr(a.code), addr(a.code + 0x4609n), addr(a.stack + 0xe4b0n),
    0, 0, // kstkesp kstkeip
    // Thread-private pending signals: signals here are sent to the process (status ShdPnd).
    0,
    sigmaskDecimal(task.blocked), sigmaskDecimal(ignored), sigmaskDecimal(caught),
    task.state === 'R' ? 0 : 1, // wchan: 1 while waiting in the kernel
    0, 0, EXIT_SIGNAL,
    task.pid % NR_CPUS, // processor it last ran on
    0, 0, 0, 0, 0, // rt_priority policy delayacct_blkio_ticks guest_time cguest_time
    addr(a.code + 0x8010n), addr(a.code + 0x8500n), addr(a.code + 0x1c000n),
    addr(a.stack + 0xfdc5n), addr(a.stack + 0xfdcfn), addr(a.stack + 0xfdcfn), addr(a.stack + 0xffe9n),
    zombie ? task.exitStatus : 0,
  ];
  return fields.join(' ') + '\n';
}

export function statmText(task: Task): string {
  if (isZombie(task)) return '0 0 0 0 0 0 0\n';
  const m = memoryOf(task);
  const pages = (kb: number): number => Math.floor(kb / PAGE_KB);
  return [pages(m.vmSize), pages(m.vmRSS), pages(m.rssFile + m.rssShmem), pages(m.vmExe), 0, pages(m.vmData + m.vmStk), 0].join(' ') + '\n';
}

// /proc/PID/status: "Key:<TAB>value" lines in the order Linux 6.18 prints them (recorded in
// test/conformance/procfs/recordings/pidns-sleep-status.txt). A zombie has no Umask line and no
// memory block, and FDSize 0, as recorded. Ids are shown in the reader's user namespace.

import type { Task } from '../../task/task.ts';
import { kB, sigmask } from './format.ts';
import { SIGPENDING_LIMIT } from './machine.ts';
import { memoryOf } from './task-memory.ts';
import { type TaskView, idIn, isZombie } from './task-view.ts';

const STATE_NAMES: Record<Task['state'], string> = {
  R: 'R (running)', S: 'S (sleeping)', T: 'T (stopped)', Z: 'Z (zombie)', X: 'X (dead)',
};

/** All 41 capabilities of Linux 6.x (CAP_LAST_CAP 40), as root holds them. (The recording machine lacks CAP_SYS_RESOURCE: 000001fffeffffff.) */
export const FULL_CAPS = '000001ffffffffff';
const NO_CAPS = '0000000000000000';
/** The Mems_allowed bitmap of a one-node machine: 32 words, node 0 set. */
const MEMS_ALLOWED = `${'00000000,'.repeat(31)}00000001`;

/** FDSize: the fd table's capacity, 64 slots and doubling as higher descriptors are used. */
export function fdTableSize(task: Task): number {
  const top = Math.max(-1, ...task.fds.list());
  let size = 64;
  while (size <= top) size *= 2;
  return size;
}

/** The signals a task ignores and catches, as SigIgn and SigCgt report them. */
export function dispositions(task: Task): { ignored: number[]; caught: number[] } {
  const ignored: number[] = [];
  const caught: number[] = [];
  for (const [sig, d] of task.handlers) {
    if (d === 'ignore') ignored.push(sig);
    else if (typeof d === 'function') caught.push(sig);
  }
  return { ignored, caught };
}

export function statusText(view: TaskView, task: Task, reader: Task | null): string {
  const zombie = isZombie(task);
  const userNs = reader?.ns.user ?? task.ns.user;
  const uid = (id: number): number => idIn(userNs, id, 'uid');
  const gid = (id: number): number => idIn(userNs, id, 'gid');
  const c = task.cred;
  const nr = view.nr(task);
  const { ignored, caught } = dispositions(task);
  const caps = c.euid === 0 ? FULL_CAPS : NO_CAPS;
  const lines: string[] = [`Name:\t${task.comm}`];
  if (!zombie) lines.push(`Umask:\t${task.fs.umask.toString(8).padStart(4, '0')}`);
  lines.push(
    `State:\t${STATE_NAMES[task.state]}`,
    `Tgid:\t${nr}`,
    'Ngid:\t0',
    `Pid:\t${nr}`,
    `PPid:\t${view.ppid(task)}`,
    'TracerPid:\t0',
    `Uid:\t${uid(c.uid)}\t${uid(c.euid)}\t${uid(c.suid)}\t${uid(c.euid)}`,
    `Gid:\t${gid(c.gid)}\t${gid(c.egid)}\t${gid(c.sgid)}\t${gid(c.egid)}`,
    `FDSize:\t${zombie ? 0 : fdTableSize(task)}`,
    // Each group is followed by a space, so an empty list leaves "Groups:\t ".
    `Groups:\t${c.groups.map((g) => gid(g)).join(' ')} `,
    `NStgid:\t${view.nsNumbers(task, task)}`,
    `NSpid:\t${view.nsNumbers(task, task)}`,
    `NSpgid:\t${view.nsNumbers(task, view.leader(task.pgid))}`,
    `NSsid:\t${view.nsNumbers(task, view.leader(task.sid))}`,
    'Kthread:\t0',
  );
  if (!zombie) {
    const m = memoryOf(task);
    lines.push(
      `VmPeak:\t${kB(m.vmPeak)}`, `VmSize:\t${kB(m.vmSize)}`, `VmLck:\t${kB(0)}`, `VmPin:\t${kB(0)}`,
      `VmHWM:\t${kB(m.vmHWM)}`, `VmRSS:\t${kB(m.vmRSS)}`, `RssAnon:\t${kB(m.rssAnon)}`, `RssFile:\t${kB(m.rssFile)}`,
      `RssShmem:\t${kB(m.rssShmem)}`, `VmData:\t${kB(m.vmData)}`, `VmStk:\t${kB(m.vmStk)}`, `VmExe:\t${kB(m.vmExe)}`,
      `VmLib:\t${kB(m.vmLib)}`, `VmPTE:\t${kB(m.vmPTE)}`, `VmSwap:\t${kB(0)}`, `HugetlbPages:\t${kB(0)}`,
      'CoreDumping:\t0', 'THP_enabled:\t1', 'untag_mask:\t0xffffffffffffffff',
    );
  }
  lines.push(
    'Threads:\t1',
    `SigQ:\t${task.pending.size}/${SIGPENDING_LIMIT}`,
    // Signals sent to a process are shared pending (ShdPnd); none are sent to a thread alone.
    `SigPnd:\t${sigmask([])}`,
    `ShdPnd:\t${sigmask(task.pending)}`,
    `SigBlk:\t${sigmask(task.blocked)}`,
    `SigIgn:\t${sigmask(ignored)}`,
    `SigCgt:\t${sigmask(caught)}`,
    `CapInh:\t${NO_CAPS}`,
    `CapPrm:\t${caps}`,
    `CapEff:\t${caps}`,
    `CapBnd:\t${FULL_CAPS}`,
    `CapAmb:\t${NO_CAPS}`,
    'NoNewPrivs:\t0',
    'Seccomp:\t0',
    'Seccomp_filters:\t0',
    'Speculation_Store_Bypass:\tvulnerable',
    'SpeculationIndirectBranch:\talways enabled',
    'Cpus_allowed:\t3',
    'Cpus_allowed_list:\t0-1',
    `Mems_allowed:\t${MEMS_ALLOWED}`,
    'Mems_allowed_list:\t0',
    `voluntary_ctxt_switches:\t${contextSwitches(task).voluntary}`,
    `nonvoluntary_ctxt_switches:\t${contextSwitches(task).involuntary}`,
  );
  return lines.join('\n') + '\n';
}

/**
 * Context switches are not counted by this kernel; a process that has run and slept has at
 * least switched once each way, and CPU time gives a plausible count beyond that.
 */
export function contextSwitches(task: Task): { voluntary: number; involuntary: number } {
  const ms = Number((task.utimeNs + task.stimeNs) / 1_000_000n);
  return { voluntary: 1 + Math.floor(ms / 4), involuntary: 1 + Math.floor(ms / 40) };
}

// A process's memory as /proc reports it (status Vm* lines, statm, stat's vsize and rss). Programs
// here are JavaScript functions without an address space, so each gets the footprint of a small
// real program (measured: a `sleep` on Linux 6.18, glibc) plus what it says it holds
// (task.memoryBytes, the figure charged to its memory cgroup), which counts as anonymous memory.
// Peak and high-water mark only ever grow, remembered per task.

import type { Task } from '../../task/task.ts';

export const PAGE_KB = 4;

/** Kilobytes of a real small program's mappings, keyed by the part that varies by program. */
interface Footprint {
  /** Text of the executable. */
  exe: number;
  /** Shared libraries mapped (libc, ld.so). */
  lib: number;
  /** Resident file-backed pages. */
  rssFile: number;
  /** Resident anonymous pages before the program allocates anything. */
  rssAnon: number;
  /** Data + bss + heap. */
  data: number;
  /** Page tables. */
  pte: number;
}

/** Measured footprints (VmExe, VmLib, RssFile, RssAnon, VmData, VmPTE) of a few real programs. */
const FOOTPRINTS: Record<string, Footprint> = {
  sleep: { exe: 20, lib: 1528, rssFile: 1336, rssAnon: 100, data: 224, pte: 40 },
  sh: { exe: 84, lib: 1528, rssFile: 1236, rssAnon: 88, data: 228, pte: 44 },
  bash: { exe: 888, lib: 1740, rssFile: 3024, rssAnon: 540, data: 1196, pte: 52 },
};
const DEFAULT_FOOTPRINT = FOOTPRINTS.sleep!;
/** Stack of a fresh process (VmStk), and what the address space holds besides the named parts. */
const STACK_KB = 132;
const OTHER_VM_KB = 596;

export interface MemoryFigures {
  vmPeak: number;
  vmSize: number;
  vmHWM: number;
  vmRSS: number;
  rssAnon: number;
  rssFile: number;
  rssShmem: number;
  vmData: number;
  vmStk: number;
  vmExe: number;
  vmLib: number;
  vmPTE: number;
}

const highWater = new WeakMap<Task, { peak: number; hwm: number }>();

function footprintOf(task: Task): Footprint {
  const name = task.exe ? task.exe.slice(task.exe.lastIndexOf('/') + 1) : task.comm;
  return FOOTPRINTS[name] ?? (name === 'dash' || name === 'ash' ? FOOTPRINTS.sh! : DEFAULT_FOOTPRINT);
}

/** Whole pages of what the program holds, in kB. */
function heldKB(task: Task): number {
  return Math.ceil(Math.max(0, task.memoryBytes) / 4096) * PAGE_KB;
}

export function memoryOf(task: Task): MemoryFigures {
  const f = footprintOf(task);
  const held = heldKB(task);
  const rssAnon = f.rssAnon + held;
  const vmRSS = rssAnon + f.rssFile;
  const vmData = f.data + held;
  const vmSize = f.exe + f.lib + vmData + STACK_KB + OTHER_VM_KB;
  const seen = highWater.get(task) ?? { peak: 0, hwm: 0 };
  seen.peak = Math.max(seen.peak, vmSize);
  seen.hwm = Math.max(seen.hwm, vmRSS);
  highWater.set(task, seen);
  return {
    vmPeak: seen.peak, vmSize, vmHWM: seen.hwm, vmRSS, rssAnon, rssFile: f.rssFile, rssShmem: 0,
    vmData, vmStk: STACK_KB, vmExe: f.exe, vmLib: f.lib, vmPTE: f.pte + Math.floor(held / 2048) * PAGE_KB,
  };
}

// The kernel's event bus vocabulary: one typed union of everything the kernel reports as it
// happens. Panels in the page animate these; nothing learns of them by parsing terminal text.
// Paths are relative to the root of the filesystem that emitted them ("/etc/motd").

import { Emitter } from '../base/emitter.ts';

export interface CopyUpEvent {
  type: 'fs.copy-up';
  /** The overlay's device number (its st_dev), so a panel can tell two containers apart. */
  overlay: number;
  path: string;
  /** 'file' | 'dir' | 'symlink' ... of the object copied. */
  fileType: string;
  /** The layer the object came from (its lowerdir as given at mount) and the upperdir. */
  from: string;
  to: string;
  /** Logical bytes the upper layer is charged (the whole file, as on Linux). */
  bytes: number;
  /** Why: "open for write", "chmod", "link", ... */
  reason: string;
}

export interface WhiteoutEvent {
  type: 'fs.whiteout';
  overlay: number;
  path: string;
  /** The lower layer whose object the whiteout now hides. */
  hides: string;
  to: string;
}

export interface OpaqueEvent {
  type: 'fs.opaque';
  overlay: number;
  path: string;
  to: string;
}

export interface MountEvent {
  type: 'mount.add' | 'mount.remove';
  mountId: number;
  fsType: string;
  source: string;
  target: string;
  options: string;
}

export type FsEvent = CopyUpEvent | WhiteoutEvent | OpaqueEvent | MountEvent;

export interface ProcSpawnEvent {
  type: 'proc.spawn';
  pid: number;
  ppid: number;
  comm: string;
  /** clone(2) flags: which namespaces the child got of its own. */
  flags: number;
}

export interface ProcExecEvent {
  type: 'proc.exec';
  pid: number;
  path: string;
  argv: string[];
}

export interface ProcExitEvent {
  type: 'proc.exit';
  pid: number;
  /** wait(2) status. */
  status: number;
  comm: string;
}

/** One system call, when tracing is on (strace reads these). */
export interface SyscallEvent {
  type: 'sys.call';
  pid: number;
  name: string;
  args: unknown[];
  result: unknown;
}

/** A process made a namespace of its own (clone or unshare with CLONE_NEW*). */
export interface NsCreateEvent {
  type: 'ns.create';
  pid: number;
  /** "uts", "pid", "mnt"... as /proc/PID/ns names them. */
  nsType: string;
  /** Its inode number, as /proc/PID/ns/TYPE shows it: "uts:[4026532177]". */
  ino: number;
}

export type ProcEvent = ProcSpawnEvent | ProcExecEvent | ProcExitEvent | SyscallEvent | NsCreateEvent;

/**
 * A cgroup's usage changed: memory charged or freed, a task forked or reaped, CPU time used.
 * Frequent; panels batch them. Paths are from the cgroup hierarchy root ("/docker/abc").
 */
export interface CgroupChargeEvent {
  type: 'cgroup.charge';
  cgroup: string;
  controller: 'memory' | 'pids' | 'cpu';
  /** Bytes (memory), tasks (pids) or µs of CPU time (cpu); negative when given back. */
  delta: number;
  /** Usage afterwards, this cgroup and below: memory.current, pids.current, usage_usec. */
  usage: number;
  /** The cgroup's own limit: memory.max in bytes, pids.max, cpu.max quota in µs; null for max. */
  limit: number | null;
  /** cpu only: how long the charge throttles the task (µs). */
  throttledUs?: number;
}

/** The memory controller's OOM killer ran in `cgroup` (the one over memory.max). */
export interface CgroupOomEvent {
  type: 'cgroup.oom';
  cgroup: string;
  /** Processes killed (kernel-wide pids); empty when there was nothing left to kill. */
  killed: number[];
}

/** fork/clone failed with EAGAIN because pids.max of `limitedBy` (or an ancestor) was reached. */
export interface CgroupForkRefusedEvent {
  type: 'cgroup.fork-refused';
  /** Where the fork was attempted. */
  cgroup: string;
  limitedBy: string;
  max: number;
}

export type CgroupEvent = CgroupChargeEvent | CgroupOomEvent | CgroupForkRefusedEvent;

export type KernelEvent = FsEvent | ProcEvent | CgroupEvent;

/** Where kernel parts send events; the kernel owns one and hands `emit` around. */
export class EventBus {
  private readonly emitter = new Emitter<KernelEvent>();
  readonly onEvent = this.emitter.event;
  emit = (e: KernelEvent): void => {
    if (this.emitter.hasListeners) this.emitter.fire(e);
  };
}

export type EmitFn = (e: KernelEvent) => void;

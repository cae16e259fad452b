// The kernel's event bus vocabulary: one typed union of everything the kernel reports as it
// happens. Panels in the page animate these; nothing learns of them by parsing terminal text.
// Paths are relative to the root of the filesystem that emitted them ("/etc/motd").

import { Emitter } from '../base/emitter.ts';

export interface CopyUpEvent {
  type: 'fs.copy-up';
  /** The overlay's mount id, so a panel can tell two containers apart. */
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
  type: 'fs.mount' | 'fs.umount';
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

export type ProcEvent = ProcSpawnEvent | ProcExecEvent | ProcExitEvent | SyscallEvent;

export type KernelEvent = FsEvent | ProcEvent;

/** Where kernel parts send events; the kernel owns one and hands `emit` around. */
export class EventBus {
  private readonly emitter = new Emitter<KernelEvent>();
  readonly onEvent = this.emitter.event;
  emit = (e: KernelEvent): void => {
    if (this.emitter.hasListeners) this.emitter.fire(e);
  };
}

export type EmitFn = (e: KernelEvent) => void;

// The worker boundary: what the page may ask of the kernel worker. Coarse on purpose: boot, open
// a terminal session (its bytes travel on a transferred MessagePort), resize it, subscribe to
// event topics (delivered in batches on another port), read the storage figures, reset. The page
// never holds kernel objects and never learns what happened by parsing terminal text.

import type * as abi from '../abi/snapshot.ts';

/** The part of a MessagePort this protocol relies on (protocol code names no DOM types). */
export interface PortLike {
  postMessage(message: unknown, transfer?: unknown[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start?(): void;
  close(): void;
}

export interface PingReply {
  reply: 'pong';
  uptimeMs: number;
}

export interface BootOptions {
  /** Keep the disk in IndexedDB (the page) or in memory only (tests, throwaway embeds). */
  persist: boolean;
  /** Separates machines that share an origin: each name is its own disk. */
  machine?: string;
  hostname?: string;
}

export interface BootInfo {
  hostname: string;
  /** True on the first boot of this disk. */
  fresh: boolean;
  storage: 'indexeddb' | 'memory';
  bootMs: number;
}

export interface SessionOptions {
  cols: number;
  rows: number;
  /** What runs on the terminal; a login shell when absent. */
  command?: string[];
}

export interface SessionInfo {
  id: number;
  /** "/dev/pts/0" */
  tty: string;
}

/** Messages on a session port. Bytes are UTF-8 (the terminal's encoding). */
export type SessionMessage =
  | { type: 'input'; data: Uint8Array }
  | { type: 'output'; data: Uint8Array }
  | { type: 'exit'; status: number };

export interface StorageInfo {
  /** Bytes the disk uses (navigator.storage.estimate's usage for this origin). */
  usage: number;
  quota: number;
  /** The last write to the disk that failed ("ENOSPC: ..." when the quota is full), if the
   * disk has not written successfully since. */
  writeError?: string;
}

/**
 * A kernel event as it crosses the boundary: `type` is its dotted topic ("fs.copy-up",
 * "proc.exit", "cgroup.oom"); the other fields are those of src/kernel/events.ts.
 */
export interface WireEvent {
  type: string;
  [field: string]: unknown;
}

/** Event batches on a subscription port: every kernel event of the topics asked for, in order. */
export interface EventBatch {
  type: 'events';
  events: WireEvent[];
}

/** One process as the Processes panel draws it: the kernel's picture plus its user's name. */
export interface ProcessSnapshot extends abi.ProcessSnapshot {
  /** Its user's name from the host's /etc/passwd, or the number. */
  user: string;
}

export type CgroupSnapshot = abi.CgroupSnapshot;
export type LayerEntry = abi.LayerEntry;

export interface OverlaySnapshot extends abi.OverlaySnapshot {
  /** What the overlay is, when the worker can tell ("container box (alpine)"). */
  about?: string;
}

export interface KernelSnapshot {
  processes: ProcessSnapshot[];
  cgroups: CgroupSnapshot[];
  overlays: OverlaySnapshot[];
}

export interface LayerSnapshot extends abi.LayerSnapshot {
  /** The directory a symlinked label (docker's overlay2/l/ links) leads to. */
  resolved?: string;
  /** What the layer is, when the worker can tell ("image layer 1 · sha256:…", "writable layer of container box"). */
  about?: string;
}

export type MountCover = abi.MountCover;

export interface OverlayLayers {
  mountId: number;
  layers: LayerSnapshot[];
  /** The mounts over the overlay's tree (volumes, /etc/hostname's bind, /proc), parents first. */
  covers?: MountCover[];
}

export interface KernelApi {
  ping(): Promise<PingReply>;
  boot(opts: BootOptions): Promise<BootInfo>;
  openSession(port: PortLike, opts: SessionOptions): Promise<SessionInfo>;
  resize(session: number, cols: number, rows: number): Promise<void>;
  /** Close the terminal's master side: the session hangs up (its leader gets SIGHUP). */
  closeSession(session: number): Promise<void>;
  /** Topics are event type prefixes: "fs." for copy-ups and whiteouts, "proc." for processes. */
  subscribe(port: PortLike, topics: string[]): Promise<void>;
  storage(): Promise<StorageInfo>;
  /** Processes, cgroups and overlay mounts as they are now (cheap: the panels poll it). */
  snapshot(): Promise<KernelSnapshot>;
  /** The layers of one overlay mount with their files, upper first; null when it is gone. */
  overlayLayers(mountId: number): Promise<OverlayLayers | null>;
  /** Stop the machine and wipe its disk; the page then starts a new worker and boots afresh. */
  reset(): Promise<void>;
}

// The worker boundary: what the page may ask of the kernel worker. Coarse on purpose: boot, open
// a terminal session (its bytes travel on a transferred MessagePort), resize it, subscribe to
// event topics (delivered in batches on another port), read the storage figures, reset. The page
// never holds kernel objects and never learns what happened by parsing terminal text.

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
}

/** Event batches on a subscription port: every kernel event of the topics asked for, in order. */
export interface EventBatch {
  type: 'events';
  events: unknown[];
}

export interface KernelApi {
  ping(): Promise<PingReply>;
  boot(opts: BootOptions): Promise<BootInfo>;
  openSession(port: PortLike, opts: SessionOptions): Promise<SessionInfo>;
  resize(session: number, cols: number, rows: number): Promise<void>;
  /** Topics are event type prefixes: "fs." for copy-ups and whiteouts, "proc." for processes. */
  subscribe(port: PortLike, topics: string[]): Promise<void>;
  storage(): Promise<StorageInfo>;
  /** Stop the machine and wipe its disk; the page then starts a new worker and boots afresh. */
  reset(): Promise<void>;
}

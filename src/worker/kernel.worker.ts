// The kernel's Web Worker: boots a machine (its disk in IndexedDB, or in memory) and serves the
// page the coarse KernelApi over comlink. Terminal bytes travel on transferred MessagePorts, and
// kernel events go out in batches on ports the page subscribes with. A Web Lock keeps two tabs
// from running the same disk at once: the second one waits for the first to let go.

import { expose } from 'comlink';
import type { BootInfo, BootOptions, KernelApi, PingReply, SessionInfo, SessionMessage, SessionOptions, StorageInfo } from '../protocol/kernel-api.ts';
import { bootMachine, type Machine } from '../boot/machine.ts';
import { startSession, type Session } from '../boot/session.ts';
import { MemoryStore } from '../kernel/fs/storage/memory-store.ts';
import type { Store } from '../kernel/fs/storage/store.ts';
import type { KernelEvent } from '../kernel/events.ts';
import type { KernelHost } from '../kernel/kernel.ts';
import { IdbStore } from '../host/idb/idb-store.ts';
import { loadProgram } from '../programs/registry.ts';

const startedAt = performance.now();

/** A macrotask without setTimeout's 4 ms clamp: a message to ourselves. */
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const host: KernelHost = {
  nowMs: () => performance.now(),
  macrotask: () => new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  }),
  setTimer: (ms, fn) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

/** How often subscribed events are flushed to the page. */
const EVENT_BATCH_MS = 50;

let machine: Machine | null = null;
let store: Store | null = null;
let bootOptions: BootOptions | null = null;
let releaseLock: (() => void) | null = null;
const sessions = new Map<number, Session>();
const timers: Array<ReturnType<typeof setInterval>> = [];

function dbName(opts: BootOptions): string {
  return `cowbox-${opts.machine ?? 'default'}`;
}

/** Hold the machine's Web Lock for as long as this worker lives (or until reset). */
async function takeLock(name: string): Promise<void> {
  const locks = (navigator as unknown as { locks?: LockManager }).locks;
  if (!locks) return;
  await new Promise<void>((acquired) => {
    void locks.request(name, () => new Promise<void>((release) => {
      releaseLock = release;
      acquired();
    }));
  });
}

async function boot(opts: BootOptions): Promise<BootInfo> {
  if (machine) throw new Error('the machine is already running');
  const t0 = performance.now();
  bootOptions = opts;
  if (opts.persist) {
    await takeLock(dbName(opts));
    store = await IdbStore.open(dbName(opts));
  } else {
    store = new MemoryStore();
  }
  const fresh = (await store.get('sb')) === undefined;
  machine = await bootMachine({ host, store, hostname: opts.hostname });
  machine.kernel.startInit((await loadProgram('init'))!, ['init'], []);
  // File data is written back when files close; flush what is open every few seconds too.
  timers.push(setInterval(() => void machine?.sync(), 2000));
  return { hostname: opts.hostname ?? 'cowbox', fresh, storage: opts.persist ? 'indexeddb' : 'memory', bootMs: performance.now() - t0 };
}

function running(): Machine {
  if (!machine) throw new Error('the machine has not booted');
  return machine;
}

const api: KernelApi = {
  async ping(): Promise<PingReply> {
    return { reply: 'pong', uptimeMs: Math.round(performance.now() - startedAt) };
  },

  boot,

  async openSession(port: MessagePort, opts: SessionOptions): Promise<SessionInfo> {
    const m = running();
    const session = startSession(m.kernel, m.devices, opts);
    sessions.set(session.pid, session);
    const post = (msg: SessionMessage): void => port.postMessage(msg);
    const out = session.pty.onOutput((data) => post({ type: 'output', data }));
    port.onmessage = (e: MessageEvent<SessionMessage>) => {
      if (e.data.type === 'input') session.pty.input(e.data.data);
    };
    void session.exited.then((status) => {
      out.dispose();
      sessions.delete(session.pid);
      post({ type: 'exit', status });
      void m.sync();
    });
    return { id: session.pid, tty: session.pty.path };
  },

  async resize(id: number, cols: number, rows: number): Promise<void> {
    sessions.get(id)?.pty.resize(cols, rows);
  },

  async subscribe(port: MessagePort, topics: string[]): Promise<void> {
    const m = running();
    let batch: KernelEvent[] = [];
    m.bus.onEvent((e) => {
      if (topics.some((t) => e.type.startsWith(t))) batch.push(e);
    });
    timers.push(setInterval(() => {
      if (batch.length === 0) return;
      port.postMessage({ type: 'events', events: batch });
      batch = [];
    }, EVENT_BATCH_MS));
  },

  async storage(): Promise<StorageInfo> {
    const estimate = await navigator.storage?.estimate?.();
    return { usage: estimate?.usage ?? 0, quota: estimate?.quota ?? 0 };
  },

  async reset(): Promise<void> {
    const opts = bootOptions ?? { persist: false };
    for (const t of timers) clearInterval(t);
    await store?.close();
    machine = null;
    store = null;
    sessions.clear();
    if (opts.persist) {
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(dbName(opts));
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('another tab still has this machine open'));
      });
    }
    releaseLock?.();
    releaseLock = null;
  },
};

expose(api);

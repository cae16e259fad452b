// The KernelApi the page talks to, made from the platform pieces it needs (where disks live, how
// to lock one, timers), so the same service runs in the browser's worker and, over a
// MessageChannel, in Node tests. Terminal bytes travel on ports handed over by the page; kernel
// events go out in batches on ports the page subscribes with.

import type {
  BootInfo, BootOptions, KernelApi, KernelSnapshot, OverlayLayers, PingReply, PortLike, SessionInfo, SessionMessage,
  SessionOptions, StorageInfo,
} from '../protocol/kernel-api.ts';
import { inspectOverlay, takeSnapshot } from '../kernel/snapshot.ts';
import { bootMachine, type Machine } from '../boot/machine.ts';
import { startSession, type Session } from '../boot/session.ts';
import type { Store, Transaction } from '../kernel/fs/storage/store.ts';
import { isSysError } from '../abi/errno.ts';
import type { KernelEvent } from '../kernel/events.ts';
import type { KernelHost } from '../kernel/kernel.ts';
import { loadProgram } from '../programs/registry.ts';
import { DockerLayerNamer } from './docker-layers.ts';

export interface ServicePlatform {
  host: KernelHost;
  /** The disk called `name`: persistent or in memory. */
  openStore(name: string, persist: boolean): Promise<Store>;
  /** Remove a persistent disk (after its store is closed). */
  deleteStore(name: string): Promise<void>;
  /** Hold the lock on disk `name` until the returned release is called; waits while another tab holds it. */
  lock?(name: string): Promise<() => void>;
  estimate?(): Promise<StorageInfo>;
}

/** How often subscribed events are flushed to the page, and open files written back. */
const EVENT_BATCH_MS = 50;
const SYNC_MS = 2000;

/**
 * The store, with every commit watched: a failed one (a full quota comes as ENOSPC) is reported,
 * and a later successful one clears the report, so the page can say why commands fail.
 */
function watchWrites(store: Store, report: (error: string | null) => void): Store {
  return {
    kind: store.kind,
    get: (key) => store.get(key),
    scan: (prefix) => store.scan(prefix),
    close: () => store.close(),
    begin() {
      const tx = store.begin();
      const watched: Transaction = {
        get state() {
          return tx.state;
        },
        get: (key) => tx.get(key),
        put: (key, value) => tx.put(key, value),
        delete: (key) => tx.delete(key),
        scan: (prefix) => tx.scan(prefix),
        abort: () => tx.abort(),
        async commit() {
          try {
            await tx.commit();
            report(null);
          } catch (e) {
            report(isSysError(e) ? `${e.code}: ${e.message}` : String(e));
            throw e;
          }
        },
      };
      return watched;
    },
  };
}

/** uid -> name from the host's /etc/passwd (empty when it cannot be read). */
async function userNames(m: Machine): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  try {
    const text = new TextDecoder().decode(await m.vfs.readFile(m.ctx, '/etc/passwd'));
    for (const line of text.split('\n')) {
      const [name, , uid] = line.split(':');
      if (name && uid !== undefined && !names.has(Number(uid))) names.set(Number(uid), name);
    }
  } catch {
    // No passwd file: the panel shows numbers.
  }
  return names;
}

export function createKernelService(platform: ServicePlatform): KernelApi {
  const startedAt = platform.host.nowMs();
  let machine: Machine | null = null;
  let namer: DockerLayerNamer | null = null;
  let store: Store | null = null;
  let bootOptions: BootOptions | null = null;
  let releaseLock: (() => void) | null = null;
  let writeError: string | null = null;
  const sessions = new Map<number, Session>();
  const timers: Array<() => void> = [];

  const every = (ms: number, fn: () => void): void => {
    let cancel = (): void => {};
    const tick = (): void => {
      fn();
      cancel = platform.host.setTimer(ms, tick);
    };
    cancel = platform.host.setTimer(ms, tick);
    timers.push(() => cancel());
  };

  const diskName = (opts: BootOptions): string => `cowbox-${opts.machine ?? 'default'}`;

  const running = (): Machine => {
    if (!machine) throw new Error('the machine has not booted');
    return machine;
  };

  const api: KernelApi = {
    async ping(): Promise<PingReply> {
      return { reply: 'pong', uptimeMs: Math.round(platform.host.nowMs() - startedAt) };
    },

    async boot(opts: BootOptions): Promise<BootInfo> {
      if (machine) throw new Error('the machine is already running');
      const t0 = platform.host.nowMs();
      // The first prompt needs init and the shell: fetch their code while the disk opens.
      void loadProgram('init').catch(() => undefined);
      void loadProgram('sh').catch(() => undefined);
      bootOptions = opts;
      if (opts.persist && platform.lock) releaseLock = await platform.lock(diskName(opts));
      store = watchWrites(await platform.openStore(diskName(opts), opts.persist), (e) => (writeError = e));
      const fresh = (await store.get('sb')) === undefined;
      machine = await bootMachine({ host: platform.host, store, hostname: opts.hostname });
      namer = new DockerLayerNamer(machine.vfs, machine.ctx);
      machine.kernel.startInit((await loadProgram('init'))!, ['init'], []);
      // File data is written back when files close; flush what stays open every few seconds too.
      every(SYNC_MS, () => void machine?.sync());
      return { hostname: opts.hostname ?? 'cowbox', fresh, storage: opts.persist ? 'indexeddb' : 'memory', bootMs: platform.host.nowMs() - t0 };
    },

    async openSession(port: PortLike, opts: SessionOptions): Promise<SessionInfo> {
      const m = running();
      const session = startSession(m.kernel, m.devices, opts);
      sessions.set(session.pid, session);
      const post = (msg: SessionMessage): void => port.postMessage(msg);
      const out = session.pty.onOutput((data) => post({ type: 'output', data }));
      port.addEventListener('message', (e) => {
        const msg = e.data as SessionMessage;
        if (msg.type === 'input') session.pty.input(msg.data);
      });
      port.start?.();
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

    async closeSession(id: number): Promise<void> {
      sessions.get(id)?.pty.close();
    },

    async subscribe(port: PortLike, topics: string[]): Promise<void> {
      let batch: KernelEvent[] = [];
      running().bus.onEvent((e) => {
        if (topics.some((t) => e.type.startsWith(t))) batch.push(e);
      });
      every(EVENT_BATCH_MS, () => {
        if (batch.length === 0) return;
        port.postMessage({ type: 'events', events: batch });
        batch = [];
      });
    },

    async storage(): Promise<StorageInfo> {
      const figures = (await platform.estimate?.()) ?? { usage: 0, quota: 0 };
      return writeError ? { ...figures, writeError } : figures;
    },

    async snapshot(): Promise<KernelSnapshot> {
      const m = running();
      const snap = takeSnapshot(m.kernel);
      const names = await userNames(m);
      const overlays = (await namer?.describeOverlays(snap.overlays)) ?? snap.overlays;
      return { ...snap, overlays, processes: snap.processes.map((p) => ({ ...p, user: names.get(p.uid) ?? String(p.uid) })) };
    },

    async overlayLayers(mountId: number): Promise<OverlayLayers | null> {
      const got = await inspectOverlay(running().kernel, mountId);
      return got && namer ? { ...got, layers: await namer.describeLayers(got.layers) } : got;
    },

    async reset(): Promise<void> {
      const opts = bootOptions ?? { persist: false };
      for (const stop of timers.splice(0)) stop();
      await store?.close();
      machine = null;
      namer = null;
      store = null;
      sessions.clear();
      if (opts.persist) await platform.deleteStore(diskName(opts));
      releaseLock?.();
      releaseLock = null;
    },
  };
  return api;
}

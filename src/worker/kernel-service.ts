// The KernelApi the page talks to, made from the platform pieces it needs (where disks live, how
// to lock one, timers), so the same service runs in the browser's worker and, over a
// MessageChannel, in Node tests. Terminal bytes travel on ports handed over by the page; kernel
// events go out in batches on ports the page subscribes with.

import type {
  BootInfo, BootOptions, KernelApi, KernelSnapshot, OverlayLayers, PingReply, PortLike, SessionInfo, SessionMessage,
  SessionOptions, StorageInfo,
} from '../protocol/kernel-api.ts';
import { bootMachine, type Machine } from '../boot/machine.ts';
import { startSession, type Session } from '../boot/session.ts';
import type { Store, Transaction } from '../kernel/fs/storage/store.ts';
import { isSysError } from '../abi/errno.ts';
import type { KernelEvent } from '../kernel/events.ts';
import type { KernelHost } from '../kernel/kernel.ts';
import { loadProgram } from '../programs/registry.ts';

export interface ServicePlatform {
  host: KernelHost;
  /** The disk called `name`: persistent or in memory. */
  openStore(name: string, persist: boolean): Promise<Store>;
  /** Remove a persistent disk (after its store is closed). */
  deleteStore(name: string): Promise<void>;
  /** Hold the lock on disk `name` until the returned release is called; waits while another tab holds it. */
  lock?(name: string): Promise<() => void>;
  /** The lock on disk `name` if nobody holds it now (its release), else null at once. */
  tryLock?(name: string): Promise<(() => void) | null>;
  estimate?(): Promise<StorageInfo>;
  /**
   * Boot at once with these options, before any call: the page's first boot() with the same
   * options gets this boot's answer (see StartOptions in ui/client/kernel-client.ts for why).
   */
  bootAtStart?: BootOptions;
}

/** How often subscribed events are flushed to the page, and open files written back. */
const EVENT_BATCH_MS = 50;
const SYNC_MS = 2000;
/** How often the disk is asked whether it has been quiet long enough to store its tree image. */
const IDLE_MS = 1000;
/**
 * The root's layout is written to the disk once the first terminal has shown its prompt (so the
 * shell's start does not share the thread with that write), this long after it, and at the
 * latest this long after the boot when no terminal shows anything. The prompt leaves the worker
 * tens of milliseconds before a busy page has drawn it, and that write first loads the code that
 * hashes file chunks: it waits until the prompt is on the screen.
 */
const ROOT_WRITE_AFTER_PROMPT_MS = 200;
const ROOT_WRITE_LATEST_MS = 1500;

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
        prefetch: tx.prefetch ? (keys) => tx.prefetch!(keys) : undefined,
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

/** A User Timing mark (seen in a Chromium trace and by bench/web/profile.ts); nothing where unsupported. */
const mark = (name: string): void => void (globalThis as { performance?: { mark?(n: string): unknown } }).performance?.mark?.(`cowbox:worker:${name}`);

const sameBoot = (a: BootOptions, b: BootOptions): boolean =>
  a.persist === b.persist && (a.machine ?? 'default') === (b.machine ?? 'default') && (a.hostname ?? 'cowbox') === (b.hostname ?? 'cowbox');

export function createKernelService(platform: ServicePlatform): KernelApi {
  const startedAt = platform.host.nowMs();
  let machine: Machine | null = null;
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
  /** Called on the first output of any session (the first prompt), once. */
  let firstOutput: (() => void) | null = null;
  /** The boot in progress, if any: calls that need the machine and come during it wait for it. */
  let booting: Promise<unknown> | null = null;
  const booted = async (): Promise<Machine> => {
    if (!machine && booting) await booting.catch(() => undefined);
    return running();
  };

  // The first prompt needs init and the shell: fetch their code now, while the page loads and the
  // disk opens, rather than once the boot asks for them.
  // (A failure shows where it matters: when init or the shell is started.)
  void loadProgram('init').catch(() => undefined);
  void loadProgram('sh').then(() => mark('sh-loaded'), () => undefined);

  /**
   * A login shell started by a boot nobody asked for yet (bootAtStart), for the first
   * openSession() to adopt: the shell starts while the page is still building its terminal, and
   * its pty keeps what it printed until the page listens.
   */
  let spare: Session | null = null;

  const bootNow = async (opts: BootOptions, startShell = false): Promise<BootInfo> => {
    const t0 = platform.host.nowMs();
    mark('boot-start');
    bootOptions = opts;
    // The disk opens beside the request for its lock: when nobody holds it (the usual case) the two
    // waits overlap. When another tab holds it, that connection is dropped and the disk opened
    // afresh once the lock is ours (the other tab may have changed or wiped it meanwhile).
    let opening: Promise<Store> | null = null;
    if (opts.persist && platform.lock) {
      if (platform.tryLock) {
        opening = platform.openStore(diskName(opts), true);
        opening.catch(() => undefined); // awaited below, or closed
        releaseLock = await platform.tryLock(diskName(opts));
      }
      if (!releaseLock) {
        void opening?.then((s) => s.close(), () => undefined);
        opening = null;
        releaseLock = await platform.lock(diskName(opts));
      }
    }
    mark('locked');
    store = watchWrites(await (opening ?? platform.openStore(diskName(opts), opts.persist)), (e) => (writeError = e));
    mark('store-open');
    const writeRootAfter = new Promise<void>((resolve) => {
      const cancel = platform.host.setTimer(ROOT_WRITE_LATEST_MS, resolve);
      firstOutput = () => {
        cancel();
        platform.host.setTimer(ROOT_WRITE_AFTER_PROMPT_MS, resolve);
      };
    });
    const m = await bootMachine({ host: platform.host, store, hostname: opts.hostname, writeRootAfter });
    mark('machine-built');
    m.kernel.startInit((await loadProgram('init'))!, ['init'], []);
    mark('init-started');
    // Only now is the machine there for sessions: they run under init.
    machine = m;
    // 80x24 until the page says its size (a resize, which the shell's line editor reads when it needs it).
    if (startShell) spare = startSession(m.kernel, m.devices, { cols: 80, rows: 24 });
    // File data is written back when files close; flush what stays open every few seconds too.
    every(SYNC_MS, () => void machine?.sync());
    // A failure here costs nothing but a slower next boot (it reads every row instead).
    every(IDLE_MS, () => void machine?.idle().catch(() => undefined));
    return { hostname: opts.hostname ?? 'cowbox', fresh: m.fresh, storage: opts.persist ? 'indexeddb' : 'memory', bootMs: platform.host.nowMs() - t0 };
  };

  const startBoot = (opts: BootOptions, startShell = false): Promise<BootInfo> => {
    const run = bootNow(opts, startShell);
    booting = run;
    void run.finally(() => {
      if (booting === run) booting = null;
    }).catch(() => undefined);
    return run;
  };
  /** The boot started before anyone asked (platform.bootAtStart), until boot() claims it. */
  let early: { opts: BootOptions; run: Promise<BootInfo> } | null = null;
  if (platform.bootAtStart) {
    const run = startBoot(platform.bootAtStart, true);
    run.catch(() => undefined); // told to whoever claims it
    early = { opts: platform.bootAtStart, run };
  }

  const api: KernelApi = {
    async ping(): Promise<PingReply> {
      return { reply: 'pong', uptimeMs: Math.round(platform.host.nowMs() - startedAt) };
    },

    boot(opts: BootOptions): Promise<BootInfo> {
      // The boot the service started by itself answers the first boot() that asks for the same.
      if (early && sameBoot(early.opts, opts)) {
        const run = early.run;
        early = null;
        return run;
      }
      if (machine || booting) return Promise.reject(new Error('the machine is already running'));
      return startBoot(opts);
    },

    async openSession(port: PortLike, opts: SessionOptions): Promise<SessionInfo> {
      const m = await booted();
      mark('session-start');
      let session: Session;
      if (spare && !opts.command) {
        session = spare;
        spare = null;
        session.pty.resize(opts.cols, opts.rows);
      } else {
        session = startSession(m.kernel, m.devices, opts);
      }
      sessions.set(session.pid, session);
      const post = (msg: SessionMessage): void => port.postMessage(msg);
      let first = true;
      const out = session.pty.onOutput((data) => {
        post({ type: 'output', data });
        if (first) {
          first = false;
          mark('session-first-output');
          const shown = firstOutput;
          firstOutput = null;
          shown?.();
        }
      });
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
      (await booted()).bus.onEvent((e) => {
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

    // The panels' code loads when a panel first asks (they mount after the prompt).
    async snapshot(): Promise<KernelSnapshot> {
      return (await import('./panel-views.ts')).snapshotOf(running());
    },

    async overlayLayers(mountId: number): Promise<OverlayLayers | null> {
      return (await import('./panel-views.ts')).overlayLayersOf(running(), mountId);
    },

    async reset(): Promise<void> {
      const opts = bootOptions ?? { persist: false };
      for (const stop of timers.splice(0)) stop();
      await store?.close();
      machine = null;
      spare = null;
      store = null;
      sessions.clear();
      if (opts.persist) await platform.deleteStore(diskName(opts));
      releaseLock?.();
      releaseLock = null;
    },
  };
  return api;
}

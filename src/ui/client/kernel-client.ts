// The page's handle on the kernel worker: starts the module worker and talks to it through
// comlink (KernelApi), opening terminal sessions on MessageChannels whose far end is transferred
// to the worker. A worker that fails to load rejects pending calls instead of leaving them hanging.

import { releaseProxy, transfer, wrap } from 'comlink';
import type {
  BootInfo, BootOptions, EventBatch, KernelApi, KernelSnapshot, OverlayLayers, PingReply, SessionMessage, StorageInfo, WireEvent,
} from '../../protocol/kernel-api.ts';

export interface PingResult extends PingReply {
  roundTripMs: number;
}

export interface TerminalSession {
  id: number;
  tty: string;
  send(data: Uint8Array): void;
  onOutput(listener: (data: Uint8Array) => void): void;
  onExit(listener: (status: number) => void): void;
  resize(cols: number, rows: number): void;
  /** Hang the session up (its shell gets SIGHUP) and stop listening. */
  close(): void;
}

export interface KernelClient {
  ping(): Promise<PingResult>;
  boot(opts: BootOptions): Promise<BootInfo>;
  openSession(cols: number, rows: number): Promise<TerminalSession>;
  reset(): Promise<void>;
  snapshot(): Promise<KernelSnapshot>;
  overlayLayers(mountId: number): Promise<OverlayLayers | null>;
  storage(): Promise<StorageInfo>;
  /** Kernel events of these topic prefixes, in batches. */
  subscribe(topics: string[], listener: (events: WireEvent[]) => void): Promise<void>;
  /** The worker crashed or stopped answering: every later call fails too. */
  onFailure(listener: (error: Error) => void): void;
  /** Tests: stop the worker as a crash would. */
  crashForTest(): void;
  dispose(): void;
}

/** How often the page checks the worker still answers, and how long it waits for the answer. */
const HEARTBEAT_MS = 5000;
const HEARTBEAT_TIMEOUT_MS = 20000;

export interface StartOptions {
  /**
   * Boot the machine as soon as the worker runs, with these options (boot() with the same ones
   * then answers with that boot). A message posted before a worker runs waits until the page's
   * own thread hands it over, which a busy page (xterm starting) delays by a tenth of a second;
   * the worker's name reaches it at once.
   */
  boot?: BootOptions;
}

/** The worker's name, and the boot options it carries (kernel.worker.ts reads them back). */
export const WORKER_NAME = 'cowbox-kernel';

/**
 * A kernel worker started by a script in the page's head before the page's code arrived (see
 * vite.config.ts, startWorkerFromHead): its name, and the errors it raised before anyone listened.
 */
export interface EarlyWorker {
  worker: Worker;
  name: string;
  errors: ErrorEvent[];
}

export function startKernelWorker(opts: StartOptions & { early?: EarlyWorker } = {}): KernelClient {
  const name = opts.boot ? `${WORKER_NAME} ${JSON.stringify(opts.boot)}` : WORKER_NAME;
  // The early worker is taken only if it was started as this page would start it; else it goes.
  const early = opts.early?.name === name ? opts.early : null;
  if (opts.early && !early) opts.early.worker.terminate();
  const worker = early?.worker ?? new Worker(new URL('../../worker/kernel.worker.ts', import.meta.url), { type: 'module', name });
  const api = wrap<KernelApi>(worker);
  const failureListeners: Array<(e: Error) => void> = [];
  let failure: Error | null = null;
  let fail!: (e: Error) => void;
  const failed = new Promise<never>((_, reject) => {
    fail = (e) => {
      if (failure) return;
      failure = e;
      reject(e);
      clearInterval(heartbeat);
      for (const l of failureListeners) l(e);
    };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      fail(new Error(`the kernel worker crashed: ${e.message || 'load error'}`));
    });
    worker.addEventListener('messageerror', () => fail(new Error('kernel worker sent a message that could not be read')));
    const before = early?.errors[0];
    if (before) fail(new Error(`the kernel worker crashed: ${before.message || 'load error'}`));
  });
  failed.catch(() => undefined); // observed by the calls below; never an unhandled rejection on its own
  const call = <T>(p: Promise<T>): Promise<T> => Promise.race([p, failed]);
  let waitingForPong = false;
  const heartbeat = setInterval(() => {
    if (waitingForPong || document.hidden) return;
    waitingForPong = true;
    const timer = setTimeout(() => fail(new Error('the kernel worker stopped answering')), HEARTBEAT_TIMEOUT_MS);
    void call(api.ping()).then(
      () => {
        clearTimeout(timer);
        waitingForPong = false;
      },
      () => clearTimeout(timer),
    );
  }, HEARTBEAT_MS);

  return {
    async ping() {
      const sent = performance.now();
      const reply = await call(api.ping());
      return { ...reply, roundTripMs: performance.now() - sent };
    },
    boot: (opts) => call(api.boot(opts)),
    async openSession(cols, rows) {
      const channel = new MessageChannel();
      const outputs: Array<(d: Uint8Array) => void> = [];
      const exits: Array<(s: number) => void> = [];
      // What arrives before anyone listens (a shell the worker started early has printed its
      // prompt before this call even returns) is kept for the listeners, who are handed it once
      // the code that registers them has run (a microtask after the first one).
      let early: SessionMessage[] | null = [];
      const deliver = (m: SessionMessage): void => {
        if (m.type === 'output') for (const l of outputs) l(m.data);
        else if (m.type === 'exit') for (const l of exits) l(m.status);
      };
      channel.port1.onmessage = (e: MessageEvent<SessionMessage>) => {
        if (early) early.push(e.data);
        else deliver(e.data);
      };
      const listening = (): void => {
        const held = early;
        early = null;
        for (const m of held ?? []) deliver(m);
      };
      const info = await call(api.openSession(transfer(channel.port2, [channel.port2]), { cols, rows }));
      return {
        ...info,
        send: (data) => channel.port1.postMessage({ type: 'input', data } satisfies SessionMessage),
        onOutput: (l) => {
          outputs.push(l);
          queueMicrotask(listening);
        },
        onExit: (l) => {
          exits.push(l);
          queueMicrotask(listening);
        },
        resize: (c, r) => void api.resize(info.id, c, r).catch(() => undefined),
        close: () => {
          void api.closeSession(info.id).catch(() => undefined);
          channel.port1.close();
        },
      };
    },
    reset: () => call(api.reset()),
    snapshot: () => call(api.snapshot()),
    overlayLayers: (id) => call(api.overlayLayers(id)),
    storage: () => call(api.storage()),
    async subscribe(topics, listener) {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e: MessageEvent<EventBatch>) => {
        if (e.data.type === 'events') listener(e.data.events);
      };
      await call(api.subscribe(transfer(channel.port2, [channel.port2]), topics));
    },
    onFailure(listener) {
      if (failure) listener(failure);
      else failureListeners.push(listener);
    },
    crashForTest() {
      worker.terminate();
      fail(new Error('the kernel worker crashed: terminated by a test'));
    },
    dispose() {
      clearInterval(heartbeat);
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

// The page's handle on the kernel worker: starts the module worker and talks to it through
// comlink (KernelApi), opening terminal sessions on MessageChannels whose far end is transferred
// to the worker. A worker that fails to load rejects pending calls instead of leaving them hanging.

import { releaseProxy, transfer, wrap } from 'comlink';
import type { BootInfo, BootOptions, KernelApi, PingReply, SessionMessage } from '../../protocol/kernel-api.ts';

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
}

export interface KernelClient {
  ping(): Promise<PingResult>;
  boot(opts: BootOptions): Promise<BootInfo>;
  openSession(cols: number, rows: number): Promise<TerminalSession>;
  reset(): Promise<void>;
  dispose(): void;
}

export function startKernelWorker(): KernelClient {
  const worker = new Worker(new URL('../../worker/kernel.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cowbox-kernel',
  });
  const api = wrap<KernelApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`kernel worker failed to start: ${e.message || 'load error'}`)));
    worker.addEventListener('messageerror', () => reject(new Error('kernel worker sent a message that could not be read')));
  });
  failed.catch(() => undefined); // observed by the calls below; never an unhandled rejection on its own
  const call = <T>(p: Promise<T>): Promise<T> => Promise.race([p, failed]);

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
      channel.port1.onmessage = (e: MessageEvent<SessionMessage>) => {
        if (e.data.type === 'output') for (const l of outputs) l(e.data.data);
        else if (e.data.type === 'exit') for (const l of exits) l(e.data.status);
      };
      const info = await call(api.openSession(transfer(channel.port2, [channel.port2]), { cols, rows }));
      return {
        ...info,
        send: (data) => channel.port1.postMessage({ type: 'input', data } satisfies SessionMessage),
        onOutput: (l) => void outputs.push(l),
        onExit: (l) => void exits.push(l),
        resize: (c, r) => void api.resize(info.id, c, r),
      };
    },
    reset: () => call(api.reset()),
    dispose() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

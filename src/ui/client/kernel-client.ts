// The page's handle on the kernel worker: starts the module worker and talks to it through
// comlink. A worker that fails to load rejects pending calls instead of leaving them hanging.

import { releaseProxy, wrap } from 'comlink';

// Mirrors the worker's placeholder API; both move to src/protocol when KernelApi is defined there.
export interface PingReply {
  reply: 'pong';
  uptimeMs: number;
}

interface WorkerApi {
  ping(): PingReply;
}

export interface PingResult extends PingReply {
  roundTripMs: number;
}

export interface KernelClient {
  ping(): Promise<PingResult>;
  dispose(): void;
}

export function startKernelWorker(): KernelClient {
  const worker = new Worker(new URL('../../worker/kernel.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cowbox-kernel',
  });
  const api = wrap<WorkerApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`kernel worker failed to start: ${e.message || 'load error'}`)));
    worker.addEventListener('messageerror', () => reject(new Error('kernel worker sent a message that could not be read')));
  });
  failed.catch(() => undefined); // observed by ping(); never an unhandled rejection on its own

  return {
    async ping() {
      const sent = performance.now();
      const reply = await Promise.race([api.ping(), failed]);
      return { ...reply, roundTripMs: performance.now() - sent };
    },
    dispose() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

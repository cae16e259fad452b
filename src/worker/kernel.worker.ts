// The kernel's Web Worker. For now a placeholder that proves the page/worker boundary works: it
// answers a ping over comlink. The kernel boots here (and KernelApi replaces this) in a later issue.

import { expose } from 'comlink';

const startedAt = performance.now();

/** What the page learns from a ping: the worker is alive, and how long it has been. */
export interface PingReply {
  reply: 'pong';
  uptimeMs: number;
}

export const kernelWorkerApi = {
  ping(): PingReply {
    return { reply: 'pong', uptimeMs: Math.round(performance.now() - startedAt) };
  },
};

expose(kernelWorkerApi);

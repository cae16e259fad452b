// The kernel's Web Worker: the KernelApi service with the browser's platform pieces (disks in
// IndexedDB, Web Locks so two tabs never run the same disk at once, message-port macrotasks),
// exposed to the page through comlink.

import { expose } from 'comlink';
import { IdbStore } from '../host/idb/idb-store.ts';
import type { KernelHost } from '../kernel/kernel.ts';
import type { BootOptions } from '../protocol/kernel-api.ts';
import { createKernelService } from './kernel-service.ts';

performance.mark('cowbox:worker:start');

/** A macrotask without setTimeout's 4 ms clamp: a message to ourselves. */
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

const host: KernelHost = {
  nowMs: () => performance.now(),
  macrotask: () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    }),
  setTimer: (ms, fn) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

const locks = (navigator as unknown as { locks?: LockManager }).locks;

// "cowbox-kernel {boot options}": the page asked for a boot at once (see StartOptions in
// ui/client/kernel-client.ts).
function bootAtStart(): BootOptions | undefined {
  const json = /^cowbox-kernel (\{.*\})$/.exec(self.name)?.[1];
  try {
    return json ? (JSON.parse(json) as BootOptions) : undefined;
  } catch {
    return undefined; // not options after all: the page's boot() call boots
  }
}

const service = createKernelService({
  host,
  bootAtStart: bootAtStart(),
  // A disk in memory only is the rare case (private mode, or asked for): its code loads then.
  openStore: async (name, persist) => (persist ? IdbStore.open(name) : new (await import('../kernel/fs/storage/memory-store.ts')).MemoryStore()),
  deleteStore: (name) =>
    new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('another tab still has this machine open'));
    }),
  // The second tab waits here until the first lets go of the disk.
  lock: locks
    ? (name) =>
        new Promise((acquired) => {
          void locks.request(name, () => new Promise<void>((release) => acquired(release)));
        })
    : undefined,
  tryLock: locks
    ? (name) =>
        new Promise((answer) => {
          void locks.request(name, { ifAvailable: true }, (lock) =>
            lock ? new Promise<void>((release) => answer(release)) : answer(null));
        })
    : undefined,
  estimate: async () => {
    const e = await navigator.storage?.estimate?.();
    return { usage: e?.usage ?? 0, quota: e?.quota ?? 0 };
  },
});
expose(service);

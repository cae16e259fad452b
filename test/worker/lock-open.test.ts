// The persistent disk opens beside the request for its lock: when the lock is free that one
// connection is used; when another tab holds the lock, the early connection is closed and the
// disk opened afresh once the lock is granted (the other tab may have changed it meanwhile).

import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { createKernelService, type ServicePlatform } from '../../src/worker/kernel-service.ts';
import { nodeHost } from '../../src/cli/node-host.ts';

function platform(lockFree: boolean) {
  const log: string[] = [];
  let grant!: () => void;
  const granted = new Promise<void>((resolve) => (grant = resolve));
  let opened = 0;
  const p: ServicePlatform = {
    host: nodeHost,
    openStore: async () => {
      const n = ++opened;
      log.push(`open ${n}`);
      const store = new MemoryStore();
      const close = store.close.bind(store);
      store.close = () => {
        log.push(`close ${n}`);
        return close();
      };
      return store;
    },
    deleteStore: async () => undefined,
    tryLock: async () => {
      log.push(lockFree ? 'lock free' : 'lock held elsewhere');
      return lockFree ? () => log.push('released') : null;
    },
    lock: async () => {
      log.push('waiting for the lock');
      await granted;
      log.push('lock granted');
      return () => log.push('released');
    },
  };
  return { p, log, grant };
}

describe('opening the disk beside its lock', () => {
  it('uses the connection opened early when the lock is free', async () => {
    const { p, log } = platform(true);
    const api = createKernelService(p);
    await api.boot({ persist: true });
    expect(log.slice(0, 2)).toEqual(['open 1', 'lock free']);
    expect(log).not.toContain('open 2');
    await api.reset();
    expect(log).toContain('close 1');
  });

  it('drops it and opens afresh when another tab holds the lock', async () => {
    const { p, log, grant } = platform(false);
    const api = createKernelService(p);
    const booting = api.boot({ persist: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['open 1', 'lock held elsewhere', 'waiting for the lock', 'close 1']);
    grant();
    await booting;
    expect(log.slice(4)).toEqual(['lock granted', 'open 2']);
    await api.reset();
  });
});

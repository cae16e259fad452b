// A full quota while the machine runs: the disk's commits fail with ENOSPC, the shell says "No
// space left on device", and storage() reports the failed write so the page can say why; a
// later successful write clears the report.

import { afterEach, describe, expect, it } from 'vitest';
import { type Remote, expose, transfer, wrap } from 'comlink';
import { SysError } from '../../src/abi/errno.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import type { Transaction } from '../../src/kernel/fs/storage/store.ts';
import type { KernelApi, SessionMessage } from '../../src/protocol/kernel-api.ts';
import { createKernelService } from '../../src/worker/kernel-service.ts';
import { nodeHost } from '../../src/cli/node-host.ts';

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

/** A memory store whose commits fail while `full` is set, as IdbStore's do over a full quota. */
class FillableStore extends MemoryStore {
  full = false;
  override begin(): Transaction {
    const tx = super.begin();
    const commit = tx.commit.bind(tx);
    tx.commit = async () => {
      if (this.full) {
        tx.abort();
        throw new SysError('ENOSPC', 'commit: QuotaExceededError');
      }
      return commit();
    };
    return tx;
  }
}

describe('a disk that runs out of quota', () => {
  it('reports the failed write through storage() until a write succeeds', async () => {
    const disk = new FillableStore();
    const service = createKernelService({
      host: nodeHost,
      openStore: async () => disk,
      deleteStore: async () => undefined,
      estimate: async () => ({ usage: 10, quota: 100 }),
    });
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    expose(service, port1);
    const api: Remote<KernelApi> = wrap<KernelApi>(port2);
    await api.boot({ persist: true });

    const term = new MessageChannel();
    open.push(term.port1, term.port2);
    let screen = '';
    const waiters: Array<() => void> = [];
    term.port1.onmessage = (e: MessageEvent<SessionMessage>) => {
      if (e.data.type === 'output') screen += new TextDecoder().decode(e.data.data);
      for (const w of waiters.splice(0)) w();
    };
    await api.openSession(transfer(term.port2, [term.port2]), { cols: 120, rows: 24 });
    const waitFor = async (text: string): Promise<void> => {
      while (!screen.includes(text)) await new Promise<void>((r) => waiters.push(r));
    };
    const type = (text: string): void => term.port1.postMessage({ type: 'input', data: new TextEncoder().encode(text) } satisfies SessionMessage);
    await waitFor('# ');
    expect(await api.storage()).toEqual({ usage: 10, quota: 100 });

    disk.full = true;
    type('mkdir /root/more; echo done-$((1+1))\r');
    await waitFor('done-2');
    expect(screen).toContain('No space left on device');
    expect((await api.storage()).writeError).toMatch(/^ENOSPC: /);

    disk.full = false;
    type('mkdir /root/again && echo made-$((2+2))\r');
    await waitFor('made-4');
    expect(await api.storage()).toEqual({ usage: 10, quota: 100 });
    await api.reset();
  });
});

// A service told to boot at its start (the page's worker, see StartOptions in the kernel client):
// the boot runs before anyone asks, the first boot() with the same options gets its answer, and
// the login shell it started for the first terminal is handed to the first openSession(), with
// what it printed so far and the terminal's real size.

import { afterEach, describe, expect, it } from 'vitest';
import { type Remote, expose, transfer, wrap } from 'comlink';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import type { BootOptions, KernelApi, SessionMessage } from '../../src/protocol/kernel-api.ts';
import { createKernelService } from '../../src/worker/kernel-service.ts';
import { nodeHost } from '../../src/cli/node-host.ts';

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function connect(bootAtStart: BootOptions): Remote<KernelApi> {
  const service = createKernelService({ host: nodeHost, openStore: async () => new MemoryStore(), deleteStore: async () => undefined, bootAtStart });
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  expose(service, port1);
  return wrap<KernelApi>(port2);
}

async function session(api: Remote<KernelApi>, cols: number, rows: number) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  let screen = '';
  const waiters: Array<() => void> = [];
  port1.onmessage = (e: MessageEvent<SessionMessage>) => {
    if (e.data.type === 'output') screen += new TextDecoder().decode(e.data.data);
    for (const w of waiters.splice(0)) w();
  };
  const info = await api.openSession(transfer(port2, [port2]), { cols, rows });
  const waitFor = async (text: string): Promise<void> => {
    while (!screen.includes(text)) await new Promise<void>((r) => waiters.push(r));
  };
  const type = (text: string): void => port1.postMessage({ type: 'input', data: new TextEncoder().encode(text) } satisfies SessionMessage);
  return { info, waitFor, type, screen: () => screen };
}

describe('a boot at the service start', () => {
  it('answers the first boot() and hands its shell to the first session', async () => {
    const api = connect({ persist: true });
    // The session may be asked for before (or while) the boot is claimed: it waits for the boot.
    const s = session(api, 40, 33);
    const info = await api.boot({ persist: true });
    expect(info).toMatchObject({ fresh: true, storage: 'indexeddb' });
    const first = await s;
    expect(first.info.tty).toBe('/dev/pts/0');
    await first.waitFor('# ');
    // It runs at the terminal's size, not the 80 columns it started with: ls -C keeps to 40.
    first.type('ls -C -T 0 /usr/bin; echo done\r');
    await first.waitFor('done\r\n');
    const row = first.screen().split('\r\n').find((l) => l.includes('getfattr')) ?? '';
    expect(row).toMatch(/getfattr +\S/); // two columns...
    expect(row.length).toBeLessThanOrEqual(40); // ...in 40, where 80 would hold more
    // A second boot() is refused as before; a second session gets a shell of its own.
    await expect(api.boot({ persist: true })).rejects.toThrow(/already running/);
    const second = await session(api, 80, 24);
    expect(second.info.tty).toBe('/dev/pts/1');
    await second.waitFor('# ');
    await api.reset();
  });

  it('refuses a boot() with other options than the one it started', async () => {
    const api = connect({ persist: true });
    await expect(api.boot({ persist: false })).rejects.toThrow(/already running/);
    await api.boot({ persist: true });
    await api.reset();
  });
});

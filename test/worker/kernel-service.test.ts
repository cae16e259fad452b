// The worker boundary in Node: the KernelApi service exposed with comlink on one end of a
// MessageChannel and driven from the other, as the page drives the worker. A session's bytes go
// over a port handed across; the machine's shell answers on it.

import { afterEach, describe, expect, it } from 'vitest';
import { type Remote, expose, transfer, wrap } from 'comlink';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import type { KernelApi, SessionMessage } from '../../src/protocol/kernel-api.ts';
import { createKernelService } from '../../src/worker/kernel-service.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import type { Store } from '../../src/kernel/fs/storage/store.ts';

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function connect(disks: Map<string, Store>): Remote<KernelApi> {
  const service = createKernelService({
    host: nodeHost,
    openStore: async (name) => disks.get(name) ?? disks.set(name, new MemoryStore()).get(name)!,
    deleteStore: async (name) => void disks.delete(name),
  });
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  expose(service, port1);
  return wrap<KernelApi>(port2);
}

/** Open a session and collect what it prints until `until` shows up. */
async function session(api: Remote<KernelApi>) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  let screen = '';
  const waiters: Array<() => void> = [];
  port1.onmessage = (e: MessageEvent<SessionMessage>) => {
    if (e.data.type === 'output') screen += new TextDecoder().decode(e.data.data);
    for (const w of waiters.splice(0)) w();
  };
  const info = await api.openSession(transfer(port2, [port2]), { cols: 80, rows: 24 });
  const waitFor = async (text: string): Promise<void> => {
    while (!screen.includes(text)) await new Promise<void>((r) => waiters.push(r));
  };
  const type = (text: string): void => port1.postMessage({ type: 'input', data: new TextEncoder().encode(text) } satisfies SessionMessage);
  return { info, waitFor, type, screen: () => screen };
}

describe('KernelApi over a MessageChannel', () => {
  it('boots, answers a ping, and runs a shell session whose bytes cross the boundary', async () => {
    const api = connect(new Map());
    expect((await api.ping()).reply).toBe('pong');
    const boot = await api.boot({ persist: true, hostname: 'cowbox' });
    expect(boot).toMatchObject({ hostname: 'cowbox', fresh: true, storage: 'indexeddb' });
    const s = await session(api);
    expect(s.info.tty).toBe('/dev/pts/0');
    await s.waitFor('# ');
    s.type('echo $((6*7)) > /root/answer; read a < /root/answer; echo "answer=$a"\r');
    await s.waitFor('answer=42');
    await api.resize(s.info.id, 100, 30);
    s.type('exit 3\r');
    await new Promise((r) => setTimeout(r, 50));
    await api.reset();
  });

  it('keeps the disk between boots until it is reset', async () => {
    const disks = new Map<string, Store>();
    const first = connect(disks);
    await first.boot({ persist: true });
    const a = await session(first);
    await a.waitFor('# ');
    a.type('echo remembered > /root/file; sync 2>/dev/null; exit\r');
    await new Promise((r) => setTimeout(r, 100));
    const second = connect(disks);
    expect((await second.boot({ persist: true })).fresh).toBe(false);
    const b = await session(second);
    await b.waitFor('# ');
    b.type('read x < /root/file; echo "got $x"\r');
    await b.waitFor('got remembered');
    await second.reset();
    expect(disks.size).toBe(0);
  });
});

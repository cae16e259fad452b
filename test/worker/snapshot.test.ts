// The panels' data source over the worker boundary: after a shell mounts an overlay and appends to
// a lower file, the snapshot lists the overlay mount, the shell's process (with its user and
// namespaces) and the cgroups, and the layer listing shows the copied-up file in the upper layer.

import { afterEach, describe, expect, it } from 'vitest';
import { type Remote, expose, transfer, wrap } from 'comlink';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import type { KernelApi, SessionMessage } from '../../src/protocol/kernel-api.ts';
import { createKernelService } from '../../src/worker/kernel-service.ts';
import { nodeHost } from '../../src/cli/node-host.ts';

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function connect(): Remote<KernelApi> {
  const service = createKernelService({
    host: nodeHost,
    openStore: async () => new MemoryStore(),
    deleteStore: async () => undefined,
  });
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  expose(service, port1);
  return wrap<KernelApi>(port2);
}

async function shell(api: Remote<KernelApi>) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  let screen = '';
  const waiters: Array<() => void> = [];
  port1.onmessage = (e: MessageEvent<SessionMessage>) => {
    if (e.data.type === 'output') screen += new TextDecoder().decode(e.data.data);
    for (const w of waiters.splice(0)) w();
  };
  const info = await api.openSession(transfer(port2, [port2]), { cols: 200, rows: 24 });
  const waitFor = async (text: string): Promise<void> => {
    while (!screen.includes(text)) await new Promise<void>((r) => waiters.push(r));
  };
  const type = (text: string): void => port1.postMessage({ type: 'input', data: new TextEncoder().encode(text) } satisfies SessionMessage);
  return { info, waitFor, type, screen: () => screen };
}

describe('snapshot and overlayLayers', () => {
  it('shows the overlay, the processes and the cgroups a shell made', async () => {
    const api = connect();
    await api.boot({ persist: false });
    const s = await shell(api);
    await s.waitFor('# ');
    s.type(
      'mkdir /tmp/l /tmp/u /tmp/w /tmp/m && mount -t overlay overlay -o lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w /tmp/m' +
        ' && echo x >> /tmp/m/hostname && rm /tmp/m/passwd && echo "+pids +memory" > /sys/fs/cgroup/cgroup.subtree_control && mkdir /sys/fs/cgroup/demo && echo 5 > /sys/fs/cgroup/demo/pids.max; echo done-$((1+1))\r',
    );
    await s.waitFor('done-2');
    const snap = await api.snapshot();

    const sh = snap.processes.find((p) => p.pid === s.info.id)!;
    expect(sh).toMatchObject({ user: 'root', uid: 0, nspid: [s.info.id] });
    expect(sh.ns['pid']).toBeGreaterThan(0);
    expect(snap.processes.find((p) => p.pid === 1)).toMatchObject({ ppid: 0, user: 'root' });

    expect(snap.overlays).toEqual([
      expect.objectContaining({ target: '/tmp/m', lowers: ['/etc'], upper: '/tmp/u', work: '/tmp/w' }),
    ]);
    expect(snap.overlays[0]!.pids).toContain(s.info.id);
    expect(snap.cgroups.find((c) => c.path === '/demo')).toMatchObject({ pids: { max: 5, current: 0 }, memory: { max: null, current: 0 } });
    expect(snap.cgroups[0]!.path).toBe('/');

    const layers = (await api.overlayLayers(snap.overlays[0]!.mountId))!;
    expect(layers.layers.map((l) => [l.role, l.label])).toEqual([['upper', '/tmp/u'], ['lower', '/etc']]);
    const upper = layers.layers[0]!;
    expect(upper.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '/hostname', type: 'file', size: 'cowbox\nx\n'.length, whiteout: false }),
      expect.objectContaining({ path: '/passwd', whiteout: true }),
    ]));
    expect(layers.layers[1]!.entries.some((e) => e.path === '/hostname')).toBe(true);
    expect(await api.overlayLayers(99999)).toBeNull();
    await api.reset();
  });

  it('lists the mounts over an overlay: a bind mount, a file bound over a file, a filesystem', async () => {
    const api = connect();
    await api.boot({ persist: false });
    const s = await shell(api);
    await s.waitFor('# ');
    s.type(
      'mkdir -p /tmp/u /tmp/w /tmp/m /srv/vol/p && mount -t overlay overlay -o lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w /tmp/m' +
        ' && mount --bind /srv/vol /tmp/m/alternatives && mount --bind /etc/passwd /tmp/m/hostname && mount -t proc proc /tmp/m/alternatives/p && echo done-$((2+1))\r',
    );
    await s.waitFor('done-3');
    const overlay = (await api.snapshot()).overlays.find((o) => o.target === '/tmp/m')!;
    const layers = (await api.overlayLayers(overlay.mountId))!;
    expect(layers.covers).toEqual([
      { path: '/alternatives', fsType: expect.any(String), root: '/srv/vol' },
      { path: '/hostname', fsType: expect.any(String), root: '/etc/passwd' },
      { path: '/alternatives/p', fsType: 'proc', root: '/' },
    ]);
    await api.reset();
  });

  it('sends SIGWINCH to the foreground job when a session is resized', async () => {
    const api = connect();
    await api.boot({ persist: false });
    const s = await shell(api);
    await s.waitFor('# ');
    s.type("trap 'echo winch-seen' WINCH; echo trap-set\r");
    // The output line, not the echo of the typed line: the trap must be set before the resize.
    await s.waitFor('\ntrap-set');
    await api.resize(s.info.id, 100, 30);
    s.type('echo after-resize\r');
    await s.waitFor('after-resize');
    // The trap runs once the shell is back from its line editor, as dash runs traps.
    await s.waitFor('\nwinch-seen');
    expect(s.screen().indexOf('\nwinch-seen')).toBeGreaterThan(s.screen().indexOf('\ntrap-set'));
    await api.closeSession(s.info.id);
    await api.reset();
  });
});

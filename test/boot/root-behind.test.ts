// The first boot's root is written behind the boot: the machine runs from memory while the layout
// goes to the store in one transaction. What must stay true: a machine stopped before that write
// lands finds an empty disk (a first boot again), never half a root; nothing written after the boot
// reaches the store without the root; reads and closes do not wait for it; a failed write is
// carried by the next one.

import { describe, expect, it } from 'vitest';
import { bootMachine } from '../../src/boot/machine.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import type { Store, StoreValue, Transaction } from '../../src/kernel/fs/storage/store.ts';
import { nodeHost } from '../helpers/kernel.ts';

/** A MemoryStore whose commits wait while the gate is shut, and can be told to fail once. */
class GatedStore implements Store {
  readonly kind = 'gated';
  readonly inner = new MemoryStore();
  private open: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  failNext = false;
  commits = 0;

  shut(): void {
    this.open = new Promise((resolve) => (this.release = resolve));
  }

  lift(): void {
    this.release();
  }

  begin(): Transaction {
    const tx = this.inner.begin();
    return {
      get state() {
        return tx.state;
      },
      get: (k) => tx.get(k),
      prefetch: (keys) => tx.prefetch!(keys),
      put: (k, v) => tx.put(k, v),
      delete: (k) => tx.delete(k),
      scan: (p) => tx.scan(p),
      abort: () => tx.abort(),
      commit: async () => {
        await this.open;
        if (this.failNext) {
          this.failNext = false;
          tx.abort();
          throw new Error('injected commit failure');
        }
        await tx.commit();
        this.commits++;
      },
    };
  }

  get(key: string): Promise<StoreValue | undefined> {
    return this.inner.get(key);
  }

  scan(prefix: string): Promise<Array<[string, StoreValue]>> {
    return this.inner.scan(prefix);
  }

  async close(): Promise<void> {}

  /** A copy of what is committed now: the disk a reload at this moment would find. */
  async snapshot(): Promise<MemoryStore> {
    const copy = new MemoryStore();
    const tx = copy.begin();
    for (const [k, v] of await this.inner.scan('')) tx.put(k, v);
    await tx.commit();
    return copy;
  }
}

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('the root written behind the first boot', () => {
  it('boots before the root is stored; a reload meanwhile finds an empty disk and lays it out again', async () => {
    const store = new GatedStore();
    let start!: () => void;
    const writeRootAfter = new Promise<void>((resolve) => (start = resolve));
    const m = await bootMachine({ host: nodeHost, store, writeRootAfter });
    expect(m.fresh).toBe(true);
    // The machine reads its root from memory already.
    expect(decode(await m.vfs.readFile(m.ctx, '/etc/hostname'))).toBe('cowbox\n');
    const before = await store.snapshot();
    expect((await before.scan('e/')).length).toBe(0);
    // A reload now: a first boot again, with the whole layout.
    const again = await bootMachine({ host: nodeHost, store: before });
    expect(again.fresh).toBe(true);
    expect((await again.vfs.stat(again.ctx, '/usr/bin/ls')).mode & 0o777).toBe(0o755);
    start();
    await m.rootWritten;
    const after = await bootMachine({ host: nodeHost, store: await store.snapshot() });
    expect(after.fresh).toBe(false);
    expect(decode(await after.vfs.readFile(after.ctx, '/etc/hostname'))).toBe('cowbox\n');
  });

  it('lands nothing written after the boot before the root, and reads do not wait for it', async () => {
    const store = new GatedStore();
    // No start signal ever comes (no terminal shows a prompt).
    const m = await bootMachine({ host: nodeHost, store, writeRootAfter: new Promise<void>(() => undefined) });
    // A read (open, read, close) answers while the root's write has not even started.
    const commits = store.commits;
    expect(decode(await m.vfs.readFile(m.ctx, '/etc/passwd'))).toMatch(/^root:/);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.commits).toBe(commits);
    // The user's write would wait behind the root's, so it starts the root's at once; with the
    // store holding commits, it has neither, and then both, the root first.
    store.shut();
    let wrote = false;
    const write = m.vfs.writeFile(m.ctx, '/root/notes', 'mine\n').then(() => (wrote = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(wrote).toBe(false);
    expect(await (await store.snapshot()).scan('e/')).toEqual([]);
    store.lift();
    await write;
    await m.rootWritten;
    const reloaded = await bootMachine({ host: nodeHost, store: await store.snapshot() });
    expect(reloaded.fresh).toBe(false);
    expect(decode(await reloaded.vfs.readFile(reloaded.ctx, '/root/notes'))).toBe('mine\n');
    expect((await reloaded.vfs.stat(reloaded.ctx, '/usr/bin/ls')).mode & 0o777).toBe(0o755);
  });

  it('carries a root write that failed in the next write-back', async () => {
    const store = new GatedStore();
    let start!: () => void;
    const writeRootAfter = new Promise<void>((resolve) => (start = resolve));
    const m = await bootMachine({ host: nodeHost, store, writeRootAfter });
    store.failNext = true;
    start();
    await expect(m.rootWritten).rejects.toThrow(/injected/);
    expect((await store.scan('e/')).length).toBe(0);
    await m.vfs.writeFile(m.ctx, '/root/after', 'x\n');
    const reloaded = await bootMachine({ host: nodeHost, store: await store.snapshot() });
    expect(reloaded.fresh).toBe(false);
    expect(decode(await reloaded.vfs.readFile(reloaded.ctx, '/etc/hostname'))).toBe('cowbox\n');
    expect(decode(await reloaded.vfs.readFile(reloaded.ctx, '/root/after'))).toBe('x\n');
  });

  it('lets a close wait for its own data when the periodic sync took it', async () => {
    const store = new GatedStore();
    const m = await bootMachine({ host: nodeHost, store });
    await m.rootWritten;
    const f = await m.vfs.open(m.ctx, '/root/log', 0o1 | 0o100, 0o644);
    await f.write(new TextEncoder().encode('line\n'));
    store.shut();
    const sync = m.sync(); // takes the file's data into a write-back that cannot land yet
    await new Promise((r) => setTimeout(r, 5));
    let closed = false;
    const close = f.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(false);
    store.lift();
    await Promise.all([sync, close]);
    const reloaded = await bootMachine({ host: nodeHost, store: await store.snapshot() });
    expect(decode(await reloaded.vfs.readFile(reloaded.ctx, '/root/log'))).toBe('line\n');
  });
});

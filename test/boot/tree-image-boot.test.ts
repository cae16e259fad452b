// A machine stores its root's tree image once the disk has been quiet between two idle() calls,
// and the next boot reads that one value instead of every inode row; a boot that changes nothing
// (no new programs) writes nothing, so the image stays good for the boot after it too.

import { describe, expect, it } from 'vitest';
import { bootMachine } from '../../src/boot/machine.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { nodeHost } from '../helpers/kernel.ts';

function countingRowScans(store: MemoryStore): { scans: number } {
  const seen = { scans: 0 };
  const scan = store.scan.bind(store);
  store.scan = (prefix) => {
    if (prefix === 'i/') seen.scans++;
    return scan(prefix);
  };
  return seen;
}

describe('the root tree image', () => {
  it('is stored when the disk is quiet and read by the next boots', async () => {
    const store = new MemoryStore();
    const seen = countingRowScans(store);
    const first = await bootMachine({ host: nodeHost, store });
    await first.rootWritten;
    // The first look only notes the disk's state; the second finds it unchanged.
    expect(await first.idle()).toBe(false);
    expect(await first.idle()).toBe(true);
    expect(await first.idle()).toBe(false);
    await first.vfs.writeFile(first.ctx, '/root/note', 'kept\n');
    // A write since the last look: not quiet yet.
    expect(await first.idle()).toBe(false);
    expect(await first.idle()).toBe(true);

    const second = await bootMachine({ host: nodeHost, store });
    expect(second.fresh).toBe(false);
    expect(seen.scans).toBe(0);
    expect(new TextDecoder().decode(await second.vfs.readFile(second.ctx, '/root/note'))).toBe('kept\n');
    expect((await second.vfs.readdir(second.ctx, '/usr/bin')).length).toBeGreaterThan(100);
    await second.sync();

    const third = await bootMachine({ host: nodeHost, store });
    expect(seen.scans).toBe(0);
    expect(new TextDecoder().decode(await third.vfs.readFile(third.ctx, '/etc/hostname'))).toBe('cowbox\n');
  });

  it('is not used once a later write has landed: the boot reads the rows and finds the write', async () => {
    const store = new MemoryStore();
    const seen = countingRowScans(store);
    const first = await bootMachine({ host: nodeHost, store });
    await first.rootWritten;
    await first.idle();
    expect(await first.idle()).toBe(true);
    await first.vfs.writeFile(first.ctx, '/root/late', 'after the image\n');

    const second = await bootMachine({ host: nodeHost, store });
    expect(seen.scans).toBe(1);
    expect(new TextDecoder().decode(await second.vfs.readFile(second.ctx, '/root/late'))).toBe('after the image\n');
  });
});

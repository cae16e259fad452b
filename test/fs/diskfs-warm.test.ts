// Reading ahead: warm() starts reading the named files' chunks together, and a read that comes
// while one is on its way waits for it instead of asking the store again, so each chunk is
// fetched once and every reader gets the right bytes (a copy of its own).

import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/kernel/fs/storage/blob-store.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { machineOn } from '../helpers/disk-machine.ts';
import { pattern } from '../helpers/bytes.ts';

describe('diskfs read-ahead', () => {
  it('fetches each warmed chunk once, however many reads come for it', async () => {
    const store = new MemoryStore();
    const first = await machineOn(store);
    await first.vfs.mkdir(first.ctx, '/etc', 0o755);
    await first.vfs.writeFile(first.ctx, '/etc/profile', 'PATH=/bin\n');
    const big = pattern(CHUNK_SIZE + 100);
    await first.vfs.writeFile(first.ctx, '/etc/big', big);
    await first.fs.sync();

    const again = await machineOn(store);
    const chunkReads: string[] = [];
    const get = store.get.bind(store);
    // A slow store, as IndexedDB is: the reads below come while the warmed ones are on their way.
    store.get = async (key) => {
      if (!key.startsWith('blob/chunk/')) return get(key);
      chunkReads.push(key);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return get(key);
    };
    again.fs.warm(['/etc/profile', '/etc/big', '/etc/missing', '/no/such/dir/file']);
    const [a, b, c] = await Promise.all([
      again.vfs.readFile(again.ctx, '/etc/profile'),
      again.vfs.readFile(again.ctx, '/etc/profile'),
      again.vfs.readFile(again.ctx, '/etc/big'),
    ]);
    expect(new TextDecoder().decode(a)).toBe('PATH=/bin\n');
    a.fill(0);
    expect(new TextDecoder().decode(b)).toBe('PATH=/bin\n');
    expect(Buffer.from(c).equals(Buffer.from(big))).toBe(true);
    expect(chunkReads.length).toBe(3);
  });
});

// What an overlay copy-up of a big file costs in storage: lower and upper are directories of one
// diskfs (over a MemoryStore and its BlobStore), a 64 MiB lower file is chmod-ed through the
// overlay, and the chunk store's physical bytes are read before and after. Sharing chunks, the
// copy needs no new data; the upper file is still charged its whole logical size.

import { randomFillSync } from 'node:crypto';
import { DiskFs } from '../../src/kernel/fs/diskfs/diskfs.ts';
import { BlobStore } from '../../src/kernel/fs/storage/blob-store.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { bootMachine, mkdirs } from './machine.ts';

export const BIG = 64 * 1024 * 1024;

export interface CopyUpCost {
  /** physicalBytes() after the chmod minus before. */
  newBytes: number;
  /** st_size of the copied-up file in the upper directory. */
  chargedBytes: number;
  physicalBefore: number;
  chmodNs: number;
}

export async function copyUpCost(): Promise<CopyUpCost> {
  const store = new MemoryStore();
  const blobs = new BlobStore(store);
  const m = await bootMachine((vfs) => DiskFs.open({ store, blobs, clock: vfs.clock }));
  for (const d of ['/lower', '/upper', '/work', '/merged']) await mkdirs(m, d);
  // Random bytes: no two chunks alike, so deduplication cannot hide a real copy.
  const data = new Uint8Array(BIG);
  for (let at = 0; at < BIG; at += 65536) randomFillSync(data, at, 65536);
  await m.vfs.writeFile(m.ctx, '/lower/big', data);
  await m.vfs.mount(m.ctx, 'overlay', '/merged', 'overlay', 'lowerdir=/lower,upperdir=/upper,workdir=/work');
  const physicalBefore = await blobs.physicalBytes();
  const t0 = process.hrtime.bigint();
  await m.vfs.chmod(m.ctx, '/merged/big', 0o600);
  const chmodNs = Number(process.hrtime.bigint() - t0);
  const after = await blobs.physicalBytes();
  const upper = await m.vfs.lstat(m.ctx, '/upper/big');
  return { newBytes: after - physicalBefore, chargedBytes: upper.size, physicalBefore, chmodNs };
}

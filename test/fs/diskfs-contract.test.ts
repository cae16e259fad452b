// The filesystem contract over diskfs, on a fresh MemoryStore and BlobStore for every case;
// reopening opens a new DiskFs over the same Store, as a page reload does.

import { ManualClock } from '../../src/kernel/clock.ts';
import { DiskFs } from '../../src/kernel/fs/diskfs/diskfs.ts';
import { BlobStore } from '../../src/kernel/fs/storage/blob-store.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { fsContract } from '../contract/fs-contract.ts';

fsContract('diskfs', async () => {
  const clock = new ManualClock();
  const store = new MemoryStore();
  const blobs = new BlobStore(store);
  return {
    fs: await DiskFs.open({ store, blobs, clock }),
    clock,
    reopen: () => DiskFs.open({ store, blobs, clock }),
  };
});

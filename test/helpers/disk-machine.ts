// A VFS whose root is a diskfs over `store`, for the diskfs tests: open it again on the same
// store to see what a reload sees.

import { ManualClock } from '../../src/kernel/clock.ts';
import { DiskFs } from '../../src/kernel/fs/diskfs/diskfs.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { BlobStore } from '../../src/kernel/fs/storage/blob-store.ts';
import type { Store } from '../../src/kernel/fs/storage/store.ts';
import { Vfs } from '../../src/kernel/fs/vfs/vfs.ts';

export async function machineOn(store: Store) {
  const clock = new ManualClock();
  const vfs = new Vfs({ clock });
  registerFilesystems(vfs);
  const blobs = new BlobStore(store);
  const fs = await DiskFs.open({ store, blobs, clock });
  const ctx = await vfs.newRootContext(fs, '/dev/vda');
  return { vfs, ctx, fs, blobs };
}

export type DiskMachine = Awaited<ReturnType<typeof machineOn>>;

// The filesystem contract over overlayfs whose layers are directories of one diskfs (how
// cowbox stores images and containers). Reopening is a whole reload: a new VFS, the diskfs
// opened again from its Store, and the overlay mounted again over the same directories.

import { ManualClock } from '../../src/kernel/clock.ts';
import { DiskFs } from '../../src/kernel/fs/diskfs/diskfs.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { BlobStore } from '../../src/kernel/fs/storage/blob-store.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { fsContract } from '../contract/fs-contract.ts';
import { OVERLAY_DIFFERENCES } from './overlay-differences.ts';

const OPTIONS = 'lowerdir=/lower,upperdir=/upper,workdir=/work';

fsContract('overlay (empty lower, upper on diskfs)', async () => {
  const clock = new ManualClock();
  const store = new MemoryStore();
  const blobs = new BlobStore(store);
  const boot = async (first: boolean) => {
    const vfs = new Vfs({ clock });
    registerFilesystems(vfs);
    const ctx = await vfs.newRootContext(await DiskFs.open({ store, blobs, clock }), '/dev/vda');
    if (first) for (const d of ['/lower', '/upper', '/work', '/merged']) await vfs.mkdir(ctx, d, 0o755);
    await vfs.mount(ctx, 'overlay', '/merged', 'overlay', OPTIONS);
    return (await vfs.lookup(ctx, '/merged')).node.fs;
  };
  return { fs: await boot(true), clock, reopen: () => boot(false) };
}, { differs: OVERLAY_DIFFERENCES });

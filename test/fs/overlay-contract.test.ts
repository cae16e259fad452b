// The filesystem contract over overlayfs with an empty lower layer and a tmpfs upper, mounted
// through the VFS as `mount -t overlay` does; the suite then drives the overlay's own objects.
// Reopening unmounts and mounts the same layers again.

import { ManualClock } from '../../src/kernel/clock.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { TmpFs } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import { Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { fsContract } from '../contract/fs-contract.ts';
import { OVERLAY_DIFFERENCES } from './overlay-differences.ts';

const OPTIONS = 'lowerdir=/lower,upperdir=/upper,workdir=/work';

fsContract('overlay (empty lower, tmpfs upper)', async () => {
  const clock = new ManualClock();
  const vfs = new Vfs({ clock });
  registerFilesystems(vfs);
  const ctx = await vfs.newRootContext(new TmpFs({ dev: vfs.allocDev(), clock, mode: 0o755 }), 'rootfs');
  for (const d of ['/lower', '/upper', '/work', '/merged']) await vfs.mkdir(ctx, d, 0o755);
  const mount = async () => {
    await vfs.mount(ctx, 'overlay', '/merged', 'overlay', OPTIONS);
    return (await vfs.lookup(ctx, '/merged')).node.fs;
  };
  const fs = await mount();
  return {
    fs,
    clock,
    reopen: async () => {
      await vfs.umount(ctx, '/merged');
      return mount();
    },
  };
}, { differs: OVERLAY_DIFFERENCES });

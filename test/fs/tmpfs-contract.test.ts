// The filesystem contract over tmpfs, created directly as the kernel creates it for a mount.

import { ManualClock } from '../../src/kernel/clock.ts';
import { TmpFs } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import { fsContract } from '../contract/fs-contract.ts';

let dev = 0x30;

fsContract('tmpfs', async () => {
  const clock = new ManualClock();
  return { fs: new TmpFs({ dev: dev++, clock }), clock };
});

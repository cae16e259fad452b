// The filesystem types the kernel knows by name, as `mount -t TYPE` and /proc/filesystems list
// them. The kernel registers them with its VFS at boot; the VFS itself names none.

import type { Vfs } from './vfs/vfs.ts';
import { TmpFs } from './tmpfs/tmpfs.ts';
import { mountOverlay } from './overlay/super.ts';

export function registerFilesystems(vfs: Vfs): void {
  vfs.registerFsType('tmpfs', async (req) => new TmpFs({ dev: req.dev, clock: req.clock, readOnly: req.readOnly, mode: modeOption(req.options) }));
  vfs.registerFsType('overlay', mountOverlay);
}

/** tmpfs's mode=NNNN option. */
function modeOption(options: string): number | undefined {
  const m = /(?:^|,)mode=([0-7]+)(?:,|$)/.exec(options);
  return m ? parseInt(m[1]!, 8) : undefined;
}

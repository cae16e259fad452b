// The filesystem types the kernel knows by name, as `mount -t TYPE` and /proc/filesystems list
// them. The kernel registers them with its VFS at boot; the VFS itself names none.

import type { Vfs } from './vfs/vfs.ts';
import { TmpFs } from './tmpfs/tmpfs.ts';
import { mountOverlay } from './overlay/super.ts';
import type { CgroupTree } from '../cgroup/cgroup-tree.ts';
import { type CgroupFsHooks, createCgroupFsFactory } from './cgroupfs/cgroup-fs.ts';

/** `cgroups`: the kernel's cgroup hierarchy, which `mount -t cgroup2` shows. */
export function registerFilesystems(vfs: Vfs, cgroups?: { tree: CgroupTree; hooks?: CgroupFsHooks }): void {
  vfs.registerFsType('tmpfs', async (req) => new TmpFs({ dev: req.dev, clock: req.clock, readOnly: req.readOnly, mode: modeOption(req.options) }));
  vfs.registerFsType('overlay', mountOverlay);
  if (cgroups) vfs.registerFsType('cgroup2', createCgroupFsFactory(cgroups.tree, cgroups.hooks));
}

/** tmpfs's mode=NNNN option. */
function modeOption(options: string): number | undefined {
  const m = /(?:^|,)mode=([0-7]+)(?:,|$)/.exec(options);
  return m ? parseInt(m[1]!, 8) : undefined;
}

// The filesystem types the kernel knows by name, as `mount -t TYPE` and /proc/filesystems list
// them. The kernel registers them with its VFS at boot; the VFS itself names none. overlayfs is
// loaded on its first mount: booting to a prompt never needs it, and it is a large module.

import type { Vfs } from './vfs/vfs.ts';
import { TmpFs, tmpfsLimits } from './tmpfs/tmpfs.ts';
import { MEM_TOTAL_KB } from '../memory-size.ts';
import { sysfsMounter } from './tmpfs/sysfs.ts';
import type { CgroupTree } from '../cgroup/cgroup-tree.ts';
import { type CgroupFsHooks, createCgroupFsFactory } from './cgroupfs/cgroup-fs.ts';

/** `cgroups`: the kernel's cgroup hierarchy, which `mount -t cgroup2` shows. */
export function registerFilesystems(vfs: Vfs, cgroups?: { tree: CgroupTree; hooks?: CgroupFsHooks }): void {
  vfs.registerFsType('tmpfs', async (req) => new TmpFs({
    dev: req.dev, clock: req.clock, readOnly: req.readOnly, mode: modeOption(req.options),
    ...tmpfsLimits(req.options, MEM_TOTAL_KB),
  }));
  const sysfs = sysfsMounter();
  vfs.registerFsType('sysfs', async (req) => sysfs(req.dev, req.clock, req.readOnly));
  vfs.registerFsType('mqueue', async (req) => new TmpFs({ type: 'mqueue', magic: MQUEUE_MAGIC, dev: req.dev, clock: req.clock, readOnly: req.readOnly, mode: 0o1777 }));
  vfs.registerFsType('overlay', async (req) => (await loadOverlay()).mountOverlay(req));
  if (cgroups) vfs.registerFsType('cgroup2', createCgroupFsFactory(cgroups.tree, cgroups.hooks));
}

let overlay: typeof import('./overlay/super.ts') | undefined;
const loadOverlay = async (): Promise<typeof import('./overlay/super.ts')> => (overlay ??= await import('./overlay/super.ts'));

/**
 * The code of filesystem type `name` while it is still to be loaded (its first mount), else null:
 * mount(2) waits for it first, off the caller's CPU time, as exec waits for a program's code.
 */
export function fsTypeCode(name: string): Promise<unknown> | null {
  return name === 'overlay' && !overlay ? loadOverlay() : null;
}

const MQUEUE_MAGIC = 0x19800202;

/** tmpfs's mode=NNNN option. */
function modeOption(options: string): number | undefined {
  const m = /(?:^|,)mode=([0-7]+)(?:,|$)/.exec(options);
  return m ? parseInt(m[1]!, 8) : undefined;
}

// The filesystem types the kernel knows by name, as `mount -t TYPE` and /proc/filesystems list
// them. The kernel registers them with its VFS at boot; the VFS itself names none. overlayfs is
// loaded on its first mount: booting to a prompt never needs it, and it is a large module.

import type { Vfs } from './vfs/vfs.ts';
import { type Clock, ROOT_CRED } from './vfs/types.ts';
import { TmpFs } from './tmpfs/tmpfs.ts';
import type { CgroupTree } from '../cgroup/cgroup-tree.ts';
import { type CgroupFsHooks, createCgroupFsFactory } from './cgroupfs/cgroup-fs.ts';

/** `cgroups`: the kernel's cgroup hierarchy, which `mount -t cgroup2` shows. */
export function registerFilesystems(vfs: Vfs, cgroups?: { tree: CgroupTree; hooks?: CgroupFsHooks }): void {
  vfs.registerFsType('tmpfs', async (req) => new TmpFs({ dev: req.dev, clock: req.clock, readOnly: req.readOnly, mode: modeOption(req.options), sizeBytes: sizeOption(req.options) }));
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

const SYSFS_MAGIC = 0x62656572;
const MQUEUE_MAGIC = 0x19800202;

/** Directories of sysfs that programs and container engines expect to find (mount points above all). */
const SYSFS_DIRS = ['block', 'bus', 'class', 'class/net', 'dev', 'devices', 'devices/system', 'devices/virtual',
  'devices/virtual/powercap', 'firmware', 'fs', 'fs/cgroup', 'kernel', 'module', 'power'];

/** sysfs as a skeleton: its directories, without device attributes (nothing here reads them yet). */
async function sysfs(dev: number, clock: Clock, readOnly: boolean): Promise<TmpFs> {
  const fs = new TmpFs({ type: 'sysfs', magic: SYSFS_MAGIC, dev, clock, mode: 0o555 });
  const root = await fs.root();
  for (const path of SYSFS_DIRS) {
    const names = path.split('/');
    let dir = root;
    for (const name of names.slice(0, -1)) dir = (await dir.lookup(name))!;
    await dir.mkdir(names[names.length - 1]!, 0o755, ROOT_CRED);
  }
  fs.readOnly = readOnly;
  return fs;
}

/** tmpfs's size= option in bytes (k, m, g suffixes), or undefined. */
function sizeOption(options: string): number | undefined {
  const m = /(?:^|,)size=(\d+)([kmg]?)(?:,|$)/i.exec(options);
  if (!m) return undefined;
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * scale;
}

/** tmpfs's mode=NNNN option. */
function modeOption(options: string): number | undefined {
  const m = /(?:^|,)mode=([0-7]+)(?:,|$)/.exec(options);
  return m ? parseInt(m[1]!, 8) : undefined;
}

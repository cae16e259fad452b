// sysfs: one tree of directories shared by every mount of it, as Linux's kernfs nodes are shared
// by every sysfs superblock. Each mount gets a small superblock of its own (its device number and
// its ro/rw, which /proc/self/mountinfo shows), so a thousand containers' read-only /sys cost a
// thousand of those, not a thousand trees. A file's st_dev is the shared tree's (the first
// mount's, the host's /sys), where Linux would give a container in its own network namespace a
// number of its own.

import type { Clock, FileSystem, StatFs, VNode } from '../vfs/types.ts';
import { ROOT_CRED } from '../vfs/types.ts';
import { TmpFs } from './tmpfs.ts';

const SYSFS_MAGIC = 0x62656572;

/** Directories of sysfs that programs and container engines expect to find (mount points above all). */
const SYSFS_DIRS = ['block', 'bus', 'class', 'class/net', 'dev', 'devices', 'devices/system', 'devices/virtual',
  'devices/virtual/powercap', 'firmware', 'fs', 'fs/cgroup', 'kernel', 'module', 'power'];

/** sysfs as a skeleton: its directories, without device attributes (nothing here reads them yet). */
async function buildTree(dev: number, clock: Clock): Promise<TmpFs> {
  const fs = new TmpFs({ type: 'sysfs', magic: SYSFS_MAGIC, dev, clock, mode: 0o555 });
  const root = await fs.root();
  for (const path of SYSFS_DIRS) {
    const names = path.split('/');
    let dir = root;
    for (const name of names.slice(0, -1)) dir = (await dir.lookup(name))!;
    await dir.mkdir(names[names.length - 1]!, 0o755, ROOT_CRED);
  }
  return fs;
}

/** One mount's superblock: its own number and ro/rw over the shared tree. */
class SysfsSuper implements FileSystem {
  readonly type = 'sysfs';
  constructor(private readonly tree: TmpFs, readonly dev: number, readonly readOnly: boolean) {}
  root(): Promise<VNode> {
    return this.tree.root();
  }
  statfs(): Promise<StatFs> {
    return this.tree.statfs();
  }
  sync(): Promise<void> {
    return Promise.resolve();
  }
  mountOptions(): string {
    return this.readOnly ? 'ro' : 'rw';
  }
}

/** A sysfs mount factory holding the one tree its mounts share (made at the first mount). */
export function sysfsMounter(): (dev: number, clock: Clock, readOnly: boolean) => Promise<FileSystem> {
  let tree: Promise<TmpFs> | null = null;
  return async (dev, clock, readOnly) => {
    tree ??= buildTree(dev, clock);
    const t = await tree;
    // The first mount is the tree's own superblock: its files' st_dev and mountinfo agree.
    return t.dev === dev ? withReadOnly(t, readOnly) : new SysfsSuper(t, dev, readOnly);
  };
}

function withReadOnly(t: TmpFs, readOnly: boolean): FileSystem {
  // The tree itself stays writable (attributes change through rw mounts); a ro first mount gets
  // a superblock of its own like any other.
  return readOnly ? new SysfsSuper(t, t.dev, true) : t;
}

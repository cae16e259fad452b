// /proc/PID/mountinfo and /proc/PID/mounts: the mounts of a process's mount namespace in the
// order they were mounted, with paths relative to that process's root; a mount its root cannot
// reach is left out (recorded: a chrooted reader sees only what lies below its root). Per-mount
// flags (ro/rw, nosuid, nodev, noexec, the atime mode) and the superblock's options go in their
// own columns, as Linux separates them; mounts are private, so there are no optional fields.

import { major, minor } from '../../../abi/stat.ts';
import { type Mount, type MountNamespace, type PathRef, rootPathOf, sameRef, stepUp } from '../vfs/mount.ts';
import type { Vfs } from '../vfs/vfs.ts';
import { mangle } from './format.ts';

/** The mount id shown as the parent of a namespace's root: the rootfs mount nobody sees. */
const ROOTFS_MOUNT_ID = 1;

/** Flags that belong to a mount, not to its filesystem, in the order show_mnt_opts prints them. */
const MOUNT_FLAGS = ['nosuid', 'nodev', 'noexec', 'noatime', 'nodiratime', 'relatime', 'nosymfollow'];
/** Superblock flags printed before the filesystem's own options (show_sb_opts). */
const SB_FLAGS = ['sync', 'dirsync', 'mand', 'lazytime'];
/** Spellings that only select a mode and print nothing themselves. */
const SILENT = new Set(['strictatime', 'atime', 'diratime', 'suid', 'dev', 'exec', 'async', 'defaults']);

interface SplitOptions {
  /** "rw,nosuid,relatime" for mountinfo's sixth column (without the ro/rw word). */
  mountFlags: string[];
  sbFlags: string[];
  fsOptions: string[];
}

function splitOptions(vfs: Vfs, m: Mount): SplitOptions {
  const words = vfs.optionsOf(m).split(',').slice(1).filter((w) => w.length > 0);
  const set = new Set(words);
  // relatime is the default atime mode unless another one was asked for.
  if (!set.has('noatime') && !set.has('strictatime')) set.add('relatime');
  if (set.has('noatime')) set.delete('relatime');
  return {
    mountFlags: MOUNT_FLAGS.filter((f) => set.has(f)),
    sbFlags: SB_FLAGS.filter((f) => set.has(f)),
    fsOptions: words.filter((w) => !MOUNT_FLAGS.includes(w) && !SB_FLAGS.includes(w) && !SILENT.has(w)),
  };
}

/** Where a mount appears to a process whose root is `root`, or null when it is out of its reach. */
export function mountPointSeenFrom(m: Mount, root: PathRef): string | null {
  if (root.mount === m && root.node === m.root) return '/';
  const names: string[] = [];
  for (let r: PathRef | null = m.mountpoint, steps = 0; r; steps++) {
    if (sameRef(r, root)) return '/' + names.reverse().join('/');
    const up = stepUp(r, steps);
    names.push(up.name);
    r = up.parent;
  }
  return null;
}

export function mountinfoText(vfs: Vfs, ns: MountNamespace, root: PathRef): string {
  let out = '';
  for (const m of ns.list()) {
    const at = mountPointSeenFrom(m, root);
    if (at === null) continue;
    const o = splitOptions(vfs, m);
    const parent = m.parent?.id ?? ROOTFS_MOUNT_ID;
    const perMount = [m.readOnly ? 'ro' : 'rw', ...o.mountFlags].join(',');
    const superOpts = [m.fs.readOnly ? 'ro' : 'rw', ...o.sbFlags, ...o.fsOptions].join(',');
    const dev = `${major(m.fs.dev)}:${minor(m.fs.dev)}`;
    out += `${m.id} ${parent} ${dev} ${mangle(rootPathOf(m))} ${mangle(at)} ${perMount} - ${m.options.fsType} ${mangle(m.options.source)} ${superOpts}\n`;
  }
  return out;
}

export function mountsText(vfs: Vfs, ns: MountNamespace, root: PathRef): string {
  let out = '';
  for (const m of ns.list()) {
    const at = mountPointSeenFrom(m, root);
    if (at === null) continue;
    const o = splitOptions(vfs, m);
    const opts = [m.readOnly ? 'ro' : 'rw', ...o.sbFlags, ...o.mountFlags, ...o.fsOptions].join(',');
    out += `${mangle(m.options.source)} ${mangle(at)} ${m.options.fsType} ${opts} 0 0\n`;
  }
  return out;
}

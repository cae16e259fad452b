// util-linux and friends: mount, umount, unshare, nsenter, lsns, chroot, pivot_root, dmesg; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const UTIL_LINUX: ProgramTable = {
  chroot: () => import('./chroot.ts'),
  lsns: () => import('./lsns.ts'),
  mount: () => import('./mount.ts'),
  nsenter: () => import('./nsenter.ts'),
  pivot_root: () => import('./pivot_root.ts'),
  umount: () => import('./umount.ts'),
  unshare: () => import('./unshare.ts'),
};

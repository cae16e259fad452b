// util-linux and friends: mount, umount, unshare, nsenter, lsns, chroot, pivot_root, dmesg; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const UTIL_LINUX: ProgramTable = {};

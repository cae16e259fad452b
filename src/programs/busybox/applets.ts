// The applets cowbox's busybox runs, with the directory alpine links each from (what
// `busybox --list-full` prints). Most run cowbox's own tool under busybox's dialect; the few
// whose output busybox lays out its own way (ps, top, free, df, which, clear, reset), vi (vim's editor core
// in busybox's dialect, vi/) and the shell (sh and ash, the shell in ash's dialect) have a file here.

import type { ProgramEntry } from '../lib/table.ts';

type Loader = () => Promise<{ default: ProgramEntry }>;

/** Applets with an implementation of their own in this folder. */
export const NATIVE: Record<string, Loader> = {
  ash: () => import('./ash.ts'),
  sh: () => import('./ash.ts'),
  clear: () => import('./clear.ts'),
  df: () => import('./df.ts'),
  free: () => import('./free.ts'),
  ps: () => import('./ps.ts'),
  reset: () => import('./reset.ts'),
  top: () => import('./top.ts'),
  vi: () => import('./vi/vi.ts'),
  which: () => import('./which.ts'),
};

/** Where alpine's busybox links each applet (bin/, usr/bin/...). */
const DIRS: Record<string, string> = {
  bin: `ash cat chgrp chmod chown cp date df dmesg echo egrep false fgrep grep gunzip gzip hostname kill ln ls mkdir mknod mktemp
    more mount mv ps pwd rm rmdir sed sh sleep tar touch true umount uname vi zcat`,
  'usr/bin': `[ awk base64 basename clear cmp cut diff dirname du env expr find fold free groups head id install less md5sum mkfifo nl
    nproc nsenter od paste pgrep pkill printenv readlink realpath reset seq sha1sum sha256sum sha512sum sort stat tail tee test timeout top tr truncate
    uniq unshare uptime wc which whoami xargs yes`,
  'usr/sbin': 'chroot',
  sbin: 'pivot_root',
};

export const APPLET_DIR = new Map<string, string>();
for (const [dir, names] of Object.entries(DIRS)) for (const n of names.split(/\s+/).filter(Boolean)) APPLET_DIR.set(n, dir);

/** Every applet name, in the order busybox lists them (byte order). */
export const APPLETS = [...APPLET_DIR.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

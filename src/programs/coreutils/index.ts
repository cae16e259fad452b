// GNU coreutils: one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const COREUTILS: ProgramTable = {
  cat: () => import('./cat.ts'),
  chmod: () => import('./chmod.ts'),
  du: () => import('./du.ts'),
  echo: () => import('./echo.ts'),
  env: () => import('./env.ts'),
  false: () => import('./false.ts'),
  head: () => import('./head.ts'),
  ln: () => import('./ln.ts'),
  ls: () => import('./ls.ts'),
  mkdir: () => import('./mkdir.ts'),
  mkfifo: () => import('./mkfifo.ts'),
  mknod: () => import('./mknod.ts'),
  mktemp: () => import('./mktemp.ts'),
  od: () => import('./od.ts'),
  readlink: () => import('./readlink.ts'),
  realpath: () => import('./realpath.ts'),
  rm: () => import('./rm.ts'),
  rmdir: () => import('./rmdir.ts'),
  stat: () => import('./stat.ts'),
  touch: () => import('./touch.ts'),
  tr: () => import('./tr.ts'),
  true: () => import('./true.ts'),
  truncate: () => import('./truncate.ts'),
};

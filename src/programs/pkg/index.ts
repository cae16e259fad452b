// package managers: apk, apt-get, apt, dpkg, yum, dnf, rpm; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const PKG: ProgramTable = {
  apk: () => import('./apk.ts'),
  apt: () => import('./apt-get.ts'),
  'apt-get': () => import('./apt-get.ts'),
  dnf: () => import('./dnf.ts'),
  dpkg: () => import('./dpkg.ts'),
  'dpkg-query': () => import('./dpkg.ts'),
  rpm: () => import('./rpm.ts'),
  yum: () => import('./dnf.ts'),
};

// package managers: apk, apt-get, apt, dpkg, yum, dnf, rpm; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const PKG: ProgramTable = {};

// long-running services: httpd, php-fpm, nginx, and the php command line; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const DAEMONS: ProgramTable = {
  httpd: () => import('./httpd.ts'),
  nginx: () => import('./nginx.ts'),
  php: () => import('./php.ts'),
  'php-fpm': () => import('./php-fpm.ts'),
};

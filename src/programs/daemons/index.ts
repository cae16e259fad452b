// long-running services: httpd, php-fpm, nginx; one file per command.

import type { ProgramTable } from '../lib/table.ts';

export const DAEMONS: ProgramTable = {};

// Docker workloads for the `docker` benchmark group: a fully booted machine (the one the CLI and
// the page boot: /proc, cgroup2, /run, every program) running command lines one at a time, and
// the seed Dockerfile from the founding brief with its build context.

import { bootMachine } from '../../src/boot/machine.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { type ScriptMachine, scriptMachine } from '../lib/script-machine.ts';

export const SEED_DOCKERFILE = `FROM registry.access.redhat.com/ubi8/ubi:8.1
RUN yum --disableplugin=subscription-manager -y module enable php:7.3 \\
  && yum --disableplugin=subscription-manager -y install httpd php \\
  && yum --disableplugin=subscription-manager clean all
ADD index.php /var/www/html
RUN sed -i 's/Listen 80/Listen 8080/' /etc/httpd/conf/httpd.conf \\
  && sed -i 's/listen.acl_users = apache,nginx/listen.acl_users =/' /etc/php-fpm.d/www.conf \\
  && mkdir /run/php-fpm \\
  && chgrp -R 0 /var/log/httpd /var/run/httpd /run/php-fpm \\
  && chmod -R g=u /var/log/httpd /var/run/httpd /run/php-fpm
USER 1001
CMD php-fpm & httpd -D FOREGROUND
`;

export const SEED_INDEX_PHP = '<?php\necho "Hello from cowbox\\n";\n';

export async function dockerMachine(): Promise<ScriptMachine> {
  const m = await bootMachine({ host: nodeHost });
  return scriptMachine(m.kernel, m.vfs, m.ctx, ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root', 'LANG=C']);
}

/** The seed's build context at /root/seed. */
export async function writeSeedContext(m: ScriptMachine): Promise<void> {
  await m.mkdirs(['/root/seed']);
  await m.write('/root/seed/Dockerfile', SEED_DOCKERFILE);
  await m.write('/root/seed/index.php', SEED_INDEX_PHP);
}

/** Heap in use after a full collection (the bench runs with --expose-gc when it can). */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

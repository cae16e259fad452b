// nginx on Debian 12 and Alpine 3.20: -v/-t, a master with workers and its pid file under
// -g 'daemon off;', -s quit through the pid file, and the errors a broken config or a non-root
// start on port 80 give.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { DAEMON_TEST_PROGRAMS, ENV } from './helpers.ts';

const DEBIAN = 'lay-image debian-12 && apt-get update >/dev/null && apt-get install -y nginx >/dev/null 2>&1';
const run = (script: string) => runSh(script, { programs: DAEMON_TEST_PROGRAMS, env: ENV });

describe('nginx', () => {
  it('prints its version and tests its configuration', async () => {
    const r = await run(`${DEBIAN}; nginx -v; nginx -t; echo "t=$?"`);
    expect(r.stderr).toBe('nginx version: nginx/1.22.1\nnginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect(r.stdout).toBe('t=0\n');
  });

  it('refuses an unknown directive with file and line', async () => {
    const r = await run(`${DEBIAN}; echo 'bogus on;' >> /etc/nginx/nginx.conf; nginx -t; echo "t=$?"`);
    expect(r.stderr).toMatch(/^nginx: \[emerg\] unknown directive "bogus" in \/etc\/nginx\/nginx\.conf:\d+\nnginx: configuration file \/etc\/nginx\/nginx\.conf test failed\n$/);
    expect(r.stdout).toBe('t=1\n');
  });

  it('runs a master and workers in the foreground and quits on -s quit', async () => {
    const r = await run(`${DEBIAN}; mkdir -p /proc && mount -t proc proc /proc
nginx -g 'daemon off;' &
wait-file /run/nginx.pid
pid=$(cat /run/nginx.pid)
grep -l "^PPid:.$pid\$" /proc/[0-9]*/status | wc -l
nginx -s quit; wait; echo "status=$?"; test -e /run/nginx.pid || echo "pid file removed"`);
    expect(Number(r.stdout.split('\n')[0])).toBeGreaterThanOrEqual(1);
    expect(r.stdout).toMatch(/status=0\npid file removed\n$/);
  });

  it('cannot bind port 80 as another user', async () => {
    const r = await run('lay-image alpine-3.20 && apk add -q --no-cache nginx && chmod 777 /var/log/nginx; as-user 1001 0 nginx -g "daemon off;"; echo "status=$?"');
    expect(r.stderr).toContain('nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:3\n');
    expect(r.stderr).toContain('nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)\n');
    expect(r.stdout).toBe('status=1\n');
  });
});

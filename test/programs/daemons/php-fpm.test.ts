// php-fpm on UBI 8: the configuration test, the pool socket (a socket file with its ACL in the
// system.posix_acl_access attribute), daemonizing by default, the notices of a non-root start,
// workers in /proc, SIGQUIT/SIGTERM ending it, and the failures a missing directory causes.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { DAEMON_TEST_PROGRAMS, ENV } from './helpers.ts';

const INSTALL = 'lay-image ubi8 && yum --disableplugin=subscription-manager -y -q install php-fpm';
const run = (script: string) => runSh(script, { programs: DAEMON_TEST_PROGRAMS, env: ENV });

describe('php-fpm', () => {
  it('tests its configuration and prints its version', async () => {
    const r = await run(`${INSTALL}; php-fpm -t; echo "t=$?"; php-fpm -v`);
    expect(r.stderr).toMatch(/^\[\d\d-\w{3}-\d{4} \d\d:\d\d:\d\d\] NOTICE: configuration file \/etc\/php-fpm\.conf test is successful\n$/);
    expect(r.stdout).toBe('t=0\nPHP 7.2.11 (fpm-fcgi) (built: Oct  9 2018 15:09:36) ( NTS )\nCopyright (c) 1997-2018 The PHP Group\nZend Engine v3.2.0, Copyright (c) 1998-2018 Zend Technologies\n');
  });

  it('fails as php-fpm does when the socket directory is missing', async () => {
    const r = await run(`${INSTALL}; php-fpm; echo "status=$?"`);
    expect(r.stderr).toMatch(/ERROR: unable to bind listening socket for address '\/run\/php-fpm\/www\.sock': No such file or directory \(2\)\n\[[^\]]+\] ERROR: FPM initialization failed\n$/);
    expect(r.stdout).toBe('status=78\n');
  });

  it('daemonizes, makes its socket, runs workers, and stops on SIGQUIT', async () => {
    const r = await run(`${INSTALL}; mkdir -p /run/php-fpm /proc && mount -t proc proc /proc
php-fpm; echo "started=$?"
wait-file /run/php-fpm/php-fpm.pid
ls -l /run/php-fpm/www.sock | cut -c1-10
pid=$(cat /run/php-fpm/php-fpm.pid)
grep -l "^PPid:.$pid\$" /proc/[0-9]*/status | wc -l
grep '^Uid:' /proc/$(grep -l "^PPid:.$pid\$" /proc/[0-9]*/status | head -1 | cut -d/ -f3)/status
cat /var/log/php-fpm/error.log
signal QUIT $pid; wait-nofile /run/php-fpm/php-fpm.pid; test -e /run/php-fpm/www.sock || echo "socket removed"
tail -2 /var/log/php-fpm/error.log`);
    expect(r.stdout).toContain('started=0\nsrw-rw----\n5\nUid:\t48\t48\t48\t48\n');
    expect(r.stdout).toMatch(/NOTICE: fpm is running, pid \d+\n\[[^\]]+\] NOTICE: ready to handle connections\n/);
    expect(r.stdout).toMatch(/socket removed\n\[[^\]]+\] NOTICE: Finishing \.\.\.\n\[[^\]]+\] NOTICE: exiting, bye-bye!\n$/);
  });

  it('as another user ignores user and group, and stays in the foreground with -F', async () => {
    const r = await run(`${INSTALL}; mkdir /run/php-fpm; chmod 777 /run/php-fpm; chmod 777 /var/log/php-fpm
as-user 1001 0 php-fpm -F &
wait-file /run/php-fpm/php-fpm.pid; signal TERM @/run/php-fpm/php-fpm.pid; wait; echo "status=$?"`);
    expect(r.stderr).toContain("NOTICE: [pool www] 'user' directive is ignored when FPM is not running as root\n");
    expect(r.stderr).toContain("NOTICE: [pool www] 'group' directive is ignored when FPM is not running as root\n");
    expect(r.stdout).toBe('status=0\n');
  });
});

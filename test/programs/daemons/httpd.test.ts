// httpd on a UBI 8 image: the seed Dockerfile's steps (sed the port and the ACL line, make
// /run/php-fpm, chgrp/chmod the log and run directories) and then `php-fpm & httpd -D FOREGROUND`
// as user 1001: pid files, logs, parent and workers in /proc, SIGTERM stopping them. Also the
// failures a learner meets: a misspelled directive, port 80 as non-root, an unwritable log dir.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
import { DAEMON_TEST_PROGRAMS, ENV, have } from './helpers.ts';

const YUM = 'yum --disableplugin=subscription-manager';
const INSTALL = `lay-image ubi8 && ${YUM} -y -q module enable php:7.3 && ${YUM} -y -q install httpd php && ${YUM} -q clean all`;
const run = (script: string) => runSh(script, { programs: DAEMON_TEST_PROGRAMS, env: ENV });

// The seed's RUN line 5-9. When another helper's sed/chgrp/chmod/mkdir is not in the registry
// yet, the same changes are made by a shell-free fallback so the daemon part still runs.
const SEED_FIX = have('sed', 'mkdir', 'chgrp', 'chmod')
  ? `sed -i 's/Listen 80/Listen 8080/' /etc/httpd/conf/httpd.conf
sed -i 's/listen.acl_users = apache,nginx/listen.acl_users =/' /etc/php-fpm.d/www.conf
mkdir /run/php-fpm
chgrp -R 0 /var/log/httpd /var/run/httpd /run/php-fpm
chmod -R g=u /var/log/httpd /var/run/httpd /run/php-fpm`
  : 'seed-fix';

describe('httpd', () => {
  it('runs the seed: php-fpm & httpd -D FOREGROUND as user 1001, then stops on SIGTERM', async () => {
    const r = await run(`${INSTALL}
${SEED_FIX}
mkdir -p /proc && mount -t proc proc /proc
as-user 1001 0 sh -c 'php-fpm & httpd -D FOREGROUND' &
wait-file /run/httpd/httpd.pid
wait-file /run/php-fpm/php-fpm.pid
pid=$(cat /run/httpd/httpd.pid)
echo "comm=$(cat /proc/$pid/comm)"
grep '^Uid:' /proc/$pid/status
grep -l '^PPid:.*'"$pid"'$' /proc/[0-9]*/status | wc -l
cat /var/log/httpd/error_log
ls /run/php-fpm
signal TERM $pid
wait; echo "httpd exited $?"
tail -1 /var/log/httpd/error_log
test -e /run/httpd/httpd.pid || echo "pid file removed"
signal TERM @/run/php-fpm/php-fpm.pid
wait-nofile /run/php-fpm/php-fpm.pid
tail -2 /var/log/php-fpm/error.log`);
    expect(r.stdout).toContain('comm=httpd\nUid:\t1001\t1001\t1001\t1001\n3\n');
    expect(r.stdout).toMatch(/\[mpm_event:notice\] \[pid \d+:tid \d+\] AH00489: Apache\/2\.4\.37 \(Red Hat Enterprise Linux\) configured -- resuming normal operations\n/);
    expect(r.stdout).toContain("AH00094: Command line: 'httpd -D FOREGROUND'\n");
    expect(r.stdout).toContain('php-fpm.pid\nwww.sock\n');
    expect(r.stdout).toMatch(/httpd exited 0\n\[[^\]]+\] \[mpm_event:notice\] \[pid \d+:tid \d+\] AH00491: caught SIGTERM, shutting down\npid file removed\n/);
    expect(r.stdout).toMatch(/NOTICE: Terminating \.\.\.\n\[[^\]]+\] NOTICE: exiting, bye-bye!\n$/);
    expect(r.stderr).toContain("NOTICE: [pool www] 'user' directive is ignored when FPM is not running as root\n");
    expect(r.stderr).toContain("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 127.0.0.1.");
  });

  it('cannot open its log as user 1001 without the chgrp/chmod', async () => {
    const r = await run(`${INSTALL}; sed -i 's/Listen 80/Listen 8080/' /etc/httpd/conf/httpd.conf; as-user 1001 0 httpd -D FOREGROUND; echo "status=$?"`);
    expect(r.stderr).toContain('(13)Permission denied: AH00091: httpd: could not open error log file /etc/httpd/logs/error_log.\nAH00015: Unable to open logs\n');
    expect(r.stdout).toBe('status=1\n');
  });

  it('cannot bind port 80 as user 1001', async () => {
    const r = await run(`${INSTALL}; chmod 777 /var/log/httpd /run/httpd; as-user 1001 0 httpd -D FOREGROUND; echo "status=$?"`);
    expect(r.stderr).toContain('(13)Permission denied: AH00072: make_sock: could not bind to address [::]:80\n(13)Permission denied: AH00072: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n');
    expect(r.stdout).toBe('status=1\n');
  });

  it('refuses a misspelled directive with its line number', async () => {
    const r = await run(`${INSTALL}; sed -i 's/^Listen 80/Lisen 80/' /etc/httpd/conf/httpd.conf; httpd -t; echo "status=$?"`);
    expect(r.stderr).toMatch(/^AH00526: Syntax error on line \d+ of \/etc\/httpd\/conf\/httpd\.conf:\nInvalid command 'Lisen', perhaps misspelled or defined by a module not included in the server configuration\n$/);
    expect(r.stdout).toBe('status=1\n');
  });

  it('checks the syntax, prints its version, and runs in the background without -D FOREGROUND', async () => {
    const r = await run(`${INSTALL}; httpd -t; httpd -v
httpd; echo "started=$?"; wait-file /run/httpd/httpd.pid
grep -c . /var/log/httpd/error_log
httpd -k start; httpd -k stop; wait-nofile /run/httpd/httpd.pid; echo stopped; tail -1 /var/log/httpd/error_log`);
    expect(r.stderr).toContain('Syntax OK\n');
    expect(r.stderr).toMatch(/httpd \(pid \d+\) already running\n/);
    expect(r.stdout).toContain('Server version: Apache/2.4.37 (Red Hat Enterprise Linux)\nServer built:   Oct 26 2019 13:55:18\nstarted=0\n');
    expect(r.stdout).toMatch(/AH00491: caught SIGTERM, shutting down\n$/);
    // As root, httpd logs suEXEC, and its workers switch to User apache.
    expect(r.stdout).toContain('stopped\n');
  });
});

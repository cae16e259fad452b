// The founding brief's seed: its Dockerfile (with the FROM line for ubi8) builds, `docker history`
// shows each step's layer and size, `docker run -d` starts php-fpm and httpd as user 1001 (as
// `docker top` and ps inside show), and `docker diff` and the layer directories under
// /var/lib/docker/overlay2 show what each step and the running container changed.

import { describe, expect, it } from 'vitest';
import { SEED_DOCKERFILE, SEED_INDEX_PHP } from '../../../bench/docker/workloads.ts';
import { runOnMachine } from '../procps-machine.ts';

const CONTEXT = `mkdir /seed && cd /seed
cat > Dockerfile <<'DF'
${SEED_DOCKERFILE}DF
cat > index.php <<'PHP'
${SEED_INDEX_PHP}PHP
`;

describe('the seed example', () => {
  it('builds, runs as 1001 with php-fpm and httpd, and shows its layers and changes', async () => {
    const r = await runOnMachine(`${CONTEXT}
docker build -q -t seed . >/dev/null || exit 1
echo '== history'
docker history --format '{{.CreatedBy}}|{{.Size}}' seed
upper=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' seed)
lower=$(docker inspect -f '{{.GraphDriver.Data.LowerDir}}' seed)
add=$(echo "$lower" | cut -d: -f1)
yum=$(echo "$lower" | cut -d: -f2)
base=$(echo "$lower" | cut -d: -f4)
echo '== sed layer'
grep ^Listen "$upper/etc/httpd/conf/httpd.conf"
grep '^listen.acl_users' "$upper/etc/php-fpm.d/www.conf"
stat -c '%A %g %n' "$upper/run/php-fpm" | sed "s|$upper||"
echo '== add layer'
cat "$add/var/www/html/index.php"
echo '== yum layer'
ls "$yum/usr/sbin/httpd" "$yum/usr/sbin/php-fpm" | sed "s|$yum||"
ls -A "$yum/var/cache/dnf" 2>&1 | sed "s|$yum||"
echo '== base'
ls "$base/usr/sbin/httpd" 2>&1 | sed "s|$base||"
docker run -d --name web seed >/dev/null || exit 1
i=0; while [ $i -lt 200 ] && [ "$(docker top web | grep -c -e 'httpd -D FOREGROUND' -e php-fpm)" -lt 6 ]; do sleep 0.05; i=$((i+1)); done
echo '== top'
docker top web -eo user,pid,args | awk 'NR > 1 {print $1, $3, $4, $5}' | sort | uniq -c
echo '== inside'
docker exec web sh -c 'id -u; tr "\\0" " " < /proc/1/cmdline; echo'
echo '== diff'
docker diff web | grep -E 'php-fpm.pid|httpd/error_log|^C /run/php-fpm$'
docker stop -t 1 web >/dev/null
echo '== stopped'
docker ps -a --format '{{.Names}} {{.Status}}' | cut -d' ' -f1-3
`);
    expect(r.stderr).toBe('');
    const section = (name: string): string[] => {
      const lines = r.stdout.split('\n');
      const start = lines.indexOf(`== ${name}`) + 1;
      const end = lines.findIndex((l, i) => i >= start && l.startsWith('== '));
      return lines.slice(start, end < 0 ? undefined : end).filter((l) => l !== '');
    };
    const history = section('history').map((l) => l.split('|'));
    expect(history.map(([by]) => by!.slice(0, 22))).toEqual([
      'CMD ["/bin/sh" "-c" "p', 'USER 1001', 'RUN /bin/sh -c sed -i ', 'ADD index.php /var/www', 'RUN /bin/sh -c yum --d', '', '',
    ]);
    // Config-only steps are empty layers; ADD's layer is the one file; the RUN layers hold bytes.
    expect(history.map(([, size]) => size).slice(0, 4)).toEqual(['0B', '0B', expect.stringMatching(/^\d+(\.\d+)?kB$/), `${SEED_INDEX_PHP.length}B`]);
    expect(history[4]![1]).toMatch(/MB$/);
    expect(section('sed layer')).toEqual(['Listen 8080', 'listen.acl_users =', 'drwxrwxr-x 0 /run/php-fpm']);
    expect(section('add layer').join('\n') + '\n').toBe(SEED_INDEX_PHP);
    expect(section('yum layer')).toEqual(['/usr/sbin/httpd', '/usr/sbin/php-fpm']);
    expect(section('base')).toEqual(['ls: cannot access \'/usr/sbin/httpd\': No such file or directory']);
    // Every process of the container runs as 1001: php-fpm with its workers, httpd with its own.
    const top = section('top').map((l) => l.trim().split(/\s+/));
    expect(new Set(top.map((t) => t[1]))).toEqual(new Set(['1001']));
    expect([...new Set(top.map((t) => t.slice(2).join(' ')))].sort()).toEqual(['httpd -D FOREGROUND', 'php-fpm']);
    // The CMD's shell ran php-fpm in the background and became httpd (dash execs a last command).
    expect(section('inside')).toEqual(['1001', 'httpd -D FOREGROUND ']);
    expect(section('diff')).toEqual(['C /run/php-fpm', 'A /run/php-fpm/php-fpm.pid', 'A /var/log/httpd/error_log']);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^web Exited \(\d+\)$/);
  }, 120_000);
});

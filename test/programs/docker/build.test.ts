// docker build end to end on a whole machine (/proc, /dev, cgroup2): BuildKit's plain progress,
// the layer per RUN/COPY/ADD/WORKDIR, the cache that makes a rebuild CACHED with the same image
// id, --no-cache, multi-stage builds with --target and COPY --from, .dockerignore, ADD of a
// local tar, --chown/--chmod, and the failures: a RUN that exits non-zero, a Dockerfile without
// FROM, sources outside the context. The base image is made with `docker import` from the
// machine's own programs, so these tests do not depend on the bundled distribution images.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from '../procps-machine.ts';

const PROGRAMS = ['sh', 'echo', 'cat', 'ls', 'mkdir', 'false', 'true', 'id', 'stat', 'env', 'pwd', 'hostname', 'wc', 'chmod', 'touch', 'sleep'];

/** A `base` image holding a few programs and the account files, then SCRIPT in /ctx. */
const withBase = (script: string): string =>
  `mkdir -p /r/bin /r/etc /r/tmp /r/root && for p in ${PROGRAMS.join(' ')}; do cp /bin/$p /r/bin/$p; done
printf 'root:x:0:0:root:/root:/bin/sh\\napp:x:1000:1000:app:/home/app:/bin/sh\\n' > /r/etc/passwd
printf 'root:x:0:\\napp:x:1000:\\nstaff:x:50:\\n' > /r/etc/group
tar -C /r -cf /tmp/r.tar . && docker import /tmp/r.tar base >/dev/null
mkdir -p /ctx && cd /ctx
${script}`;

async function machine(script: string): Promise<{ stdout: string; stderr: string }> {
  const r = await runOnMachine(withBase(script));
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Replaces timings and ids so progress output can be compared exactly. */
function normalise(text: string): string {
  return text
    .replace(/ \d+\.\d{3} /g, ' T ')
    .replace(/DONE \d+\.\ds/g, 'DONE Xs')
    .replace(/exporting layers \d+\.\ds done/g, 'exporting layers Xs done')
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:ID');
}

const IMAGEDB = '/var/lib/docker/image/overlay2/imagedb/content/sha256';

describe('docker build', () => {
  it('builds with plain progress, commits a layer per RUN/COPY/WORKDIR and caches a rebuild', async () => {
    const r = await machine(`cat > Dockerfile <<'DF'
FROM base
ENV GREETING=hi
RUN echo "$GREETING from $(id -u) in $(pwd)" \\
  && echo made > /made
COPY a.txt /srv/
WORKDIR /app
USER 1001
CMD ["cat", "/srv/a.txt"]
DF
echo A > a.txt
docker build -t demo:1 . 2>/tmp/p1; echo st=$?
docker build -t demo:1 . 2>/tmp/p2; echo st=$?
id=$(docker build -q -t demo:1 .); echo "id=$id"
echo ---p1; cat /tmp/p1; echo ---p2; cat /tmp/p2; echo ---config
cat ${IMAGEDB}/\${id#sha256:}; echo
echo ---run; docker run --rm demo:1`);
    expect(r.stderr).toBe('');
    const [head, rest] = r.stdout.split('---p1\n');
    expect(head).toMatch(/^st=0\nst=0\nid=sha256:[0-9a-f]{64}\n$/);
    const id = /id=(sha256:[0-9a-f]{64})/.exec(head!)![1]!;
    const [p1, rest2] = rest!.split('---p2\n');
    const [p2, rest3] = rest2!.split('---config\n');
    expect(normalise(p1!)).toBe(`#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 162B done
#1 DONE Xs

#2 [internal] load metadata for docker.io/library/base:latest
#2 DONE Xs

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE Xs

#4 [1/4] FROM docker.io/library/base:latest
#4 CACHED

#5 [2/4] RUN echo "$GREETING from $(id -u) in $(pwd)"   && echo made > /made
#5 T hi from 0 in /
#5 DONE Xs

#6 [internal] load build context
#6 transferring context: 164B done
#6 DONE Xs

#7 [3/4] COPY a.txt /srv/
#7 DONE Xs

#8 [4/4] WORKDIR /app
#8 DONE Xs

#9 exporting to image
#9 exporting layers Xs done
#9 writing image sha256:ID done
#9 naming to docker.io/library/demo:1 done
#9 DONE Xs
`);
    expect(p1).toContain(`writing image ${id} done`);
    expect(normalise(p2!)).toContain('#5 [2/4] RUN echo "$GREETING from $(id -u) in $(pwd)"   && echo made > /made\n#5 CACHED\n');
    expect(normalise(p2!)).toContain('#7 [3/4] COPY a.txt /srv/\n#7 CACHED\n');
    expect(normalise(p2!)).toContain('#8 [4/4] WORKDIR /app\n#8 CACHED\n');
    expect(p2).toContain('#9 exporting layers done\n');
    expect(p2).toContain(`writing image ${id} done`);
    const [configText, run] = rest3!.split('---run\n');
    const config = JSON.parse(configText!);
    expect(Object.keys(config)).toEqual(['architecture', 'config', 'created', 'history', 'os', 'rootfs']);
    expect(config.config).toEqual({
      User: '1001',
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GREETING=hi'],
      Cmd: ['cat', '/srv/a.txt'],
      WorkingDir: '/app',
      ArgsEscaped: true,
    });
    expect(config.rootfs.diff_ids).toHaveLength(4);
    expect(config.history.map((h: { created_by: string; empty_layer?: boolean }) => [h.created_by, h.empty_layer ?? false]).slice(1)).toEqual([
      ['ENV GREETING=hi', true],
      ['RUN /bin/sh -c echo "$GREETING from $(id -u) in $(pwd)"   && echo made > /made # buildkit', false],
      ['COPY a.txt /srv/ # buildkit', false],
      ['WORKDIR /app', false],
      ['USER 1001', true],
      ['CMD ["cat" "/srv/a.txt"]', true],
    ]);
    expect(run).toBe('A\n');
  }, 60_000);

  it('builds the seed example on ubi8 and a rebuild is all CACHED', async () => {
    const r = await runOnMachine(`mkdir /ctx && cd /ctx && echo '<?php phpinfo(); ?>' > index.php && cat > Dockerfile <<'DF'
FROM registry.access.redhat.com/ubi8/ubi:8.1
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
DF
docker build -q -t seed . >/dev/null; echo st=$?
docker build -t seed . 2>&1 | grep -c CACHED
id=$(docker build -q -t seed .)
cat ${IMAGEDB}/\${id#sha256:}; echo
docker run --rm seed sh -c 'id -u; cat /var/www/html/index.php; grep ^Listen /etc/httpd/conf/httpd.conf; ls -ld /run/php-fpm'`);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['st=0', '4']);
    const config = JSON.parse(lines[2]!);
    expect(config.config.User).toBe('1001');
    expect(config.config.Cmd).toEqual(['/bin/sh', '-c', 'php-fpm & httpd -D FOREGROUND']);
    expect(config.config.Entrypoint).toBeUndefined();
    expect(config.config.Env).toContain('container=oci');
    const ours = config.history.filter((h: { comment?: string }) => h.comment === 'buildkit.dockerfile.v0');
    expect(ours.map((h: { created_by: string; empty_layer?: boolean }) => [h.created_by.replace(/ -y .*clean all/, ' ...'), h.empty_layer ?? false])).toEqual([
      ['RUN /bin/sh -c yum --disableplugin=subscription-manager ... # buildkit', false],
      ['ADD index.php /var/www/html # buildkit', false],
      [expect.stringMatching(/^RUN \/bin\/sh -c sed -i 's\/Listen 80\/Listen 8080\/' .* # buildkit$/), false],
      ['USER 1001', true],
      ['CMD ["/bin/sh" "-c" "php-fpm & httpd -D FOREGROUND"]', true],
    ]);
    expect(lines.slice(3, 6)).toEqual(['1001', '<?php phpinfo(); ?>', 'Listen 8080']);
    expect(lines[6]).toMatch(/^drwxrwxr-x .* root root .*\/run\/php-fpm$/);
  }, 120_000);

  it('--no-cache runs every step again', async () => {
    const r = await machine(`printf 'FROM base\\nRUN echo once\\n' > Dockerfile
docker build -q . >/dev/null; docker build --no-cache . 2>&1 | grep -E '^#[0-9]+ (CACHED|[0-9.]+ once)' | sed 's/ [0-9.]* once/ T once/'`);
    expect(r.stdout).toBe('#4 CACHED\n#5 T once\n');
  }, 60_000);

  it('a failing RUN says which line and status, and leaves no image and no RW layer or cgroup', async () => {
    const r = await machine(`printf 'FROM base\\nRUN echo before\\nRUN echo out && false\\nCMD x\\n' > Dockerfile
docker build -t bad . 2>/tmp/e; echo st=$?
sed -n '/#6 \\[3\\/3\\]/,$p' /tmp/e | sed 's/[0-9]\\.[0-9][0-9][0-9] out/T out/'
grep -c bad /var/lib/docker/image/overlay2/repositories.json
ls /var/lib/docker/image/overlay2/layerdb/mounts | wc -l
ls /sys/fs/cgroup/system.slice 2>/dev/null | grep -c docker-`);
    expect(r.stdout).toBe(`st=1
#6 [3/3] RUN echo out && false
#6 T out
#6 ERROR: process "/bin/sh -c echo out && false" did not complete successfully: exit code: 1
------
 > [3/3] RUN echo out && false:
T out
------
Dockerfile:3
--------------------
   1 |     FROM base
   2 |     RUN echo before
   3 | >>> RUN echo out && false
   4 |     CMD x
   5 |     
--------------------
ERROR: failed to build: failed to solve: process "/bin/sh -c echo out && false" did not complete successfully: exit code: 1
0
0
0
`);
  }, 60_000);

  it('rejects the seed without FROM at line 1, as BuildKit does', async () => {
    const r = await machine(`cat > Dockerfile <<'DF'
RUN yum --disableplugin=subscription-manager -y module enable php:7.3 \\
  && yum --disableplugin=subscription-manager -y install httpd php \\
  && yum --disableplugin=subscription-manager clean all
ADD index.php /var/www/html
USER 1001
CMD php-fpm & httpd -D FOREGROUND
DF
docker build . 2>&1; echo st=$?`);
    expect(r.stdout).toBe(`#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 269B done
#1 DONE 0.0s
Dockerfile:1
--------------------
   1 | >>> RUN yum --disableplugin=subscription-manager -y module enable php:7.3 \\
   2 | >>>   && yum --disableplugin=subscription-manager -y install httpd php \\
   3 | >>>   && yum --disableplugin=subscription-manager clean all
   4 |     ADD index.php /var/www/html
--------------------
ERROR: failed to build: failed to solve: no build stage in current context
st=1
`);
  }, 60_000);

  it('multi-stage: --target, COPY --from by name and index, only the target stage makes the image', async () => {
    const r = await machine(`cat > Dockerfile <<'DF'
ARG MSG=built
FROM base AS builder
ARG MSG
RUN mkdir /out && echo "$MSG" > /out/result
LABEL stage=builder
FROM base AS unused
RUN false
FROM scratch AS final
COPY --from=builder /out/result /result
COPY --from=0 /bin/cat /bin/sh /bin/
COPY --from=base /etc/passwd /etc/
CMD ["/bin/cat", "/result"]
FROM final AS debug
ENV DEBUG=1
DF
docker build --target final --build-arg MSG=hello -t multi . 2>/tmp/p; echo st=$?
grep -E '^#[0-9]+ \\[[a-z]+ ' /tmp/p
docker run --rm multi
id=$(docker build -q --target final --build-arg MSG=hello .)
cat ${IMAGEDB}/\${id#sha256:}`);
    const i = r.stdout.indexOf('{');
    const head = r.stdout.slice(0, i);
    const config = r.stdout.slice(i);
    expect(head).toBe(`st=0
#4 [builder 1/2] FROM docker.io/library/base:latest
#5 [builder 2/2] RUN mkdir /out && echo "$MSG" > /out/result
#6 [final 2/4] COPY --from=builder /out/result /result
#7 [final 3/4] COPY --from=0 /bin/cat /bin/sh /bin/
#8 [final 4/4] COPY --from=base /etc/passwd /etc/
hello
`);
    const c = JSON.parse(config);
    expect(c.config.Labels).toBeUndefined();
    expect(c.config.Cmd).toEqual(['/bin/cat', '/result']);
    expect(c.rootfs.diff_ids).toHaveLength(3);
    expect(c.history.map((h: { created_by: string }) => h.created_by)).toEqual([
      'COPY /out/result /result # buildkit',
      'COPY /bin/cat /bin/sh /bin/ # buildkit',
      'COPY /etc/passwd /etc/ # buildkit',
      'CMD ["/bin/cat" "/result"]',
    ]);
  }, 60_000);

  it('.dockerignore, ADD of a local tar, --chown and --chmod, heredocs', async () => {
    const r = await machine(`mkdir -p src/sub skip t && echo keep > src/keep.txt && echo no > src/sub/x.log && echo secret > skip/s && echo readme > src/README.md && echo doc > src/other.md
printf 'skip\\n**/*.log\\nsrc/*.md\\n!src/README.md\\n' > .dockerignore
echo inside > t/in.txt && tar -czf files.tgz -C t . && echo 'not a tar' > plain.tar.gz
cat > Dockerfile <<'DF'
FROM base
COPY src /dst/
ADD files.tgz /unpacked
ADD plain.tar.gz /raw/
COPY --chown=app:staff --chmod=640 src/keep.txt /owned
COPY <<EOT /etc/motd
hello $HOSTNAME
EOT
RUN <<EOS
cd /dst && ls -R . && stat -c '%U:%G %a %n' /owned && cat /unpacked/in.txt /raw/plain.tar.gz /etc/motd
EOS
ARG WHO=script
RUN <<-EOS
	#!/bin/sh
	echo "hello from the $WHO at $0"
	EOS
DF
docker build . 2>&1 | grep -E '^#[0-9]+ [0-9.]+ ' | sed 's/^#[0-9]* [0-9.]* //'`);
    expect(r.stdout).toBe(`.:
README.md
keep.txt
sub

./sub:
app:staff 640 /owned
inside
not a tar
hello 
hello from the script at /dev/pipes/EOS
`);
  }, 60_000);

  it('sources outside the context and missing ones are "not found" at their line', async () => {
    const r = await machine(`echo out > /outside && ln -s /outside link && ln -s ../../outside rel
for src in ../outside link rel missing.txt; do
  printf 'FROM base\\n\\nCOPY %s /x\\n' "$src" > Dockerfile
  docker build . 2>&1 | grep -E '^(Dockerfile:|ERROR)' | sed 's/ref [a-z0-9]*::[a-z0-9]*/ref ID/'
done`);
    const line = (p: string): string => `Dockerfile:3\nERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref ID: "/${p}": not found\n`;
    expect(r.stdout).toBe(line('outside') + line('link') + line('rel') + line('missing.txt'));
  }, 60_000);

  it('ONBUILD triggers fire in the child stage; ENTRYPOINT, HEALTHCHECK and EXPOSE reach the config', async () => {
    const r = await machine(`echo x > a && echo y > b && cat > Dockerfile <<'DF'
FROM base AS parent
ONBUILD RUN echo "trigger ran" > /trigger
CMD ["inherited"]
FROM parent AS child
ENTRYPOINT ["/bin/cat"]
HEALTHCHECK --interval=30s CMD cat /trigger
EXPOSE 80 53/udp
DF
id=$(docker build -q .); cat ${IMAGEDB}/\${id#sha256:}; echo
docker run --rm \${id#sha256:} /trigger
printf 'FROM base\\nCOPY a b /dst\\n' > Dockerfile; docker build . 2>&1 | tail -1`);
    const lines = r.stdout.split('\n');
    const c = JSON.parse(lines[0]!);
    expect(c.config.Entrypoint).toEqual(['/bin/cat']);
    expect(c.config.Cmd).toBeUndefined();
    expect(c.config.OnBuild).toBeUndefined();
    expect(c.config.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'cat /trigger'], Interval: 30000000000 });
    expect(c.config.ExposedPorts).toEqual({ '80/tcp': {}, '53/udp': {} });
    expect(c.history.map((h: { created_by: string }) => h.created_by).slice(1)).toEqual([
      'CMD ["inherited"]',
      'RUN /bin/sh -c echo "trigger ran" > /trigger # buildkit',
      'ENTRYPOINT ["/bin/cat"]',
      'HEALTHCHECK &{["CMD-SHELL" "cat /trigger"] "30s" "0s" "0s" "0s" \'\\x00\'}',
      'EXPOSE map[53/udp:{} 80/tcp:{}]',
    ]);
    expect(lines[1]).toBe('trigger ran');
    expect(lines[2]).toBe('ERROR: failed to build: failed to solve: When using COPY with more than one source file, the destination must be a directory and end with a /');
  }, 60_000);

  it('RUN --mount (cache, bind, tmpfs), COPY --exclude and --parents', async () => {
    const r = await machine(`mkdir -p app/a/b && echo one > app/a/b/f.txt && echo skip > app/a/skip.tmp && echo ctx > data.txt
cat > Dockerfile <<'DF'
FROM base
RUN --mount=type=cache,target=/cache echo run >> /cache/log && cat /cache/log
RUN --mount=type=bind,source=data.txt,target=/data cat /data && echo changed > /data; cat /data
RUN --mount=type=tmpfs,target=/scratch touch /scratch/x && ls /scratch
COPY --exclude=**/*.tmp app /copied/
COPY --parents app/./a/b/f.txt /par/
RUN ls -R /copied /par
DF
docker build . 2>&1 | grep -E '^#[0-9]+ [0-9.]+ ' | sed 's/^#[0-9]* [0-9.]* //'
docker build --no-cache . 2>&1 | grep -E '^#[0-9]+ [0-9.]+ run' | sed 's/^#[0-9]* [0-9.]* //'
cat data.txt`);
    expect(r.stdout).toBe(`run
ctx
changed
x
/copied:
a

/copied/a:
b

/copied/a/b:
f.txt

/par:
a

/par/a:
b

/par/a/b:
f.txt
run
run
ctx
`);
  }, 60_000);

  it('destination rules, a Dockerfile on stdin, -f with its own .dockerignore, an unknown USER', async () => {
    const r = await machine(`mkdir -p d/sub && echo 1 > d/sub/one && echo a > a.txt && echo b > b.txt && echo ign > ign.txt
cat > Dockerfile <<'DF'
FROM base
RUN mkdir -p /existing /srv
COPY a.txt /srv/page
COPY a.txt /existing
COPY d /flat
COPY a.txt b.txt /many/
WORKDIR /w
COPY a.txt .
RUN ls /srv /existing /flat /many /w
DF
docker build . 2>&1 | grep -E '^#[0-9]+ [0-9.]+ ' | sed 's/^#[0-9]* [0-9.]* //'
printf 'FROM base\\nRUN mkdir /srv && echo dir\\nCOPY a.txt /srv\\nCOPY d /srv/a.txt\\n' | docker build -q - 2>&1 | tail -1
printf 'FROM base\\nCOPY ign.txt /\\n' > app.Dockerfile; echo ign.txt > app.Dockerfile.dockerignore
docker build -f app.Dockerfile . 2>&1 | tail -1
printf 'FROM base\\nUSER bob\\nRUN true\\n' > Dockerfile; docker build . 2>&1 | tail -1`);
    expect(r.stdout).toBe(`/existing:
a.txt

/flat:
sub

/many:
a.txt
b.txt

/srv:
page

/w:
a.txt
ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref j1wrx0p5bqfe1xktvmmz3gzn3::j1wrx0p5bqfe1xktvmmz3gzn3: "/a.txt": not found
ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref j1wrx0p5bqfe1xktvmmz3gzn3::j1wrx0p5bqfe1xktvmmz3gzn3: "/ign.txt": not found
ERROR: failed to build: failed to solve: unable to find user bob: no matching entries in passwd file
`);
  }, 60_000);

  it('an unknown base image, COPY of a URL, a bad --chmod and --from with a variable fail at their line', async () => {
    const r = await machine(`for df in 'FROM nosuchimage:1.0' 'FROM base\\nCOPY https://example.com/x /x' 'FROM base\\nCOPY git@github.com:a/b.git /x' 'FROM base\\nCOPY --chmod=17777 Dockerfile /x' 'FROM base\\nCOPY --from=$X /a /b'; do
  printf "$df\\n" > Dockerfile
  docker build . 2>&1 | grep -E '^(Dockerfile:|ERROR)'
done`);
    expect(r.stdout).toBe(`Dockerfile:1
ERROR: failed to build: failed to solve: failed to resolve source metadata for docker.io/library/nosuchimage:1.0: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed
Dockerfile:2
ERROR: failed to build: failed to solve: source can't be a URL for COPY
Dockerfile:2
ERROR: failed to build: failed to solve: source can't be a git ref for COPY
Dockerfile:2
ERROR: failed to build: failed to solve: invalid chmod parameter: '17777'. it should be octal string and between 0 and 07777
Dockerfile:2
ERROR: failed to build: failed to solve: variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround
`);
  }, 60_000);

  it('SIGTERM during a RUN cancels the build and cleans up', async () => {
    const r = await machine(`printf 'FROM base\\nRUN echo start && sleep 30\\n' > Dockerfile
docker build -t c . >/tmp/out 2>&1 &
sleep 1; kill -TERM $!; wait $!; echo st=$?
tail -1 /tmp/out
ls /var/lib/docker/image/overlay2/layerdb/mounts | wc -l
ls /sys/fs/cgroup/system.slice 2>/dev/null | grep -c docker-
grep -c '"c"' /var/lib/docker/image/overlay2/repositories.json`);
    expect(r.stdout).toBe('st=1\nERROR: failed to build: failed to solve: Canceled: context canceled\n0\n0\n0\n');
  }, 60_000);

  it('command-line errors', async () => {
    const r = await machine(`docker build; echo st=$?; docker build /nope; echo st=$?; docker build --bogus .; echo st=$?
docker build -t Bad .; echo st=$?; docker build -f nope.Dockerfile .; echo st=$?
printf 'FROM base\\n' > Dockerfile; docker build --target prod . 2>&1 | tail -1`);
    expect(r.stdout).toBe('st=1\nst=1\nst=125\nst=1\nst=1\nERROR: failed to build: failed to solve: target stage "prod" could not be found\n');
    expect(r.stderr).toContain("docker: 'docker build' requires 1 argument\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n");
    expect(r.stderr).toContain('ERROR: unable to prepare context: path "/nope" not found\n');
    expect(r.stderr).toContain('unknown flag: --bogus\n');
    expect(r.stderr).toContain('ERROR: invalid tag "Bad": ');
    expect(r.stderr).toContain('ERROR: failed to build: failed to solve: failed to read dockerfile: open nope.Dockerfile: no such file or directory\n');
  }, 60_000);

  it('--platform takes only linux/amd64; --pull looks the base up in the registry even when it is here', async () => {
    const r = await machine(`printf 'FROM base\n' > Dockerfile
docker build -q --platform linux/arm64 .; echo st=$?
docker build -q --platform linux/amd64 . | grep -c sha256:
docker build -q --pull .; echo st=$?
printf 'FROM alpine\n' > Dockerfile; docker pull -q alpine >/dev/null
docker build --progress=plain . 2>&1 | grep -c ' resolve docker.io/library/alpine'
docker build --pull --progress=plain . 2>&1 | grep -c ' resolve docker.io/library/alpine'`);
    expect(r.stdout).toBe('st=1\n1\nst=1\n0\n1\n');
    expect(r.stderr).toContain('ERROR: failed to build: cowbox builds only linux/amd64 images, not "linux/arm64"\n');
    expect(r.stderr).toContain('failed to resolve source metadata for docker.io/library/base:latest: pull access denied');
  }, 60_000);
});

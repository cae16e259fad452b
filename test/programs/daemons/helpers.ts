// Test-only programs for the daemon tests: `as-user UID GID CMD ARGS...` runs a command with those
// ids (as Docker's USER 1001 does: gid 0 when the user has no passwd entry), `wait-file PATH`
// waits until PATH exists and is not empty, `signal SIG PID|@PIDFILE` sends a signal, and
// `wait-nofile PATH` waits until PATH is gone (a daemon removes its pid file as it exits; its
// process may stay a zombie until the test's init reaps it, so kill(pid, 0) is no test).

import { isSysError } from '../../../src/abi/errno.ts';
import { signalNumber } from '../../../src/abi/signals.ts';
import { utf8Decode } from '../../../src/base/text.ts';
import { programNames } from '../../../src/programs/registry.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { TEST_PROGRAMS } from '../pkg/image.ts';

async function asUser(sys: Sys): Promise<number> {
  const [, uid, gid, cmd, ...rest] = sys.argv;
  await sys.setgroups([]);
  await sys.setresgid(Number(gid), Number(gid), Number(gid));
  await sys.setresuid(Number(uid), Number(uid), Number(uid));
  const path = cmd!.includes('/') ? cmd! : `/bin/${cmd}`;
  return sys.execve(path, [cmd!, ...rest]);
}

async function waitFile(sys: Sys): Promise<number> {
  for (let i = 0; i < 5000; i++) {
    try {
      if ((await sys.stat(sys.argv[1]!)).size > 0) return 0;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    await sys.sleep(2);
  }
  await sys.writeAll(2, `wait-file: ${sys.argv[1]} never appeared\n`);
  return 1;
}

async function pidOf(sys: Sys, arg: string): Promise<number> {
  if (!arg.startsWith('@')) return Number(arg);
  const fd = await sys.open(arg.slice(1), 0);
  try {
    return Number(utf8Decode(await sys.readAll(fd)).trim());
  } finally {
    await sys.close(fd);
  }
}

async function signal(sys: Sys): Promise<number> {
  await sys.kill(await pidOf(sys, sys.argv[2]!), signalNumber(sys.argv[1]!)!);
  return 0;
}

async function waitNoFile(sys: Sys): Promise<number> {
  for (let i = 0; i < 5000; i++) {
    try {
      await sys.lstat(sys.argv[1]!);
    } catch (e) {
      if (isSysError(e, 'ENOENT')) return 0;
      throw e;
    }
    await sys.sleep(2);
  }
  await sys.writeAll(2, `wait-nofile: ${sys.argv[1]} never went\n`);
  return 1;
}

/** The seed's sed, mkdir, chgrp -R 0 and chmod -R g=u, for when those programs are not there yet. */
async function seedFix(sys: Sys): Promise<number> {
  const edit = async (path: string, from: string, to: string): Promise<void> => {
    const fd = await sys.open(path, 0);
    const text = utf8Decode(await sys.readAll(fd)).replace(from, to);
    await sys.close(fd);
    const out = await sys.open(path, 0o1 | 0o1000);
    await sys.writeAll(out, text);
    await sys.close(out);
  };
  await edit('/etc/httpd/conf/httpd.conf', 'Listen 80', 'Listen 8080');
  await edit('/etc/php-fpm.d/www.conf', 'listen.acl_users = apache,nginx', 'listen.acl_users =');
  await sys.mkdir('/run/php-fpm', 0o755);
  const walk = async (path: string): Promise<void> => {
    const st = await sys.lstat(path);
    await sys.lchown(path, -1, 0);
    const user = (st.mode >> 6) & 7;
    await sys.chmod(path, (st.mode & 0o7707) | (user << 3));
    if ((st.mode & 0o170000) !== 0o040000) return;
    const fd = await sys.open(path, 0o200000);
    const names = (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
    await sys.close(fd);
    for (const n of names) await walk(`${path}/${n}`);
  };
  for (const d of ['/var/log/httpd', '/run/httpd', '/run/php-fpm']) await walk(d);
  return 0;
}

export const DAEMON_TEST_PROGRAMS = { ...TEST_PROGRAMS, 'as-user': asUser, 'wait-file': waitFile, signal, 'wait-nofile': waitNoFile, 'seed-fix': seedFix };

/** A container's environment: the sbin directories first, so installed daemons are found there. */
export const ENV = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root', 'LANG=C'];

/** Whether the other helpers' programs a seed step needs are in the registry yet. */
export function have(...names: string[]): boolean {
  const all = new Set(programNames());
  return names.every((n) => all.has(n));
}

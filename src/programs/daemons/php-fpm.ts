// php-fpm (the PHP FastCGI Process Manager): reads php-fpm.conf and the pool files it includes,
// opens its error log, creates each pool's listening socket (a socket file made with mknod, with
// listen.mode, and the ACL of listen.acl_users/acl_groups written as a system.posix_acl_access
// attribute, so a kernel or filesystem that refuses it fails php-fpm as on Linux), daemonizes
// unless -F or daemonize = no, writes its pid file, logs "fpm is running, pid N" and "ready to
// handle connections", and forks the pool's workers (switched to the pool's user when started
// as root; as another user the user/group directives are ignored, with php-fpm's notices).
// SIGTERM/SIGINT terminate and SIGQUIT finishes (workers too, socket and pid file removed),
// SIGUSR2 reloads, SIGUSR1 reopens the log; a worker that dies is logged and replaced. Nothing
// connects to the socket: cowbox has no network, and no PHP runs in the workers.

import { isSysError, strerror, ERRNO } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import { S_IFSOCK } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { accountIds, detach, EventLoop, holdMemory, openLog, readText, reap, signalQuietly, spawnWorker, unlinkQuietly, writePidFile } from './lib/daemon.ts';
import { exeInfo, isRhel, upstream } from './lib/exe.ts';
import { FpmConfigError, readFpmConfig, type FpmConfig, type Pool } from './lib/fpm-conf.ts';
import { phpBanner } from './lib/php-version.ts';
import { fpmTime, nowMicros } from './lib/time.ts';
import { describeStatus } from './lib/wait.ts';

export const meta: ProgramMeta = {
  name: 'php-fpm', package: 'PHP', version: '7.3.5',
  usage: ['[-n] [-e] [-h] [-i] [-m] [-v] [-t] [-p <prefix>] [-g <pid>] [-c <file>] [-d foo[=bar]] [-y <file>] [-D] [-F [-O]]'],
  summary: 'The PHP FastCGI Process Manager: a master process with pools of workers listening on sockets.',
  standardOptions: false,
  options: [
    { short: 'y', long: 'fpm-config', arg: 'required', argName: 'file', help: 'the configuration file to read' },
    { short: 't', long: 'test', help: 'test the configuration and exit' },
    { short: 'D', long: 'daemonize', help: 'run in the background' },
    { short: 'F', long: 'nodaemonize', help: 'stay in the foreground' },
    { short: 'O', long: 'force-stderr', help: 'also write the log to standard error' },
    { short: 'R', long: 'allow-to-run-as-root', help: 'allow pools to run as root' },
    { short: 'g', long: 'pid', arg: 'required', argName: 'file', help: 'the pid file' },
    { short: 'c', arg: 'required', argName: 'path', help: 'accepted: where php.ini is' },
    { short: 'v', long: 'version', help: 'print the PHP version' },
    { short: 'h', long: 'help', help: 'this help' },
  ],
};

const HANDLED = [SIG.SIGTERM, SIG.SIGINT, SIG.SIGQUIT, SIG.SIGUSR1, SIG.SIGUSR2];
const WORKER_BYTES = 8 << 20;
const MASTER_BYTES = 4 << 20;

const HELP = (name: string): string => `Usage: ${name} [-n] [-e] [-h] [-i] [-m] [-v] [-t] [-p <prefix>] [-g <pid>] [-c <file>] [-d foo[=bar]] [-y <file>] [-D] [-F [-O]]
  -c <path>|<file> Look for php.ini file in this directory
  -n               No php.ini file will be used
  -d foo[=bar]     Define INI entry foo with value 'bar'
  -e               Generate extended information for debugger/profiler
  -h               This help
  -i               PHP information
  -m               Show compiled in modules
  -v               Version number
  -p, --prefix <dir>
                   Specify alternative prefix path to FastCGI process manager (default: /usr).
  -g, --pid <file>
                   Specify the PID file location.
  -y, --fpm-config <file>
                   Specify alternative path to FastCGI process manager config file.
  -t, --test       Test FPM configuration and exit
  -D, --daemonize  force to run in background, and not read config
  -F, --nodaemonize
                   force to stay in foreground, and ignore daemonize option from config file
  -O, --force-stderr
                   force output to stderr in nodaemonize even if stderr is not a TTY
  -R, --allow-to-run-as-root
                   Allow pool to run as root (disabled by default)
`;

class Logger {
  fd = -1;
  /** Before the master has launched, notices also go to standard error, as php-fpm's zlog does. */
  launched = false;
  toStderr = false;
  constructor(private sys: Sys) {}

  /** The same log for the process `sys` belongs to (after a fork). */
  in(sys: Sys): Logger {
    const l = new Logger(sys);
    l.fd = this.fd;
    l.launched = this.launched;
    l.toStderr = this.toStderr;
    return l;
  }

  async write(level: 'NOTICE' | 'WARNING' | 'ERROR' | 'ALERT', text: string): Promise<void> {
    const line = `[${fpmTime(await nowMicros(this.sys))}] ${level}: ${text}\n`;
    try {
      if (this.fd >= 0) await this.sys.writeAll(this.fd, line);
      if (this.fd < 0 || this.toStderr || !this.launched) await this.sys.writeAll(2, line);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

export default async function phpFpm(sys: Sys): Promise<number> {
  const name = (sys.argv[0] ?? 'php-fpm').split('/').pop()!;
  const opts = { config: '', test: false, daemon: null as boolean | null, stderr: false, root: false, pid: '' };
  const args = sys.argv.slice(1);
  const long: Record<string, string> = { '--fpm-config': 'y', '--test': 't', '--daemonize': 'D', '--nodaemonize': 'F', '--force-stderr': 'O',
    '--allow-to-run-as-root': 'R', '--pid': 'g', '--version': 'v', '--help': 'h', '--prefix': 'p' };
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.split('=', 2) as [string, string | undefined];
      if (!long[k]) {
        await sys.writeAll(2, HELP(name));
        return 64;
      }
      a = `-${long[k]}`;
      if (v !== undefined) args.splice(i + 1, 0, v);
    }
    const c = a[1];
    const value = (): string => a.slice(2) || args[++i] || '';
    switch (c) {
      case 'y': opts.config = value(); break;
      case 't': opts.test = true; break;
      case 'D': opts.daemon = true; break;
      case 'F': opts.daemon = false; break;
      case 'O': opts.stderr = true; break;
      case 'R': opts.root = true; break;
      case 'g': opts.pid = value(); break;
      case 'c': case 'p': case 'd': value(); break;
      case 'n': case 'e': break;
      case 'v': {
        const info = await exeInfo(sys);
        await sys.writeAll(1, phpBanner(upstream(info.version) || '7.3.5', 'fpm-fcgi'));
        return 0;
      }
      case 'h':
        await sys.writeAll(1, HELP(name));
        return 0;
      default:
        await sys.writeAll(2, HELP(name));
        return 64;
    }
  }
  const info = await exeInfo(sys);
  const version = upstream(info.version) || '7.3.5';
  const rhel = !info.version || isRhel(info.version);
  const log = new Logger(sys);
  const file = opts.config || (await defaultConfig(sys, version));
  const fail = async (lines: string[]): Promise<number> => {
    for (const l of lines) await log.write('ERROR', l);
    await log.write('ERROR', 'FPM initialization failed');
    return 78;
  };

  let cfg: FpmConfig;
  try {
    cfg = await readFpmConfig(sys, file);
  } catch (e) {
    if (!(e instanceof FpmConfigError)) throw e;
    return fail(e.lines);
  }
  if (!cfg.pools.length) return fail(['No pool defined. at least one pool section must be specified in config file', 'failed to post process the configuration']);
  for (const p of cfg.pools) if (!p.values.get('listen')) return fail([`[pool ${p.name}] no listen address have been defined!`, 'failed to post process the configuration']);
  const root = (await sys.geteuid()) === 0;
  const notices: string[] = [];
  for (const p of cfg.pools) {
    if (root) {
      const user = p.values.get('user');
      if (!user) return fail([`[pool ${p.name}] user has not been defined`, 'failed to post process the configuration']);
      if ((user === 'root' || user === '0') && !opts.root) return fail([`[pool ${p.name}] please specify user and group other than root`, 'failed to post process the configuration']);
    } else {
      if (p.values.has('user')) notices.push(`[pool ${p.name}] 'user' directive is ignored when FPM is not running as root`);
      if (p.values.has('group')) notices.push(`[pool ${p.name}] 'group' directive is ignored when FPM is not running as root`);
    }
  }
  const errorLog = cfg.global.get('error_log') ?? 'log/php-fpm.log';
  if (errorLog !== 'syslog') {
    const path = errorLog.startsWith('/') ? errorLog : `/var/${errorLog}`;
    try {
      log.fd = await openLog(sys, path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail([`failed to open error_log (${path}): ${strerror(e.code)} (${ERRNO[e.code]})`, 'failed to post process the configuration']);
    }
  }
  log.toStderr = opts.stderr;
  for (const n of notices) await log.write('NOTICE', n);
  const passwd = await accounts(sys, '/etc/passwd');
  const groups = await accounts(sys, '/etc/group');
  for (const p of cfg.pools) {
    for (const [key, table, what] of [['listen.acl_users', passwd, 'uid for user'], ['listen.acl_groups', groups, 'gid for group']] as const) {
      for (const n of (p.values.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
        if (!table.has(n)) return fail([`[pool ${p.name}] cannot get ${what} '${n}'`, 'failed to post process the configuration']);
      }
    }
  }
  if (opts.test) {
    await log.write('NOTICE', `configuration file ${file} test is successful`);
    return 0;
  }

  // Sockets, before leaving the terminal, so a failure is seen by whoever started php-fpm.
  const sockets: string[] = [];
  for (const p of cfg.pools) {
    const listen = p.values.get('listen')!;
    if (!listen.startsWith('/')) {
      const port = Number(listen.split(':').pop());
      if (!root && port < 1024) return fail([`unable to bind listening socket for address '${listen}': Permission denied (13)`]);
      continue;
    }
    try {
      await unlinkQuietly(sys, listen);
      await sys.mknod(listen, S_IFSOCK | 0o777);
      await sys.chmod(listen, parseInt(p.values.get('listen.mode') ?? '0660', 8));
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail([`unable to bind listening socket for address '${listen}': ${strerror(e.code)} (${ERRNO[e.code]})`]);
    }
    sockets.push(listen);
    const acl = aclEntries(p, passwd, groups);
    if (acl) {
      try {
        await sys.setxattr(listen, 'system.posix_acl_access', acl);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return fail([`[pool ${p.name}] failed to write the ACL of the socket '${listen}': ${strerror(e.code)} (${ERRNO[e.code]})`]);
      }
    } else if (root) {
      const owner = p.values.get('listen.owner') ?? p.values.get('user');
      const group = p.values.get('listen.group') ?? p.values.get('group') ?? owner;
      try {
        await sys.chown(listen, passwd.get(owner ?? '') ?? 0, groups.get(group ?? '') ?? 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
  }

  const daemonize = opts.daemon ?? (cfg.global.get('daemonize') ?? 'yes') !== 'no';
  const pidPath = opts.pid || cfg.global.get('pid') || '';
  const master = async (s: Sys): Promise<number> => {
    const own = log.in(s);
    own.launched = true;
    return runMaster(s, own, cfg, pidPath, sockets, { root, rhel, passwd, groups });
  };
  if (!daemonize) return master(sys);
  // Standard error stays the error log, so what the master writes there still lands in it.
  return detach(sys, master, log.fd);
}

async function defaultConfig(sys: Sys, version: string): Promise<string> {
  const [maj = '7', min = '3'] = version.split('.');
  for (const f of ['/etc/php-fpm.conf', `/etc/php/${maj}.${min}/fpm/php-fpm.conf`, `/etc/php${maj}${min}/php-fpm.conf`]) {
    try {
      await sys.stat(f);
      return f;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  return '/etc/php-fpm.conf';
}

async function accounts(sys: Sys, path: string): Promise<Map<string, number>> {
  try {
    return accountIds(await readText(sys, path));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return new Map();
  }
}

/** A POSIX ACL in the kernel's xattr form: owner, named users and groups, group, mask, other. */
function aclEntries(p: Pool, passwd: Map<string, number>, groups: Map<string, number>): Uint8Array | null {
  const users = (p.values.get('listen.acl_users') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const grps = (p.values.get('listen.acl_groups') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!users.length && !grps.length) return null;
  const entries: Array<[number, number, number]> = [[0x01, 6, 0xffffffff]];
  for (const u of users) entries.push([0x02, 6, passwd.get(u)!]);
  entries.push([0x04, 6, 0xffffffff]);
  for (const g of grps) entries.push([0x08, 6, groups.get(g)!]);
  entries.push([0x10, 6, 0xffffffff], [0x20, 0, 0xffffffff]);
  const out = new Uint8Array(4 + entries.length * 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, 2, true);
  entries.forEach(([tag, perm, id], i) => {
    view.setUint16(4 + i * 8, tag, true);
    view.setUint16(6 + i * 8, perm, true);
    view.setUint32(8 + i * 8, id, true);
  });
  return out;
}

interface MasterEnv {
  root: boolean;
  rhel: boolean;
  passwd: Map<string, number>;
  groups: Map<string, number>;
}

async function runMaster(sys: Sys, log: Logger, cfg: FpmConfig, pidPath: string, sockets: string[], env: MasterEnv): Promise<number> {
  const pid = await sys.getpid();
  const loop = new EventLoop(sys);
  await loop.handle(HANDLED);
  if (pidPath) {
    try {
      await writePidFile(sys, pidPath, pid);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await log.write('ERROR', `Unable to create the PID file (${pidPath}).: ${strerror(e.code)} (${ERRNO[e.code]})`);
      await log.write('ERROR', 'FPM initialization failed');
      return 78;
    }
  }
  await holdMemory(sys, MASTER_BYTES);
  await log.write('NOTICE', `fpm is running, pid ${pid}`);
  const workers = new Map<number, { pool: Pool; started: number }>();
  const spawn = async (pool: Pool): Promise<number> => {
    const user = env.root ? pool.values.get('user') : undefined;
    const group = env.root ? pool.values.get('group') ?? user : undefined;
    const account = user ? { uid: env.passwd.get(user) ?? 0, gid: env.groups.get(group!) ?? 0 } : null;
    const child = await spawnWorker(sys, HANDLED, account, WORKER_BYTES);
    workers.set(child, { pool, started: await nowMicros(sys) });
    return child;
  };
  const startAll = async (): Promise<void> => {
    for (const pool of cfg.pools) for (let i = 0; i < startCount(pool); i++) await spawn(pool);
  };
  await startAll();
  await log.write('NOTICE', 'ready to handle connections');
  if (env.rhel) await log.write('NOTICE', 'systemd monitor interval set to 10000ms');

  let finishing: 'Terminating' | 'Finishing' | null = null;
  while (!finishing) {
    const ev = await loop.next();
    if (ev.kind === 'child') {
      const w = workers.get(ev.pid);
      if (!w) continue;
      workers.delete(ev.pid);
      const secs = ((await nowMicros(sys)) - w.started) / 1e6;
      const how = describeStatus(ev.status);
      await log.write('WARNING', 'signal' in how
        ? `[pool ${w.pool.name}] child ${ev.pid} exited on signal ${how.signal} (${how.name}) after ${secs.toFixed(6)} seconds from start`
        : `[pool ${w.pool.name}] child ${ev.pid} exited with code ${how.code} after ${secs.toFixed(6)} seconds from start`);
      const n = await spawn(w.pool);
      await log.write('NOTICE', `[pool ${w.pool.name}] child ${n} started`);
      continue;
    }
    if (ev.sig === SIG.SIGTERM || ev.sig === SIG.SIGINT) finishing = 'Terminating';
    else if (ev.sig === SIG.SIGQUIT) finishing = 'Finishing';
    else if (ev.sig === SIG.SIGUSR1) await log.write('NOTICE', 'error log file re-opened');
    else {
      await log.write('NOTICE', 'Reloading in progress ...');
      await stopWorkers(sys, workers);
      await log.write('NOTICE', `fpm is running, pid ${pid}`);
      await startAll();
      await log.write('NOTICE', 'ready to handle connections');
    }
  }
  await log.write('NOTICE', `${finishing} ...`);
  await stopWorkers(sys, workers);
  for (const s of sockets) await unlinkQuietly(sys, s);
  if (pidPath) await unlinkQuietly(sys, pidPath);
  await log.write('NOTICE', 'exiting, bye-bye!');
  return 0;
}

function startCount(pool: Pool): number {
  const n = (k: string, d: number): number => Number(pool.values.get(k) ?? d) || d;
  const pm = pool.values.get('pm') ?? 'dynamic';
  if (pm === 'static') return n('pm.max_children', 5);
  if (pm === 'ondemand') return 0;
  const min = n('pm.min_spare_servers', 1);
  const max = n('pm.max_spare_servers', 3);
  return Number(pool.values.get('pm.start_servers')) || min + Math.floor((max - min) / 2);
}

async function stopWorkers(sys: Sys, workers: Map<number, unknown>): Promise<void> {
  for (const w of workers.keys()) await signalQuietly(sys, w, SIG.SIGQUIT);
  await reap(sys, workers);
}

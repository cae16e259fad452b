// httpd (Apache HTTP Server 2.4, as RHEL 8 builds it): reads /etc/httpd/conf/httpd.conf and what
// it includes, checks it (-t), and runs: opens its error log and transfer logs, "binds" its Listen
// ports (a port below 1024 needs root, as on Linux; there is no network, so nothing connects),
// writes its pid file, logs Apache's startup lines, and forks StartServers worker processes
// (switched to User/Group when started as root) that each hold memory. It stays in the
// foreground with -D FOREGROUND or -X and otherwise detaches. SIGTERM/SIGINT stop it and its
// workers ("AH00491: caught SIGTERM, shutting down"); SIGWINCH stops gracefully; SIGHUP and
// SIGUSR1 restart; a worker that dies is logged and replaced. -k start|stop|restart|graceful|
// graceful-stop signal the running server through its pid file; -v, -V, -M, -h as httpd.

import { isSysError, strerror, ERRNO, type ErrnoName } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { ConfigError, readApacheConfig, type ApacheConfig } from './lib/apache-conf.ts';
import { accountIds, detach, EventLoop, holdMemory, openLog, readText, reap, signalQuietly, spawnWorker, unlinkQuietly, writePidFile, type Account } from './lib/daemon.ts';
import { exeInfo, isRhel, upstream } from './lib/exe.ts';
import { apacheTime, nowMicros } from './lib/time.ts';
import { describeStatus } from './lib/wait.ts';

export const meta: ProgramMeta = {
  name: 'httpd', package: 'Apache', version: '2.4.37',
  usage: ['[-D name] [-d directory] [-f file] [-k start|restart|graceful|graceful-stop|stop] [-v] [-V] [-h] [-t] [-M] [-X]'],
  summary: 'The Apache HTTP Server: reads its configuration, writes its logs and pid file, and runs a parent with worker processes.',
  standardOptions: false,
  options: [
    { short: 'D', arg: 'required', argName: 'name', help: 'define a name for <IfDefine name>; FOREGROUND keeps httpd in the foreground' },
    { short: 'd', arg: 'required', argName: 'directory', help: 'an alternate initial ServerRoot' },
    { short: 'f', arg: 'required', argName: 'file', help: 'an alternate ServerConfigFile' },
    { short: 'k', arg: 'required', argName: 'action', help: 'signal the running server: start, stop, restart, graceful, graceful-stop' },
    { short: 'e', arg: 'required', argName: 'level', help: 'accepted: the level of startup errors shown' },
    { short: 'v', help: 'show the version' },
    { short: 'V', help: 'show the version and compile settings' },
    { short: 'h', help: 'list the command line options' },
    { short: 't', help: 'check the configuration\'s syntax' },
    { short: 'M', help: 'list the loaded modules' },
    { short: 'S', help: 'show the parsed settings' },
    { short: 'X', help: 'debug mode: one process, in the foreground' },
  ],
};

const USAGE = (name: string): string => `Usage: ${name} [-D name] [-d directory] [-f file]
${' '.repeat(name.length + 7)} [-C "directive"] [-c "directive"]
${' '.repeat(name.length + 7)} [-k start|restart|graceful|graceful-stop|stop]
${' '.repeat(name.length + 7)} [-v] [-V] [-h] [-l] [-L] [-t] [-T] [-S] [-X]
Options:
  -D name            : define a name for use in <IfDefine name> directives
  -d directory       : specify an alternate initial ServerRoot
  -f file            : specify an alternate ServerConfigFile
  -C "directive"     : process directive before reading config files
  -c "directive"     : process directive after reading config files
  -e level           : show startup errors of level (see LogLevel)
  -E file            : log startup errors to file
  -v                 : show version number
  -V                 : show compile settings
  -h                 : list available command line options (this page)
  -l                 : list compiled in modules
  -L                 : list available configuration directives
  -t -D DUMP_VHOSTS  : show parsed vhost settings
  -t -D DUMP_RUN_CFG : show parsed run settings
  -S                 : a synonym for -t -D DUMP_VHOSTS -D DUMP_RUN_CFG
  -t -D DUMP_MODULES : show all loaded modules 
  -M                 : a synonym for -t -D DUMP_MODULES
  -t -D DUMP_INCLUDES: show all included configuration files
  -t                 : run syntax check for config files
  -T                 : start without DocumentRoot(s) check
  -X                 : debug mode (only one worker, do not detach)
`;

const HANDLED = [SIG.SIGTERM, SIG.SIGINT, SIG.SIGHUP, SIG.SIGUSR1, SIG.SIGWINCH];
const WORKER_BYTES = 4 << 20;
const PARENT_BYTES = 6 << 20;

interface Run {
  sys: Sys;
  cfg: ApacheConfig;
  server: string;
  argv: string[];
  log: number;
  mpm: string;
}

export default async function httpd(sys: Sys): Promise<number> {
  const name = (sys.argv[0] ?? 'httpd').split('/').pop()!;
  const defines = new Set<string>();
  let serverRoot = '/etc/httpd';
  let confFile = 'conf/httpd.conf';
  let action: string | null = null;
  const flags = new Set<string>();
  const args = sys.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a.length < 2) {
      await sys.writeAll(2, USAGE(name));
      return 1;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ('DdfkeECc'.includes(c)) {
        const value = a.slice(j + 1) || args[++i];
        if (value === undefined) {
          await sys.writeAll(2, `${name}: option requires an argument -- ${c}\n${USAGE(name)}`);
          return 1;
        }
        if (c === 'D') defines.add(value);
        else if (c === 'd') serverRoot = value.replace(/(.)\/+$/, '$1');
        else if (c === 'f') confFile = value;
        else if (c === 'k') action = value;
        break;
      }
      if (!'vVhtMSXTlL'.includes(c)) {
        await sys.writeAll(2, `${name}: illegal option -- ${c}\n${USAGE(name)}`);
        return 1;
      }
      flags.add(c);
    }
  }
  const info = await exeInfo(sys);
  const version = upstream(info.version) || '2.4.37';
  const server = `Apache/${version} (${isRhel(info.version) || !info.version ? 'Red Hat Enterprise Linux' : 'Unix'})`;
  if (flags.has('h') || flags.has('l') || flags.has('L')) {
    if (flags.has('l')) {
      await sys.writeAll(1, 'Compiled in modules:\n  core.c\n  mod_so.c\n  http_core.c\n');
      return 0;
    }
    await sys.writeAll(2, USAGE(name));
    return 1;
  }
  if (flags.has('v')) {
    await sys.writeAll(1, `Server version: ${server}\nServer built:   Oct 26 2019 13:55:18\n`);
    return 0;
  }
  if (action && !['start', 'stop', 'restart', 'graceful', 'graceful-stop'].includes(action)) {
    await sys.writeAll(2, USAGE(name));
    return 1;
  }
  if (flags.has('S')) flags.add('t');
  if (flags.has('M')) {
    flags.add('t');
    defines.add('DUMP_MODULES');
  }

  const file = confFile.startsWith('/') ? confFile : `${serverRoot}/${confFile}`;
  let cfg: ApacheConfig;
  try {
    cfg = await readApacheConfig(sys, file, serverRoot, defines);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    await sys.writeAll(2, `${e.message.startsWith('Could not open') ? `${name}: ` : ''}${e.message}\n`);
    return 1;
  }
  const mpms = [...cfg.modules.keys()].filter((m) => /^mpm_\w+_module$/.test(m));
  if (mpms.length !== 1) {
    await sys.writeAll(2, `AH00534: ${name}: Configuration error: ${mpms.length ? 'More than one MPM loaded.' : 'No MPM loaded.'}\n`);
    return 1;
  }
  const mpm = mpms[0]!.replace(/^mpm_(\w+)_module$/, '$1');
  if (flags.has('V')) {
    await sys.writeAll(1, versionSettings(server, mpm));
    return 0;
  }
  const pid = await sys.getpid();
  for (const w of cfg.warnings) await sys.writeAll(2, `${w.replace('[pid PID]', `[pid ${pid}:tid ${tid(pid)}]`)}\n`);
  if (!cfg.serverName) await sys.writeAll(2, await serverNameWarning(sys, name));
  const abs = (p: string): string => (p.startsWith('/') ? p : `${cfg.serverRoot}/${p}`);

  if (flags.has('t')) {
    if (defines.has('DUMP_MODULES')) {
      await sys.writeAll(1, `Loaded Modules:\n core_module (static)\n so_module (static)\n http_module (static)\n${[...cfg.modules.keys()].map((m) => ` ${m} (shared)\n`).join('')}`);
      return 0;
    }
    if (defines.has('DUMP_INCLUDES')) {
      await sys.writeAll(1, `Included configuration files:\n${cfg.files.map((f, i) => `${'  '.repeat(i ? 2 : 1)}(*) ${f}\n`).join('')}`);
      return 0;
    }
    await sys.writeAll(2, 'Syntax OK\n');
    return 0;
  }

  const pidPath = abs(cfg.pidFile);
  const running = await runningPid(sys, pidPath);
  if (action && action !== 'start') {
    if (running === null) {
      await sys.writeAll(2, `${name} (${(await fileText(sys, pidPath)) === null ? 'no pid file' : `pid ${await fileText(sys, pidPath)}?`}) not running\n`);
      return action === 'stop' || action === 'graceful-stop' ? 0 : startServer();
    }
    const sig = { stop: SIG.SIGTERM, restart: SIG.SIGHUP, graceful: SIG.SIGUSR1, 'graceful-stop': SIG.SIGWINCH }[action]!;
    await sys.kill(running, sig);
    return 0;
  }
  if (action === 'start' && running !== null) {
    await sys.writeAll(2, `${name} (pid ${running}) already running\n`);
    return 0;
  }
  return startServer();

  async function startServer(): Promise<number> {
    let log: number;
    const errorLog = abs(cfg.errorLog);
    try {
      log = await openLog(sys, errorLog);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `${apr(e.code)}: AH00091: ${name}: could not open error log file ${errorLog}.\nAH00015: Unable to open logs\n`);
      return 1;
    }
    if (!cfg.listen.length) {
      await sys.writeAll(2, 'no listening sockets available, shutting down\nAH00015: Unable to open logs\n');
      return 1;
    }
    if ((await sys.geteuid()) !== 0) {
      const refused = cfg.listen.filter((l) => l.port < 1024);
      if (refused.length) {
        for (const l of refused) {
          const where = l.addr ? [`${l.addr}:${l.port}`] : [`[::]:${l.port}`, `0.0.0.0:${l.port}`];
          for (const w of where) await sys.writeAll(2, `(13)Permission denied: AH00072: make_sock: could not bind to address ${w}\n`);
        }
        await sys.writeAll(2, 'no listening sockets available, shutting down\nAH00015: Unable to open logs\n');
        return 1;
      }
    }
    for (const f of cfg.customLogs) {
      if (f.startsWith('|')) continue;
      try {
        await sys.close(await openLog(sys, abs(f)));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await sys.writeAll(2, `${apr(e.code)}: AH00649: could not open transfer log file ${abs(f)}.\nAH00015: Unable to open logs\n`);
        return 1;
      }
    }
    const run = (s: Sys): Promise<number> => serve({ sys: s, cfg, server, argv: s.argv, log, mpm }, pidPath, flags.has('X'));
    if (defines.has('FOREGROUND') || flags.has('X')) return run(sys);
    return detach(sys, run);
  }
}

/** "(13)Permission denied", as APR prints an errno. */
function apr(code: ErrnoName): string {
  return `(${ERRNO[code]})${strerror(code)}`;
}

function tid(pid: number): number {
  return 139_906_000_000_000 + ((pid * 2_654_435_761) % 4_000_000) * 4096;
}

async function logLine(r: Run, module: string, level: string, text: string): Promise<void> {
  const pid = await r.sys.getpid();
  try {
    await r.sys.writeAll(r.log, `[${apacheTime(await nowMicros(r.sys))}] [${module}:${level}] [pid ${pid}:tid ${tid(pid)}] ${text}\n`);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

async function fileText(sys: Sys, path: string): Promise<string | null> {
  try {
    return (await readText(sys, path)).trim();
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
}

/** The pid in the pid file if that process is alive. */
async function runningPid(sys: Sys, path: string): Promise<number | null> {
  const text = await fileText(sys, path);
  const pid = Number(text);
  if (!text || !Number.isInteger(pid) || pid <= 0) return null;
  try {
    await sys.kill(pid, 0);
    return pid;
  } catch (e) {
    if (isSysError(e, 'ESRCH')) return null;
    if (isSysError(e, 'EPERM')) return pid;
    throw e;
  }
}

/** AH00558 (and AH00557 when the host name does not resolve), from /etc/hosts. */
async function serverNameWarning(sys: Sys, name: string): Promise<string> {
  const host = (await sys.uname()).nodename;
  const hosts = (await fileText(sys, '/etc/hosts')) ?? '';
  let addr: string | null = null;
  for (const line of hosts.split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f.length > 1 && f.slice(1).includes(host)) {
      addr = f[0]!;
      break;
    }
  }
  const pre = addr ? '' : `AH00557: ${name}: apr_sockaddr_info_get() failed for ${host}\n`;
  return `${pre}AH00558: ${name}: Could not reliably determine the server's fully qualified domain name, using ${addr ?? '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message\n`;
}

async function ids(sys: Sys, user: string, group: string): Promise<Account | string> {
  const table = async (f: string): Promise<Map<string, number>> => accountIds((await fileText(sys, f)) ?? '');
  const num = (s: string): number | null => (s.startsWith('#') ? Number(s.slice(1)) : null);
  const uid = num(user) ?? (await table('/etc/passwd')).get(user);
  if (uid === undefined) return `AH00543: httpd: bad user name ${user}`;
  const gid = num(group) ?? (await table('/etc/group')).get(group);
  if (gid === undefined) return `AH00544: httpd: bad group name ${group}`;
  return { uid, gid };
}

/** The server itself: pid file, startup lines, workers, and the signal loop. */
async function serve(r: Run, pidPath: string, single: boolean): Promise<number> {
  const { sys } = r;
  const pid = await sys.getpid();
  const root = (await sys.geteuid()) === 0;
  const loop = new EventLoop(sys);
  await loop.handle(HANDLED);
  const old = await runningPid(sys, pidPath);
  if (old !== null && old !== pid) await logLine(r, 'core', 'warn', `AH00098: pid file ${pidPath} overwritten -- Unclean shutdown of previous Apache run?`);
  try {
    await writePidFile(sys, pidPath, pid);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await logLine(r, 'core', 'error', `${apr(e.code)}: AH00099: could not create ${pidPath}`);
    await logLine(r, 'core', 'error', `AH00100: httpd: could not log pid to file ${pidPath}`);
    return 1;
  }
  let account: Account | null = null;
  if (root) {
    const got = await ids(sys, r.cfg.user, r.cfg.group);
    if (typeof got === 'string') {
      await logLine(r, 'unixd', 'alert', got);
      return 1;
    }
    account = got;
    await logLine(r, 'suexec', 'notice', 'AH01232: suEXEC mechanism enabled (wrapper: /usr/sbin/suexec)');
  }
  if (r.cfg.modules.has('lbmethod_heartbeat_module')) await logLine(r, 'lbmethod_heartbeat', 'notice', 'AH02282: No slotmem from mod_heartmonitor');
  await holdMemory(sys, PARENT_BYTES);
  const announce = async (): Promise<void> => {
    await logLine(r, `mpm_${r.mpm}`, 'notice', `AH00489: ${r.server} configured -- resuming normal operations`);
    await logLine(r, 'core', 'notice', `AH00094: Command line: '${r.argv.join(' ')}'`);
  };
  await announce();
  const workers = new Set<number>();
  const spawn = async (): Promise<void> => {
    workers.add(await spawnWorker(sys, HANDLED, account, WORKER_BYTES));
  };
  if (single) {
    // -X: the one process serves by itself.
  } else for (let i = 0; i < r.cfg.startServers; i++) await spawn();

  let stopping: string | null = null;
  while (!stopping) {
    const ev = await loop.next();
    if (ev.kind === 'child') {
      if (!workers.delete(ev.pid)) continue;
      const how = describeStatus(ev.status);
      await logLine(r, 'core', 'notice', 'signal' in how
        ? `AH00052: child pid ${ev.pid} exit signal ${SIGNAL_TEXT[how.signal] ?? how.name} (${how.signal})`
        : `AH00052: child pid ${ev.pid} exit status ${how.code}`);
      await spawn();
      continue;
    }
    if (ev.sig === SIG.SIGTERM || ev.sig === SIG.SIGINT) stopping = 'AH00491: caught SIGTERM, shutting down';
    else if (ev.sig === SIG.SIGWINCH) stopping = 'AH00492: caught SIGWINCH, shutting down gracefully';
    else {
      await logLine(r, `mpm_${r.mpm}`, 'notice', ev.sig === SIG.SIGHUP ? 'AH00493: SIGHUP received.  Attempting to restart' : 'AH00494: SIGUSR1 received.  Doing graceful restart');
      for (const w of workers) await signalQuietly(sys, w, SIG.SIGTERM);
      await reap(sys, workers);
      await announce();
      for (let i = 0; i < (single ? 0 : r.cfg.startServers); i++) await spawn();
    }
  }
  for (const w of workers) await signalQuietly(sys, w, SIG.SIGTERM);
  await reap(sys, workers);
  await logLine(r, `mpm_${r.mpm}`, 'notice', stopping);
  await unlinkQuietly(sys, pidPath);
  return 0;
}

const SIGNAL_TEXT: Record<number, string> = { 9: 'Killed', 15: 'Terminated', 11: 'Segmentation fault', 6: 'Aborted', 2: 'Interrupt', 1: 'Hangup' };

function versionSettings(server: string, mpm: string): string {
  return `Server version: ${server}
Server built:   Oct 26 2019 13:55:18
Server's Module Magic Number: 20120211:83
Server loaded:  APR 1.6.3, APR-UTIL 1.6.1
Compiled using: APR 1.6.3, APR-UTIL 1.6.1
Architecture:   64-bit
Server MPM:     ${mpm}
  threaded:     ${mpm === 'prefork' ? 'no' : 'yes (fixed thread count)'}
    forked:     yes (variable process count)
Server compiled with....
 -D APR_HAS_SENDFILE
 -D APR_HAS_MMAP
 -D APR_HAVE_IPV6 (IPv4-mapped addresses enabled)
 -D APR_USE_PROC_PTHREAD_SERIALIZE
 -D APR_USE_PTHREAD_SERIALIZE
 -D SINGLE_LISTEN_UNSERIALIZED_ACCEPT
 -D APR_HAS_OTHER_CHILD
 -D AP_HAVE_RELIABLE_PIPED_LOGS
 -D DYNAMIC_MODULE_LIMIT=256
 -D HTTPD_ROOT="/etc/httpd"
 -D SUEXEC_BIN="/usr/sbin/suexec"
 -D DEFAULT_PIDLOG="run/httpd.pid"
 -D DEFAULT_SCOREBOARD="logs/apache_runtime_status"
 -D DEFAULT_ERRORLOG="logs/error_log"
 -D AP_TYPES_CONFIG_FILE="conf/mime.types"
 -D SERVER_CONFIG_FILE="conf/httpd.conf"
`;
}

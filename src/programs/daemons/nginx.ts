// nginx: reads /etc/nginx/nginx.conf (blocks, `;`-ended directives, include globs), checks it
// (-t, -T), and runs a master process with worker_processes workers: it opens its error log,
// "binds" its listen ports (below 1024 only as root; there is no network), writes its pid file,
// and detaches unless `daemon off;` (-g 'daemon off;' is how containers run it). Signals as
// nginx: TERM/INT stop at once, QUIT gracefully, HUP reloads, USR1 reopens logs; -s
// stop|quit|reload|reopen sends them through the pid file. -v and -V print the version.

import { isSysError, strerror, ERRNO, type ErrnoName } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import { O_DIRECTORY } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { detach, EventLoop, openLog, readText, reap, signalQuietly, spawnWorker, unlinkQuietly, writePidFile } from './lib/daemon.ts';
import { exeInfo, upstream } from './lib/exe.ts';
import { nginxTime, nowMicros } from './lib/time.ts';

export const meta: ProgramMeta = {
  name: 'nginx', package: 'nginx', version: '1.22.1',
  usage: ['[-?hvVtTq] [-s signal] [-p prefix] [-e filename] [-c filename] [-g directives]'],
  summary: 'A web server: a master process and its workers, configured by /etc/nginx/nginx.conf.',
  standardOptions: false,
  options: [
    { short: 'v', help: 'show the version' },
    { short: 'V', help: 'show the version and configure options' },
    { short: 't', help: 'test the configuration' },
    { short: 'T', help: 'test the configuration and print it' },
    { short: 'q', help: 'only errors while testing' },
    { short: 's', arg: 'required', argName: 'signal', help: 'send stop, quit, reopen or reload to the master' },
    { short: 'c', arg: 'required', argName: 'filename', help: 'the configuration file' },
    { short: 'g', arg: 'required', argName: 'directives', help: 'directives to apply before the file' },
    { short: 'p', arg: 'required', argName: 'prefix', help: 'the prefix path' },
  ],
};

const KNOWN = new Set(`user worker_processes error_log pid include events worker_connections multi_accept use http server listen
  server_name root index location try_files return rewrite sendfile tcp_nopush tcp_nodelay keepalive_timeout types_hash_max_size
  default_type types access_log log_format gzip gzip_vary gzip_proxied gzip_comp_level gzip_types ssl_protocols
  ssl_prefer_server_ciphers ssl_certificate ssl_certificate_key server_tokens client_max_body_size proxy_pass proxy_set_header
  fastcgi_pass fastcgi_param fastcgi_index fastcgi_split_path_info fastcgi_intercept_errors include upstream error_page internal
  alias autoindex add_header expires daemon pcre_jit load_module worker_rlimit_nofile env stream mail charset deny allow
  proxy_http_version proxy_read_timeout proxy_redirect map set if break limit_req_zone limit_req client_body_buffer_size
  large_client_header_buffers open_file_cache server_names_hash_bucket_size ssl_session_cache ssl_session_timeout http2
  gzip_disable sendfile_max_chunk resolver real_ip_header set_real_ip_from`.split(/\s+/).filter(Boolean));

interface Conf {
  user: string | null;
  userAt: string;
  workers: string;
  errorLog: string;
  pid: string;
  daemon: boolean;
  listen: number[];
}

class NginxError extends Error {}

function tokens(text: string, file: string): Array<{ t: string; line: number; file: string }> {
  const out: Array<{ t: string; line: number; file: string }> = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '{' || c === '}' || c === ';') {
      out.push({ t: c, line, file });
      i++;
      continue;
    }
    let w = '';
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') i++;
        if (text[i] === '\n') line++;
        w += text[i++];
      }
      i++;
    } else {
      while (i < text.length && !/[\s;{}]/.test(text[i]!)) w += text[i++];
    }
    out.push({ t: w, line, file });
  }
  return out;
}

async function glob(sys: Sys, pattern: string): Promise<string[]> {
  const slash = pattern.lastIndexOf('/');
  const base = pattern.slice(slash + 1);
  if (!/[*?]/.test(base)) return [pattern];
  const re = new RegExp(`^${base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  try {
    const fd = await sys.open(pattern.slice(0, slash) || '/', O_DIRECTORY);
    try {
      return (await sys.getdents(fd)).map((d) => d.name).filter((n) => re.test(n) && n !== '.' && n !== '..').sort().map((n) => `${pattern.slice(0, slash)}/${n}`);
    } finally {
      await sys.close(fd);
    }
  } catch (e) {
    if (isSysError(e)) return [];
    throw e;
  }
}

async function readConf(sys: Sys, file: string, prefix: string, extra: string, defaults: Conf): Promise<Conf> {
  const conf = { ...defaults, listen: [] as number[] };
  const stack: string[] = [];
  const walk = async (toks: Array<{ t: string; line: number; file: string }>): Promise<void> => {
    let words: Array<{ t: string; line: number; file: string }> = [];
    for (const tok of toks) {
      const at = `${tok.file}:${tok.line}`;
      if (tok.t === '{') {
        if (!words.length) throw new NginxError(`unexpected "{" in ${at}`);
        stack.push(words[0]!.t);
        words = [];
        continue;
      }
      if (tok.t === '}') {
        if (words.length) throw new NginxError(`unexpected "}" in ${at}`);
        if (!stack.length) throw new NginxError(`unexpected "}" in ${at}`);
        stack.pop();
        continue;
      }
      if (tok.t !== ';') {
        words.push(tok);
        continue;
      }
      if (!words.length) continue;
      const [name, ...args] = words.map((w) => w.t);
      const where = `${words[0]!.file}:${words[0]!.line}`;
      words = [];
      if (!KNOWN.has(name!) && !stack.includes('types') && !stack.includes('map') && !stack.includes('upstream')) throw new NginxError(`unknown directive "${name}" in ${where}`);
      if (name === 'include') {
        const path = args[0]!.startsWith('/') ? args[0]! : `${prefix}/${args[0]}`;
        const files = await glob(sys, path);
        if (!/[*?]/.test(path)) {
          try {
            await sys.stat(path);
          } catch (e) {
            if (!isSysError(e)) throw e;
            throw new NginxError(`open() "${path}" failed (${ERRNO[e.code]}: ${strerror(e.code)}) in ${where}`);
          }
        }
        for (const f of files) await walk(tokens(await readText(sys, f), f));
      } else if (!stack.length || name === 'listen') {
        if (name === 'user') {
          conf.user = args[0] ?? null;
          conf.userAt = where;
        } else if (name === 'worker_processes') conf.workers = args[0] ?? '1';
        else if (name === 'error_log') conf.errorLog = `${args[0]} ${args[1] ?? 'error'}`;
        else if (name === 'pid') conf.pid = args[0]!;
        else if (name === 'daemon') conf.daemon = args[0] !== 'off';
        else if (name === 'listen') {
          const port = Number((args[0] ?? '80').replace(/^.*:/, ''));
          if (Number.isInteger(port) && !conf.listen.includes(port)) conf.listen.push(port);
        }
      }
    }
    if (words.length) throw new NginxError(`unexpected end of file, expecting ";" or "}" in ${words[0]!.file}:${words[0]!.line}`);
  };
  if (extra) await walk(tokens(extra, 'command line'));
  let text: string;
  try {
    text = await readText(sys, file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new NginxError(`open() "${file}" failed (${ERRNO[e.code]}: ${strerror(e.code)})`);
  }
  await walk(tokens(text, file));
  if (stack.length) throw new NginxError(`unexpected end of file, expecting "}" in ${file}:${text.split('\n').length}`);
  return conf;
}

export default async function nginx(sys: Sys): Promise<number> {
  const err = (s: string): Promise<void> => sys.writeAll(2, s);
  const info = await exeInfo(sys);
  const version = upstream(info.version) || '1.22.1';
  const alpine = /-r\d+$/.test(info.version);
  let file = '/etc/nginx/nginx.conf';
  let prefix = '/etc/nginx';
  let extra = '';
  let signal = '';
  const flags = new Set<string>();
  const args = sys.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) {
      await err(`nginx: invalid option: "${a}"\n`);
      return 1;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ('scgpe'.includes(c)) {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) {
          await err(`nginx: option "-${c}" requires ${c === 's' ? 'signal name' : c === 'g' ? 'directives' : 'file name'}\n`);
          return 1;
        }
        if (c === 's') signal = v;
        if (c === 'c') file = v;
        if (c === 'g') extra = v;
        if (c === 'p') prefix = v.replace(/\/$/, '');
        break;
      }
      if (!'?hvVtTq'.includes(c)) {
        await err(`nginx: invalid option: "${a.slice(j)}"\n`);
        return 1;
      }
      flags.add(c);
    }
  }
  if (flags.has('v') || flags.has('V') || flags.has('?') || flags.has('h')) {
    await err(`nginx version: nginx/${version}\n`);
    if (flags.has('V')) await err(`built by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.11 19 Sep 2023\nTLS SNI support enabled\nconfigure arguments: --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf --http-log-path=/var/log/nginx/access.log --error-log-path=stderr --lock-path=/var/lock/nginx.lock --pid-path=/run/nginx.pid --with-http_ssl_module --with-http_v2_module\n`);
    if (flags.has('?') || flags.has('h')) await err(`Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n             [-e filename] [-c filename] [-g directives]\n`);
    return 0;
  }
  const defaults: Conf = { user: null, userAt: '', workers: '1', errorLog: '/var/log/nginx/error.log error', pid: alpine ? '/run/nginx/nginx.pid' : '/run/nginx.pid', daemon: true, listen: [] };
  let conf: Conf;
  try {
    conf = await readConf(sys, file, prefix, extra, defaults);
  } catch (e) {
    if (!(e instanceof NginxError)) throw e;
    await err(`nginx: [emerg] ${e.message}\n${flags.has('t') || flags.has('T') ? `nginx: configuration file ${file} test failed\n` : ''}`);
    return 1;
  }
  const root = (await sys.geteuid()) === 0;
  if (signal) {
    const sig = { stop: SIG.SIGTERM, quit: SIG.SIGQUIT, reopen: SIG.SIGUSR1, reload: SIG.SIGHUP }[signal];
    if (!sig) {
      await err(`nginx: invalid option: "-s ${signal}"\n`);
      return 1;
    }
    let pid: number;
    try {
      pid = Number((await readText(sys, conf.pid)).trim());
    } catch (e) {
      if (!isSysError(e)) throw e;
      await err(`nginx: [error] open() "${conf.pid}" failed (${ERRNO[e.code]}: ${strerror(e.code)})\n`);
      return 1;
    }
    try {
      await sys.kill(pid, sig);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await err(`nginx: [error] kill(${pid}, ${sig}) failed (${ERRNO[e.code]}: ${strerror(e.code)})\n`);
      return 1;
    }
    return 0;
  }
  if (conf.user && !root) await err(`nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in ${conf.userAt}\n`);
  if (flags.has('t') || flags.has('T')) {
    if (!flags.has('q')) await err(`nginx: the configuration file ${file} syntax is ok\nnginx: configuration file ${file} test is successful\n`);
    if (flags.has('T')) await sys.writeAll(1, `# configuration file ${file}:\n${await readText(sys, file)}\n`);
    return 0;
  }
  const [logPath = '/var/log/nginx/error.log', level = 'error'] = conf.errorLog.split(' ');
  let log = -1;
  const logTo = async (s: Sys, lvl: string, text: string, pid: number): Promise<void> => {
    const order = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'];
    if (order.indexOf(lvl) < order.indexOf(level)) return;
    const line = `${nginxTime(await nowMicros(s))} [${lvl}] ${pid}#${pid}: ${text}\n`;
    try {
      if (log >= 0) await s.writeAll(log, line);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  };
  try {
    log = logPath === 'stderr' ? 2 : await openLog(sys, logPath);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await err(`nginx: [alert] could not open error log file: open() "${logPath}" failed (${ERRNO[e.code]}: ${strerror(e.code)})\n`);
  }
  const pid0 = await sys.getpid();
  const emerg = async (text: string): Promise<number> => {
    await err(`nginx: [emerg] ${text}\n`);
    await logTo(sys, 'emerg', text, pid0);
    return 1;
  };
  if (!root) for (const port of conf.listen) if (port < 1024) return emerg(`bind() to 0.0.0.0:${port} failed (13: Permission denied)`);
  const cpus = await cpuCount(sys);
  const workers = conf.workers === 'auto' ? cpus : Math.max(1, Number(conf.workers) || 1);
  const master = async (s: Sys): Promise<number> => {
    const pid = await s.getpid();
    try {
      await writePidFile(s, conf.pid, pid);
    } catch (e) {
      if (!isSysError(e)) throw e;
      const text = `open() "${conf.pid}" failed (${ERRNO[e.code as ErrnoName]}: ${strerror(e.code)})`;
      await logTo(s, 'emerg', text, pid);
      if (!conf.daemon) await s.writeAll(2, `nginx: [emerg] ${text}\n`);
      return 1;
    }
    return runMaster(s, conf, workers, root, version, (lvl, text, p) => logTo(s, lvl, text, p ?? pid));
  };
  if (!conf.daemon) return master(sys);
  return detach(sys, master);
}

async function cpuCount(sys: Sys): Promise<number> {
  try {
    return Math.max(1, (await readText(sys, '/proc/cpuinfo')).split('\n').filter((l) => l.startsWith('processor')).length);
  } catch (e) {
    if (isSysError(e)) return 1;
    throw e;
  }
}

const HANDLED = [SIG.SIGTERM, SIG.SIGINT, SIG.SIGQUIT, SIG.SIGHUP, SIG.SIGUSR1];

async function runMaster(sys: Sys, conf: Conf, count: number, root: boolean, version: string, log: (lvl: string, text: string, pid?: number) => Promise<void>): Promise<number> {
  const loop = new EventLoop(sys);
  await loop.handle(HANDLED);
  const me = await sys.getpid();
  await log('notice', 'using the "epoll" event method');
  await log('notice', `nginx/${version}`);
  await log('notice', `OS: Linux ${(await sys.uname()).release}`);
  await log('notice', 'start worker processes');
  const user = root && conf.user ? conf.user.split(/\s+/) : null;
  const ids = user ? await lookup(sys, user[0]!, user[1] ?? user[0]!) : null;
  const workers = new Set<number>();
  const spawn = async (): Promise<void> => {
    const pid = await spawnWorker(sys, HANDLED, ids, 3 << 20);
    workers.add(pid);
    await log('notice', `start worker process ${pid}`);
  };
  for (let i = 0; i < count; i++) await spawn();
  let stop = false;
  while (!stop) {
    const ev = await loop.next();
    if (ev.kind === 'child') {
      if (!workers.delete(ev.pid)) continue;
      await log('notice', `signal 17 (SIGCHLD) received from ${ev.pid}`);
      await log('alert', `worker process ${ev.pid} exited on signal ${ev.status & 0x7f}`);
      await spawn();
      continue;
    }
    const name = { [SIG.SIGTERM]: 'SIGTERM', [SIG.SIGINT]: 'SIGINT', [SIG.SIGQUIT]: 'SIGQUIT', [SIG.SIGHUP]: 'SIGHUP', [SIG.SIGUSR1]: 'SIGUSR1' }[ev.sig];
    if (ev.sig === SIG.SIGHUP) {
      await log('notice', `signal ${ev.sig} (${name}) received, reconfiguring`);
      await log('notice', 'reconfiguring');
      for (const w of workers) await signalQuietly(sys, w, SIG.SIGQUIT);
      await reap(sys, workers);
      await log('notice', 'start worker processes');
      for (let i = 0; i < count; i++) await spawn();
    } else if (ev.sig === SIG.SIGUSR1) {
      await log('notice', `signal ${ev.sig} (${name}) received, reopening logs`);
      await log('notice', 'reopening logs');
    } else {
      await log('notice', `signal ${ev.sig} (${name}) received, ${ev.sig === SIG.SIGQUIT ? 'shutting down' : 'exiting'}`);
      stop = true;
    }
  }
  for (const w of workers) await signalQuietly(sys, w, SIG.SIGTERM);
  for (const w of [...workers]) await log('notice', `worker process ${w} exited with code 0`);
  await reap(sys, workers);
  await unlinkQuietly(sys, conf.pid);
  await log('notice', 'exit', me);
  return 0;
}

async function lookup(sys: Sys, user: string, group: string): Promise<{ uid: number; gid: number }> {
  const find = async (file: string, name: string): Promise<number> => {
    try {
      for (const l of (await readText(sys, file)).split('\n')) {
        const f = l.split(':');
        if (f[0] === name) return Number(f[2]);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    return 65534;
  };
  return { uid: await find('/etc/passwd', user), gid: await find('/etc/group', group) };
}

// Reading php-fpm's configuration as php-fpm does: an ini file with a [global] section and one
// section per pool, `include=` globs, `;` comments, and unknown entries refused with the file and
// line ("[/etc/php-fpm.d/www.conf:12] unknown entry 'foo'").

import { isSysError, strerror, ERRNO } from '../../../abi/errno.ts';
import { O_DIRECTORY } from '../../../abi/open-flags.ts';
import type { Sys } from '../../../sys/sys.ts';
import { readText } from './daemon.ts';

export interface Pool {
  name: string;
  values: Map<string, string>;
}

export interface FpmConfig {
  global: Map<string, string>;
  pools: Pool[];
}

/** A refusal; `lines` are the ERROR messages in order. */
export class FpmConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const GLOBAL = new Set(['pid', 'error_log', 'syslog.facility', 'syslog.ident', 'log_level', 'log_limit', 'log_buffering',
  'emergency_restart_threshold', 'emergency_restart_interval', 'process_control_timeout', 'process.max', 'process.priority',
  'daemonize', 'rlimit_files', 'rlimit_core', 'events.mechanism', 'systemd_interval', 'include']);

const POOL = new Set(['prefix', 'user', 'group', 'listen', 'listen.backlog', 'listen.owner', 'listen.group', 'listen.mode',
  'listen.acl_users', 'listen.acl_groups', 'listen.allowed_clients', 'process.priority', 'process.dumpable', 'pm',
  'pm.max_children', 'pm.start_servers', 'pm.min_spare_servers', 'pm.max_spare_servers', 'pm.process_idle_timeout',
  'pm.max_requests', 'pm.status_path', 'ping.path', 'ping.response', 'access.log', 'access.format', 'slowlog',
  'request_slowlog_timeout', 'request_slowlog_trace_depth', 'request_terminate_timeout', 'rlimit_files', 'rlimit_core',
  'chroot', 'chdir', 'catch_workers_output', 'decorate_workers_output', 'clear_env', 'security.limit_extensions', 'include']);

async function glob(sys: Sys, pattern: string): Promise<string[]> {
  const slash = pattern.lastIndexOf('/');
  const dir = pattern.slice(0, slash) || '/';
  const re = new RegExp(`^${pattern.slice(slash + 1).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  try {
    const fd = await sys.open(dir, O_DIRECTORY);
    try {
      return (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..' && re.test(n)).sort().map((n) => `${dir}/${n}`);
    } finally {
      await sys.close(fd);
    }
  } catch (e) {
    if (isSysError(e)) return [];
    throw e;
  }
}

export async function readFpmConfig(sys: Sys, file: string): Promise<FpmConfig> {
  const cfg: FpmConfig = { global: new Map(), pools: [] };
  let section = 'global';
  const load = async (path: string, includedFrom: string | null): Promise<void> => {
    let text: string;
    try {
      text = await readText(sys, path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new FpmConfigError([`failed to open configuration file '${path}': ${strerror(e.code)} (${ERRNO[e.code]})`,
        ...(includedFrom ? [] : [`failed to load configuration file '${path}'`])]);
    }
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line || line.startsWith(';') || line.startsWith('#')) continue;
      const sec = /^\[(.+)\]$/.exec(line);
      if (sec) {
        section = sec[1]!;
        if (section !== 'global' && !cfg.pools.some((p) => p.name === section)) cfg.pools.push({ name: section, values: new Map() });
        continue;
      }
      const eq = line.indexOf('=');
      const key = (eq < 0 ? line : line.slice(0, eq)).trim();
      const value = (eq < 0 ? '' : line.slice(eq + 1)).trim().replace(/^"(.*)"$/, '$1');
      const where = `[${path}:${i + 1}]`;
      if (eq < 0) throw new FpmConfigError([`${where} syntax error, unexpected end of line`, `failed to load configuration file '${file}'`]);
      if (key === 'include') {
        for (const inc of await glob(sys, value.startsWith('/') ? value : `/etc/${value}`)) {
          try {
            await load(inc, path);
          } catch (e) {
            if (!(e instanceof FpmConfigError)) throw e;
            throw new FpmConfigError([...e.lines.filter((l) => !l.startsWith('failed to load')), `Unable to include ${inc} from ${path} at line ${i + 1}`, `failed to load configuration file '${file}'`]);
          }
        }
        continue;
      }
      const base = key.replace(/\[.*\]$/, '');
      if (section === 'global') {
        if (!GLOBAL.has(key)) throw new FpmConfigError([`${where} unknown entry '${key}'`, `failed to load configuration file '${file}'`]);
        cfg.global.set(key, value);
      } else {
        const pool = cfg.pools.find((p) => p.name === section)!;
        if (!POOL.has(key) && !/^(php_value|php_flag|php_admin_value|php_admin_flag|env)$/.test(base)) {
          throw new FpmConfigError([`${where} unknown entry '${key}'`, `failed to load configuration file '${file}'`]);
        }
        pool.values.set(key, value.replace(/\$pool/g, pool.name));
      }
    }
  };
  await load(file, null);
  return cfg;
}

// Reading an Apache httpd 2.4 configuration the way httpd does: logical lines with backslash
// continuations, quoted arguments, sections that must nest, <IfModule>/<IfDefine> evaluated
// against the loaded modules and -D names, Include/IncludeOptional globs relative to
// ServerRoot, LoadModule checking that the module file exists, and unknown directives refused
// with httpd's words. Only the directives httpd needs to start are interpreted; the rest are
// recognised and accepted.

import { isSysError, strerror, type ErrnoName } from '../../../abi/errno.ts';
import { S_IFDIR, S_IFMT } from '../../../abi/stat.ts';
import type { Sys } from '../../../sys/sys.ts';
import { readText } from './daemon.ts';

export interface Listener {
  addr: string;
  port: number;
}

export interface ApacheConfig {
  serverRoot: string;
  listen: Listener[];
  user: string;
  group: string;
  errorLog: string;
  customLogs: string[];
  pidFile: string;
  documentRoot: string;
  serverName: string | null;
  /** Loaded modules, identifier (mime_module) -> file. */
  modules: Map<string, string>;
  startServers: number;
  /** Messages httpd prints on standard error while reading (AH00112, AH01574...). */
  warnings: string[];
  /** Every file read, for -t -D DUMP_INCLUDES. */
  files: string[];
}

/** A configuration httpd refuses; `message` is the whole text it prints. */
export class ConfigError extends Error {}

const DIRECTIVES = `acceptfilter acceptpathinfo accessfilename action adddefaultcharset addcharset addencoding addhandler addicon
  addiconbyencoding addiconbytype addinputfilter addlanguage addoutputfilter addoutputfilterbytype addtype alias aliasmatch
  allow allowencodedslashes allowmethods allowoverride allowoverridelist authbasicprovider authgroupfile authname authtype
  authuserfile browsermatch browsermatchnocase cachedisable cacheenable cgidscripttimeout customlog defaulticon
  defaultlanguage defaultruntimedir define defaulttype deny directoryindex directoryslash documentroot enablemmap
  enablesendfile errordocument errorlog errorlogformat expiresactive expiresbytype expiresdefault extendedstatus fileetag
  forcelanguagepriority forcetype group h2direct h2protocols header headername hostnamelookups include includeoptional
  indexignore indexoptions indexorderdefault keepalive keepalivetimeout languagepriority limitrequestbody
  limitrequestfields limitrequestline listen listenbacklog loadfile loadmodule logformat loglevel maxconnectionsperchild
  maxkeepaliverequests maxrequestworkers maxrequestsperchild maxspareservers maxsparethreads mimemagicfile
  minspareservers minsparethreads mutex namevirtualhost options order pidfile protocols proxyerroroverride proxypass
  proxypassmatch proxypassreverse proxypreservehost proxyrequests proxytimeout readmename redirect redirectmatch
  redirectpermanent redirecttemp remoteipheader remoteiptrustedproxy requestheader require requestreadtimeout rewritebase
  rewritecond rewriteengine rewritemap rewriteoptions rewriterule satisfy scriptalias scriptaliasmatch scriptsock
  serveradmin serveralias servername serverroot serversignature servertokens setenv setenvif setenvifnocase sethandler
  setinputfilter setoutputfilter sslcertificatefile sslcertificatekeyfile sslengine sslprotocol sslciphersuite
  startservers threadlimit threadsperchild timeout traceenable typesconfig unsetenv user userdir usecanonicalname
  php_value php_flag php_admin_value php_admin_flag passenv serverlimit addtype options`;
const KNOWN = new Set(DIRECTIVES.split(/\s+/).filter(Boolean));

/** Directives that exist only when their module is loaded. */
const NEEDS: Record<string, string> = {
  php_value: 'php7_module', php_flag: 'php7_module', php_admin_value: 'php7_module', php_admin_flag: 'php7_module',
  sslengine: 'ssl_module', sslcertificatefile: 'ssl_module', sslcertificatekeyfile: 'ssl_module', sslprotocol: 'ssl_module',
  sslciphersuite: 'ssl_module', rewriteengine: 'rewrite_module', rewriterule: 'rewrite_module', rewritecond: 'rewrite_module',
  rewritebase: 'rewrite_module', rewritemap: 'rewrite_module', proxypass: 'proxy_module', proxypassreverse: 'proxy_module',
  h2protocols: 'http2_module', h2direct: 'http2_module', userdir: 'userdir_module', expiresactive: 'expires_module',
  header: 'headers_module', requestheader: 'headers_module',
};

const SECTIONS = new Set(['directory', 'directorymatch', 'files', 'filesmatch', 'location', 'locationmatch', 'virtualhost',
  'limit', 'limitexcept', 'requireall', 'requireany', 'requirenone', 'if', 'elseif', 'else', 'proxy', 'proxymatch',
  'ifmodule', 'ifdefine', 'iffile', 'ifversion']);

const BUILTIN = ['core.c', 'mod_so.c', 'http_core.c', 'core_module', 'so_module', 'http_module'];

/** Words of a directive line as ap_getword_conf splits them (quotes group, backslash escapes). */
export function words(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    const q = line[i];
    if (q === '"' || q === "'") {
      let w = '';
      i++;
      while (i < line.length && line[i] !== q) {
        if (line[i] === '\\' && i + 1 < line.length && (line[i + 1] === q || line[i + 1] === '\\')) i++;
        w += line[i++];
      }
      i++;
      out.push(w);
    } else {
      let w = '';
      while (i < line.length && !/\s/.test(line[i]!)) w += line[i++];
      out.push(w);
    }
  }
  return out;
}

interface Frame {
  name: string;
  active: boolean;
}

export async function readApacheConfig(sys: Sys, file: string, serverRoot: string, defines: Set<string>): Promise<ApacheConfig> {
  const cfg: ApacheConfig = {
    serverRoot, listen: [], user: '#-1', group: '#-1', errorLog: 'logs/error_log', customLogs: [], pidFile: 'run/httpd.pid',
    documentRoot: '/etc/httpd/htdocs', serverName: null, modules: new Map(), startServers: 3, warnings: [], files: [],
  };
  const abs = (p: string): string => (p.startsWith('/') ? p : `${cfg.serverRoot}/${p}`);
  const loaded = (id: string): boolean => {
    const neg = id.startsWith('!');
    const name = neg ? id.slice(1) : id;
    let have = BUILTIN.includes(name) || cfg.modules.has(name);
    if (!have) {
      for (const [mod, f] of cfg.modules) {
        const base = f.slice(f.lastIndexOf('/') + 1).replace(/\.so$/, '');
        const cname = base.startsWith('lib') ? `mod_${base.slice(3)}.c` : `${base}.c`;
        const mpm = /^mpm_(\w+)_module$/.exec(mod)?.[1];
        if (cname === name || (mpm && `${mpm}.c` === name)) have = true;
      }
    }
    return neg ? !have : have;
  };

  const readFile = async (path: string): Promise<string> => {
    try {
      return await readText(sys, path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new ConfigError(`Could not open configuration file ${path}: ${strerror(e.code)}`);
    }
  };

  const isDir = async (p: string): Promise<boolean> => {
    try {
      return ((await sys.stat(p)).mode & S_IFMT) === S_IFDIR;
    } catch (e) {
      if (isSysError(e)) return false;
      throw e;
    }
  };

  const glob = async (pattern: string): Promise<string[]> => {
    const slash = pattern.lastIndexOf('/');
    const dir = pattern.slice(0, slash) || '/';
    const base = pattern.slice(slash + 1);
    if (!/[*?[]/.test(base)) return [pattern];
    const re = new RegExp(`^${base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    let names: string[] = [];
    try {
      const fd = await sys.open(dir, 0o200000);
      try {
        names = (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..' && !n.startsWith('.'));
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      return [];
    }
    return names.filter((n) => re.test(n)).sort().map((n) => `${dir}/${n}`);
  };

  /** Read one file; `chain` holds the "Syntax error on line N of F: " prefixes of including files. */
  const processFile = async (path: string, chain: string): Promise<void> => {
    cfg.files.push(path);
    const text = await readFile(path);
    const raw = text.split('\n');
    const stack: Frame[] = [];
    const active = (): boolean => stack.every((f) => f.active);
    for (let i = 0; i < raw.length; i++) {
      const lineNo = i + 1;
      let line = raw[i]!;
      while (line.endsWith('\\') && i + 1 < raw.length) line = line.slice(0, -1) + raw[++i]!;
      line = line.trim();
      if (!line || line.startsWith('#')) continue;
      const readErr = (msg: string): ConfigError => new ConfigError(`httpd: ${chain}Syntax error on line ${lineNo} of ${path}: ${msg}`);
      const walkErr = (msg: string): ConfigError => new ConfigError(`AH00526: Syntax error on line ${lineNo} of ${path}:\n${msg}`);
      if (line.startsWith('</')) {
        const name = line.slice(2).replace(/>$/, '').trim();
        const top = stack.pop();
        if (!top) throw walkErr(`</${name}> without matching <${name}> section`);
        if (top.name.toLowerCase() !== name.toLowerCase()) throw walkErr(`Expected </${top.name}> but saw </${name}>`);
        continue;
      }
      if (line.startsWith('<')) {
        if (!line.endsWith('>')) throw readErr(`${line.split(/\s/)[0]}> directive missing closing '>'`);
        const [tag = '', ...args] = words(line.slice(1, -1));
        const lower = tag.toLowerCase();
        if (!SECTIONS.has(lower)) {
          if (!active()) {
            stack.push({ name: tag, active: false });
            continue;
          }
          throw walkErr(`Invalid command '<${tag}', perhaps misspelled or defined by a module not included in the server configuration`);
        }
        let on = true;
        if (lower === 'ifmodule') {
          if (!args.length) throw readErr(`<IfModule> directive requires additional arguments`);
          on = loaded(args[0]!);
        } else if (lower === 'ifdefine') {
          if (!args.length) throw readErr(`<IfDefine> directive requires additional arguments`);
          const a = args[0]!;
          on = a.startsWith('!') ? !defines.has(a.slice(1)) : defines.has(a);
        }
        stack.push({ name: tag, active: on });
        continue;
      }
      if (!active()) continue;
      const [name = '', ...args] = words(line);
      const d = name.toLowerCase();
      if (!KNOWN.has(d) || (NEEDS[d] && !cfg.modules.has(NEEDS[d]!))) {
        throw walkErr(`Invalid command '${name}', perhaps misspelled or defined by a module not included in the server configuration`);
      }
      const one = (): string => {
        if (args.length !== 1) throw walkErr(`${name} takes one argument, ${ONE_ARG[d] ?? 'see the documentation'}`);
        return args[0]!;
      };
      switch (d) {
        case 'serverroot': {
          const dir = one().replace(/\/+$/, '');
          if (!(await isDir(dir))) throw readErr('ServerRoot must be a valid directory');
          cfg.serverRoot = dir;
          break;
        }
        case 'listen': {
          if (!args.length) throw walkErr('Listen requires at least one argument, a port number or an IP address and port');
          const a = args[0]!;
          const m = /^(?:(\[[^\]]*\]|[^:]+):)?(\d+)$/.exec(a);
          const port = m ? Number(m[2]) : NaN;
          if (!m || port < 1 || port > 65535) throw walkErr(m ? 'Port must be specified' : `Invalid address or port`);
          cfg.listen.push({ addr: m[1] ?? '', port });
          break;
        }
        case 'include':
        case 'includeoptional': {
          const pattern = abs(one());
          const matches = await glob(pattern);
          const wild = /[*?[]/.test(pattern.slice(pattern.lastIndexOf('/') + 1));
          if (wild && !matches.length && d === 'include') {
            const slash = pattern.lastIndexOf('/');
            throw readErr(`No matches for the wildcard '${pattern.slice(slash + 1)}' in '${pattern.slice(0, slash)}', failing (use IncludeOptional if required)`);
          }
          for (const f of matches) {
            if (d === 'includeoptional' && !wild) {
              try {
                await sys.stat(f);
              } catch (e) {
                if (isSysError(e)) continue;
                throw e;
              }
            }
            try {
              await processFile(f, `${chain}Syntax error on line ${lineNo} of ${path}: `);
            } catch (e) {
              if (e instanceof ConfigError && e.message.startsWith('Could not open')) throw readErr(e.message);
              throw e;
            }
          }
          break;
        }
        case 'loadmodule': {
          if (args.length !== 2) throw walkErr('LoadModule takes two arguments, a module name and the name of a shared object file to load it from');
          const [id, f] = args as [string, string];
          if (cfg.modules.has(id)) {
            cfg.warnings.push(`[so:warn] [pid PID] AH01574: module ${id} is already loaded, skipping`);
            break;
          }
          const full = abs(f);
          try {
            await sys.stat(full);
          } catch (e) {
            if (!isSysError(e)) throw e;
            throw readErr(`Cannot load ${f} into server: ${full}: cannot open shared object file: ${strerror(e.code as ErrnoName)}`);
          }
          cfg.modules.set(id, full);
          break;
        }
        case 'user': cfg.user = one(); break;
        case 'group': cfg.group = one(); break;
        case 'errorlog': cfg.errorLog = one(); break;
        case 'customlog':
          if (args.length < 2 || args.length > 3) throw walkErr('CustomLog takes two or three arguments, a file name, a custom log format string or format name, and an optional "env=" or "expr=" clause (see docs)');
          cfg.customLogs.push(args[0]!);
          break;
        case 'pidfile': cfg.pidFile = one(); break;
        case 'documentroot': cfg.documentRoot = one().replace(/(.)\/+$/, '$1'); break;
        case 'servername': cfg.serverName = one(); break;
        case 'startservers': cfg.startServers = Math.max(1, Number(one()) || 1); break;
        default: break;
      }
    }
    if (stack.length) {
      const top = stack[stack.length - 1]!;
      throw new ConfigError(`AH00526: Syntax error on line ${raw.length} of ${path}:\n<${top.name}> was not closed.`);
    }
  };

  await processFile(file, '');
  if (!(await isDir(abs(cfg.documentRoot)))) cfg.warnings.push(`AH00112: Warning: DocumentRoot [${cfg.documentRoot}] does not exist`);
  return cfg;
}

const ONE_ARG: Record<string, string> = {
  serverroot: 'Common directory of server-related files (logs, confs, etc.)',
  user: 'Effective user id for this server', group: 'Effective group id for this server',
  errorlog: 'The filename of the error log', pidfile: 'A file for logging the server process ID',
  documentroot: 'Root directory of the document tree', servername: 'The hostname and port of the server',
  include: 'Name(s) of the config file(s) to be included; fails if the wildcard does not match at least one file',
  includeoptional: 'Name or pattern of the config file(s) to be included; ignored if the file does not exist or the pattern does not match any files',
  startservers: 'Number of child processes launched at server startup',
};

// What pgrep and pkill (procps-ng 4.0.2) share: find processes by name (an extended regular expression
// matched against the 15-character comm, or the whole command line with -f) and by other
// criteria (-u -U -G -g -s -P -t -r -O, -n newest, -o oldest, -v inverse, -x exact, -i), then
// list them (pgrep: PIDs, -l with names, -a with command lines, -c a count, -d a delimiter) or
// signal them (pkill: -SIGNAL or --signal, -e to say what was killed). Neither counts itself.
// Exit status: 0 something matched, 1 nothing did, 2 a usage error, 3 a fatal error.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_NOCTTY, O_NONBLOCK, O_RDONLY } from '../../abi/open-flags.ts';
import { isReg } from '../../abi/stat.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { HZ, Names, type Proc, readAllProcs, readText, readUptime, ttyName } from './proc.ts';
import { signalNameToNumber } from './signals.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { helpText } from '../lib/help.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { argToText, compileRegex, type Matcher, RegexError } from '../lib/regex.ts';
import { parseOrder } from './pgrep-options.ts';
import { parseProcps, shortName, versionLine } from './usage.ts';

const NAMESPACES = ['ipc', 'mnt', 'net', 'pid', 'user', 'uts'];

/** strict_atol: an optional sign and digits only. */
function strictLong(text: string): number | null {
  return /^[+-]?\d+$/.test(text) ? Number(text) : null;
}

class UsageExit extends Error {
  constructor(readonly status: number, override readonly message: string, readonly withUsage: boolean) {
    super(message);
  }
}

interface Options {
  full: boolean;
  long: boolean;
  longlong: boolean;
  oldest: boolean;
  newest: boolean;
  negate: boolean;
  exact: boolean;
  count: boolean;
  icase: boolean;
  echo: boolean;
  threads: boolean;
  older: number;
  signal: number;
  delim: string;
  pgrp?: number[];
  rgid?: number[];
  ppid?: number[];
  sid?: number[];
  euid?: number[];
  ruid?: number[];
  term?: string[];
  cgroup?: string[];
  pids?: number[];
  runstates?: string;
  nsPid: number;
  nsFlags: string[];
  ancestors?: number[];
  pattern?: string;
}

/** pgrep and pkill: which one is decided by the name it was run as, as procps does. */
export async function pgrepMain(sys: Sys, metas: { pgrep: ProgramMeta; pkill: ProgramMeta }): Promise<number> {
  const name = shortName(sys.argv[0], 'pgrep');
  const pkill = name === 'pkill';
  const meta = pkill ? metas.pkill : metas.pgrep;
  const usage = (): string => helpText(meta);
  try {
    const opts = await parse(sys, name, pkill, meta, usage);
    if (!opts) return 0;
    return await run(sys, name, pkill, opts);
  } catch (e) {
    if (!(e instanceof UsageExit)) throw e;
    await sys.writeAll(2, e.message + (e.withUsage ? usage() : ''));
    return e.status;
  }
}

async function parse(sys: Sys, name: string, pkill: boolean, meta: ProgramMeta, usage: () => string): Promise<Options | null> {
  const args = [...sys.argv];
  const o: Options = {
    full: false, long: false, longlong: false, oldest: false, newest: false, negate: false, exact: false,
    count: false, icase: false, echo: false, threads: false, older: 0, signal: 15, delim: '\n', nsPid: 0,
    nsFlags: NAMESPACES,
  };
  if (pkill) {
    for (let i = 1; i < args.length; i++) {
      if (!args[i]!.startsWith('-')) continue;
      const sig = signalNameToNumber(args[i]!.slice(1));
      if (sig > -1) {
        o.signal = sig;
        args.splice(i, 1);
        break;
      }
    }
  }
  const parsed = parseProcps({ ...meta, options: parseOrder(pkill) }, args);
  const names = await Names.load(sys);
  const bad = (msg: string): never => {
    throw new UsageExit(2, `${name}: ${msg}\n`, false);
  };
  const usageErr = (message = ''): never => {
    throw new UsageExit(2, message, true);
  };
  const list = <T>(text: string, conv: (s: string) => T): T[] => {
    if (text === '') usageErr();
    return text.split(',').map(conv);
  };
  const uid = (s: string): number => {
    const n = strictLong(s);
    if (n !== null) return n;
    const id = names.uidOf(s);
    return id ?? bad(`invalid user name: ${s}`);
  };
  const gid = (s: string): number => {
    const n = strictLong(s);
    if (n !== null) return n;
    const id = names.gidOf(s);
    return id ?? bad(`invalid group name: ${s}`);
  };
  const num = (what: string) => (s: string): number => {
    const n = strictLong(s);
    return n ?? bad(`${what}: ${s}`);
  };
  let criteria = 0;
  let pidfile: string | undefined;
  let lock = false;
  for (const x of parsed.options) {
    const arg = x.value ?? '';
    switch (x.key) {
      case 'signal': {
        // An unknown name is kept as -1, and kill(2) then refuses it for each process (procps 4.0.2).
        let sig = signalNameToNumber(arg);
        if (sig === -1 && /^[0-9]/.test(arg)) sig = parseInt(arg, 10);
        o.signal = sig;
        break;
      }
      case 'echo': o.echo = true; break;
      case 'pidfile': pidfile = arg; criteria++; break;
      case 'group': o.rgid = list(arg, gid); criteria++; break;
      case 'logpidfile': lock = true; break;
      case 'parent': o.ppid = list(arg, num('not a number')); criteria++; break;
      case 'uid': o.ruid = list(arg, uid); criteria++; break;
      case 'version':
        await sys.writeAll(1, versionLine(name));
        return null;
      case 'count': o.count = true; break;
      case 'delimiter': o.delim = arg; break;
      case 'full': o.full = true; break;
      case 'pgroup': {
        o.pgrp = list(arg, num('invalid process group'));
        if (o.pgrp.includes(0)) {
          const mine = await sys.getpgid();
          o.pgrp = o.pgrp.map((p) => (p === 0 ? mine : p));
        }
        criteria++;
        break;
      }
      case 'ignore-case':
        if (o.icase) usageErr();
        o.icase = true;
        break;
      case 'list-name': o.long = true; break;
      case 'list-full': o.longlong = true; break;
      case 'ignore-ancestors': o.ancestors = await ancestors(sys); break;
      case 'newest':
        if (o.oldest || o.negate || o.newest) usageErr();
        o.newest = true;
        criteria++;
        break;
      case 'oldest':
        if (o.oldest || o.negate || o.newest) usageErr();
        o.oldest = true;
        criteria++;
        break;
      case 'older': o.older = parseInt(arg, 10) || 0; criteria++; break;
      case 'session': {
        o.sid = list(arg, num('invalid session id'));
        if (o.sid.includes(0)) {
          const mine = await sys.getsid();
          o.sid = o.sid.map((p) => (p === 0 ? mine : p));
        }
        criteria++;
        break;
      }
      case 'terminal': o.term = list(arg, (s) => s); criteria++; break;
      case 'euid': o.euid = list(arg, uid); criteria++; break;
      case 'inverse':
        if (o.oldest || o.negate || o.newest) usageErr();
        o.negate = true;
        break;
      case 'lightweight': o.threads = true; break;
      case 'exact': o.exact = true; break;
      case 'ns':
        o.nsPid = parseInt(arg, 10) || 0;
        if (o.nsPid === 0) usageErr();
        criteria++;
        break;
      case 'runstates': o.runstates = arg; criteria++; break;
      case 'nslist':
        o.nsFlags = list(arg, (s) => {
          if (!NAMESPACES.includes(s)) usageErr();
          return s;
        });
        break;
      case 'queue': break;
      case 'cgroup': o.cgroup = list(arg, (s) => s); criteria++; break;
      case 'help':
        await sys.writeAll(1, usage());
        return null;
      default: // -?
        usageErr();
    }
  }
  if (parsed.error) usageErr(`${parsed.error.text}\n`);
  const again = `\nTry \`${name} --help' for more information.\n`;
  if (lock && !pidfile) throw new UsageExit(2, `${name}: -L without -F makes no sense${again}`, false);
  if (pidfile !== undefined) {
    const pid = await readPidfile(sys, pidfile, lock);
    if (pid === null) throw new UsageExit(1, `${name}: pidfile not valid${again}`, false);
    o.pids = [pid];
  }
  const operands = parsed.operands;
  if (operands.length === 1) o.pattern = operands[0];
  else if (operands.length > 1) throw new UsageExit(2, `${name}: only one pattern can be provided${again}`, false);
  else if (criteria === 0) throw new UsageExit(2, `${name}: no matching criteria specified${again}`, false);
  return o;
}

/**
 * read_pidfile: a regular, non-empty file whose first bytes are a PID of 1 or more followed by
 * a blank or nothing. With -L the file must also be locked by its daemon; nothing here takes
 * file locks, so no PID file counts as locked.
 */
async function readPidfile(sys: Sys, path: string, lock: boolean): Promise<number | null> {
  let fd: number;
  try {
    fd = await sys.open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
  try {
    const st = await sys.fstat(fd);
    if (!isReg(st.mode) || st.size < 1 || lock) return null;
    const text = utf8Decode(await sys.read(fd, 11));
    const m = /^[ \t\n\v\f\r]*\+?(\d+)([ \t\n\v\f\r]|$)/.exec(text);
    if (!m || Number(m[1]) < 1) return null;
    return Number(m[1]);
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  } finally {
    await sys.close(fd).catch(() => {});
  }
}

/** Our PID and the PIDs above it, up to init. */
async function ancestors(sys: Sys): Promise<number[]> {
  const procs = await readAllProcs(sys);
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const out: number[] = [];
  for (let pid = await sys.getpid(); pid > 0;) {
    const p = byPid.get(pid);
    if (!p) break;
    out.push(p.ppid);
    pid = p.ppid;
  }
  return out;
}

async function nsIds(sys: Sys, pid: number, which: string[]): Promise<string[] | null> {
  const out: string[] = [];
  for (const ns of which) {
    try {
      out.push(await sys.readlink(`/proc/${pid}/ns/${ns}`));
    } catch (e) {
      if (!isSysError(e)) throw e;
      return null;
    }
  }
  return out;
}

async function run(sys: Sys, name: string, pkill: boolean, o: Options): Promise<number> {
  // regcomp(REG_EXTENDED) in the locale's character set, as procps calls it.
  const utf8 = localeIsUtf8((n) => sys.getenv(n));
  let re: Matcher | null = null;
  if (o.pattern !== undefined) {
    try {
      re = compileRegex(argToText(o.exact ? `^(${o.pattern})$` : o.pattern, utf8), { syntax: 'extended', dialect: 'regcomp', icase: o.icase, utf8 });
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      throw new UsageExit(2, `${name}: regex error: ${e.message}\n`, false);
    }
  }
  const myself = await sys.getpid();
  const uptime = await readUptime(sys);
  let refNs: string[] | null = null;
  if (o.nsPid) {
    refNs = await nsIds(sys, o.nsPid, o.nsFlags);
    if (!refNs) throw new UsageExit(3, `${name}: Error reading reference namespace information\n\n`, false);
  }
  const matches: Array<{ pid: number; text: string }> = [];
  let savedStart = o.newest ? -1 : Infinity;
  let savedPid = o.newest ? 0 : Number.MAX_SAFE_INTEGER;
  for (const p of await readAllProcs(sys)) {
    if (p.pid === myself) continue;
    if (o.ancestors?.includes(p.pid)) continue;
    let match = await matchesCriteria(sys, p, o, uptime, savedStart, refNs);
    const cmdline = p.argv.length ? p.argv.join(' ') : `[${p.comm}]`;
    if (match && re && !re.test(argToText(o.full ? cmdline : p.comm, utf8))) match = false;
    if (match !== o.negate) {
      if (o.newest) {
        if (savedStart === p.start && savedPid > p.pid) continue;
        savedStart = p.start;
        savedPid = p.pid;
        matches.length = 0;
      }
      if (o.oldest) {
        if (savedStart === p.start && savedPid < p.pid) continue;
        savedStart = p.start;
        savedPid = p.pid;
        matches.length = 0;
      }
      matches.push({ pid: p.pid, text: o.longlong ? cmdline : p.comm });
    }
  }
  if (matches.length === 0 && !o.full && o.pattern && o.pattern.length > 15 && !/[|[]/.test(o.pattern)) {
    await sys.writeAll(2, `${name}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${name} -f' option to match against the complete command line.\n`);
  }
  if (!pkill) {
    let out: string;
    if (o.count) out = `${matches.length}\n`;
    else if (o.long || o.longlong) out = matches.map((m, i) => `${m.pid} ${m.text}${i + 1 === matches.length ? '\n' : o.delim}`).join('');
    else out = matches.map((m, i) => `${m.pid}${i + 1 === matches.length ? '\n' : o.delim}`).join('');
    await sys.writeAll(1, out);
    return matches.length ? 0 : 1;
  }
  let killed = 0;
  for (const m of matches) {
    try {
      await sys.kill(m.pid, o.signal);
      if (o.echo) await sys.writeAll(1, `${m.text} killed (pid ${m.pid})\n`);
      killed++;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'ESRCH') continue;
      await sys.writeAll(2, `${name}: killing pid ${m.pid} failed: ${strerror(e.code)}\n`);
    }
  }
  if (o.count) await sys.writeAll(1, `${matches.length}\n`);
  return killed ? 0 : 1;
}

async function matchesCriteria(sys: Sys, p: Proc, o: Options, uptime: number, savedStart: number, refNs: string[] | null): Promise<boolean> {
  if (o.newest && p.start < savedStart) return false;
  if (o.oldest && p.start > savedStart) return false;
  if (o.ppid && !o.ppid.includes(p.ppid)) return false;
  if (o.pids && !o.pids.includes(p.pid)) return false;
  if (o.pgrp && !o.pgrp.includes(p.pgrp)) return false;
  if (o.euid && !o.euid.includes(p.euid)) return false;
  if (o.ruid && !o.ruid.includes(p.ruid)) return false;
  if (o.rgid && !o.rgid.includes(p.rgid)) return false;
  if (o.sid && !o.sid.includes(p.session)) return false;
  if (refNs) {
    const mine = await nsIds(sys, p.pid, o.nsFlags);
    if (!mine || mine.some((id, i) => id !== refNs[i])) return false;
  }
  if (o.older && Math.trunc(uptime - p.start / HZ) < o.older) return false;
  if (o.term && !o.term.includes(ttyName(p.ttyNr))) return false;
  if (o.runstates && !o.runstates.includes(p.state)) return false;
  if (o.cgroup) {
    const text = (await readText(sys, `/proc/${p.pid}/cgroup`)) ?? '';
    const paths = text.split('\n').filter((l) => l.startsWith('0::')).map((l) => l.slice(3));
    if (!paths.some((path) => o.cgroup!.includes(path))) return false;
  }
  return true;
}

// What the procps tools read, read the way libproc2 reads it: the process directories of /proc
// (stat, status, cmdline, environ), the machine files (meminfo, uptime, loadavg, stat), the
// account files for names, and /proc/sys/kernel/pid_max for the width of PID columns. A process
// that ends while it is being read is left out, as readproc does.

import { isSysError } from '../../abi/errno.ts';
import { O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { major, minor } from '../../abi/stat.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

/** USER_HZ: clock ticks in /proc are hundredths of a second. */
export const HZ = 100;
export const PAGE_KB = 4;

/** A whole file as text, or null if it cannot be read. */
export async function readText(sys: Sys, path: string): Promise<string | null> {
  let fd: number;
  try {
    fd = await sys.open(path, 0);
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
  try {
    return utf8Decode(await sys.readAll(fd));
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  } finally {
    await sys.close(fd).catch(() => {});
  }
}

/** One process as /proc shows it. */
export interface Proc {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  ttyNr: number;
  tpgid: number;
  flags: number;
  minflt: number;
  majflt: number;
  /** Ticks. */
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
  priority: number;
  nice: number;
  nlwp: number;
  /** Ticks after boot. */
  start: number;
  vsizeBytes: number;
  rssPages: number;
  /** Where the program's text starts and ends (stat's startcode, endcode). */
  startCode: number;
  endCode: number;
  processor: number;
  wchan: number;
  ruid: number;
  euid: number;
  suid: number;
  fuid: number;
  rgid: number;
  egid: number;
  sgid: number;
  fgid: number;
  /** kB, from status (0 for a zombie). */
  vmSize: number;
  vmRSS: number;
  vmLck: number;
  rssFile: number;
  rssShmem: number;
  vmData: number;
  vmStk: number;
  sigPending: string;
  sigBlocked: string;
  sigIgnored: string;
  sigCaught: string;
  /** The argument vector; empty for a zombie (and a kernel thread). */
  argv: string[];
}

/** PIDs of /proc in the order getdents gives them; none when /proc cannot be read. */
export async function listPids(sys: Sys): Promise<number[]> {
  let fd: number;
  try {
    fd = await sys.open('/proc', O_RDONLY | O_DIRECTORY);
  } catch (e) {
    if (isSysError(e)) return [];
    throw e;
  }
  const pids: number[] = [];
  try {
    // One call returns every entry (this kernel's getdents64).
    for (const e of await sys.getdents(fd)) if (/^[0-9]+$/.test(e.name)) pids.push(Number(e.name));
  } finally {
    await sys.close(fd);
  }
  return pids;
}

function parseStat(text: string): Partial<Proc> | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < 0) return null;
  const f = text.slice(close + 2).trim().split(/\s+/);
  const n = (i: number): number => Number(f[i] ?? 0);
  return {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: f[0] ?? '?',
    ppid: n(1), pgrp: n(2), session: n(3), ttyNr: n(4), tpgid: n(5), flags: n(6),
    minflt: n(7), majflt: n(9), utime: n(11), stime: n(12), cutime: n(13), cstime: n(14),
    priority: n(15), nice: n(16), nlwp: n(17), start: n(19), vsizeBytes: n(20), rssPages: n(21),
    startCode: n(23), endCode: n(24),
    wchan: n(32), processor: n(36),
  };
}

function parseStatus(text: string, into: Partial<Proc>): void {
  const kb = (v: string): number => Number(v.trim().split(/\s+/)[0] ?? 0);
  for (const line of text.split('\n')) {
    const tab = line.indexOf(':');
    if (tab < 0) continue;
    const key = line.slice(0, tab);
    const value = line.slice(tab + 1).trim();
    switch (key) {
      case 'Uid': [into.ruid, into.euid, into.suid, into.fuid] = value.split(/\s+/).map(Number); break;
      case 'Gid': [into.rgid, into.egid, into.sgid, into.fgid] = value.split(/\s+/).map(Number); break;
      case 'VmSize': into.vmSize = kb(value); break;
      case 'VmRSS': into.vmRSS = kb(value); break;
      case 'VmLck': into.vmLck = kb(value); break;
      case 'RssFile': into.rssFile = kb(value); break;
      case 'RssShmem': into.rssShmem = kb(value); break;
      case 'VmData': into.vmData = kb(value); break;
      case 'VmStk': into.vmStk = kb(value); break;
      case 'Threads': into.nlwp = Number(value); break;
      case 'ShdPnd': into.sigPending = value; break;
      case 'SigBlk': into.sigBlocked = value; break;
      case 'SigIgn': into.sigIgnored = value; break;
      case 'SigCgt': into.sigCaught = value; break;
    }
  }
}

/** Read one process; null if it is gone (or cannot be read at all). */
export async function readProc(sys: Sys, pid: number): Promise<Proc | null> {
  const stat = await readText(sys, `/proc/${pid}/stat`);
  if (stat === null) return null;
  const p = parseStat(stat);
  if (!p) return null;
  const status = await readText(sys, `/proc/${pid}/status`);
  if (status === null) return null;
  parseStatus(status, p);
  const cmdline = (await readText(sys, `/proc/${pid}/cmdline`)) ?? '';
  const argv = cmdline === '' ? [] : cmdline.replace(/\0$/, '').split('\0');
  const defaults: Partial<Proc> = {
    ruid: 0, euid: 0, suid: 0, fuid: 0, rgid: 0, egid: 0, sgid: 0, fgid: 0,
    vmSize: 0, vmRSS: 0, vmLck: 0, rssFile: 0, rssShmem: 0, vmData: 0, vmStk: 0,
    sigPending: '0', sigBlocked: '0', sigIgnored: '0', sigCaught: '0',
  };
  return { ...defaults, ...p, argv } as Proc;
}

/** Every process /proc lists, in its order. */
export async function readAllProcs(sys: Sys): Promise<Proc[]> {
  const out: Proc[] = [];
  for (const pid of await listPids(sys)) {
    const p = await readProc(sys, pid);
    if (p) out.push(p);
  }
  return out;
}

/** The environment of a process, or null when it may not be read. */
export async function readEnviron(sys: Sys, pid: number): Promise<string[] | null> {
  const text = await readText(sys, `/proc/${pid}/environ`);
  if (text === null) return null;
  return text === '' ? [] : text.replace(/\0$/, '').split('\0');
}

/** The command line as ps and top show it: arguments joined by blanks, or "[comm]" when empty. */
export function commandLine(p: Proc): string {
  const line = p.argv.length ? p.argv.join(' ') : `[${p.comm}]`;
  return p.state === 'Z' ? `${line} <defunct>` : line;
}

/** The short name with the zombie marker, as CMD and COMMAND show it. */
export function commandName(p: Proc): string {
  return p.state === 'Z' ? `${p.comm} <defunct>` : p.comm;
}

/** Seconds of CPU time a process has used. */
export function cpuTicks(p: Proc, withChildren = false): number {
  return p.utime + p.stime + (withChildren ? p.cutime + p.cstime : 0);
}

// ---- terminals -----------------------------------------------------------------------------------

/** The name of a terminal device number as ps prints it (no /dev/), "?" for none. */
export function ttyName(nr: number): string {
  if (nr === 0) return '?';
  const maj = major(nr);
  const min = minor(nr);
  if (maj >= 136 && maj <= 143) return `pts/${min + (maj - 136) * 256}`;
  if (maj === 4) return min < 64 ? `tty${min}` : `ttyS${min - 64}`;
  if (maj === 5 && min === 1) return 'console';
  if (maj === 5 && min === 0) return 'tty';
  return `${maj},${min}`;
}

// ---- accounts -----------------------------------------------------------------------------------

/** uid/gid -> name from /etc/passwd and /etc/group, as getpwuid/getgrgid answer. */
export class Names {
  private constructor(private readonly users: Map<number, string>, private readonly groups: Map<number, string>) {}

  static async load(sys: Sys): Promise<Names> {
    const parse = (text: string | null): Map<number, string> => {
      const map = new Map<number, string>();
      for (const line of (text ?? '').split('\n')) {
        const f = line.split(':');
        if (f.length < 3 || f[0] === '') continue;
        const id = Number(f[2]);
        if (Number.isInteger(id) && !map.has(id)) map.set(id, f[0]!);
      }
      return map;
    };
    return new Names(parse(await readText(sys, '/etc/passwd')), parse(await readText(sys, '/etc/group')));
  }

  user(uid: number): string | undefined {
    return this.users.get(uid);
  }
  group(gid: number): string | undefined {
    return this.groups.get(gid);
  }
  uidOf(name: string): number | undefined {
    for (const [id, n] of this.users) if (n === name) return id;
    return undefined;
  }
  gidOf(name: string): number | undefined {
    for (const [id, n] of this.groups) if (n === name) return id;
    return undefined;
  }
}

// ---- machine files -----------------------------------------------------------------------------

/** /proc/meminfo as key -> kB. */
export async function readMeminfo(sys: Sys): Promise<Map<string, number> | null> {
  const text = await readText(sys, '/proc/meminfo');
  if (text === null) return null;
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([^:]+):\s+(\d+)/.exec(line);
    if (m) map.set(m[1]!, Number(m[2]));
  }
  return map;
}

/** The figures free and top derive from meminfo (libproc2's meminfo, procps-ng 4.0.2). */
export interface MemSummary {
  total: number;
  free: number;
  used: number;
  shared: number;
  buffers: number;
  cached: number;
  available: number;
  swapTotal: number;
  swapFree: number;
  swapUsed: number;
  commitLimit: number;
  committed: number;
  lowTotal: number;
  lowFree: number;
  highTotal: number;
  highFree: number;
}

export function memSummary(m: Map<string, number>): MemSummary {
  const g = (k: string): number => m.get(k) ?? 0;
  const total = g('MemTotal');
  const free = g('MemFree');
  // Kernels before 3.14 have no MemAvailable; libproc2 then estimates it as MemFree.
  const available = m.has('MemAvailable') ? Math.min(g('MemAvailable'), total) : free;
  const cached = g('Cached') + g('SReclaimable');
  const used = total - available > 0 ? total - available : total - free;
  const lowTotal = m.has('LowTotal') ? g('LowTotal') : total;
  const lowFree = m.has('LowFree') ? g('LowFree') : free;
  return {
    total, free, used, shared: g('Shmem'), buffers: g('Buffers'), cached, available,
    swapTotal: g('SwapTotal'), swapFree: g('SwapFree'), swapUsed: g('SwapTotal') - g('SwapFree'),
    commitLimit: g('CommitLimit'), committed: g('Committed_AS'),
    lowTotal, lowFree, highTotal: g('HighTotal'), highFree: g('HighFree'),
  };
}

/** Seconds since boot from /proc/uptime (0 when unreadable). */
export async function readUptime(sys: Sys): Promise<number> {
  const text = await readText(sys, '/proc/uptime');
  return text ? Number(text.split(/\s+/)[0]) || 0 : 0;
}

/** Whether /proc is there to read (ps and top refuse to run without it). */
export async function procMounted(sys: Sys): Promise<boolean> {
  return (await readText(sys, '/proc/self/stat')) !== null;
}

/** ps's and top's answer when /proc is not mounted (fatal_proc_unmounted). */
export async function procMissing(sys: Sys): Promise<number> {
  await sys.writeAll(2, 'Error, do this: mount -t proc proc /proc\n');
  return 47;
}

export async function readLoadavg(sys: Sys): Promise<[number, number, number]> {
  const text = (await readText(sys, '/proc/loadavg')) ?? '';
  const f = text.split(/\s+/).map(Number);
  return [f[0] || 0, f[1] || 0, f[2] || 0];
}

/** /proc/stat: boot time (seconds since the epoch) and the aggregate CPU line in ticks. */
export async function readStat(sys: Sys): Promise<{ btime: number; cpu: number[] }> {
  const text = (await readText(sys, '/proc/stat')) ?? '';
  let btime = 0;
  let cpu: number[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('btime ')) btime = Number(line.slice(6));
    else if (line.startsWith('cpu ')) cpu = line.slice(4).trim().split(/\s+/).map(Number);
  }
  return { btime, cpu };
}

/** Digits of the largest PID (procps_pid_length): how wide PID columns are. */
export async function pidLength(sys: Sys): Promise<number> {
  const text = await readText(sys, '/proc/sys/kernel/pid_max');
  const len = text ? text.replace(/\n$/, '').length : 0;
  return len > 0 ? len : 5;
}

/** Seconds since the epoch, from the real-time clock. */
export async function now(sys: Sys): Promise<number> {
  return Number((await sys.clockGettime(0)) / 1_000_000_000n);
}

// ---- time formatting (UTC: the machine has no zone files) -----------------------------------------

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

export interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
}

export function localtime(epochSeconds: number): Tm {
  const d = new Date(epochSeconds * 1000);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(), mon: d.getUTCMonth(), mday: d.getUTCDate(), hour: d.getUTCHours(),
    min: d.getUTCMinutes(), sec: d.getUTCSeconds(), wday: d.getUTCDay(),
    yday: Math.floor((d.getTime() - start) / 86_400_000),
  };
}

/** strftime for the few conversions procps uses. */
export function strftime(fmt: string, t: Tm): string {
  return fmt.replace(/%([a-zA-Z%])/g, (_, c: string) => {
    switch (c) {
      case 'a': return DAYS[t.wday]!;
      case 'b': return MONTHS[t.mon]!;
      case 'd': return two(t.mday);
      case 'e': return String(t.mday).padStart(2, ' ');
      case 'H': return two(t.hour);
      case 'M': return two(t.min);
      case 'S': return two(t.sec);
      case 'Y': return String(t.year);
      case 'm': return two(t.mon + 1);
      case 'y': return two(t.year % 100);
      case 'j': return String(t.yday + 1).padStart(3, '0');
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

/** ctime(3) without the newline: "Thu Nov 26 17:40:40 2026". */
export function ctime(epochSeconds: number): string {
  return strftime('%a %b %e %H:%M:%S %Y', localtime(epochSeconds));
}

/** printf's "%.Nf": a value exactly half way rounds to even, where toFixed would round up. */
export function fixed(value: number, digits: number): string {
  const scaled = value * 10 ** digits;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && floor % 2 === 0) return (floor / 10 ** digits).toFixed(digits);
  return value.toFixed(digits);
}

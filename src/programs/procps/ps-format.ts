// ps's columns and how a line is laid out, as procps-ng 4.0.2's output.c does it: each format
// specifier has a header, a width, a justification (right, left, user names, unlimited text,
// signal masks) and a printing function; show_one_proc() then places each value, letting a
// long value push later columns right and taking the room back when a short one follows, so
// real ps output and this one line up character for character.

import { type Proc, HZ, PAGE_KB, commandLine, commandName, cpuTicks, ctime, localtime, strftime, ttyName, type Names } from './proc.ts';

export const OUTBUF_SIZE = 2 * 64 * 1024;
const SPACE_AMOUNT = 144;

export type Just = 'right' | 'left' | 'user' | 'unlimited' | 'wchan' | 'signal';
/** When a column prints in thread displays: process-only, thread-only, every time, as needed. */
export type When = 'PO' | 'TO' | 'ET' | 'AN';

/** What printing a value may need beyond the process. */
export interface Ctx {
  names: Names;
  memTotal: number;
  btime: number;
  now: number;
  uptime: number;
  bsdC: boolean;
  bsdE: boolean;
  unixF: boolean;
  userIsNumber: boolean;
  wchanIsNumber: boolean;
  deadChildren: boolean;
  wideSignals: boolean;
  lstartFormat: string | null;
  forestType: '' | 'u' | 'b' | 'g';
  forestPrefix: string;
}

/** A process and the extra files some columns read. */
export interface Row {
  p: Proc;
  environ?: string[] | null;
  cgroup?: string;
  ns?: Record<string, number>;
  exe?: string;
  oomScore?: number;
  oomAdj?: number;
}

/** Needs that make ps read more than stat, status and cmdline. */
export type Need = 'environ' | 'cgroup' | 'ns' | 'exe' | 'oom';

type Pr = (c: Ctx, r: Row, room: number) => string;

export interface FormatSpec {
  spec: string;
  head: string;
  pr: Pr | null;
  width: number;
  just: Just;
  when: When;
  /** The width is the digits of pid_max (at least the header's). */
  pidmax?: boolean;
  need?: Need;
  /** Sort key. */
  key?: (c: Ctx, r: Row) => number | string;
}

/** A column of the chosen format (format_node). */
export interface FormatNode {
  name: string;
  width: number;
  pr: Pr | null;
  just: Just;
  when: When;
  need?: Need;
  key?: (c: Ctx, r: Row) => number | string;
  spec: string;
}

// ---- helpers ------------------------------------------------------------------------------------

/** escape_str: printable bytes kept, others shown as '?', cut at `room` cells. */
function escape(text: string, room: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length >= room) break;
    const code = ch.codePointAt(0)!;
    out += code < 32 || code === 127 || (code >= 128 && code < 160) ? '?' : ch;
  }
  return out;
}

function forest(c: Ctx, room: number): string {
  let out = '';
  if (!c.forestPrefix) return out;
  const step = c.forestType === 'u' ? 2 : 4;
  for (const ch of c.forestPrefix) {
    if (room - out.length < step) break;
    if (step === 2) out += '  ';
    else out += ch === ' ' ? '    ' : ch === '|' ? ' |  ' : ' \\_ ';
  }
  return out;
}

function withEnviron(c: Ctx, r: Row, text: string, room: number): string {
  let out = escape(text, room);
  if (c.bsdE && room - out.length > 1 && r.environ && r.environ.length) {
    out += ' ' + escape(r.environ.join(' '), room - out.length - 1);
  }
  return out;
}

const elapsed = (c: Ctx, p: Proc): number => Math.max(0, c.uptime - p.start / HZ);
const ticksOf = (c: Ctx, p: Proc): number => cpuTicks(p, c.deadChildren);
const two = (n: number): string => String(n).padStart(2, '0');

function pcpuPermille(c: Ctx, p: Proc): number {
  const jiffies = Math.trunc(elapsed(c, p) * HZ);
  return jiffies ? Math.floor((ticksOf(c, p) * 1000) / jiffies) : 0;
}

function nameOr(c: Ctx, name: string | undefined, id: number, room: number): string {
  if (!c.userIsNumber && name !== undefined) {
    const text = escape(name, OUTBUF_SIZE);
    if (text.length <= room) return text;
    if (room >= 1) return `${text.slice(0, room - 1)}+`;
  }
  return String(id);
}

function clock(seconds: number, withHours: boolean): string {
  let t = Math.trunc(seconds);
  const ss = t % 60;
  t = Math.trunc(t / 60);
  const mm = t % 60;
  t = Math.trunc(t / 60);
  const hh = t % 24;
  const dd = Math.trunc(t / 24);
  let out = dd ? `${dd}-` : '';
  if (withHours || dd || hh) out += `${two(hh)}:`;
  return `${out}${two(mm)}:${two(ss)}`;
}

/** help_pr_sig: a mask in hex, 8 or 16 digits as room allows. */
function sig(c: Ctx, mask: string): string {
  const len = mask.length;
  if (c.wideSignals) return len > 8 ? mask : `00000000${mask}`;
  const trimmed = mask.replace(/^0+/, '');
  if (trimmed.length > 8) return `<${mask.slice(len - 8)}`;
  if (len < 8) return `${'00000000'.slice(len)}${mask}`;
  return mask.slice(len - 8);
}

function startOf(c: Ctx, p: Proc): number {
  return c.btime + Math.trunc(p.start / HZ);
}

function stime(c: Ctx, p: Proc): string {
  const ours = localtime(c.now);
  const t = localtime(startOf(c, p));
  let fmt = '%H:%M';
  if (ours.yday !== t.yday) fmt = '%b%d';
  if (ours.year !== t.year) fmt = '%Y';
  return strftime(fmt, t);
}

function stat(p: Proc): string {
  let out = p.state;
  if (p.nice < 0) out += '<';
  if (p.nice > 0) out += 'N';
  if (p.vmLck) out += 'L';
  if (p.session === p.pid) out += 's';
  if (p.nlwp > 1) out += 'l';
  if (p.pgrp === p.tpgid) out += '+';
  return out;
}

const num = (f: (p: Proc) => number): Pr => (_c, r) => String(f(r.p));
/** Text and data sizes in kB from the code addresses, as pr_trs and pr_drs work them out. */
const trs = (p: Proc): number => (p.vsizeBytes ? Math.floor((p.endCode - p.startCode) / 1024) : 0);
const drs = (p: Proc): number => (p.vsizeBytes ? Math.floor((p.vsizeBytes - p.endCode + p.startCode) / 1024) : 0);
const nop: Pr = () => '-';

// ---- the table ----------------------------------------------------------------------------------

const pr = {
  args: ((c, r, room) => {
    const prefix = forest(c, room);
    const text = c.bsdC ? commandName(r.p) : commandLine(r.p);
    return prefix + withEnviron(c, r, text, room - prefix.length);
  }) as Pr,
  comm: ((c, r, room) => {
    const prefix = forest(c, room);
    const text = c.unixF ? commandLine(r.p) : commandName(r.p);
    return prefix + withEnviron(c, r, text, room - prefix.length);
  }) as Pr,
  fname: ((c, r, room) => {
    const prefix = forest(c, room);
    return prefix + escape(r.p.comm, Math.min(8, room - prefix.length));
  }) as Pr,
  etime: ((c, r) => clock(elapsed(c, r.p), false)) as Pr,
  etimes: ((c, r) => String(Math.trunc(elapsed(c, r.p)))) as Pr,
  c: ((c, r) => {
    const jiffies = Math.trunc(elapsed(c, r.p) * HZ);
    const v = jiffies ? Math.min(99, Math.floor((ticksOf(c, r.p) * 100) / jiffies)) : 0;
    return String(v).padStart(2);
  }) as Pr,
  pcpu: ((c, r) => {
    const v = pcpuPermille(c, r.p);
    return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`;
  }) as Pr,
  cp: ((c, r) => String(Math.min(999, pcpuPermille(c, r.p))).padStart(3)) as Pr,
  time: ((c, r) => clock(Math.trunc(ticksOf(c, r.p) / HZ), true)) as Pr,
  times: ((c, r) => String(Math.trunc(ticksOf(c, r.p) / HZ))) as Pr,
  bsdtime: ((c, r) => {
    const u = Math.trunc(ticksOf(c, r.p) / HZ);
    return `${String(Math.trunc(u / 60)).padStart(3)}:${two(u % 60)}`;
  }) as Pr,
  bsdstart: ((c, r) => {
    const start = startOf(c, r.p);
    const text = ctime(start);
    return c.now - start > 86400 ? text.slice(4, 10) : text.slice(10, 16);
  }) as Pr,
  start: ((c, r) => {
    const start = startOf(c, r.p);
    const text = ctime(start).split('');
    if (text[8] === ' ') text[8] = '0';
    if (text[11] === ' ') text[11] = '0';
    const s = text.join('');
    return start + 86400 > c.now ? s.slice(11, 19) : `  ${s.slice(4, 10)}`;
  }) as Pr,
  stime: ((c, r) => stime(c, r.p)) as Pr,
  lstart: ((c, r) => strftime(c.lstartFormat ?? '%a %b %e %H:%M:%S %Y', localtime(startOf(c, r.p)))) as Pr,
  stat: ((_c, r) => stat(r.p)) as Pr,
  s: ((_c, r) => r.p.state) as Pr,
  flag: ((_c, r) => ((r.p.flags >>> 6) & 7).toString(8)) as Pr,
  tty: ((_c, r) => ttyName(r.p.ttyNr)) as Pr,
  tty4: ((_c, r) => ttyName(r.p.ttyNr)) as Pr,
  euser: ((c, r, room) => nameOr(c, c.names.user(r.p.euid), r.p.euid, room)) as Pr,
  ruser: ((c, r, room) => nameOr(c, c.names.user(r.p.ruid), r.p.ruid, room)) as Pr,
  suser: ((c, r, room) => nameOr(c, c.names.user(r.p.suid), r.p.suid, room)) as Pr,
  fuser: ((c, r, room) => nameOr(c, c.names.user(r.p.fuid), r.p.fuid, room)) as Pr,
  egroup: ((c, r, room) => nameOr(c, c.names.group(r.p.egid), r.p.egid, room)) as Pr,
  rgroup: ((c, r, room) => nameOr(c, c.names.group(r.p.rgid), r.p.rgid, room)) as Pr,
  sgroup: ((c, r, room) => nameOr(c, c.names.group(r.p.sgid), r.p.sgid, room)) as Pr,
  fgroup: ((c, r, room) => nameOr(c, c.names.group(r.p.fgid), r.p.fgid, room)) as Pr,
  pmem: ((c, r) => {
    const v = c.memTotal ? Math.min(999, Math.floor((r.p.vmRSS * 1000) / c.memTotal)) : 0;
    return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`;
  }) as Pr,
  nice: ((_c, r) => String(r.p.nice)) as Pr,
  opri: num((p) => 60 + p.priority),
  pri: num((p) => 39 - p.priority),
  priority: num((p) => p.priority),
  // There is no /proc/PID/wchan to name the kernel function a process sleeps in: '-' as for
  // a running one (and the number 0 with n).
  wchan: ((c, _r, room) => (c.wchanIsNumber ? '0' : '-'.slice(0, room))) as Pr,
  sz: num((p) => Math.trunc(p.vmSize / PAGE_KB)),
  environ: ((c, r, room) => (r.environ && r.environ.length ? escape(r.environ.join(' '), room) : '')) as Pr,
  cgroup: ((_c, r, room) => escape(r.cgroup ?? '-', room)) as Pr,
  exe: ((_c, r, room) => escape(r.exe ?? '-', room)) as Pr,
  ns: (name: string): Pr => (_c, r) => (r.ns?.[name] ? String(r.ns[name]) : '-'),
  pending: ((c, r) => sig(c, r.p.sigPending)) as Pr,
  blocked: ((c, r) => sig(c, r.p.sigBlocked)) as Pr,
  ignored: ((c, r) => sig(c, r.p.sigIgnored)) as Pr,
  caught: ((c, r) => sig(c, r.p.sigCaught)) as Pr,
};

type Row_ = [spec: string, head: string, pr: Pr | null, width: number, just: Just, when: When, extra?: Partial<FormatSpec>];

const key = {
  pid: (_c: Ctx, r: Row) => r.p.pid,
  ppid: (_c: Ctx, r: Row) => r.p.ppid,
  pgrp: (_c: Ctx, r: Row) => r.p.pgrp,
  session: (_c: Ctx, r: Row) => r.p.session,
  euid: (_c: Ctx, r: Row) => r.p.euid,
  ruid: (_c: Ctx, r: Row) => r.p.ruid,
  egid: (_c: Ctx, r: Row) => r.p.egid,
  rgid: (_c: Ctx, r: Row) => r.p.rgid,
  euser: (c: Ctx, r: Row) => c.names.user(r.p.euid) ?? String(r.p.euid),
  ruser: (c: Ctx, r: Row) => c.names.user(r.p.ruid) ?? String(r.p.ruid),
  egroup: (c: Ctx, r: Row) => c.names.group(r.p.egid) ?? String(r.p.egid),
  cmd: (_c: Ctx, r: Row) => r.p.comm,
  cmdline: (_c: Ctx, r: Row) => commandLine(r.p),
  pcpu: (c: Ctx, r: Row) => pcpuPermille(c, r.p),
  rss: (_c: Ctx, r: Row) => r.p.vmRSS,
  vsz: (_c: Ctx, r: Row) => r.p.vmSize,
  time: (c: Ctx, r: Row) => ticksOf(c, r.p),
  start: (_c: Ctx, r: Row) => r.p.start,
  tty: (_c: Ctx, r: Row) => r.p.ttyNr,
  nice: (_c: Ctx, r: Row) => r.p.nice,
  pri: (_c: Ctx, r: Row) => r.p.priority,
  state: (_c: Ctx, r: Row) => r.p.state,
  nlwp: (_c: Ctx, r: Row) => r.p.nlwp,
  tpgid: (_c: Ctx, r: Row) => r.p.tpgid,
  flags: (_c: Ctx, r: Row) => r.p.flags,
  minflt: (_c: Ctx, r: Row) => r.p.minflt,
  majflt: (_c: Ctx, r: Row) => r.p.majflt,
  size: (_c: Ctx, r: Row) => r.p.vmData + r.p.vmStk,
  psr: (_c: Ctx, r: Row) => r.p.processor,
};

/** The specifiers procps knows that this ps prints, with procps's headers, widths and justification. */
const TABLE: Row_[] = [
  ['%cpu', '%CPU', pr.pcpu, 4, 'right', 'ET', { key: key.pcpu }],
  ['%mem', '%MEM', pr.pmem, 4, 'right', 'PO', { key: key.rss }],
  ['addr', 'ADDR', nop, 4, 'right', 'AN'],
  ['addr_1', 'ADDR', nop, 1, 'left', 'AN'],
  ['args', 'COMMAND', pr.args, 27, 'unlimited', 'PO', { key: key.cmdline }],
  ['atime', 'TIME', pr.time, 8, 'right', 'ET', { key: key.time }],
  ['blocked', 'BLOCKED', pr.blocked, 9, 'signal', 'TO'],
  ['bsdstart', 'START', pr.bsdstart, 6, 'right', 'ET', { key: key.start }],
  ['bsdtime', 'TIME', pr.bsdtime, 6, 'right', 'ET', { key: key.time }],
  ['c', 'C', pr.c, 2, 'right', 'ET', { key: key.pcpu }],
  ['caught', 'CAUGHT', pr.caught, 9, 'signal', 'TO'],
  ['cgname', 'CGNAME', pr.cgroup, 27, 'unlimited', 'PO', { need: 'cgroup' }],
  ['cgroup', 'CGROUP', pr.cgroup, 27, 'unlimited', 'PO', { need: 'cgroup' }],
  ['cgroupns', 'CGROUPNS', pr.ns('cgroup'), 10, 'right', 'ET', { need: 'ns' }],
  ['class', 'CLS', () => 'TS', 3, 'left', 'TO'],
  ['cls', 'CLS', () => 'TS', 3, 'right', 'TO'],
  ['cmd', 'CMD', pr.args, 27, 'unlimited', 'PO', { key: key.cmdline }],
  ['comm', 'COMMAND', pr.comm, 15, 'unlimited', 'PO', { key: key.cmd }],
  ['command', 'COMMAND', pr.args, 27, 'unlimited', 'PO', { key: key.cmdline }],
  ['context', 'CONTEXT', nop, 31, 'left', 'ET'],
  ['cp', 'CP', pr.cp, 3, 'right', 'ET', { key: key.pcpu }],
  ['cputime', 'TIME', pr.time, 8, 'right', 'ET', { key: key.time }],
  ['cputimes', 'TIME', pr.times, 8, 'right', 'ET', { key: key.time }],
  ['drs', 'DRS', num(drs), 5, 'right', 'PO'],
  ['dsiz', 'DSIZ', num(drs), 4, 'right', 'PO'],
  ['m_drs', 'DRS', num(drs), 5, 'right', 'PO'],
  ['m_size', 'SIZE', num((p) => p.vsizeBytes), 5, 'right', 'PO'],
  ['m_trs', 'TRS', num(trs), 5, 'right', 'PO'],
  ['egid', 'EGID', num((p) => p.egid), 5, 'right', 'ET', { key: key.egid }],
  ['egroup', 'EGROUP', pr.egroup, 8, 'user', 'ET', { key: key.egroup }],
  ['environ', 'ENVIRONMENT', pr.environ, 31, 'unlimited', 'PO', { need: 'environ' }],
  ['etime', 'ELAPSED', pr.etime, 11, 'right', 'ET', { key: key.start }],
  ['etimes', 'ELAPSED', pr.etimes, 7, 'right', 'ET', { key: key.start }],
  ['euid', 'EUID', num((p) => p.euid), 5, 'right', 'ET', { key: key.euid }],
  ['euser', 'EUSER', pr.euser, 8, 'user', 'ET', { key: key.euser }],
  ['exe', 'EXE', pr.exe, 27, 'unlimited', 'PO', { need: 'exe' }],
  ['f', 'F', pr.flag, 1, 'right', 'ET', { key: key.flags }],
  ['fgid', 'FGID', num((p) => p.fgid), 5, 'right', 'ET'],
  ['fgroup', 'FGROUP', pr.fgroup, 8, 'user', 'ET'],
  ['flag', 'F', pr.flag, 1, 'right', 'ET', { key: key.flags }],
  ['flags', 'F', pr.flag, 1, 'right', 'ET', { key: key.flags }],
  ['fname', 'COMMAND', pr.fname, 8, 'left', 'PO', { key: key.cmd }],
  ['fsgid', 'FSGID', num((p) => p.fgid), 5, 'right', 'ET'],
  ['fsgroup', 'FSGROUP', pr.fgroup, 8, 'user', 'ET'],
  ['fsuid', 'FSUID', num((p) => p.fuid), 5, 'right', 'ET'],
  ['fsuser', 'FSUSER', pr.fuser, 8, 'user', 'ET'],
  ['fuid', 'FUID', num((p) => p.fuid), 5, 'right', 'ET'],
  ['fuser', 'FUSER', pr.fuser, 8, 'user', 'ET'],
  ['gid', 'GID', num((p) => p.egid), 5, 'right', 'ET', { key: key.egid }],
  ['group', 'GROUP', pr.egroup, 8, 'user', 'ET', { key: key.egroup }],
  ['ignored', 'IGNORED', pr.ignored, 9, 'signal', 'TO'],
  ['intpri', 'PRI', pr.opri, 3, 'right', 'TO', { key: key.pri }],
  ['ipcns', 'IPCNS', pr.ns('ipc'), 10, 'right', 'ET', { need: 'ns' }],
  ['label', 'LABEL', nop, 31, 'left', 'ET'],
  ['lstart', 'STARTED', pr.lstart, 24, 'right', 'ET', { key: key.start }],
  ['luid', 'LUID', nop, 5, 'right', 'ET'],
  ['lwp', 'LWP', num((p) => p.pid), 5, 'right', 'TO', { pidmax: true, key: key.pid }],
  ['maj_flt', 'MAJFL', num((p) => p.majflt), 6, 'right', 'AN', { key: key.majflt }],
  ['majflt', 'MAJFLT', num((p) => p.majflt), 6, 'right', 'AN', { key: key.majflt }],
  ['min_flt', 'MINFL', num((p) => p.minflt), 6, 'right', 'AN', { key: key.minflt }],
  ['minflt', 'MINFLT', num((p) => p.minflt), 6, 'right', 'AN', { key: key.minflt }],
  ['mntns', 'MNTNS', pr.ns('mnt'), 10, 'right', 'ET', { need: 'ns' }],
  ['netns', 'NETNS', pr.ns('net'), 10, 'right', 'ET', { need: 'ns' }],
  ['ni', 'NI', pr.nice, 3, 'right', 'TO', { key: key.nice }],
  ['nice', 'NI', pr.nice, 3, 'right', 'TO', { key: key.nice }],
  ['nlwp', 'NLWP', num((p) => p.nlwp), 4, 'right', 'PO', { key: key.nlwp }],
  ['nwchan', 'WCHAN', nop, 6, 'right', 'TO'],
  ['oom', 'OOM', (_c, r) => String(r.oomScore ?? 0), 4, 'right', 'TO', { need: 'oom' }],
  ['oomadj', 'OOMADJ', (_c, r) => String(r.oomAdj ?? 0), 5, 'right', 'TO', { need: 'oom' }],
  ['opri', 'PRI', pr.opri, 3, 'right', 'TO', { key: key.pri }],
  ['pagein', 'PAGEIN', num((p) => p.majflt), 6, 'right', 'AN', { key: key.majflt }],
  ['pcpu', '%CPU', pr.pcpu, 4, 'right', 'ET', { key: key.pcpu }],
  ['pending', 'PENDING', pr.pending, 9, 'signal', 'ET'],
  ['pgid', 'PGID', num((p) => p.pgrp), 5, 'right', 'PO', { pidmax: true, key: key.pgrp }],
  ['pgrp', 'PGRP', num((p) => p.pgrp), 5, 'right', 'PO', { pidmax: true, key: key.pgrp }],
  ['pid', 'PID', num((p) => p.pid), 5, 'right', 'PO', { pidmax: true, key: key.pid }],
  ['pidns', 'PIDNS', pr.ns('pid'), 10, 'right', 'ET', { need: 'ns' }],
  ['pmem', '%MEM', pr.pmem, 4, 'right', 'PO', { key: key.rss }],
  ['policy', 'POL', () => 'TS', 3, 'left', 'TO'],
  ['ppid', 'PPID', num((p) => p.ppid), 5, 'right', 'PO', { pidmax: true, key: key.ppid }],
  ['pri', 'PRI', pr.pri, 3, 'right', 'TO', { key: key.pri }],
  ['pri_api', 'API', num((p) => -1 - p.priority), 3, 'right', 'TO', { key: key.pri }],
  ['pri_bar', 'BAR', num((p) => p.priority + 1), 3, 'right', 'TO', { key: key.pri }],
  ['pri_baz', 'BAZ', num((p) => p.priority + 100), 3, 'right', 'TO', { key: key.pri }],
  ['pri_foo', 'FOO', num((p) => p.priority - 20), 3, 'right', 'TO', { key: key.pri }],
  ['priority', 'PRI', pr.priority, 3, 'right', 'TO', { key: key.pri }],
  ['psr', 'PSR', num((p) => p.processor), 3, 'right', 'TO', { key: key.psr }],
  ['rgid', 'RGID', num((p) => p.rgid), 5, 'right', 'ET', { key: key.rgid }],
  ['rgroup', 'RGROUP', pr.rgroup, 8, 'user', 'ET'],
  ['rss', 'RSS', num((p) => p.vmRSS), 5, 'right', 'PO', { key: key.rss }],
  ['rssize', 'RSS', num((p) => p.vmRSS), 5, 'right', 'PO', { key: key.rss }],
  ['rsz', 'RSZ', num((p) => p.vmRSS), 5, 'right', 'PO', { key: key.rss }],
  ['rtprio', 'RTPRIO', nop, 6, 'right', 'TO'],
  ['ruid', 'RUID', num((p) => p.ruid), 5, 'right', 'ET', { key: key.ruid }],
  ['ruser', 'RUSER', pr.ruser, 8, 'user', 'ET', { key: key.ruser }],
  ['s', 'S', pr.s, 1, 'left', 'TO', { key: key.state }],
  ['sched', 'SCH', () => '0', 3, 'right', 'TO'],
  ['sess', 'SESS', num((p) => p.session), 5, 'right', 'PO', { pidmax: true, key: key.session }],
  ['session', 'SESS', num((p) => p.session), 5, 'right', 'PO', { pidmax: true, key: key.session }],
  ['sgi_p', 'P', (_c, r) => (r.p.state === 'R' ? String(r.p.processor) : '*'), 1, 'right', 'TO'],
  ['sgid', 'SGID', num((p) => p.sgid), 5, 'right', 'ET'],
  ['sgroup', 'SGROUP', pr.sgroup, 8, 'user', 'ET'],
  ['sid', 'SID', num((p) => p.session), 5, 'right', 'PO', { pidmax: true, key: key.session }],
  ['sig', 'PENDING', pr.pending, 9, 'signal', 'ET'],
  ['sig_block', 'BLOCKED', pr.blocked, 9, 'signal', 'TO'],
  ['sig_catch', 'CATCHED', pr.caught, 9, 'signal', 'TO'],
  ['sig_ignore', 'IGNORED', pr.ignored, 9, 'signal', 'TO'],
  ['sig_pend', 'SIGNAL', pr.pending, 9, 'signal', 'ET'],
  ['sigcatch', 'CAUGHT', pr.caught, 9, 'signal', 'TO'],
  ['sigignore', 'IGNORED', pr.ignored, 9, 'signal', 'TO'],
  ['sigmask', 'BLOCKED', pr.blocked, 9, 'signal', 'TO'],
  ['size', 'SIZE', num((p) => p.vmData + p.vmStk), 5, 'right', 'PO', { key: key.size }],
  ['spid', 'SPID', num((p) => p.pid), 5, 'right', 'TO', { pidmax: true, key: key.pid }],
  ['start', 'STARTED', pr.start, 8, 'right', 'ET', { key: key.start }],
  ['start_time', 'START', pr.stime, 5, 'right', 'ET', { key: key.start }],
  ['stat', 'STAT', pr.stat, 4, 'left', 'TO', { key: key.state }],
  ['state', 'S', pr.s, 1, 'left', 'TO', { key: key.state }],
  ['stime', 'STIME', pr.stime, 5, 'right', 'ET', { key: key.start }],
  ['suid', 'SUID', num((p) => p.suid), 5, 'right', 'ET'],
  ['suser', 'SUSER', pr.suser, 8, 'user', 'ET'],
  ['svgid', 'SVGID', num((p) => p.sgid), 5, 'right', 'ET'],
  ['svgroup', 'SVGROUP', pr.sgroup, 8, 'user', 'ET'],
  ['svuid', 'SVUID', num((p) => p.suid), 5, 'right', 'ET'],
  ['svuser', 'SVUSER', pr.suser, 8, 'user', 'ET'],
  ['sz', 'SZ', pr.sz, 5, 'right', 'PO', { key: key.vsz }],
  ['trs', 'TRS', num(trs), 4, 'right', 'PO'],
  ['trss', 'TRSS', num(trs), 4, 'right', 'PO'],
  ['tsiz', 'TSIZ', num(trs), 4, 'right', 'PO'],
  ['tgid', 'TGID', num((p) => p.pid), 5, 'right', 'PO', { pidmax: true, key: key.pid }],
  ['thcount', 'THCNT', num((p) => p.nlwp), 5, 'right', 'PO', { key: key.nlwp }],
  ['tid', 'TID', num((p) => p.pid), 5, 'right', 'TO', { pidmax: true, key: key.pid }],
  ['time', 'TIME', pr.time, 8, 'right', 'ET', { key: key.time }],
  ['timens', 'TIMENS', pr.ns('time'), 10, 'right', 'ET', { need: 'ns' }],
  ['times', 'TIME', pr.times, 8, 'right', 'ET', { key: key.time }],
  ['tname', 'TTY', pr.tty, 8, 'left', 'PO', { key: key.tty }],
  ['tpgid', 'TPGID', num((p) => p.tpgid), 5, 'right', 'PO', { pidmax: true, key: key.tpgid }],
  ['tt', 'TT', pr.tty, 8, 'left', 'PO', { key: key.tty }],
  ['tty', 'TT', pr.tty, 8, 'left', 'PO', { key: key.tty }],
  ['tty4', 'TTY', pr.tty4, 4, 'left', 'PO', { key: key.tty }],
  ['tty8', 'TTY', pr.tty, 8, 'left', 'PO', { key: key.tty }],
  ['ucmd', 'CMD', pr.comm, 15, 'unlimited', 'PO', { key: key.cmd }],
  ['ucomm', 'COMMAND', pr.comm, 15, 'unlimited', 'PO', { key: key.cmd }],
  ['uid', 'UID', num((p) => p.euid), 5, 'right', 'ET', { key: key.euid }],
  ['uid_hack', 'UID', pr.euser, 8, 'user', 'ET', { key: key.euser }],
  ['uname', 'USER', pr.euser, 8, 'user', 'ET', { key: key.euser }],
  ['user', 'USER', pr.euser, 8, 'user', 'ET', { key: key.euser }],
  ['userns', 'USERNS', pr.ns('user'), 10, 'right', 'ET', { need: 'ns' }],
  ['utsns', 'UTSNS', pr.ns('uts'), 10, 'right', 'ET', { need: 'ns' }],
  ['vsize', 'VSZ', num((p) => p.vmSize), 6, 'right', 'PO', { key: key.vsz }],
  ['vsz', 'VSZ', num((p) => p.vmSize), 6, 'right', 'PO', { key: key.vsz }],
  ['wchan', 'WCHAN', pr.wchan, 6, 'wchan', 'TO'],
  ['wname', 'WCHAN', pr.wchan, 6, 'wchan', 'TO'],
];

const FORMATS = new Map<string, FormatSpec>(TABLE.map(([spec, head, p, width, just, when, extra]) => [spec, { spec, head, pr: p, width, just, when, ...extra }]));

/** Named lists of specifiers (procps's macro_array), for the standard formats. */
const MACROS: Record<string, string> = {
  DefBSD: 'pid,tname,stat,bsdtime,args',
  DefSysV: 'pid,tname,time,cmd',
  END_BSD: 'state,tname,cputime,comm',
  END_SYS5: 'state,tname,time,command',
  OL_X: 'pid,start_stack,esp,eip,timeout,alarm,stat,tname,bsdtime,args',
  OL_j: 'ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args',
  OL_l: 'flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args',
  OL_m: 'pid,tname,majflt,minflt,m_trs,m_drs,m_size,m_swap,rss,m_share,vm_lib,m_dt,args',
  OL_s: 'uid,pid,pending,sig_block,sig_ignore,caught,stat,tname,bsdtime,args',
  OL_u: 'user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args',
  OL_v: 'pid,tname,stat,bsdtime,maj_flt,m_trs,m_drs,rss,pmem,args',
  Std_f: 'uid_hack,pid,ppid,c,stime,tname,time,cmd',
  Std_fl: 'f,s,uid_hack,pid,ppid,c,opri,ni,addr,sz,wchan,stime,tname,time,cmd',
  Std_l: 'f,s,uid,pid,ppid,c,opri,ni,addr,sz,wchan,tname,time,ucmd',
};

/** Old Linux m/v columns this ps keeps as procps does for unsupported ones: a '-'. */
const EXTRA_NOP: Array<[string, string, number]> = [
  ['m_swap', 'SWAP', 5], ['m_share', 'SHRD', 5],
  ['vm_lib', 'LIB', 5], ['m_dt', 'DT', 4], ['start_stack', 'STACKP', 16], ['esp', 'ESP', 16], ['eip', 'EIP', 16],
  ['timeout', 'TMOUT', 5], ['alarm', 'ALARM', 5],
];
for (const [spec, head, width] of EXTRA_NOP) {
  if (!FORMATS.has(spec)) FORMATS.set(spec, { spec, head, pr: nop, width, just: 'right', when: 'AN' });
}

export function findFormat(spec: string): FormatSpec | undefined {
  return FORMATS.get(spec);
}

/** `ps L`: the specifiers and their headers. */
export function formatSpecifierList(): string {
  return [...FORMATS.values()].filter((f) => f.pr !== nop)
    .sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : 0))
    .map((f) => `${f.spec.padEnd(12).slice(0, 12)} ${f.head.padEnd(8).slice(0, 8)}`.trimEnd() + '\n').join('');
}

/** do_one_spec: a node (or a macro's nodes, in order) for one specifier; null if unknown. */
export function oneSpec(spec: string, override: string | null, pidLength: number): FormatNode[] | null {
  const fs = FORMATS.get(spec);
  if (fs) {
    let w = fs.pidmax ? Math.max(pidLength, fs.head.length) : fs.width;
    if (override !== null) w = Math.max(w, override.length);
    return [{ name: override ?? fs.head, width: w, pr: fs.pr, just: fs.just, when: fs.when, need: fs.need, key: fs.key, spec }];
  }
  const macro = MACROS[spec];
  if (macro) return macro.split(',').flatMap((s) => oneSpec(s, override, pidLength) ?? []);
  return null;
}

// ---- one line ---------------------------------------------------------------------------------

export interface Layout {
  activeCols: number;
}

/** check_header_width: the multiple of the screen width the line may use. */
export function activeColumns(list: FormatNode[], screenCols: number, signalNames = false): { cols: number; wideSignals: boolean } {
  let total = 0;
  let wasNormal = 0;
  let sigs = 0;
  list.forEach((f, i) => {
    const next = i + 1 < list.length;
    if (f.just === 'signal') {
      sigs++;
      total += f.width + wasNormal;
      wasNormal = 1;
    } else if (f.just === 'unlimited') {
      total += (next ? f.width : 3) + wasNormal;
      wasNormal = 1;
    } else if (f.pr === null) {
      total += f.width;
      wasNormal = 0;
    } else {
      total += f.width + wasNormal;
      wasNormal = 1;
    }
  });
  void signalNames;
  let i = 0;
  let cols = screenCols;
  for (;;) {
    i++;
    cols = screenCols * i;
    if (cols >= total) break;
    if (screenCols * i >= OUTBUF_SIZE / 2) break;
  }
  return { cols, wideSignals: total + sigs * 7 <= cols };
}

/** show_one_proc: one line (with its newline) for a row, or the header when `row` is null. */
export function showOneProc(c: Ctx, row: Row | null, list: FormatNode[], activeCols: number): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    const next = list[i + 1];
    let legit = 0;
    let maxRightward: number;
    let tmpspace: number;
    if (next) {
      maxRightward = f.width;
      tmpspace = 0;
    } else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        maxRightward = activeCols - actual - tmpspace;
      } else maxRightward = activeCols - Math.max(correct, actual);
    }
    maxRightward = Math.max(0, Math.min(OUTBUF_SIZE - 1, maxRightward));
    let text = row && f.pr ? f.pr(c, row, maxRightward) : f.name;
    const amount = text.length;
    let leftpad = 0;
    switch (f.just) {
      case 'right':
        leftpad = Math.max(0, f.width - amount);
        break;
      case 'signal':
        if (c.wideSignals) {
          leftpad = 16 - amount;
          legit = 7;
        } else leftpad = 9 - amount;
        leftpad = Math.max(0, leftpad);
        break;
      case 'user':
        leftpad = c.userIsNumber ? Math.max(0, f.width - amount) : 0;
        break;
      case 'wchan':
        if (c.wchanIsNumber) leftpad = Math.max(0, f.width - amount);
        else if (activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
        break;
      case 'unlimited':
        if (activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
        break;
      default:
        if (f.pr === null) leftpad = 0;
    }
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    if (space > SPACE_AMOUNT) space = SPACE_AMOUNT;
    out += ' '.repeat(space) + text;
    if (!next) break;
    actual += space + amount;
    correct += f.width + legit;
    if (f.pr && next.pr) {
      correct++;
      dospace = 1;
    } else dospace = 0;
  }
  return `${out}\n`;
}

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
/** A sort key. */
type Key = (c: Ctx, r: Row) => number | string;

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
  key?: Key;
}

/** A column of the chosen format (format_node). */
export interface FormatNode {
  name: string;
  width: number;
  pr: Pr | null;
  just: Just;
  when: When;
  need?: Need;
  key?: Key;
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

type IdField = 'euid' | 'ruid' | 'suid' | 'fuid' | 'egid' | 'rgid' | 'sgid' | 'fgid';
type MaskField = 'sigPending' | 'sigBlocked' | 'sigIgnored' | 'sigCaught';
/** The fields of a process that sort as they are. */
type PlainField = { [K in keyof Proc]: Proc[K] extends number | string ? K : never }[keyof Proc];

/** A user or group name for one of the process's IDs (the number with -n or when it has none). */
const userName = (field: IdField): Pr => (c, r, room) => nameOr(c, c.names.user(r.p[field]), r.p[field], room);
const groupName = (field: IdField): Pr => (c, r, room) => nameOr(c, c.names.group(r.p[field]), r.p[field], room);
const mask = (field: MaskField): Pr => (c, r) => sig(c, r.p[field]);
/** A namespace's inode number, from the links in /proc/PID/ns. */
const nsInode = (name: string): Pr => (_c, r) => (r.ns?.[name] ? String(r.ns[name]) : '-');

// ---- the table ----------------------------------------------------------------------------------

const pr = {
  args: (c, r, room) => {
    const prefix = forest(c, room);
    const text = c.bsdC ? commandName(r.p) : commandLine(r.p);
    return prefix + withEnviron(c, r, text, room - prefix.length);
  },
  comm: (c, r, room) => {
    const prefix = forest(c, room);
    const text = c.unixF ? commandLine(r.p) : commandName(r.p);
    return prefix + withEnviron(c, r, text, room - prefix.length);
  },
  fname: (c, r, room) => {
    const prefix = forest(c, room);
    return prefix + escape(r.p.comm, Math.min(8, room - prefix.length));
  },
  etime: (c, r) => clock(elapsed(c, r.p), false),
  etimes: (c, r) => String(Math.trunc(elapsed(c, r.p))),
  c: (c, r) => {
    const jiffies = Math.trunc(elapsed(c, r.p) * HZ);
    const v = jiffies ? Math.min(99, Math.floor((ticksOf(c, r.p) * 100) / jiffies)) : 0;
    return String(v).padStart(2);
  },
  pcpu: (c, r) => {
    const v = pcpuPermille(c, r.p);
    return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`;
  },
  cp: (c, r) => String(Math.min(999, pcpuPermille(c, r.p))).padStart(3),
  time: (c, r) => clock(Math.trunc(ticksOf(c, r.p) / HZ), true),
  times: (c, r) => String(Math.trunc(ticksOf(c, r.p) / HZ)),
  bsdtime: (c, r) => {
    const u = Math.trunc(ticksOf(c, r.p) / HZ);
    return `${String(Math.trunc(u / 60)).padStart(3)}:${two(u % 60)}`;
  },
  bsdstart: (c, r) => {
    const start = startOf(c, r.p);
    const text = ctime(start);
    return c.now - start > 86400 ? text.slice(4, 10) : text.slice(10, 16);
  },
  start: (c, r) => {
    const start = startOf(c, r.p);
    const text = ctime(start).split('');
    if (text[8] === ' ') text[8] = '0';
    if (text[11] === ' ') text[11] = '0';
    const s = text.join('');
    return start + 86400 > c.now ? s.slice(11, 19) : `  ${s.slice(4, 10)}`;
  },
  stime: (c, r) => stime(c, r.p),
  lstart: (c, r) => strftime(c.lstartFormat ?? '%a %b %e %H:%M:%S %Y', localtime(startOf(c, r.p))),
  stat: (_c, r) => stat(r.p),
  s: (_c, r) => r.p.state,
  flag: (_c, r) => ((r.p.flags >>> 6) & 7).toString(8),
  tty: (_c, r) => ttyName(r.p.ttyNr),
  euser: userName('euid'),
  ruser: userName('ruid'),
  suser: userName('suid'),
  fuser: userName('fuid'),
  egroup: groupName('egid'),
  rgroup: groupName('rgid'),
  sgroup: groupName('sgid'),
  fgroup: groupName('fgid'),
  pmem: (c, r) => {
    const v = c.memTotal ? Math.min(999, Math.floor((r.p.vmRSS * 1000) / c.memTotal)) : 0;
    return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`;
  },
  nice: (_c, r) => String(r.p.nice),
  opri: num((p) => 60 + p.priority),
  pri: num((p) => 39 - p.priority),
  priority: num((p) => p.priority),
  // There is no /proc/PID/wchan to name the kernel function a process sleeps in: '-' as for
  // a running one (and the number 0 with n).
  wchan: (c, _r, room) => (c.wchanIsNumber ? '0' : '-'.slice(0, room)),
  sz: num((p) => Math.trunc(p.vmSize / PAGE_KB)),
  environ: (c, r, room) => (r.environ && r.environ.length ? escape(r.environ.join(' '), room) : ''),
  cgroup: (_c, r, room) => escape(r.cgroup ?? '-', room),
  exe: (_c, r, room) => escape(r.exe ?? '-', room),
  pending: mask('sigPending'),
  blocked: mask('sigBlocked'),
  ignored: mask('sigIgnored'),
  caught: mask('sigCaught'),
} satisfies Record<string, Pr>;

type Row_ = [spec: string, head: string, pr: Pr | null, width: number, just: Just, when: When, extra?: Partial<FormatSpec>];

/** Sorting by a field as it is. */
const field = (name: PlainField): Key => (_c, r) => r.p[name];

const key = {
  pid: field('pid'),
  ppid: field('ppid'),
  pgrp: field('pgrp'),
  session: field('session'),
  euid: field('euid'),
  ruid: field('ruid'),
  egid: field('egid'),
  rgid: field('rgid'),
  euser: (c, r) => c.names.user(r.p.euid) ?? String(r.p.euid),
  ruser: (c, r) => c.names.user(r.p.ruid) ?? String(r.p.ruid),
  egroup: (c, r) => c.names.group(r.p.egid) ?? String(r.p.egid),
  cmd: field('comm'),
  cmdline: (_c, r) => commandLine(r.p),
  pcpu: (c, r) => pcpuPermille(c, r.p),
  rss: field('vmRSS'),
  vsz: field('vmSize'),
  time: (c, r) => ticksOf(c, r.p),
  start: field('start'),
  tty: field('ttyNr'),
  nice: field('nice'),
  pri: field('priority'),
  state: field('state'),
  nlwp: field('nlwp'),
  tpgid: field('tpgid'),
  flags: field('flags'),
  minflt: field('minflt'),
  majflt: field('majflt'),
  size: (_c, r) => r.p.vmData + r.p.vmStk,
  psr: field('processor'),
} satisfies Record<string, Key>;

// The shapes whole families of columns share in procps's table.
/** A numeric user or group ID; the header is the specifier in capitals. */
const idCol = (spec: string, f: IdField, k?: Key): Row_ => [spec, spec.toUpperCase(), num((p) => p[f]), 5, 'right', 'ET', k && { key: k }];
/** A user or group name, numeric when it does not fit. */
const nameCol = (spec: string, head: string, p: Pr, k?: Key): Row_ => [spec, head, p, 8, 'user', 'ET', k && { key: k }];
/** A process ID of some kind, as wide as pid_max's digits. */
const pidCol = (spec: string, head: string, f: 'pid' | 'pgrp' | 'ppid' | 'session' | 'tpgid', when: When): Row_ =>
  [spec, head, num((p) => p[f]), 5, 'right', when, { pidmax: true, key: key[f] }];
const maskCol = (spec: string, head: string, p: Pr, when: When): Row_ => [spec, head, p, 9, 'signal', when];
const nsCol = (ns: string): Row_ => [`${ns}ns`, `${ns.toUpperCase()}NS`, nsInode(ns), 10, 'right', 'ET', { need: 'ns' }];
const ttyCol = (spec: string, head: string, width = 8): Row_ => [spec, head, pr.tty, width, 'left', 'PO', { key: key.tty }];

/** The specifiers procps knows that this ps prints, with procps's headers, widths and justification. */
const TABLE: Row_[] = [
  ['%cpu', '%CPU', pr.pcpu, 4, 'right', 'ET', { key: key.pcpu }],
  ['%mem', '%MEM', pr.pmem, 4, 'right', 'PO', { key: key.rss }],
  ['addr', 'ADDR', nop, 4, 'right', 'AN'],
  ['addr_1', 'ADDR', nop, 1, 'left', 'AN'],
  ['args', 'COMMAND', pr.args, 27, 'unlimited', 'PO', { key: key.cmdline }],
  ['atime', 'TIME', pr.time, 8, 'right', 'ET', { key: key.time }],
  maskCol('blocked', 'BLOCKED', pr.blocked, 'TO'),
  ['bsdstart', 'START', pr.bsdstart, 6, 'right', 'ET', { key: key.start }],
  ['bsdtime', 'TIME', pr.bsdtime, 6, 'right', 'ET', { key: key.time }],
  ['c', 'C', pr.c, 2, 'right', 'ET', { key: key.pcpu }],
  maskCol('caught', 'CAUGHT', pr.caught, 'TO'),
  ['cgname', 'CGNAME', pr.cgroup, 27, 'unlimited', 'PO', { need: 'cgroup' }],
  ['cgroup', 'CGROUP', pr.cgroup, 27, 'unlimited', 'PO', { need: 'cgroup' }],
  nsCol('cgroup'),
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
  idCol('egid', 'egid', key.egid),
  nameCol('egroup', 'EGROUP', pr.egroup, key.egroup),
  ['environ', 'ENVIRONMENT', pr.environ, 31, 'unlimited', 'PO', { need: 'environ' }],
  ['etime', 'ELAPSED', pr.etime, 11, 'right', 'ET', { key: key.start }],
  ['etimes', 'ELAPSED', pr.etimes, 7, 'right', 'ET', { key: key.start }],
  idCol('euid', 'euid', key.euid),
  nameCol('euser', 'EUSER', pr.euser, key.euser),
  ['exe', 'EXE', pr.exe, 27, 'unlimited', 'PO', { need: 'exe' }],
  ['f', 'F', pr.flag, 1, 'right', 'ET', { key: key.flags }],
  idCol('fgid', 'fgid'),
  nameCol('fgroup', 'FGROUP', pr.fgroup),
  ['flag', 'F', pr.flag, 1, 'right', 'ET', { key: key.flags }],
  ['flags', 'F', pr.flag, 1, 'right', 'ET', { key: key.flags }],
  ['fname', 'COMMAND', pr.fname, 8, 'left', 'PO', { key: key.cmd }],
  idCol('fsgid', 'fgid'),
  nameCol('fsgroup', 'FSGROUP', pr.fgroup),
  idCol('fsuid', 'fuid'),
  nameCol('fsuser', 'FSUSER', pr.fuser),
  idCol('fuid', 'fuid'),
  nameCol('fuser', 'FUSER', pr.fuser),
  idCol('gid', 'egid', key.egid),
  nameCol('group', 'GROUP', pr.egroup, key.egroup),
  maskCol('ignored', 'IGNORED', pr.ignored, 'TO'),
  ['intpri', 'PRI', pr.opri, 3, 'right', 'TO', { key: key.pri }],
  nsCol('ipc'),
  ['label', 'LABEL', nop, 31, 'left', 'ET'],
  ['lstart', 'STARTED', pr.lstart, 24, 'right', 'ET', { key: key.start }],
  ['luid', 'LUID', nop, 5, 'right', 'ET'],
  pidCol('lwp', 'LWP', 'pid', 'TO'),
  ['maj_flt', 'MAJFL', num((p) => p.majflt), 6, 'right', 'AN', { key: key.majflt }],
  ['majflt', 'MAJFLT', num((p) => p.majflt), 6, 'right', 'AN', { key: key.majflt }],
  ['min_flt', 'MINFL', num((p) => p.minflt), 6, 'right', 'AN', { key: key.minflt }],
  ['minflt', 'MINFLT', num((p) => p.minflt), 6, 'right', 'AN', { key: key.minflt }],
  nsCol('mnt'),
  nsCol('net'),
  ['ni', 'NI', pr.nice, 3, 'right', 'TO', { key: key.nice }],
  ['nice', 'NI', pr.nice, 3, 'right', 'TO', { key: key.nice }],
  ['nlwp', 'NLWP', num((p) => p.nlwp), 4, 'right', 'PO', { key: key.nlwp }],
  ['nwchan', 'WCHAN', nop, 6, 'right', 'TO'],
  ['oom', 'OOM', (_c, r) => String(r.oomScore ?? 0), 4, 'right', 'TO', { need: 'oom' }],
  ['oomadj', 'OOMADJ', (_c, r) => String(r.oomAdj ?? 0), 5, 'right', 'TO', { need: 'oom' }],
  ['opri', 'PRI', pr.opri, 3, 'right', 'TO', { key: key.pri }],
  ['pagein', 'PAGEIN', num((p) => p.majflt), 6, 'right', 'AN', { key: key.majflt }],
  ['pcpu', '%CPU', pr.pcpu, 4, 'right', 'ET', { key: key.pcpu }],
  maskCol('pending', 'PENDING', pr.pending, 'ET'),
  pidCol('pgid', 'PGID', 'pgrp', 'PO'),
  pidCol('pgrp', 'PGRP', 'pgrp', 'PO'),
  pidCol('pid', 'PID', 'pid', 'PO'),
  nsCol('pid'),
  ['pmem', '%MEM', pr.pmem, 4, 'right', 'PO', { key: key.rss }],
  ['policy', 'POL', () => 'TS', 3, 'left', 'TO'],
  pidCol('ppid', 'PPID', 'ppid', 'PO'),
  ['pri', 'PRI', pr.pri, 3, 'right', 'TO', { key: key.pri }],
  ['pri_api', 'API', num((p) => -1 - p.priority), 3, 'right', 'TO', { key: key.pri }],
  ['pri_bar', 'BAR', num((p) => p.priority + 1), 3, 'right', 'TO', { key: key.pri }],
  ['pri_baz', 'BAZ', num((p) => p.priority + 100), 3, 'right', 'TO', { key: key.pri }],
  ['pri_foo', 'FOO', num((p) => p.priority - 20), 3, 'right', 'TO', { key: key.pri }],
  ['priority', 'PRI', pr.priority, 3, 'right', 'TO', { key: key.pri }],
  ['psr', 'PSR', num((p) => p.processor), 3, 'right', 'TO', { key: key.psr }],
  idCol('rgid', 'rgid', key.rgid),
  nameCol('rgroup', 'RGROUP', pr.rgroup),
  ['rss', 'RSS', num((p) => p.vmRSS), 5, 'right', 'PO', { key: key.rss }],
  ['rssize', 'RSS', num((p) => p.vmRSS), 5, 'right', 'PO', { key: key.rss }],
  ['rsz', 'RSZ', num((p) => p.vmRSS), 5, 'right', 'PO', { key: key.rss }],
  ['rtprio', 'RTPRIO', nop, 6, 'right', 'TO'],
  idCol('ruid', 'ruid', key.ruid),
  nameCol('ruser', 'RUSER', pr.ruser, key.ruser),
  ['s', 'S', pr.s, 1, 'left', 'TO', { key: key.state }],
  ['sched', 'SCH', () => '0', 3, 'right', 'TO'],
  pidCol('sess', 'SESS', 'session', 'PO'),
  pidCol('session', 'SESS', 'session', 'PO'),
  ['sgi_p', 'P', (_c, r) => (r.p.state === 'R' ? String(r.p.processor) : '*'), 1, 'right', 'TO'],
  idCol('sgid', 'sgid'),
  nameCol('sgroup', 'SGROUP', pr.sgroup),
  pidCol('sid', 'SID', 'session', 'PO'),
  maskCol('sig', 'PENDING', pr.pending, 'ET'),
  maskCol('sig_block', 'BLOCKED', pr.blocked, 'TO'),
  maskCol('sig_catch', 'CATCHED', pr.caught, 'TO'),
  maskCol('sig_ignore', 'IGNORED', pr.ignored, 'TO'),
  maskCol('sig_pend', 'SIGNAL', pr.pending, 'ET'),
  maskCol('sigcatch', 'CAUGHT', pr.caught, 'TO'),
  maskCol('sigignore', 'IGNORED', pr.ignored, 'TO'),
  maskCol('sigmask', 'BLOCKED', pr.blocked, 'TO'),
  ['size', 'SIZE', num((p) => p.vmData + p.vmStk), 5, 'right', 'PO', { key: key.size }],
  pidCol('spid', 'SPID', 'pid', 'TO'),
  ['start', 'STARTED', pr.start, 8, 'right', 'ET', { key: key.start }],
  ['start_time', 'START', pr.stime, 5, 'right', 'ET', { key: key.start }],
  ['stat', 'STAT', pr.stat, 4, 'left', 'TO', { key: key.state }],
  ['state', 'S', pr.s, 1, 'left', 'TO', { key: key.state }],
  ['stime', 'STIME', pr.stime, 5, 'right', 'ET', { key: key.start }],
  idCol('suid', 'suid'),
  nameCol('suser', 'SUSER', pr.suser),
  idCol('svgid', 'sgid'),
  nameCol('svgroup', 'SVGROUP', pr.sgroup),
  idCol('svuid', 'suid'),
  nameCol('svuser', 'SVUSER', pr.suser),
  ['sz', 'SZ', pr.sz, 5, 'right', 'PO', { key: key.vsz }],
  ['trs', 'TRS', num(trs), 4, 'right', 'PO'],
  ['trss', 'TRSS', num(trs), 4, 'right', 'PO'],
  ['tsiz', 'TSIZ', num(trs), 4, 'right', 'PO'],
  pidCol('tgid', 'TGID', 'pid', 'PO'),
  ['thcount', 'THCNT', num((p) => p.nlwp), 5, 'right', 'PO', { key: key.nlwp }],
  pidCol('tid', 'TID', 'pid', 'TO'),
  ['time', 'TIME', pr.time, 8, 'right', 'ET', { key: key.time }],
  nsCol('time'),
  ['times', 'TIME', pr.times, 8, 'right', 'ET', { key: key.time }],
  ttyCol('tname', 'TTY'),
  pidCol('tpgid', 'TPGID', 'tpgid', 'PO'),
  ttyCol('tt', 'TT'),
  ttyCol('tty', 'TT'),
  ttyCol('tty4', 'TTY', 4),
  ttyCol('tty8', 'TTY'),
  ['ucmd', 'CMD', pr.comm, 15, 'unlimited', 'PO', { key: key.cmd }],
  ['ucomm', 'COMMAND', pr.comm, 15, 'unlimited', 'PO', { key: key.cmd }],
  idCol('uid', 'euid', key.euid),
  nameCol('uid_hack', 'UID', pr.euser, key.euser),
  nameCol('uname', 'USER', pr.euser, key.euser),
  nameCol('user', 'USER', pr.euser, key.euser),
  nsCol('user'),
  nsCol('uts'),
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

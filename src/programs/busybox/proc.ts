// What busybox's procps applets read from /proc, read as busybox's procps_scan does: each
// process directory's stat, status (for the uids) and cmdline, and /proc/meminfo. A process
// gone between the listing and the read is skipped.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

export async function readText(sys: Sys, path: string): Promise<string | null> {
  let fd: number;
  try {
    fd = await sys.open(path, O_RDONLY);
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

export interface BbProc {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  comm: string;
  state: string;
  /** utime + stime, in clock ticks (1/100 s). */
  ticks: number;
  startTicks: number;
  nice: number;
  vszKb: number;
  rssKb: number;
  ttyNr: number;
  uid: number;
  gid: number;
  ruid: number;
  rgid: number;
  /** The command line with NULs as spaces; empty for kernel threads. */
  args: string;
}

/** The PIDs in /proc; null (after busybox's message) when /proc cannot be opened. */
async function pids(sys: Sys): Promise<number[] | null> {
  let fd: number;
  try {
    fd = await sys.open('/proc', O_RDONLY | O_DIRECTORY);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.writeAll(2, `${sys.argv[0]}: can't open directory '/proc': ${strerror(e.code)}\n`);
    return null;
  }
  const out: number[] = [];
  try {
    // One call returns every entry (this kernel's getdents64).
    for (const d of await sys.getdents(fd)) if (/^\d+$/.test(d.name)) out.push(Number(d.name));
  } finally {
    await sys.close(fd);
  }
  return out.sort((a, b) => a - b);
}

export async function readProc(sys: Sys, pid: number): Promise<BbProc | null> {
  const stat = await readText(sys, `/proc/${pid}/stat`);
  const status = await readText(sys, `/proc/${pid}/status`);
  if (stat === null || status === null) return null;
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const f = stat.slice(close + 2).trim().split(/\s+/);
  const num = (i: number): number => Number(f[i] ?? 0);
  const ids = (key: string): number[] => (status.match(new RegExp(`^${key}:\\s*(.*)$`, 'm'))?.[1] ?? '0 0').trim().split(/\s+/).map(Number);
  const [ruid, euid] = ids('Uid');
  const [rgid, egid] = ids('Gid');
  const cmdline = (await readText(sys, `/proc/${pid}/cmdline`)) ?? '';
  return {
    pid,
    comm: stat.slice(open + 1, close),
    state: f[0] ?? '?',
    ppid: num(1), pgid: num(2), sid: num(3), ttyNr: num(4),
    ticks: num(11) + num(12),
    nice: num(16),
    startTicks: num(19),
    vszKb: Math.floor(num(20) / 1024),
    rssKb: num(21) * 4,
    uid: euid ?? 0, gid: egid ?? 0, ruid: ruid ?? 0, rgid: rgid ?? 0,
    args: cmdline.replace(/\0+$/, '').replace(/\0/g, ' '),
  };
}

export async function allProcs(sys: Sys): Promise<BbProc[] | null> {
  const out: BbProc[] = [];
  const list = await pids(sys);
  if (!list) return null;
  for (const pid of list) {
    const p = await readProc(sys, pid);
    if (p) out.push(p);
  }
  return out;
}

/** /proc/meminfo as name -> kB. */
export async function meminfo(sys: Sys): Promise<Map<string, number>> {
  const text = (await readText(sys, '/proc/meminfo')) ?? '';
  const m = new Map<string, number>();
  for (const line of text.split('\n')) {
    const hit = /^([^:]+):\s+(\d+)/.exec(line);
    if (hit) m.set(hit[1]!, Number(hit[2]));
  }
  return m;
}

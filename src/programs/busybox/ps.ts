// busybox ps (alpine's build: -o and the TIME column): every process, default columns
// `PID   USER     TIME  COMMAND`. Headers are left-aligned in each column's width; numbers
// right-aligned, names cut to width; the last column takes the rest of the line, which on a
// terminal is cut at its width less one, as busybox does. `-o COL=HEADER` names a column.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { groupEntries, passwdEntries } from '../lib/passwd.ts';
import { dialectOf } from '../lib/tool.ts';
import { allProcs, readText, type BbProc } from './proc.ts';

interface Ctx {
  users: Map<number, string>;
  groups: Map<number, string>;
  uptimeTicks: number;
}

interface Column {
  header: string;
  width: number;
  /** Right-aligned (numbers) or left-aligned and cut to width (names). */
  right: boolean;
  value(p: BbProc, c: Ctx): string;
}

/** busybox's smart_ulltoa5-ish short sizes: kB as is below 10000, then m, g... */
function short(kb: number, width: number): string {
  let v = kb;
  const units = ['', 'm', 'g', 't'];
  let u = 0;
  while (String(v).length + (u ? 1 : 0) > width && u < units.length - 1) {
    v = Math.floor(v / 1024);
    u++;
  }
  return `${v}${units[u]}`;
}

function clock(seconds: number): string {
  const mm = Math.floor(seconds / 60);
  const ss = seconds % 60;
  return `${mm}:${String(ss).padStart(2, '0')}`;
}

function tty(nr: number): string {
  if (nr === 0) return '?';
  const major = (nr >> 8) & 0xfff;
  const minor = (nr & 0xff) | ((nr >> 12) & 0xfff00);
  if (major === 136) return `pts/${minor}`;
  if (major === 4) return `tty${minor}`;
  return `${major},${minor}`;
}

const name = (m: Map<number, string>, id: number): string => m.get(id) ?? String(id);

const COLUMNS: Record<string, Omit<Column, 'header'> & { header: string }> = {
  user: { header: 'USER', width: 8, right: false, value: (p, c) => name(c.users, p.uid) },
  group: { header: 'GROUP', width: 8, right: false, value: (p, c) => name(c.groups, p.gid) },
  comm: { header: 'COMMAND', width: 16, right: false, value: (p) => p.comm },
  args: { header: 'COMMAND', width: 0, right: false, value: (p) => p.args || `[${p.comm}]` },
  pid: { header: 'PID', width: 5, right: true, value: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 5, right: true, value: (p) => String(p.ppid) },
  pgid: { header: 'PGID', width: 5, right: true, value: (p) => String(p.pgid) },
  etime: { header: 'ELAPSED', width: 10, right: true, value: (p, c) => clock(Math.max(0, Math.floor((c.uptimeTicks - p.startTicks) / 100))) },
  nice: { header: 'NI', width: 5, right: true, value: (p) => String(p.nice) },
  rgroup: { header: 'RGROUP', width: 8, right: false, value: (p, c) => name(c.groups, p.rgid) },
  ruser: { header: 'RUSER', width: 8, right: false, value: (p, c) => name(c.users, p.ruid) },
  time: { header: 'TIME', width: 5, right: true, value: (p) => clock(Math.floor(p.ticks / 100)) },
  tty: { header: 'TT', width: 6, right: false, value: (p) => tty(p.ttyNr) },
  vsz: { header: 'VSZ', width: 4, right: true, value: (p) => short(p.vszKb, 4) },
  sid: { header: 'SID', width: 5, right: true, value: (p) => String(p.sid) },
  stat: { header: 'STAT', width: 4, right: false, value: (p) => p.state },
  rss: { header: 'RSS', width: 4, right: true, value: (p) => short(p.rssKb, 4) },
};

const DEFAULT = 'pid,user,time,args';

async function usage(sys: Sys, message: string): Promise<number> {
  await sys.writeAll(2, `${message}\n${dialectOf(sys)?.usage('ps') ?? ''}`);
  return 1;
}

/** `-o` words: a comma list; `COL=HEADER` takes the rest of the word as the header. */
function parseFormat(specs: string[]): Column[] | string {
  const out: Column[] = [];
  for (const spec of specs) {
    let rest = spec;
    while (rest !== '') {
      const eq = rest.indexOf('=');
      const comma = rest.indexOf(',');
      let word: string;
      let header: string | undefined;
      if (eq >= 0 && (comma < 0 || eq < comma)) {
        word = rest.slice(0, eq);
        header = rest.slice(eq + 1);
        rest = '';
      } else {
        word = comma < 0 ? rest : rest.slice(0, comma);
        rest = comma < 0 ? '' : rest.slice(comma + 1);
      }
      const col = COLUMNS[word];
      if (!col) return word;
      out.push(header === undefined ? { ...col } : { ...col, header, width: header.length });
    }
  }
  return out;
}

function cell(col: Column, text: string, last: boolean): string {
  if (last) return text;
  if (col.right) return text.padStart(col.width);
  return text.slice(0, col.width).padEnd(col.width);
}

export default async function ps(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  const formats: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '-T' || a.startsWith('-o')) {
      if (a === '-T') continue;
      const v = a === '-o' ? args[++i] : a.slice(2);
      if (v === undefined) return usage(sys, "ps: option requires an argument -- 'o'");
      formats.push(v);
    } else if (a.startsWith('-') && a.length > 1) {
      // Options busybox ps accepts and ignores (its build knows -A, -e, -f, -l, -w, -a...).
      if (!/^-[AaefTwlx]+$/.test(a)) return usage(sys, a.startsWith('--') ? `ps: unrecognized option '${a}'` : `ps: invalid option -- '${a.slice(1).replace(/[AaefTwlx]/g, '')[0]}'`);
    }
  }
  const columns = parseFormat(formats.length ? formats : [DEFAULT]);
  if (typeof columns === 'string') {
    await sys.writeAll(2, `ps: bad -o argument '${columns}', supported arguments: ${Object.keys(COLUMNS).join(',')}\n`);
    return 1;
  }
  const users = new Map((await passwdEntries(sys).catch(() => [])).map((e) => [e.uid, e.name] as const));
  const groups = new Map((await groupEntries(sys).catch(() => [])).map((e) => [e.gid, e.name] as const));
  const uptime = Number(((await readText(sys, '/proc/uptime')) ?? '0').split(/\s+/)[0]);
  const ctx: Ctx = { users, groups, uptimeTicks: Math.round(uptime * 100) };
  let width = 2048;
  try {
    if (await sys.isatty(1)) {
      const ws = await sys.getWinsize(1);
      if (ws.col > 0) width = Math.min(ws.col - 1, 2048);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  const line = (cells: string[]): string => `${cells.join(' ').slice(0, width)}\n`;
  const procs = await allProcs(sys);
  if (!procs) return 1;
  let out = '';
  if (columns.some((c) => c.header !== '')) out += line(columns.map((c, i) => (i === columns.length - 1 ? c.header : c.header.padEnd(c.width))));
  for (const p of procs) out += line(columns.map((c, i) => cell(c, c.value(p, ctx), i === columns.length - 1)));
  await sys.writeAll(1, out);
  return 0;
}

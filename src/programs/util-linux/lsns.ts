// lsns (util-linux 2.38): list the namespaces the processes in /proc live in, one line each
// (NS TYPE NPROCS PID USER COMMAND), read from the /proc/PID/ns/* links: the lowest PID in a
// namespace stands for it, and a namespace whose process is the child of another line's process
// is drawn below that line, as libsmartcols draws trees. With a namespace number, the processes
// in it are listed instead.

import { isSysError } from '../../abi/errno.ts';
import { O_RDONLY } from '../../abi/open-flags.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { userName } from '../lib/passwd.ts';
import { runTool, type Tool } from '../lib/tool.ts';
import { localeIsUtf8 } from '../lib/locale.ts';

export const meta: ProgramMeta = {
  name: 'lsns', package: 'util-linux', version: '2.38.1', style: 'util-linux',
  usage: ['[options] [<namespace>]'],
  summary: 'List the namespaces processes live in (or the processes in one namespace).',
  options: [
    // util-linux's short spellings of --help and --version (listed with them in --help).
    { short: 'h', key: '--help', help: '' },
    { short: 'V', key: '--version', help: '' },
    { short: 'J', long: 'json', help: 'write JSON' },
    { short: 'l', long: 'list', help: 'a plain list: no tree of processes' },
    { short: 'n', long: 'noheadings', help: 'leave out the header line' },
    { short: 'o', long: 'output', arg: 'required', argName: 'list', help: 'the columns to show (NS,TYPE,PATH,NPROCS,PID,PPID,\nCOMMAND,UID,USER,NETNSID,NSFS)' },
    { short: 'p', long: 'task', arg: 'required', argName: 'pid', help: 'only the namespaces of this process' },
    { short: 'r', long: 'raw', help: 'no alignment: one space between columns' },
    { short: 't', long: 'type', arg: 'required', argName: 'name', help: 'only namespaces of this type (mnt, net, ipc, user, pid, uts, cgroup, time)' },
    { short: 'u', long: 'notruncate', help: 'never cut the last column to fit the terminal' },
    { short: 'W', long: 'nowrap', help: 'do not wrap multi-line cells' },
  ],
};

/** lsns's order of types (how a process's links are read). */
const TYPES = ['mnt', 'net', 'pid', 'uts', 'ipc', 'user', 'cgroup', 'time'] as const;
type NsType = (typeof TYPES)[number];

interface Column {
  name: string;
  right: boolean;
  number: boolean;
}

const COLUMNS: Record<string, Column> = {
  NS: { name: 'NS', right: true, number: true },
  TYPE: { name: 'TYPE', right: false, number: false },
  PATH: { name: 'PATH', right: false, number: false },
  NPROCS: { name: 'NPROCS', right: true, number: true },
  PID: { name: 'PID', right: true, number: true },
  PPID: { name: 'PPID', right: true, number: true },
  COMMAND: { name: 'COMMAND', right: false, number: false },
  UID: { name: 'UID', right: true, number: true },
  USER: { name: 'USER', right: false, number: false },
  NETNSID: { name: 'NETNSID', right: true, number: false },
  NSFS: { name: 'NSFS', right: false, number: false },
};

interface Proc {
  pid: number;
  ppid: number;
  uid: number;
  ns: Partial<Record<NsType, number>>;
  parent: Proc | null;
  /** The line this process was last shown on (tree parent for its children's lines). */
  line: Line | null;
}

interface Namespace {
  ino: number;
  type: NsType;
  procs: Proc[];
  /** The lowest PID in it: the process that stands for it. */
  proc: Proc;
}

interface Line {
  cells: Array<string | null>;
  children: Line[];
}

class Fail extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

async function readText(sys: Sys, path: string): Promise<string> {
  const fd = await sys.open(path, O_RDONLY);
  try {
    return utf8Decode(await sys.readAll(fd));
  } finally {
    await sys.close(fd);
  }
}

/** One /proc/PID: its owner, parent and namespaces; null when it went away or is not ours to see. */
async function readProc(sys: Sys, pid: number, types: Set<NsType>): Promise<Proc | null> {
  try {
    const st = await sys.stat(`/proc/${pid}`);
    const stat = await readText(sys, `/proc/${pid}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const proc: Proc = { pid, ppid, uid: st.uid, ns: {}, parent: null, line: null };
    for (const type of TYPES) {
      if (!types.has(type)) continue;
      try {
        const m = /\[(\d+)\]/.exec(await sys.readlink(`/proc/${pid}/ns/${type}`));
        if (m) proc.ns[type] = Number(m[1]);
      } catch (e) {
        if (!isSysError(e, 'EACCES') && !isSysError(e, 'ENOENT')) throw e;
      }
    }
    return proc;
  } catch (e) {
    if (isSysError(e, 'EACCES') || isSysError(e, 'ENOENT')) return null;
    throw e;
  }
}

async function readProcs(sys: Sys, types: Set<NsType>): Promise<Proc[]> {
  const fd = await sys.open('/proc', O_RDONLY);
  let names: string[];
  try {
    names = (await sys.getdents(fd)).map((e) => e.name);
  } finally {
    await sys.close(fd);
  }
  const procs: Proc[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const p = await readProc(sys, Number(name), types);
    if (p) procs.push(p);
  }
  for (const p of procs) p.parent = procs.find((q) => q.pid === p.ppid) ?? null;
  return procs;
}

function namespaces(procs: Proc[]): Namespace[] {
  const byIno = new Map<number, Namespace>();
  for (const p of procs) {
    for (const type of TYPES) {
      const ino = p.ns[type];
      if (ino === undefined) continue;
      let ns = byIno.get(ino);
      if (!ns) byIno.set(ino, (ns = { ino, type, procs: [], proc: p }));
      ns.procs.push(p);
      if (p.pid < ns.proc.pid) ns.proc = p;
    }
  }
  return [...byIno.values()].sort((a, b) => a.ino - b.ino);
}

async function command(sys: Sys, pid: number): Promise<string | null> {
  try {
    const cmdline = (await readText(sys, `/proc/${pid}/cmdline`)).replace(/\0+$/, '').replace(/\0/g, ' ');
    if (cmdline) return cmdline;
    return (await readText(sys, `/proc/${pid}/comm`)).replace(/\n$/, '') || null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
}

async function cell(sys: Sys, col: string, ns: Namespace, proc: Proc | null): Promise<string | null> {
  switch (col) {
    case 'NS': return String(ns.ino);
    case 'TYPE': return ns.type;
    case 'PATH': return proc ? `/proc/${proc.pid}/ns/${ns.type}` : null;
    case 'NPROCS': return String(ns.procs.length);
    case 'PID': return proc ? String(proc.pid) : null;
    case 'PPID': return proc ? String(proc.ppid) : null;
    case 'COMMAND': return proc ? command(sys, proc.pid) : null;
    case 'UID': return String(proc?.uid ?? 0);
    case 'USER': return userName(sys, proc?.uid ?? 0);
    // No network namespace here has an id for netlink, which lsns shows as "unassigned".
    case 'NETNSID': return proc && ns.type === 'net' ? 'unassigned' : null;
    case 'NSFS': return null;
    default: return null;
  }
}

function utf8(tool: Tool): boolean {
  return localeIsUtf8((n) => tool.sys.getenv(n));
}

/** Lines in tree order, each with the tree art that goes before its COMMAND. */
function flatten(roots: Line[], unicode: boolean): Array<{ line: Line; art: string }> {
  const [branch, last, vert, blank] = unicode ? ['├─', '└─', '│ ', '  '] : ['|-', '`-', '| ', '  '];
  const out: Array<{ line: Line; art: string }> = [];
  const walk = (lines: Line[], prefix: string, depth: number): void => {
    lines.forEach((line, i) => {
      const isLast = i === lines.length - 1;
      out.push({ line, art: depth === 0 ? '' : prefix + (isLast ? last : branch) });
      walk(line.children, depth === 0 ? '' : prefix + (isLast ? blank : vert), depth + 1);
    });
  };
  walk(roots, '', 0);
  return out;
}

function rawEscape(s: string): string {
  let out = '';
  for (const b of utf8Encode(s)) {
    out += b <= 0x20 || b >= 0x7f || b === 0x5c ? `\\x${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b);
  }
  return out;
}

function jsonString(s: string): string {
  return JSON.stringify(s);
}

async function print(tool: Tool, cols: string[], roots: Line[], tree: boolean): Promise<void> {
  const a = tool.args;
  const treeCol = tree ? cols.indexOf('COMMAND') : -1;
  const rows = flatten(roots, utf8(tool));
  const text = (r: { line: Line; art: string }, i: number): string | null => {
    const v = r.line.cells[i] ?? null;
    return i === treeCol && v !== null ? r.art + v : i === treeCol && r.art ? r.art : v;
  };
  if (a.has('json')) {
    const indent = (n: number): string => '   '.repeat(n);
    const obj = (line: Line, depth: number): string => {
      const art = { line, art: '' };
      const fields = cols.map((c, i) => {
        const v = text(art, i);
        const col = COLUMNS[c]!;
        const val = v === null ? 'null' : col.number ? v : jsonString(v);
        return `${indent(depth + 1)}"${c.toLowerCase()}": ${val}`;
      });
      if (line.children.length > 0) {
        fields.push(`${indent(depth + 1)}"children": [\n${indent(depth + 2)}${line.children.map((ch) => obj(ch, depth + 2)).join(`,`)}\n${indent(depth + 1)}]`);
      }
      return `{\n${fields.join(',\n')}\n${indent(depth)}}`;
    };
    const top = tree ? roots : rows.map((r) => ({ ...r.line, children: [] }));
    await tool.out.write(`{\n   "namespaces": [\n${top.length ? `      ${top.map((l) => obj(l, 2)).join(',')}\n` : ''}   ]\n}\n`);
    return;
  }
  const header = cols.map((c) => COLUMNS[c]!.name);
  const body = rows.map((r) => cols.map((_c, i) => text(r, i) ?? ''));
  if (a.has('raw')) {
    if (!a.has('noheadings')) await tool.out.write(`${header.join(' ')}\n`);
    for (const row of body) await tool.out.write(`${row.map(rawEscape).join(' ')}\n`);
    return;
  }
  const all = a.has('noheadings') ? body : [header, ...body];
  const widths = cols.map((_c, i) => Math.max(...all.map((row) => [...row[i]!].length)));
  // On a terminal the last column is cut to the terminal's width, as libsmartcols cuts it.
  let limit = Infinity;
  if (!a.has('notruncate') && (await tool.sys.isatty(1))) {
    const ws = await tool.sys.getWinsize(1).catch(() => null);
    if (ws && ws.col > 0) limit = ws.col;
  }
  for (const row of all) {
    const parts = row.map((v, i) => {
      const last = i === cols.length - 1;
      const col = COLUMNS[cols[i]!]!;
      const pad = widths[i]! - [...v].length;
      if (col.right) return ' '.repeat(Math.max(0, pad)) + v;
      return last ? v : v + ' '.repeat(Math.max(0, pad));
    });
    let line = parts.join(' ');
    if ([...line].length > limit) {
      const lastStart = [...parts.slice(0, -1).join(' ')].length + (parts.length > 1 ? 1 : 0);
      line = [...line].slice(0, Math.max(limit, lastStart + COLUMNS[cols[cols.length - 1]!]!.name.length)).join('');
    }
    await tool.out.write(`${line.replace(/ +$/, '')}\n`);
  }
}

async function list(tool: Tool): Promise<number> {
  const { sys, args: a } = tool;
  const types = new Set<NsType>();
  for (const t of a.values('type')) {
    if (!(TYPES as readonly string[]).includes(t)) throw new Fail(`unknown namespace type: ${t}`);
    types.add(t as NsType);
  }
  let filterPid = 0;
  if (a.has('task')) {
    const v = a.value('task')!;
    if (!/^\s*[+-]?\d+$/.test(v) || Math.abs(Number(v)) > 2 ** 31 - 1) throw new Fail(`invalid PID argument: '${v}'`);
    filterPid = Number(v);
  }
  let filterNs = 0;
  let cols: string[] = [];
  if (a.operands.length > 0) {
    if (filterPid) throw new Fail('--task is mutually exclusive with <namespace>');
    const v = a.operands[0]!;
    if (!/^\d+$/.test(v)) throw new Fail(`invalid namespace argument: '${v}'`);
    filterNs = Number(v);
    cols = ['PID', 'PPID', 'USER', 'COMMAND'];
  }
  if (cols.length === 0) {
    cols = ['NS', 'TYPE', 'NPROCS', 'PID', 'USER', ...(types.has('net') ? ['NETNSID', 'NSFS'] : []), 'COMMAND'];
  }
  for (const o of a.values('output')) {
    const list = o.startsWith('+') ? o.slice(1) : o;
    if (!o.startsWith('+')) cols = [];
    for (const name of list.split(',')) {
      const c = name.toUpperCase();
      if (!(c in COLUMNS)) throw new Fail(`unknown column: ${name}`);
      cols.push(c);
    }
  }
  if (types.size === 0) for (const t of TYPES) types.add(t);
  const tree = !a.has('list');
  let procs: Proc[];
  try {
    procs = await readProcs(sys, types);
  } catch (e) {
    // No /proc to read: lsns gives up without a word, as util-linux's does.
    if (isSysError(e)) return 1;
    throw e;
  }
  const all = namespaces(procs);
  const roots: Line[] = [];
  const addLine = async (ns: Namespace, proc: Proc | null): Promise<Line> => {
    const line: Line = { cells: await Promise.all(cols.map((c) => cell(sys, c, ns, proc))), children: [] };
    const parent = tree && proc?.parent?.line ? proc.parent.line : null;
    (parent ? parent.children : roots).push(line);
    if (proc) proc.line = line;
    return line;
  };
  if (filterNs) {
    const ns = all.find((n) => n.ino === filterNs);
    if (!ns) throw new Fail(`not found namespace: ${filterNs}`);
    const show = async (p: Proc): Promise<void> => {
      if (tree && p.parent && !p.parent.line && p.parent.ns[ns.type] === p.ns[ns.type]) await show(p.parent);
      await addLine(ns, p);
    };
    for (const p of ns.procs) if (!p.line) await show(p);
  } else {
    for (const ns of all) {
      if (filterPid && !ns.procs.some((p) => p.pid === filterPid)) continue;
      await addLine(ns, ns.proc);
    }
  }
  await print(tool, cols, roots, tree);
  return 0;
}

export default function lsns(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    try {
      return await list(tool);
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      await tool.out.flush();
      await sys.writeAll(2, `lsns: ${e.text}\n`);
      return 1;
    }
  });
}

// top (procps-ng 4.0.2): a summary of the machine (uptime and load, tasks by state, CPU use
// between two readings of /proc/stat, memory from /proc/meminfo) above a table of processes
// sorted by %CPU. -b prints frames to a pipe (-n how many, -d seconds apart); without -b, on a
// terminal, it redraws every -d seconds (default 3) in raw mode until 'q' or ^C, putting the
// terminal back as it found it. Other options: -p PIDs, -u/-U user, -o sort field (+ high to
// low, - low to high), -c command lines, -i hide idle tasks, -S cumulative time, -H threads,
// -1 one line per CPU, -E/-e memory units, -w width, -O field names.

import { isSysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import { ECHO, ICANON, type Termios, VMIN, VTIME } from '../../abi/termios.ts';
import type { Sys } from '../../sys/sys.ts';
import { HZ, Names, type Proc, commandLine, cpuTicks, memSummary, pidLength, procMissing, procMounted, readAllProcs, readMeminfo, readText } from './proc.ts';
import { uptimeLine } from './uptime.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { printUsage, versionLine } from './usage.ts';
import { procpsOutput } from './close-stdout.ts';

/** The field names top -O lists, in its order. */
const FIELD_NAMES = [
  'PID', 'PPID', 'UID', 'USER', 'RUID', 'RUSER', 'SUID', 'SUSER', 'GID', 'GROUP', 'PGRP', 'TTY', 'TPGID', 'SID', 'PR', 'NI',
  'nTH', 'P', '%CPU', 'TIME', 'TIME+', '%MEM', 'VIRT', 'SWAP', 'RES', 'CODE', 'DATA', 'SHR', 'nMaj', 'nMin', 'nDRT', 'S',
  'COMMAND', 'WCHAN', 'Flags', 'CGROUPS', 'SUPGIDS', 'SUPGRPS', 'TGID', 'OOMa', 'OOMs', 'ENVIRON', 'vMj', 'vMn', 'USED',
  'nsIPC', 'nsMNT', 'nsNET', 'nsPID', 'nsUSER', 'nsUTS', 'LXC', 'RSan', 'RSfd', 'RSlk', 'RSsh', 'CGNAME', 'NU', 'LOGID',
  'EXE', 'RSS', 'PSS', 'PSan', 'PSfd', 'PSsh', 'USS', 'ioR', 'ioRop', 'ioW', 'ioWop', 'AGID', 'AGNI', 'STARTED', 'ELAPSED',
  '%CUU', '%CUC', 'nsCGROUP', 'nsTIME',
];

interface Task {
  p: Proc;
  /** %CPU over the last interval. */
  pcpu: number;
}

type SortKey = (t: Task, s: Settings) => number | string;

/** Sort keys for the fields a process here has figures for (the rest sort as equal). */
const SORT_KEYS: Record<string, SortKey> = {
  PID: (t) => t.p.pid, PPID: (t) => t.p.ppid, UID: (t) => t.p.euid, RUID: (t) => t.p.ruid, SUID: (t) => t.p.suid,
  USER: (t, s) => s.names.user(t.p.euid) ?? String(t.p.euid), RUSER: (t, s) => s.names.user(t.p.ruid) ?? String(t.p.ruid),
  SUSER: (t, s) => s.names.user(t.p.suid) ?? String(t.p.suid), GID: (t) => t.p.egid,
  GROUP: (t, s) => s.names.group(t.p.egid) ?? String(t.p.egid), PGRP: (t) => t.p.pgrp, TTY: (t) => t.p.ttyNr,
  TPGID: (t) => t.p.tpgid, SID: (t) => t.p.session, PR: (t) => t.p.priority, NI: (t) => t.p.nice, nTH: (t) => t.p.nlwp,
  P: (t) => t.p.processor, '%CPU': (t) => t.pcpu, TIME: (t, s) => cpuTicks(t.p, s.cumulative),
  'TIME+': (t, s) => cpuTicks(t.p, s.cumulative), '%MEM': (t) => t.p.vmRSS, VIRT: (t) => t.p.vmSize, SWAP: () => 0,
  RES: (t) => t.p.vmRSS, DATA: (t) => t.p.vmData, SHR: (t) => t.p.rssFile + t.p.rssShmem, nMaj: (t) => t.p.majflt,
  nMin: (t) => t.p.minflt, S: (t) => t.p.state, COMMAND: (t) => t.p.comm, Flags: (t) => t.p.flags, TGID: (t) => t.p.pid,
  RSS: (t) => t.p.vmRSS, RSfd: (t) => t.p.rssFile, RSsh: (t) => t.p.rssShmem, STARTED: (t) => t.p.start,
  ELAPSED: (t) => -t.p.start,
};

class Settings {
  batch = false;
  cmdline = false;
  delay = 3;
  iterations = -1;
  pids: number[] = [];
  user: { uid: number; real: boolean } | null = null;
  sortField = '%CPU';
  sortHighFirst = true;
  hideIdle = false;
  cumulative = false;
  threads = false;
  perCpu = false;
  summaryScale = 1;
  taskScale = 0;
  width: number | null = null;
  widthFromEnv = false;
  secure = false;
  constructor(readonly names: Names) {}
}

class Fatal extends Error {}

export const meta: ProgramMeta = {
  name: 'top', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options]'],
  summary: 'Show the machine\'s load and its busiest processes, redrawn every few seconds (q quits); with -b, print frames for a pipe.',
  standardOptions: false,
  options: [
    { short: 'b', long: 'batch-mode', help: 'print frames for a pipe, not a screen' },
    { short: 'c', long: 'cmdline-toggle', help: 'show command lines instead of names' },
    { short: 'd', long: 'delay', arg: 'required', argName: 'SECS', help: 'seconds between frames (default 3)' },
    { short: 'E', long: 'scale-summary-mem', arg: 'required', argName: 'SCALE', help: 'summary memory in k, m, g, t, p or e units' },
    { short: 'e', long: 'scale-task-mem', arg: 'required', argName: 'SCALE', help: 'task memory in k, m, g, t or p units' },
    { short: 'H', long: 'threads-show', help: 'count threads rather than processes' },
    { short: 'i', long: 'idle-toggle', help: 'hide tasks that used no CPU' },
    { short: 'n', long: 'iterations', arg: 'required', argName: 'NUMBER', help: 'stop after this many frames' },
    { short: 'O', long: 'list-fields', help: 'list the field names, then exit' },
    { short: 'o', long: 'sort-override', arg: 'required', argName: 'FIELD', help: 'sort by this field (+ high first, - low first)' },
    { short: 'p', long: 'pid', arg: 'required', argName: 'PIDLIST', help: 'watch only these processes' },
    { short: 'S', long: 'accum-time-toggle', help: 'count the time of reaped children' },
    { short: 's', long: 'secure-mode', help: 'run with the commands that change things turned off' },
    { short: 'U', long: 'filter-any-user', arg: 'required', argName: 'USER', help: 'only processes with this user as any of their ids' },
    { short: 'u', long: 'filter-only-euser', arg: 'required', argName: 'USER', help: 'only processes with this effective user' },
    { short: 'w', long: 'width', arg: 'optional', argName: 'COLUMNS', help: 'print this wide (no number: COLUMNS, or 512)' },
    { short: '1', long: 'single-cpu-toggle', help: 'one summary line per CPU' },
    { short: 'h', long: 'help', help: 'display this help and exit' },
    { short: 'V', long: 'version', help: 'output version information and exit' },
  ],
};

const LONG: Record<string, string> = {
  'batch-mode': 'b', 'cmdline-toggle': 'c', delay: 'd', 'scale-summary-mem': 'E', 'scale-task-mem': 'e',
  'threads-show': 'H', 'idle-toggle': 'i', iterations: 'n', 'list-fields': 'O', 'sort-override': 'o', pid: 'p',
  'accum-time-toggle': 'S', 'secure-mode': 's', 'filter-any-user': 'U', 'filter-only-euser': 'u', width: 'w',
  'single-cpu-toggle': '1', help: 'h', version: 'V',
};
const WITH_ARG = 'dEenopUu';

/** top's own parser: bundled letters, arguments attached or following, long names as aliases. */
async function parse(sys: Sys, s: Settings): Promise<'run' | 'done'> {
  const argv = sys.argv.slice(1);
  const scale = (arg: string, allowed: string): number => {
    const at = allowed.indexOf(arg);
    if (arg.length !== 1 || at < 0) throw new Fatal(`bad memory scaling arg '${arg}'`);
    return at;
  };
  for (let i = 0; i < argv.length; i++) {
    let word = argv[i]!;
    let letters: string;
    let attached: string | null = null;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq < 0 ? undefined : eq);
      const c = LONG[name];
      if (!c) throw new Fatal(`unrecognized option '${word}'`);
      letters = c;
      if (eq >= 0) attached = word.slice(eq + 1);
    } else if (word.startsWith('-') && word.length > 1) {
      letters = word.slice(1);
    } else throw new Fatal(`inappropriate '${word}'`);
    for (let j = 0; j < letters.length; j++) {
      const c = letters[j]!;
      let arg: string | null = null;
      if (WITH_ARG.includes(c) || (c === 'w')) {
        const rest = attached ?? letters.slice(j + 1);
        j = letters.length;
        if (rest !== '') arg = rest;
        else if (c !== 'w' && i + 1 < argv.length) arg = argv[++i]!;
        else if (c === 'w' && i + 1 < argv.length && /^\d/.test(argv[i + 1]!)) arg = argv[++i]!;
        else if (c !== 'w') throw new Fatal(`-${c} requires argument`);
      }
      switch (c) {
        case 'b': s.batch = true; break;
        case 'c': s.cmdline = !s.cmdline; break;
        case 'd': {
          const v = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(arg!) ? Number(arg) : NaN;
          if (Number.isNaN(v)) throw new Fatal(`bad delay interval '${arg}'`);
          if (v < 0) throw new Fatal('-d requires positive argument');
          s.delay = v;
          break;
        }
        case 'E': s.summaryScale = scale(arg!, 'kmgtpe'); break;
        case 'e': s.taskScale = scale(arg!, 'kmgtp'); break;
        case 'H': s.threads = true; break;
        case 'i': s.hideIdle = !s.hideIdle; break;
        case 'n': {
          const v = /^\s*\d+\s*$/.test(arg!) ? Number(arg) : NaN;
          if (!(v > 0)) throw new Fatal(`bad iterations argument '${arg}'`);
          s.iterations = v;
          break;
        }
        case 'O':
          await sys.writeAll(1, FIELD_NAMES.map((f) => `${f}\n`).join(''));
          return 'done';
        case 'o': {
          let name = arg!;
          s.sortHighFirst = true;
          if (name.startsWith('+')) name = name.slice(1);
          else if (name.startsWith('-')) {
            name = name.slice(1);
            s.sortHighFirst = false;
          }
          if (!FIELD_NAMES.includes(name)) throw new Fatal(`unrecognized field name '${name}'`);
          s.sortField = name;
          break;
        }
        case 'p': {
          if (s.user) throw new Fatal('conflicting process selections (U/p/u)');
          for (const part of arg!.split(',')) {
            if (!/^\d+$/.test(part) || Number(part) < 0) throw new Fatal(`bad pid '${part}'`);
            if (s.pids.length >= 20) throw new Fatal('pid limit (20) exceeded');
            s.pids.push(Number(part) || (await sys.getpid()));
          }
          break;
        }
        case 'S': s.cumulative = !s.cumulative; break;
        case 's': s.secure = true; break;
        case 'U': case 'u': {
          if (s.pids.length || s.user) throw new Fatal('conflicting process selections (U/p/u)');
          const uid = /^\d+$/.test(arg!) ? Number(arg) : s.names.uidOf(arg!);
          if (uid === undefined) throw new Fatal('Invalid user');
          s.user = { uid, real: c === 'U' };
          break;
        }
        case 'w': {
          if (arg === null) {
            s.widthFromEnv = true;
            s.width = null;
          } else {
            const v = /^\d+$/.test(arg) ? Number(arg) : NaN;
            if (!(v > 0) || v > 512) throw new Fatal(`bad width arg '${arg}', must > 0 and < 512`);
            s.width = v;
          }
          break;
        }
        case '1': s.perCpu = !s.perCpu; break;
        case 'h':
          await printUsage(sys, meta, false);
          return 'done';
        case 'V':
          await sys.writeAll(1, versionLine('top'));
          return 'done';
        default:
          await sys.writeAll(2, `top: invalid option -- '${c}'\n`);
          await printUsage(sys, meta, true);
          throw new Fatal('');
      }
    }
  }
  return 'run';
}

export default function top(sys: Sys): Promise<number> {
  // top catches SIGPIPE: a reader that goes away ends it quietly with status 0.
  return procpsOutput(sys, 'top', async () => {
    await sys.sigaction(SIG.SIGPIPE, 'ignore');
    return run(sys);
  }, true);
}

async function run(sys: Sys): Promise<number> {
  const s = new Settings(await Names.load(sys));
  try {
    if ((await parse(sys, s)) === 'done') return 0;
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    if (e.message) await sys.writeAll(2, `top: ${e.message}\n`);
    return 1;
  }
  if (!(await procMounted(sys))) return procMissing(sys);
  const isTty = await sys.isatty(1);
  if (!s.batch && !isTty) s.batch = true;
  return s.batch ? batch(sys, s) : interactive(sys, s);
}

// ---- one frame -----------------------------------------------------------------------------------

interface Sample {
  /** Per-process CPU ticks, and when they were read (ms on the monotonic clock). */
  ticks: Map<number, number>;
  at: number;
  /** Aggregate then per-CPU lines of /proc/stat. */
  cpus: number[][];
}

async function readCpus(sys: Sys): Promise<number[][]> {
  const text = (await readText(sys, '/proc/stat')) ?? '';
  return text.split('\n').filter((l) => /^cpu\d* /.test(l)).map((l) => l.split(/\s+/).slice(1).map(Number));
}

async function monotonicMs(sys: Sys): Promise<number> {
  return Number((await sys.clockGettime(1)) / 1000n) / 1000;
}

async function sample(sys: Sys, procs: Proc[], cumulative: boolean): Promise<Sample> {
  return { ticks: new Map(procs.map((p) => [p.pid, cpuTicks(p, cumulative)])), at: await monotonicMs(sys), cpus: await readCpus(sys) };
}

const f1 = (v: number, w: number): string => v.toFixed(1).padStart(w);

function cpuLine(label: string, now: number[], prev: number[] | undefined): string {
  const d = (i: number): number => Math.max(0, (now[i] ?? 0) - (prev?.[i] ?? 0));
  const [u, n, sy, id, wa, hi, si, st] = [d(0), d(1), d(2), d(3), d(4), d(5), d(6), d(7)];
  let total = u + n + sy + id + wa + hi + si + st;
  let idle = id;
  if (total < 1) idle = total = 1;
  const pct = (v: number): string => f1((v * 100) / total, 5);
  return `${label}${pct(u)} us,${pct(sy)} sy,${pct(n)} ni,${pct(idle)} id,${pct(wa)} wa,${pct(hi)} hi,${pct(si)} si,${pct(st)} st `;
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

function summaryMem(kb: number, scale: number): string {
  if (scale === 0) return String(Math.round(kb)).padStart(9);
  return f1(kb / 1024 ** scale, 9);
}

function taskMem(kb: number, scale: number, width: number): string {
  if (scale === 0) return String(kb).padStart(width);
  const units = 'kmgtp';
  for (let i = scale; i < units.length; i++) {
    const text = `${(kb / 1024 ** i).toFixed(1)}${units[i]}`;
    if (text.length <= width) return text.padStart(width);
  }
  return String(kb).padStart(width);
}

/** "min:sec.hundredths" as TIME+ shows it; TIME is "min:sec". */
function timePlus(ticks: number): string {
  const cs = ticks % 100;
  const secs = Math.floor(ticks / 100);
  return `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}.${String(cs).padStart(2, '0')}`;
}

interface Frame {
  lines: string[];
  /** How many of the lines are the summary (above the blank line). */
  summary: number;
}

async function frame(sys: Sys, s: Settings, prev: Sample, pidLen: number, width: number, maxTasks: number): Promise<{ frame: Frame; next: Sample }> {
  const procs = await readAllProcs(sys);
  const next = await sample(sys, procs, s.cumulative);
  const seconds = Math.max(0.001, (next.at - prev.at) / 1000);
  let tasks: Task[] = procs.map((p) => {
    const before = prev.ticks.get(p.pid) ?? 0;
    return { p, pcpu: ((cpuTicks(p, s.cumulative) - before) * 100) / (seconds * HZ) };
  });
  if (s.pids.length) tasks = tasks.filter((t) => s.pids.includes(t.p.pid));
  if (s.user) {
    const u = s.user.uid;
    tasks = tasks.filter((t) => (s.user!.real ? [t.p.ruid, t.p.euid, t.p.suid, t.p.fuid].includes(u) : t.p.euid === u));
  }
  const count = (states: string): number => tasks.filter((t) => states.includes(t.p.state)).length;
  const mem = memSummary((await readMeminfo(sys)) ?? new Map());
  const unit = UNITS[s.summaryScale]!;
  const m = (kb: number): string => summaryMem(kb, s.summaryScale);
  const lines: string[] = [
    `top -${await uptimeLine(sys)}`,
    `${s.threads ? 'Threads' : 'Tasks'}:${String(tasks.length).padStart(4)} total,${String(count('R')).padStart(4)} running,${String(count('SDI')).padStart(4)} sleeping,${String(count('Tt')).padStart(4)} stopped,${String(count('Z')).padStart(4)} zombie`,
  ];
  if (s.perCpu) next.cpus.slice(1).forEach((c, i) => lines.push(cpuLine(`%Cpu${String(i).padEnd(3)}:`, c, prev.cpus[i + 1])));
  else lines.push(cpuLine('%Cpu(s):', next.cpus[0] ?? [], prev.cpus[0]));
  lines.push(
    `${unit} Mem :${m(mem.total)} total,${m(mem.free)} free,${m(mem.used)} used,${m(mem.buffers + mem.cached)} buff/cache     `,
    `${unit} Swap:${m(mem.swapTotal)} total,${m(mem.swapFree)} free,${m(mem.swapUsed)} used.${m(mem.available)} avail Mem `,
  );
  const summary = lines.length;
  lines.push('');

  if (s.hideIdle) tasks = tasks.filter((t) => t.p.state === 'R' || t.pcpu > 0);
  const key = SORT_KEYS[s.sortField] ?? (() => 0);
  tasks.sort((a, b) => {
    const x = key(a, s);
    const y = key(b, s);
    const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    return s.sortHighFirst ? -d : d;
  });

  // The columns, each with its leading blank; those that do not fit the width are left out.
  const pidW = Math.max(5, pidLen);
  const cols: Array<{ head: string; cell: (t: Task) => string }> = [
    { head: 'PID'.padStart(pidW), cell: (t) => String(t.p.pid).padStart(pidW) },
    { head: ' USER    ', cell: (t) => ` ${userCell(s.names.user(t.p.euid) ?? String(t.p.euid))}` },
    { head: '  PR', cell: (t) => ` ${(t.p.priority < -99 ? 'rt' : String(t.p.priority)).padStart(3)}` },
    { head: '  NI', cell: (t) => ` ${String(t.p.nice).padStart(3)}` },
    { head: '    VIRT', cell: (t) => ` ${taskMem(t.p.vmSize, s.taskScale, 7)}` },
    { head: '    RES', cell: (t) => ` ${taskMem(t.p.vmRSS, s.taskScale, 6)}` },
    { head: '    SHR', cell: (t) => ` ${taskMem(t.p.rssFile + t.p.rssShmem, s.taskScale, 6)}` },
    { head: ' S', cell: (t) => ` ${t.p.state}` },
    { head: '  %CPU', cell: (t) => ` ${f1(t.pcpu, 5)}` },
    { head: '  %MEM', cell: (t) => ` ${f1(mem.total ? (t.p.vmRSS * 100) / mem.total : 0, 5)}` },
    { head: '     TIME+', cell: (t) => ` ${timePlus(cpuTicks(t.p, s.cumulative)).padStart(9)}` },
  ];
  let used = 0;
  const shown: typeof cols = [];
  for (const c of cols) {
    if (used + c.head.length > width) break;
    shown.push(c);
    used += c.head.length;
  }
  const commandRoom = width - used - 2;
  const withCommand = shown.length === cols.length && commandRoom > 0;
  lines.push(shown.map((c) => c.head).join('') + (withCommand ? ' COMMAND' : ''));
  for (const t of tasks.slice(0, maxTasks)) {
    let line = shown.map((c) => c.cell(t)).join('');
    if (withCommand) {
      let cmd = s.cmdline ? commandLine(t.p).replace(/ <defunct>$/, '') : t.p.comm;
      if (cmd.length > commandRoom) cmd = `${cmd.slice(0, commandRoom - 1)}+`;
      line += ` ${cmd}`;
    }
    lines.push(line);
  }
  for (let i = 0; i < summary; i++) lines[i] = lines[i]!.slice(0, width);
  return { frame: { lines, summary }, next };
}

/** USER is 8 columns, left-aligned; a longer name is cut with '+'. */
function userCell(name: string): string {
  return name.length > 8 ? `${name.slice(0, 7)}+` : name.padEnd(8);
}

// ---- batch and interactive ---------------------------------------------------------------------

async function batch(sys: Sys, s: Settings): Promise<number> {
  const pidLen = await pidLength(sys);
  let width = 80;
  if (s.width !== null) width = s.width;
  else if (s.widthFromEnv) {
    const cols = Number(sys.getenv('COLUMNS'));
    width = cols > 0 && cols <= 512 ? cols : 512;
  }
  let prev = await sample(sys, await readAllProcs(sys), s.cumulative);
  for (let n = 0; s.iterations < 0 || n < s.iterations; n++) {
    if (n > 0) await sys.sleep(s.delay * 1000);
    const { frame: f, next } = await frame(sys, s, prev, pidLen, width, Infinity);
    prev = next;
    await sys.writeAll(1, (n > 0 ? '\n' : '') + f.lines.join('\n') + '\n');
  }
  return 0;
}

async function interactive(sys: Sys, s: Settings): Promise<number> {
  const pidLen = await pidLength(sys);
  let saved: Termios;
  try {
    saved = await sys.tcgetattr(0);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.writeAll(2, 'top: failed tty get\n');
    return 1;
  }
  let stop = false;
  const onSignal = (): void => {
    stop = true;
  };
  for (const sig of [SIG.SIGINT, SIG.SIGTERM, SIG.SIGHUP, SIG.SIGQUIT]) await sys.sigaction(sig, onSignal);
  const raw: Termios = { ...saved, lflag: saved.lflag & ~(ICANON | ECHO), cc: [...saved.cc] };
  raw.cc[VMIN] = 0;
  await sys.tcsetattr(0, 2, raw);
  // The alternate screen, cursor hidden, as top's terminal capabilities do.
  await sys.writeAll(1, '\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J');
  try {
    let prev = await sample(sys, await readAllProcs(sys), s.cumulative);
    let message = '';
    for (let n = 0; !stop && (s.iterations < 0 || n < s.iterations); n++) {
      let ws = { row: 24, col: 80 };
      try {
        const got = await sys.getWinsize(1);
        if (got.row > 0 && got.col > 0) ws = got;
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      const width = s.width ?? ws.col;
      const { frame: f, next } = await frame(sys, s, prev, pidLen, width, Math.max(0, ws.row - 8));
      prev = next;
      // Line 6 (blank in batch) carries prompts and messages here, as in top.
      f.lines[f.summary] = message.slice(0, width);
      message = '';
      await sys.writeAll(1, '\x1b[H' + f.lines.map((l) => `${l}\x1b[K`).join('\r\n') + '\x1b[J');
      // Wait for a key for up to the delay, VTIME tenths at a time.
      const until = (await monotonicMs(sys)) + s.delay * 1000;
      let refresh = false;
      while (!stop && !refresh) {
        const left = until - (await monotonicMs(sys));
        if (left <= 0) break;
        raw.cc[VTIME] = Math.max(1, Math.min(255, Math.ceil(left / 100)));
        await sys.tcsetattr(0, 0, raw);
        let key: Uint8Array;
        try {
          key = await sys.read(0, 1);
        } catch (e) {
          if (isSysError(e, 'EINTR')) continue;
          throw e;
        }
        if (key.length === 0) continue;
        const c = String.fromCharCode(key[0]!);
        refresh = true;
        switch (c) {
          case 'q': stop = true; break;
          case 'c': s.cmdline = !s.cmdline; break;
          case 'i': s.hideIdle = !s.hideIdle; break;
          case '1': s.perCpu = !s.perCpu; break;
          case 'M': s.sortField = '%MEM'; break;
          case 'P': s.sortField = '%CPU'; break;
          case 'N': s.sortField = 'PID'; break;
          case 'T': s.sortField = 'TIME+'; break;
          case 'R': s.sortHighFirst = !s.sortHighFirst; break;
          case ' ': case '\r': case '\n': break;
          default: message = ` Unknown command - try 'q' to quit`;
        }
      }
    }
  } finally {
    await sys.tcsetattr(0, 0, saved);
    await sys.writeAll(1, '\x1b[?25h\x1b[?1049l');
  }
  return 0;
}

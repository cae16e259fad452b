// vmstat (procps-ng 4.0.2): one line of figures about processes, memory, swap, block I/O,
// interrupts and CPU time, from /proc/stat, /proc/meminfo and /proc/vmstat (a kernel without
// that file counts no paging). The first line averages since boot as 4.0.2 does (counts times
// USER_HZ over the CPU ticks of all CPUs); `vmstat DELAY [COUNT]` then prints what changed in
// each DELAY seconds, the header again every screenful unless -n. -a shows inactive/active
// memory, -w the wide layout (with the guest column 4.0.2 prints only there), -t a timestamp,
// -S a unit, -y skips the since-boot line, -s the event counters, -f the number of forks.
// Columns are printf widths, so a figure too wide pushes the rest of the line right.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { inLongoptsOrder, type ProgramMeta } from '../lib/meta.ts';
import { HZ, PAGE_KB, localtime, memSummary, now, readMeminfo, readText, strftime } from './proc.ts';
import { parseProcps, printUsage, shortName, versionLine } from './usage.ts';
import { procpsOutput } from './close-stdout.ts';

export const meta: ProgramMeta = {
  name: 'vmstat', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options] [delay [count]]'],
  summary: 'Report processes, memory, paging, block I/O, interrupts and CPU activity; with a delay,\nreport again every delay seconds (count times, or until interrupted).',
  standardOptions: false,
  options: [
    { short: 'a', long: 'active', help: 'show inactive and active memory instead of buffers and cache' },
    { short: 'f', long: 'forks', help: 'print how many processes were created since boot' },
    { short: 'm', long: 'slabs', help: 'show the kernel slab caches' },
    { short: 'n', long: 'one-header', help: 'print the header once only' },
    { short: 's', long: 'stats', help: 'print the event counters and memory figures, one a line' },
    { short: 'd', long: 'disk', help: 'show disk statistics' },
    { short: 'D', long: 'disk-sum', help: 'sum up the disk statistics' },
    { short: 'p', long: 'partition', arg: 'required', argName: '<dev>', help: 'show the statistics of one partition' },
    { short: 'S', long: 'unit', arg: 'required', argName: '<char>', help: 'memory unit: k (1000), K (1024, the default), m, M, or b' },
    { short: 'w', long: 'wide', help: 'wider columns' },
    { short: 't', long: 'timestamp', help: 'add the time to each line' },
    { short: 'y', long: 'no-first', help: 'leave out the line of averages since boot' },
    { short: 'h', long: 'help', help: 'display this help and exit' },
    { short: 'V', long: 'version', help: 'output version information and exit' },
  ],
};

/** The options in procps's longopts order, in which getopt lists the possibilities of `--=`. */
const PARSE_META = inLongoptsOrder(meta, [
  'active', 'forks', 'slabs', 'one-header', 'stats', 'disk', 'disk-sum', 'partition', 'unit', 'wide', 'timestamp', 'help', 'version', 'no-first',
]);

const NO_STAT = 'Unable to create system stat structure';
const HEADER = 'procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----';
const WIDE_HEADER = '--procs-- -----------------------memory---------------------- ---swap-- -----io---- -system-- ----------cpu----------';
const TIMESTAMP_HEADER = ' -----timestamp-----';
const NAMES = ['r', 'b', 'swpd', 'free', 'buff', 'cache', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st', 'gu'];
const WIDTHS = [2, 2, 6, 6, 6, 6, 4, 4, 5, 5, 4, 4, 2, 2, 2, 2, 2];
const WIDE_WIDTHS = [4, 4, 12, 12, 12, 12, 4, 4, 5, 5, 4, 4, 3, 3, 3, 3, 3, 3];

/** What /proc/stat and /proc/vmstat count, at one moment. */
interface Counters {
  /** user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice. */
  cpu: number[];
  intr: number;
  ctxt: number;
  btime: number;
  processes: number;
  running: number;
  blocked: number;
  pgpgin: number;
  pgpgout: number;
  pswpin: number;
  pswpout: number;
}

/** The counters, or null when /proc/stat cannot be read (libproc2's stat table cannot be made). */
async function readCounters(sys: Sys): Promise<Counters | null> {
  const stat = await readText(sys, '/proc/stat');
  if (stat === null) return null;
  const c: Counters = { cpu: [], intr: 0, ctxt: 0, btime: 0, processes: 0, running: 0, blocked: 0, pgpgin: 0, pgpgout: 0, pswpin: 0, pswpout: 0 };
  for (const line of stat.split('\n')) {
    const f = line.trim().split(/\s+/);
    const v = Number(f[1] ?? 0);
    switch (f[0]) {
      case 'cpu': c.cpu = f.slice(1).map(Number); break;
      case 'intr': c.intr = v; break;
      case 'ctxt': c.ctxt = v; break;
      case 'btime': c.btime = v; break;
      case 'processes': c.processes = v; break;
      case 'procs_running': c.running = v; break;
      case 'procs_blocked': c.blocked = v; break;
    }
  }
  while (c.cpu.length < 10) c.cpu.push(0);
  for (const line of ((await readText(sys, '/proc/vmstat')) ?? '').split('\n')) {
    const [k, v] = line.split(' ');
    if (k === 'pgpgin' || k === 'pgpgout' || k === 'pswpin' || k === 'pswpout') c[k] = Number(v);
  }
  return c;
}

/** How the CPU ticks divide up: use (less guest), sys, idle, iowait, steal, guest, and their sum. */
function cpuShares(t: number[]): { use: number; sys: number; idl: number; iow: number; sto: number; gue: number; div: number } {
  const [usr, nic, sys, idl, iow, irq, srq, sto, gst, gni] = t as [number, number, number, number, number, number, number, number, number, number];
  let use = usr + nic;
  const gue = gst + gni;
  let div = use + sys + irq + srq + idl + iow + sto;
  let idle = idl;
  if (!div) {
    div = 1;
    idle = 1;
  }
  use = use >= gue ? use - gue : 0;
  return { use, sys: sys + irq + srq, idl: idle, iow, sto, gue, div };
}

export default function vmstat(sys: Sys): Promise<number> {
  // vmstat tests its output itself ("write error" alone); its help and version meet close_stdout's words.
  return procpsOutput(sys, 'vmstat', () => run(sys), !sys.argv.slice(1).some((a) => a === '--help' || a === '--version' || a === '-h' || a === '-V'));
}

async function run(sys: Sys): Promise<number> {
  const name = shortName(sys.argv[0], 'vmstat');
  const fail = async (msg: string): Promise<number> => {
    await sys.writeAll(2, `${name}: ${msg}\n`);
    return 1;
  };
  const parsed = parseProcps(PARSE_META, sys.argv);
  let mode = 0;
  const MODE = { disk: 1, sum: 2, slab: 4, partition: 8, diskSum: 16 };
  let active = false;
  let wide = false;
  let stamp = false;
  let noFirst = false;
  let moreHeaders = true;
  let unit = 1024;
  let unitName = 'K';
  for (const o of parsed.options) {
    switch (o.key) {
      case 'version':
        await sys.writeAll(1, versionLine(name));
        return 0;
      case 'help':
        return printUsage(sys, meta, false);
      case 'disk': mode |= MODE.disk; break;
      case 'active': active = true; break;
      case 'forks': {
        const c = await readCounters(sys);
        if (!c) return fail(NO_STAT);
        await sys.writeAll(1, `${String(c.processes).padStart(13)} forks\n`);
        return 0;
      }
      case 'slabs': mode |= MODE.slab; break;
      case 'disk-sum': mode |= MODE.diskSum; break;
      case 'one-header': moreHeaders = false; break;
      case 'partition': mode |= MODE.partition; break;
      case 'unit': {
        const units: Record<string, number> = { b: 1, B: 1, k: 1000, K: 1024, m: 1_000_000, M: 1_048_576 };
        const u = units[o.value![0] ?? ''];
        if (u === undefined) return fail('-S requires k, K, m or M (default is KiB)');
        unit = u;
        unitName = o.value![0]!;
        break;
      }
      case 'stats': mode |= MODE.sum; break;
      case 'wide': wide = true; break;
      case 'timestamp': stamp = true; break;
      case 'no-first': noFirst = true; break;
    }
  }
  if (parsed.error) {
    await sys.writeAll(2, `${parsed.error.text}\n`);
    return printUsage(sys, meta, true);
  }
  const ops = parsed.operands;
  let delay = 1;
  let infinite = false;
  let updates = 1;
  const number = (text: string): number | null => (/^\s*[+-]?\d+$/.test(text) ? Number(text) : null);
  if (ops.length > 0) {
    const d = number(ops[0]!);
    if (d === null) return fail(`failed to parse argument: '${ops[0]}'`);
    if (d < 1) return fail('delay must be positive integer');
    if (d > 0xffffffff) return fail('too large delay value');
    delay = d;
    infinite = true;
  }
  if (ops.length > 1) {
    const n = number(ops[1]!);
    if (n === null) return fail(`failed to parse argument: '${ops[1]}'`);
    updates = n;
    infinite = false;
  }
  if (ops.length > 2) return printUsage(sys, meta, true);

  // A memory figure (kB) in the chosen unit.
  const conv = (kb: number): number => Math.trunc((kb / unit) * 1024);
  switch (mode) {
    case 0: break;
    case MODE.sum:
      if (!(await readCounters(sys))) return fail(NO_STAT);
      if (!(await readMeminfo(sys))) return fail('Unable to create meminfo structure');
      return stats(sys, conv, unitName);
    case MODE.disk:
    case MODE.partition:
    case MODE.diskSum:
      // This kernel keeps no /proc/diskstats, so libproc2 cannot set up its disk table.
      return fail('Unable to create diskstat structure');
    case MODE.slab:
      return fail('Unable to create slabinfo structure: No such file or directory');
    default:
      return printUsage(sys, meta, true);
  }
  if (!(await readCounters(sys))) return fail(NO_STAT);
  if (!(await readMeminfo(sys))) return fail('Unable to create meminfo structure');

  let height = 0;
  if (moreHeaders) {
    let rows = 24;
    try {
      const ws = await sys.getWinsize(1);
      if (ws.row > 0) rows = ws.row;
    } catch (e) {
      // Not a terminal: 24 rows, as winhi() assumes.
      if (!isSysError(e)) throw e;
    }
    height = rows - 3 > 0 ? rows - 3 : 22;
  }
  const widths = wide ? WIDE_WIDTHS : WIDTHS;
  const header = async (): Promise<void> => {
    let s = (wide ? WIDE_HEADER : HEADER) + (stamp ? TIMESTAMP_HEADER : '') + '\n';
    const names = NAMES.slice(0, widths.length).map((n) => (active && n === 'buff' ? 'inact' : active && n === 'cache' ? 'active' : n));
    s += names.map((n, i) => n.padStart(widths[i]!)).join(' ');
    if (stamp) s += ` ${'UTC'.padStart(TIMESTAMP_HEADER.length - 1)}`;
    await sys.writeAll(1, `${s}\n`);
  };
  const line = async (values: number[]): Promise<void> => {
    let s = values.slice(0, widths.length).map((v, i) => String(v).padStart(widths[i]!)).join(' ');
    if (stamp) s += ` ${strftime('%Y-%m-%d %H:%M:%S', localtime(await now(sys)))}`;
    await sys.writeAll(1, `${s}\n`);
  };
  const memory = async (): Promise<number[]> => {
    const info = (await readMeminfo(sys)) ?? new Map<string, number>();
    const m = memSummary(info);
    return [
      conv(m.swapUsed), conv(m.free),
      conv(active ? info.get('Inactive') ?? 0 : m.buffers), conv(active ? info.get('Active') ?? 0 : m.cached),
    ];
  };

  await header();
  let prev = (await readCounters(sys))!;
  if (!noFirst) {
    const c = prev;
    const s = cpuShares(c.cpu);
    const divo2 = Math.floor(s.div / 2);
    const rate = (n: number): number => Math.trunc((n * HZ + divo2) / s.div);
    const pct = (n: number): number => Math.trunc((100 * n + divo2) / s.div);
    await line([
      c.running, c.blocked, ...(await memory()),
      rate(conv(c.pswpin * PAGE_KB)), rate(conv(c.pswpout * PAGE_KB)), rate(c.pgpgin), rate(c.pgpgout),
      rate(c.intr), rate(c.ctxt), pct(s.use), pct(s.sys), pct(s.idl), pct(s.iow), pct(s.sto), pct(s.gue),
    ]);
  } else updates++;

  let debt = 0;
  const half = Math.floor(delay / 2);
  for (let i = 1; infinite || i < updates; i++) {
    await sys.sleep(delay * 1000);
    if (moreHeaders && i % height === 0) await header();
    const c = await readCounters(sys);
    if (!c) return fail(NO_STAT);
    const delta = c.cpu.map((v, k) => v - prev.cpu[k]!);
    // Idle ticks may run backwards for a moment (a kernel quirk vmstat allows for).
    if (debt) {
      delta[3]! += debt;
      debt = 0;
    }
    if (delta[3]! < 0) {
      debt = delta[3]!;
      delta[3] = 0;
    }
    const s = cpuShares(delta);
    const divo2 = Math.floor(s.div / 2);
    const pct = (n: number): number => Math.trunc((100 * n + divo2) / s.div);
    const per = (n: number): number => Math.trunc((n + half) / delay);
    await line([
      c.running, c.blocked, ...(await memory()),
      per(conv((c.pswpin - prev.pswpin) * PAGE_KB)), per(conv((c.pswpout - prev.pswpout) * PAGE_KB)),
      per(c.pgpgin - prev.pgpgin), per(c.pgpgout - prev.pgpgout), per(c.intr - prev.intr), per(c.ctxt - prev.ctxt),
      pct(s.use), pct(s.sys), pct(s.idl), pct(s.iow), pct(s.sto), pct(s.gue),
    ]);
    prev = c;
  }
  return 0;
}

/** vmstat -s: the memory figures and the counters since boot, one a line. */
async function stats(sys: Sys, conv: (kb: number) => number, unitName: string): Promise<number> {
  const info = (await readMeminfo(sys)) ?? new Map<string, number>();
  const m = memSummary(info);
  const c = (await readCounters(sys))!;
  const n = (v: number): string => String(v).padStart(13);
  const rows: Array<[number, string]> = [
    [conv(m.total), `${unitName} total memory`], [conv(m.used), `${unitName} used memory`],
    [conv(info.get('Active') ?? 0), `${unitName} active memory`], [conv(info.get('Inactive') ?? 0), `${unitName} inactive memory`],
    [conv(m.free), `${unitName} free memory`], [conv(m.buffers), `${unitName} buffer memory`],
    [conv(m.cached), `${unitName} swap cache`], [conv(m.swapTotal), `${unitName} total swap`],
    [conv(m.swapUsed), `${unitName} used swap`], [conv(m.swapFree), `${unitName} free swap`],
    [c.cpu[0]!, 'non-nice user cpu ticks'], [c.cpu[1]!, 'nice user cpu ticks'], [c.cpu[2]!, 'system cpu ticks'],
    [c.cpu[3]!, 'idle cpu ticks'], [c.cpu[4]!, 'IO-wait cpu ticks'], [c.cpu[5]!, 'IRQ cpu ticks'],
    [c.cpu[6]!, 'softirq cpu ticks'], [c.cpu[7]!, 'stolen cpu ticks'], [c.cpu[8]!, 'non-nice guest cpu ticks'],
    [c.cpu[9]!, 'nice guest cpu ticks'], [c.pgpgin, 'K paged in'], [c.pgpgout, 'K paged out'],
    [c.pswpin, 'pages swapped in'], [c.pswpout, 'pages swapped out'], [c.intr, 'interrupts'],
    [c.ctxt, 'CPU context switches'], [c.btime, 'boot time'], [c.processes, 'forks'],
  ];
  await sys.writeAll(1, rows.map(([v, label]) => `${n(v)} ${label}\n`).join(''));
  return 0;
}

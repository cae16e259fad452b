// busybox top (alpine's build: an SMP CPU column): a summary of memory, CPU and load, then one
// line per process, `  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND`. -b prints plain
// frames (every process) one after another; without it each frame clears the screen and shows
// what fits. -n COUNT frames, -d SECONDS between them. %CPU is the share of CPU time each
// process used since the frame before (0 in the first frame).

import type { Sys } from '../../sys/sys.ts';
import { passwdEntries } from '../lib/passwd.ts';
import { dialectOf } from '../lib/tool.ts';
import { allProcs, meminfo, readText } from './proc.ts';

/** busybox's smart_ulltoa5 for kB: five characters, a unit letter and one decimal when needed. */
function size5(kb: number): string {
  if (kb < 100000) return String(kb).padStart(5);
  let v = kb;
  let u = 0;
  while (v >= 100000 / 10 && u < 4) {
    v /= 1024;
    u++;
    if (v < 1000) break;
  }
  const unit = 'mgtp'[u - 1]!;
  const text = v < 100 ? `${v.toFixed(1)}${unit}` : `${Math.floor(v)}${unit}`;
  return text.padStart(5);
}

interface CpuTotals {
  fields: number[];
}

async function cpuTotals(sys: Sys): Promise<CpuTotals> {
  const text = (await readText(sys, '/proc/stat')) ?? '';
  const line = text.split('\n').find((l) => l.startsWith('cpu ')) ?? 'cpu 0 0 0 0 0 0 0';
  return { fields: line.trim().split(/\s+/).slice(1).map(Number) };
}

function cpuLine(now: CpuTotals, before: CpuTotals | null): string {
  const d = now.fields.map((v, i) => v - (before?.fields[i] ?? 0));
  const [usr = 0, nic = 0, sys = 0, idle = 0, io = 0, irq = 0, sirq = 0] = d;
  const total = d.slice(0, 8).reduce((a, b) => a + b, 0) || 1;
  const pc = (v: number): string => `${String(Math.floor((v * 100 + total / 2) / total)).padStart(4)}%`;
  return `CPU:${pc(usr)} usr${pc(sys)} sys${pc(nic)} nic${pc(idle)} idle${pc(io)} io${pc(irq)} irq${pc(sirq)} sirq`;
}

async function usage(sys: Sys, message: string | null): Promise<number> {
  await sys.writeAll(2, `${message === null ? '' : `${message}\n`}${dialectOf(sys)?.usage('top') ?? ''}`);
  return 1;
}

export default async function top(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let batch = false;
  let count = Infinity;
  let delay = 5;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) return usage(sys, `top: unrecognized option '${a}'`);
    if (!a.startsWith('-')) return usage(sys, null);
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'b') batch = true;
      else if (c === 'H' || c === 'm') continue;
      else if (c === 'n' || c === 'd') {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) return usage(sys, `top: option requires an argument -- '${c}'`);
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v)) {
          await sys.writeAll(2, `top: invalid number '${v}'\n`);
          return 1;
        }
        if (c === 'n') count = n;
        else delay = n;
        break;
      } else return usage(sys, `top: invalid option -- '${c}'`);
    }
  }
  const users = new Map((await passwdEntries(sys).catch(() => [])).map((e) => [e.uid, e.name] as const));
  let rows = Infinity;
  let cols = 1024;
  if (!batch && (await sys.isatty(1))) {
    const ws = await sys.getWinsize(1).catch(() => null);
    if (ws && ws.row > 0) rows = ws.row;
    if (ws && ws.col > 0) cols = ws.col;
  }
  let beforeCpu: CpuTotals | null = null;
  let beforeTicks = new Map<number, number>();
  for (let frame = 0; frame < count; frame++) {
    if (frame > 0) await sys.sleep(delay * 1000);
    const mem = await meminfo(sys);
    const get = (k: string): number => mem.get(k) ?? 0;
    const total = get('MemTotal');
    const cpu = await cpuTotals(sys);
    const load = ((await readText(sys, '/proc/loadavg')) ?? '').trim();
    const procs = await allProcs(sys);
    if (!procs) return 1;
    const elapsed = beforeCpu ? cpu.fields.slice(0, 8).reduce((a, b) => a + b, 0) - beforeCpu.fields.slice(0, 8).reduce((a, b) => a + b, 0) : 0;
    const rowsOut = procs.map((p) => {
      const used = beforeCpu ? p.ticks - (beforeTicks.get(p.pid) ?? p.ticks) : 0;
      return { p, pcpu: elapsed > 0 ? Math.floor((used * 100) / elapsed) : 0 };
    });
    rowsOut.sort((a, b) => b.pcpu - a.pcpu || a.p.pid - b.p.pid);
    const lines = [
      `Mem: ${total - get('MemFree')}K used, ${get('MemFree')}K free, ${get('Shmem')}K shrd, ${get('Buffers')}K buff, ${get('Cached')}K cached`,
      cpuLine(cpu, beforeCpu),
      `Load average: ${load}`,
      '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND',
    ];
    for (const { p, pcpu } of rowsOut) {
      const pmem = total ? Math.floor((p.vszKb * 100) / total) : 0;
      const user = (users.get(p.uid) ?? String(p.uid)).slice(0, 8).padEnd(8);
      const line = `${String(p.pid).padStart(5)}${String(p.ppid).padStart(6)} ${user} ${p.state.padEnd(4)} ${size5(p.vszKb)}${String(pmem).padStart(4)}%${String(0).padStart(4)}${String(pcpu).padStart(4)}% ${p.args || `[${p.comm}]`}`;
      lines.push(line);
    }
    beforeCpu = cpu;
    beforeTicks = new Map(procs.map((p) => [p.pid, p.ticks]));
    if (batch) await sys.writeAll(1, `${lines.join('\n')}\n`);
    else {
      const shown = lines.slice(0, Math.max(4, rows - 1)).map((l) => l.slice(0, cols - 1));
      await sys.writeAll(1, `\x1b[H\x1b[J${shown.join('\n')}`);
    }
  }
  if (!batch) await sys.writeAll(1, '\n');
  return 0;
}

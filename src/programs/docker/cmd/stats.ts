// docker stats (container stats): a table refreshed every second, or one with --no-stream, from
// each container's cgroup —
// CPU % from the growth of cpu.stat usage_usec against the host's /proc/stat time over one
// second (times online CPUs, as the CLI computes it), memory.current less inactive_file against
// memory.max (the host's RAM when "max"), io.stat bytes, pids.current. No network: 0B / 0B.

import type { ContainerRecord } from '../../../runtime/containers/container-record.ts';
import { readTextIfReadable } from '../../../runtime/sys-files.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerCommand } from '../command.ts';
import { type CliExit, type ParsedFlags, parseCommand } from '../format/cli.ts';
import { FormatError, render } from '../format/formatter.ts';
import { specFor } from '../format/specs.ts';
import { finish, listContainerRecords, noSuchContainer, resolveContainer } from '../format/state.ts';
import { FieldObject } from '../format/template.ts';
import { bytesSize, humanSize } from '../format/units.ts';

/** Two readings of a container's counters, as the daemon's stats response carries them. */
export interface StatsSample {
  /** Container CPU ns now and one interval before. */
  cpu: [number, number];
  /** Host CPU ns now and before. */
  sys: [number, number];
  ncpu: number;
  usage: number;
  inactive: number;
  limit: number;
  pids: number;
  rx: number;
  tx: number;
  rd: number;
  wr: number;
}

export interface StatsRow {
  /** What the user named (or the id), for {{.Container}}. */
  container: string;
  id: string;
  name: string;
  sample: StatsSample | null;
}

const HEADERS: Record<string, string> = {
  Container: 'CONTAINER',
  ID: 'CONTAINER ID',
  Name: 'NAME',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

function statsContext(r: StatsRow, trunc: boolean): FieldObject {
  const s = r.sample ?? { cpu: [0, 0], sys: [0, 0], ncpu: 0, usage: 0, inactive: 0, limit: 0, pids: 0, rx: 0, tx: 0, rd: 0, wr: 0 };
  const cpuDelta = s.cpu[0] - s.cpu[1];
  const sysDelta = s.sys[0] - s.sys[1];
  const cpu = sysDelta > 0 && cpuDelta > 0 ? (cpuDelta / sysDelta) * s.ncpu * 100 : 0;
  const mem = s.inactive < s.usage ? s.usage - s.inactive : s.usage;
  const memPerc = s.limit !== 0 ? (mem / s.limit) * 100 : 0;
  const f: Record<string, () => string> = {
    Container: () => r.container,
    ID: () => (trunc ? r.id.slice(0, 12) : r.id),
    Name: () => (r.name.length > 1 ? r.name.replace(/^\//, '') : '--'),
    CPUPerc: () => `${cpu.toFixed(2)}%`,
    MemUsage: () => `${bytesSize(mem)} / ${bytesSize(s.limit)}`,
    MemPerc: () => `${memPerc.toFixed(2)}%`,
    NetIO: () => `${humanSize(s.rx, 3)} / ${humanSize(s.tx, 3)}`,
    BlockIO: () => `${humanSize(s.rd, 3)} / ${humanSize(s.wr, 3)}`,
    PIDs: () => String(s.pids),
  };
  return new FieldObject('*formatter.statsContext', f, () => Object.fromEntries(Object.keys(f).sort().map((k) => [k, f[k]!()])));
}

export function renderStats(rows: StatsRow[], flags: ParsedFlags): CliExit {
  const defaultTable = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
  try {
    return { stdout: render({ format: flags.str('format'), defaultTable, headers: HEADERS }, rows.map((r) => statsContext(r, !flags.bool('no-trunc')))), status: 0 };
  } catch (e) {
    if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
    throw e;
  }
}

/**
 * One refresh of the streaming view, byte for byte as the CLI writes it: cursor home, the
 * table, then (from the same buffer) every line again with an erase-to-end-of-line, then
 * erase below. The second copy is what stays on screen.
 */
export function streamFrame(table: string): string {
  const first = `\x1b[H${table}`;
  return `${first}${first
    .split('\n')
    .map((l) => `${l} \x1b[K\n`)
    .join('')}\x1b[J`;
}

// ---------------------------------------------------------------- reading the cgroup

/** A /proc or cgroup file's text; empty when it cannot be read (the cgroup may be gone). */
async function readText(sys: Sys, path: string): Promise<string> {
  return (await readTextIfReadable(sys, path)) ?? '';
}

const keyed = (text: string, key: string): number => Number(new RegExp(`^${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);

async function hostCpu(sys: Sys): Promise<{ ns: number; ncpu: number }> {
  const stat = await readText(sys, '/proc/stat');
  const first = /^cpu\s+(.*)$/m.exec(stat)?.[1]?.trim().split(/\s+/).slice(0, 7).map(Number) ?? [];
  const ticks = first.reduce((a, b) => a + b, 0);
  const ncpu = (stat.match(/^cpu\d+ /gm) ?? []).length || 1;
  return { ns: ticks * 1e7, ncpu };
}

interface Reading {
  cpu: number;
  host: number;
  ncpu: number;
  usage: number;
  inactive: number;
  limit: number;
  pids: number;
  rd: number;
  wr: number;
}

async function read(sys: Sys, rec: ContainerRecord): Promise<Reading> {
  const dir = `/sys/fs/cgroup/system.slice/docker-${rec.Id}.scope`;
  const cpu = keyed(await readText(sys, `${dir}/cpu.stat`), 'usage_usec') * 1000;
  const host = await hostCpu(sys);
  const usage = Number((await readText(sys, `${dir}/memory.current`)).trim() || 0);
  const inactive = keyed(await readText(sys, `${dir}/memory.stat`), 'inactive_file');
  const maxText = (await readText(sys, `${dir}/memory.max`)).trim();
  let limit = Number(maxText);
  if (maxText === 'max' || maxText === '' || Number.isNaN(limit)) {
    limit = Number(/^MemTotal:\s+(\d+) kB$/m.exec(await readText(sys, '/proc/meminfo'))?.[1] ?? 0) * 1024;
  }
  let rd = 0;
  let wr = 0;
  for (const m of (await readText(sys, `${dir}/io.stat`)).matchAll(/rbytes=(\d+) wbytes=(\d+)/g)) {
    rd += Number(m[1]);
    wr += Number(m[2]);
  }
  const pids = Number((await readText(sys, `${dir}/pids.current`)).trim() || 0);
  return { cpu, host: host.ns, ncpu: host.ncpu, usage, inactive, limit, pids, rd, wr };
}

const toSample = (now: Reading, before: Reading | undefined): StatsSample => ({
  cpu: [now.cpu, before?.cpu ?? now.cpu],
  sys: [now.host, before?.host ?? now.host],
  ncpu: now.ncpu,
  usage: now.usage,
  inactive: now.inactive,
  limit: now.limit,
  pids: now.pids,
  rx: 0,
  tx: 0,
  rd: now.rd,
  wr: now.wr,
});

const stats: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'stats'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const named: [string, ContainerRecord][] = [];
  for (const ref of flags.operands) {
    const rec = await resolveContainer(ctx.sys, ctx.root, ref);
    if (!rec) return finish(ctx.sys, noSuchContainer(ref));
    named.push([ref, rec]);
  }
  const targets = async (): Promise<[string, ContainerRecord][]> => {
    if (flags.operands.length > 0) {
      const out: [string, ContainerRecord][] = [];
      for (const [ref, rec] of named) out.push([ref, (await resolveContainer(ctx.sys, ctx.root, rec.Id)) ?? rec]);
      return out;
    }
    return (await listContainerRecords(ctx.sys, ctx.root)).filter((r) => flags.bool('all') || r.State.Running).map((r) => [r.Id, r]);
  };
  // CPU % needs two readings; the daemon compares each with the one a second before
  let previous = new Map<string, Reading>();
  const readAll = async (list: [string, ContainerRecord][]): Promise<Map<string, Reading>> => {
    const m = new Map<string, Reading>();
    for (const [, rec] of list) if (rec.State.Running) m.set(rec.Id, await read(ctx.sys, rec));
    return m;
  };
  previous = await readAll(await targets());
  for (;;) {
    await ctx.sys.sleep(1000);
    const list = await targets();
    const current = await readAll(list);
    const rows: StatsRow[] = list.map(([ref, rec]) => {
      const now = current.get(rec.Id);
      return { container: ref, id: rec.Id, name: rec.Name, sample: now ? toSample(now, previous.get(rec.Id)) : null };
    });
    previous = current;
    const r = renderStats(rows, flags);
    if (flags.bool('no-stream') || r.status !== 0) return finish(ctx.sys, r);
    await ctx.sys.writeAll(1, streamFrame(r.stdout ?? ''));
  }
};

export default stats;

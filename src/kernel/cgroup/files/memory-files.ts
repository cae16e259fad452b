// The memory controller's files (mm/memcontrol.c, 6.18): limits parsed by
// page_counter_memparse (bytes with K/M/G..., rounded down to pages, or "max"), events and
// statistics in the kernel's key order. Only memory.stat, memory.numa_stat and memory.reclaim
// exist on the root. There is no swap, so the swap and zswap files hold settings and zeros.

import { SysError } from '../../../abi/errno.ts';
import type { Cgroup } from '../cgroup.ts';
import { MEMORY_EVENTS, MEMORY_STAT_KEYS, type MemoryCss, NUMA_STAT_KEYS, SWAP_EVENTS } from '../memory-css.ts';
import { PAGE_SIZE, kstrtoint, memparse, pageCounterMemparse, pagesToBytes, strstrip } from '../parse.ts';
import { type CgroupFileType, keyValues } from './file-type.ts';

const css = (cg: Cgroup): MemoryCss => cg.css.memory!;

/** seq_puts_memcg_tunable(): "max" or the limit in bytes. */
const tunable = (pages: number): string => `${pages === Infinity ? 'max' : pagesToBytes(pages)}\n`;

const parseLimit = (text: string): number => pageCounterMemparse(strstrip(text), 'max');

function statValue(m: MemoryCss, key: string): number {
  switch (key) {
    case 'slab': return m.stat0('slab_reclaimable') + m.stat0('slab_unreclaimable');
    case 'pgscan': return ['kswapd', 'direct', 'khugepaged', 'proactive'].reduce((s, k) => s + m.stat0(`pgscan_${k}`), 0);
    case 'pgsteal': return ['kswapd', 'direct', 'khugepaged', 'proactive'].reduce((s, k) => s + m.stat0(`pgsteal_${k}`), 0);
    default: return m.stat0(key);
  }
}

/** A 0/1 switch written through kstrtoint (memory.oom.group, memory.zswap.writeback). */
function parseSwitch(text: string): number {
  const v = kstrtoint(strstrip(text), 0);
  if (v !== 0 && v !== 1) throw new SysError('EINVAL');
  return v;
}

/** A limit-style file that is only stored (swap and zswap: there is no swap device). */
function storedLimit(name: string, get: (m: MemoryCss) => number, set: (m: MemoryCss, pages: number) => void): CgroupFileType {
  return {
    name, controller: 'memory', where: 'not-root',
    show: (cg) => tunable(get(css(cg))),
    write: (cg, _tree, text) => set(css(cg), parseLimit(text)),
  };
}

export const MEMORY_FILES: readonly CgroupFileType[] = [
  { name: 'memory.current', controller: 'memory', where: 'not-root', show: (cg) => `${css(cg).usage}\n` },
  {
    name: 'memory.peak', controller: 'memory', where: 'not-root',
    show: (cg, _tree, io) => `${io.peak ? Math.max(io.peak.value, css(cg).localWatermark) : css(cg).watermark}\n`,
    // Any write restarts the peak this descriptor reports (6.12+); others keep what they saw.
    write: (cg, _tree, _text, io) => {
      const m = css(cg);
      m.localWatermark = m.usage;
      for (const w of m.peakWatchers) if (m.usage > w.value) w.value = m.usage;
      io.peak ??= { value: m.usage };
      io.peak.value = m.usage;
      m.peakWatchers.add(io.peak);
    },
    release: (cg, _tree, io) => {
      if (io.peak) cg.css.memory?.peakWatchers.delete(io.peak);
    },
  },
  {
    name: 'memory.min', controller: 'memory', where: 'not-root',
    show: (cg) => tunable(css(cg).min),
    write: (cg, _tree, text) => void (css(cg).min = parseLimit(text)),
  },
  {
    name: 'memory.low', controller: 'memory', where: 'not-root',
    show: (cg) => tunable(css(cg).low),
    write: (cg, _tree, text) => void (css(cg).low = parseLimit(text)),
  },
  {
    name: 'memory.high', controller: 'memory', where: 'not-root',
    show: (cg) => tunable(css(cg).high),
    write: (cg, tree, text) => tree.memory.setHigh(css(cg), parseLimit(text)),
  },
  {
    name: 'memory.max', controller: 'memory', where: 'not-root',
    show: (cg) => tunable(css(cg).max),
    // Below current usage: reclaim at once, then OOM-kill until it fits.
    write: (cg, tree, text) => tree.memory.setMax(css(cg), parseLimit(text)),
  },
  {
    name: 'memory.events', controller: 'memory', where: 'not-root',
    show: (cg, tree) => {
      const m = css(cg);
      const ev = tree.flags.has('memory_localevents') ? m.eventsLocal : m.events;
      return keyValues(MEMORY_EVENTS.map((k) => [k, ev[k]] as const));
    },
  },
  {
    name: 'memory.events.local', controller: 'memory', where: 'not-root',
    show: (cg) => keyValues(MEMORY_EVENTS.map((k) => [k, css(cg).eventsLocal[k]] as const)),
  },
  {
    name: 'memory.stat', controller: 'memory', where: 'all',
    show: (cg) => keyValues(MEMORY_STAT_KEYS.map((k) => [k, statValue(css(cg), k)] as const)),
  },
  {
    name: 'memory.numa_stat', controller: 'memory', where: 'all',
    show: (cg) => NUMA_STAT_KEYS.map((k) => `${k} N0=${css(cg).stat0(k)}\n`).join(''),
  },
  {
    name: 'memory.oom.group', controller: 'memory', where: 'not-root',
    show: (cg) => `${css(cg).oomGroup ? 1 : 0}\n`,
    write: (cg, _tree, text) => void (css(cg).oomGroup = parseSwitch(text) === 1),
  },
  {
    name: 'memory.reclaim', controller: 'memory', where: 'all',
    write: (cg, tree, text) => {
      const buf = strstrip(text);
      const { value, rest } = memparse(buf);
      if (rest === buf) throw new SysError('EINVAL');
      for (const opt of strstrip(rest).split(' ').filter((o) => o.length > 0)) {
        if (!/^swappiness=([0-9]+|max)$/.test(opt)) throw new SysError('EINVAL');
      }
      const want = Number(value / BigInt(PAGE_SIZE)) * PAGE_SIZE;
      if (want > 0 && tree.memory.reclaim(css(cg), want, 'proactive') < want) throw new SysError('EAGAIN');
    },
  },
  { name: 'memory.swap.current', controller: 'memory', where: 'not-root', show: () => '0\n' },
  storedLimit('memory.swap.high', (m) => m.swapHigh, (m, p) => void (m.swapHigh = p)),
  storedLimit('memory.swap.max', (m) => m.swapMax, (m, p) => void (m.swapMax = p)),
  { name: 'memory.swap.peak', controller: 'memory', where: 'not-root', show: () => '0\n', write: () => {} },
  {
    name: 'memory.swap.events', controller: 'memory', where: 'not-root',
    show: () => keyValues(SWAP_EVENTS.map((k) => [k, 0] as const)),
  },
  { name: 'memory.zswap.current', controller: 'memory', where: 'not-root', show: () => '0\n' },
  storedLimit('memory.zswap.max', (m) => m.zswapMax, (m, p) => void (m.zswapMax = p)),
  {
    name: 'memory.zswap.writeback', controller: 'memory', where: 'not-root',
    show: (cg) => `${css(cg).zswapWriteback}\n`,
    write: (cg, _tree, text) => void (css(cg).zswapWriteback = parseSwitch(text)),
  },
];

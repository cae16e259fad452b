// The memory controller's state in one cgroup (Linux's struct mem_cgroup): a page counter with
// its limits, hierarchical statistics and event counters. Usage and statistics are hierarchical:
// a charge is added here and at every ancestor; `local` keeps what was charged here directly.

import type { Cgroup } from './cgroup.ts';
import { PAGE_SIZE } from './pages.ts';

/**
 * What a charge is for; it decides the memory.stat lines that grow and whether reclaim may take
 * it back: only page cache ('file') is reclaimable, there being no swap.
 */
export type MemoryKind = 'anon' | 'file' | 'shmem' | 'kernel' | 'kernel_stack' | 'pagetables' | 'sock';

export const MEMORY_KINDS: readonly MemoryKind[] = ['anon', 'file', 'shmem', 'kernel', 'kernel_stack', 'pagetables', 'sock'];

/**
 * memory.stat lines each kind feeds. New anonymous and shmem pages start on the inactive anon
 * list and new page cache on the inactive file list; shmem is counted in "file" too (tmpfs is
 * page cache) though it sits on the anon lists, being swap-backed.
 */
const KIND_STATS: Record<MemoryKind, readonly string[]> = {
  anon: ['anon', 'inactive_anon'],
  file: ['file', 'inactive_file'],
  shmem: ['file', 'shmem', 'inactive_anon'],
  kernel: ['kernel', 'slab_unreclaimable'],
  kernel_stack: ['kernel', 'kernel_stack'],
  pagetables: ['kernel', 'pagetables'],
  sock: ['sock'],
};

/** memory.events keys in the order 6.18 prints them. */
export const MEMORY_EVENTS = ['low', 'high', 'max', 'oom', 'oom_kill', 'oom_group_kill', 'sock_throttled'] as const;
export type MemoryEvent = (typeof MEMORY_EVENTS)[number];

/** memory.swap.events keys (6.18 order). */
export const SWAP_EVENTS = ['high', 'max', 'fail'] as const;

/**
 * memory.stat keys in 6.18's order for a kernel built like this machine's (NUMA balancing,
 * THP, zswap, swap). "slab", "pgscan" and "pgsteal" are sums of other lines.
 */
export const MEMORY_STAT_KEYS: readonly string[] = [
  'anon', 'file', 'kernel', 'kernel_stack', 'pagetables', 'sec_pagetables', 'percpu', 'sock', 'vmalloc', 'shmem',
  'zswap', 'zswapped', 'file_mapped', 'file_dirty', 'file_writeback', 'swapcached', 'anon_thp', 'file_thp', 'shmem_thp',
  'inactive_anon', 'active_anon', 'inactive_file', 'active_file', 'unevictable',
  'slab_reclaimable', 'slab_unreclaimable', 'slab',
  'workingset_refault_anon', 'workingset_refault_file', 'workingset_activate_anon', 'workingset_activate_file',
  'workingset_restore_anon', 'workingset_restore_file', 'workingset_nodereclaim',
  'pgdemote_kswapd', 'pgdemote_direct', 'pgdemote_khugepaged', 'pgdemote_proactive', 'pgpromote_success',
  'pgscan', 'pgsteal',
  'pswpin', 'pswpout', 'pgscan_kswapd', 'pgscan_direct', 'pgscan_khugepaged', 'pgscan_proactive',
  'pgsteal_kswapd', 'pgsteal_direct', 'pgsteal_khugepaged', 'pgsteal_proactive',
  'pgfault', 'pgmajfault', 'pgrefill', 'pgactivate', 'pgdeactivate', 'pglazyfree', 'pglazyfreed',
  'swpin_zero', 'swpout_zero', 'zswpin', 'zswpout', 'zswpwb',
  'thp_fault_alloc', 'thp_collapse_alloc', 'thp_swpout', 'thp_swpout_fallback',
  'numa_pages_migrated', 'numa_pte_updates', 'numa_hint_faults',
];

/** The per-node subset memory.numa_stat prints (one node, N0). */
export const NUMA_STAT_KEYS: readonly string[] = [
  'anon', 'file', 'kernel_stack', 'pagetables', 'sec_pagetables', 'shmem', 'file_mapped', 'file_dirty',
  'file_writeback', 'swapcached', 'anon_thp', 'file_thp', 'shmem_thp', 'inactive_anon', 'active_anon',
  'inactive_file', 'active_file', 'unevictable', 'slab_reclaimable', 'slab_unreclaimable',
  'workingset_refault_anon', 'workingset_refault_file', 'workingset_activate_anon', 'workingset_activate_file',
  'workingset_restore_anon', 'workingset_restore_file', 'workingset_nodereclaim',
  'pgdemote_kswapd', 'pgdemote_direct', 'pgdemote_khugepaged', 'pgdemote_proactive', 'pgpromote_success',
];

/** A memory.peak file descriptor that has been written: it reports the peak since that write. */
export interface PeakWatcher {
  value: number;
}

const zeroEvents = (): Record<MemoryEvent, number> =>
  Object.fromEntries(MEMORY_EVENTS.map((k) => [k, 0])) as Record<MemoryEvent, number>;

export class MemoryCss {
  /** Bytes charged here and below (memory.current). */
  usage = 0;
  /** memory.peak: the highest usage ever; localWatermark: since the last write to memory.peak. */
  watermark = 0;
  localWatermark = 0;
  readonly peakWatchers = new Set<PeakWatcher>();
  /** Limits in pages; Infinity is "max". */
  max = Infinity;
  high = Infinity;
  low = 0;
  min = 0;
  swapMax = Infinity;
  swapHigh = Infinity;
  zswapMax = Infinity;
  zswapWriteback = 1;
  oomGroup = false;
  readonly events = zeroEvents();
  readonly eventsLocal = zeroEvents();
  /** memory.stat values for this cgroup and below (bytes, or counts for event lines). */
  readonly stat = new Map<string, number>();
  /** Bytes of each kind charged to this cgroup itself: what uncharge and reclaim can take back. */
  readonly local: Record<MemoryKind, number> = { anon: 0, file: 0, shmem: 0, kernel: 0, kernel_stack: 0, pagetables: 0, sock: 0 };
  /** Killed (controller disabled or cgroup removed) but still holding charges. */
  dying = false;
  /** States whose parent this is, live and dying. */
  readonly children = new Set<MemoryCss>();

  constructor(
    readonly cgroup: Cgroup,
    readonly parent: MemoryCss | null,
  ) {
    parent?.children.add(this);
  }

  /** This state and its ancestors, nearest first. */
  *chain(): Generator<MemoryCss> {
    for (let m: MemoryCss | null = this; m; m = m.parent) yield m;
  }

  maxBytes(): number {
    return this.max * PAGE_SIZE;
  }

  stat0(key: string): number {
    return this.stat.get(key) ?? 0;
  }

  addStat(key: string, delta: number): void {
    this.stat.set(key, this.stat0(key) + delta);
  }

  /** Add (or with a negative `bytes`, remove) a charge of `kind` here and in every ancestor. */
  account(kind: MemoryKind, bytes: number): void {
    this.local[kind] += bytes;
    for (const m of this.chain()) {
      m.usage += bytes;
      for (const key of KIND_STATS[kind]) m.addStat(key, bytes);
      if (m.usage > m.watermark) m.watermark = m.usage;
      if (m.usage > m.localWatermark) m.localWatermark = m.usage;
    }
  }

  /** Count a memory event here (memory.events.local) and up the tree (memory.events). */
  event(name: MemoryEvent, localOnly: boolean): void {
    this.eventsLocal[name]++;
    for (const m of this.chain()) {
      m.events[name]++;
      if (localOnly || !m.parent || !m.parent.parent) break;
    }
  }

  /** This state and every state below it, dying ones included (reclaim walks them all). */
  *subtree(): Generator<MemoryCss> {
    yield this;
    for (const child of this.children) yield* child.subtree();
  }
}

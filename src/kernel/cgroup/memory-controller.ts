// The memory controller's behaviour, in mm/memcontrol.c's order: a charge over memory.max
// counts "max", reclaims page cache below that level, then counts "oom", has the kernel kill a
// victim and retries. Charges belong to the cgroup: uncharge() takes the `owner` charge() gave.

import type { Cgroup } from './cgroup.ts';
import type { CgroupTree } from './cgroup-tree.ts';
import { type MemoryCss, type MemoryEvent, type MemoryKind } from './memory-css.ts';
import { PAGE_SIZE } from './pages.ts';

export interface MemoryChargeOptions {
  /** The process allocating: if the OOM killer picks it, the charge gives up at once. */
  pid?: number;
  /** An allocation that may not fail: charged over the limit after reclaim (the hit is counted). */
  force?: boolean;
}

export type MemoryChargeResult =
  /** Charged; give `owner` back to uncharge(). */
  | { ok: true; owner: MemoryCss; killed: number[] }
  /**
   * Not charged: `overLimit` is the cgroup whose memory.max could not be met. `killed` lists the
   * OOM killer's victims; `selfKilled` when the allocating process was one of them (it is dying
   * of SIGKILL). Otherwise the allocation fails with ENOMEM.
   */
  | { ok: false; overLimit: Cgroup; killed: number[]; selfKilled: boolean };

type ReclaimKind = 'direct' | 'proactive';

/** Give up on a charge after this many OOM kills that did not make room. */
const MAX_OOM_ROUNDS = 1000;

export class MemoryController {
  constructor(private readonly tree: CgroupTree) {}

  private get localEvents(): boolean {
    return this.tree.flags.has('memory_localevents');
  }

  private event(css: MemoryCss, name: MemoryEvent): void {
    css.event(name, this.localEvents);
  }

  /** Charge `bytes` of `kind` to `cg` (its memory state, or the nearest ancestor's). */
  charge(cg: Cgroup, bytes: number, kind: MemoryKind, opts: MemoryChargeOptions = {}): MemoryChargeResult {
    const owner = this.tree.effective(cg, 'memory');
    const killed: number[] = [];
    for (let round = 0; bytes > 0; round++) {
      const over = firstOver(owner, bytes);
      if (!over) break;
      this.event(over, 'max');
      this.reclaim(over, over.usage + bytes - over.maxBytes(), 'direct');
      if (over.usage + bytes <= over.maxBytes()) continue;
      if (opts.force) break;
      const victims = round < MAX_OOM_ROUNDS ? this.oomKill(over, killed) : null;
      if (!victims) return { ok: false, overLimit: over.cgroup, killed, selfKilled: false };
      if (opts.pid !== undefined && victims.includes(opts.pid)) {
        return { ok: false, overLimit: over.cgroup, killed, selfKilled: true };
      }
    }
    if (bytes > 0) {
      owner.account(kind, bytes);
      if (kind === 'anon') for (const m of owner.chain()) m.addStat('pgfault', Math.ceil(bytes / PAGE_SIZE));
      this.emitCharge(owner, bytes);
      this.enforceHigh(owner);
    }
    return { ok: true, owner, killed };
  }

  /** Give back part of a charge; never more of `kind` than is still charged there. */
  uncharge(owner: MemoryCss, bytes: number, kind: MemoryKind): void {
    const amount = Math.min(bytes, owner.local[kind]);
    if (amount <= 0) return;
    owner.account(kind, -amount);
    this.emitCharge(owner, -amount);
    this.tree.settle(owner);
  }

  /** Over memory.high: count it and reclaim page cache back under it (never an OOM kill). */
  private enforceHigh(owner: MemoryCss): void {
    for (const m of owner.chain()) {
      const high = m.high * PAGE_SIZE;
      if (m.usage <= high) continue;
      this.event(m, 'high');
      this.reclaim(m, m.usage - high, 'direct');
    }
  }

  /** Reclaim up to `bytes` of clean page cache from `css` and below; returns bytes freed. */
  reclaim(css: MemoryCss, bytes: number, how: ReclaimKind): number {
    let got = 0;
    for (const m of [...css.subtree()]) {
      if (got >= bytes) break;
      const take = Math.min(m.local.file, bytes - got);
      if (take <= 0) continue;
      m.account('file', -take);
      const pages = Math.ceil(take / PAGE_SIZE);
      for (const a of m.chain()) {
        a.addStat(`pgscan_${how}`, pages);
        a.addStat(`pgsteal_${how}`, pages);
      }
      got += take;
      this.emitCharge(m, -take);
      this.tree.settle(m);
    }
    return got;
  }

  /** memory.max written: reclaim, then OOM-kill until usage fits (memory_max_write()). */
  setMax(css: MemoryCss, pages: number): void {
    css.max = pages;
    const killed: number[] = [];
    for (let round = 0; round < MAX_OOM_ROUNDS && css.usage > css.maxBytes(); round++) {
      this.reclaim(css, css.usage - css.maxBytes(), 'direct');
      if (css.usage <= css.maxBytes()) break;
      if (!this.oomKill(css, killed)) break;
    }
  }

  /** memory.high written: reclaim down to it, without killing. */
  setHigh(css: MemoryCss, pages: number): void {
    css.high = pages;
    const high = pages * PAGE_SIZE;
    if (css.usage > high) this.reclaim(css, css.usage - high, 'direct');
  }

  /**
   * One round of the memcg OOM killer in `scope`: count "oom", have the kernel pick and kill a
   * victim (its whole memory.oom.group when one is set). Null when nothing could be killed.
   */
  private oomKill(scope: MemoryCss, killed: number[]): number[] | null {
    const tree = this.tree;
    this.event(scope, 'oom');
    const victim = tree.hooks.selectOomVictim?.(scope.cgroup) ?? null;
    if (victim === null || killed.includes(victim)) {
      tree.emit({ type: 'cgroup.oom', cgroup: tree.pathOf(scope.cgroup), killed: [] });
      return null;
    }
    let victims = [victim];
    const victimCg = tree.cgroupOf(victim);
    const group = victimCg ? oomGroupOf(tree.effective(victimCg, 'memory'), scope) : null;
    if (group) {
      this.event(group, 'oom_group_kill');
      victims = [victim, ...group.cgroup.subtreePids().filter((p) => p !== victim)];
    }
    for (const pid of victims) {
      const cg = tree.cgroupOf(pid);
      if (cg) this.event(tree.effective(cg, 'memory'), 'oom_kill');
    }
    killed.push(...victims);
    tree.emit({ type: 'cgroup.oom', cgroup: tree.pathOf(scope.cgroup), killed: victims });
    tree.hooks.kill?.(victims, { reason: 'oom', scope: scope.cgroup, victim });
    return victims;
  }

  private emitCharge(css: MemoryCss, delta: number): void {
    this.tree.emit({
      type: 'cgroup.charge', cgroup: this.tree.pathOf(css.cgroup), controller: 'memory', delta,
      usage: css.usage, limit: css.max === Infinity ? null : css.maxBytes(),
    });
  }
}

/** The nearest level whose memory.max the charge would break. */
function firstOver(owner: MemoryCss, bytes: number): MemoryCss | null {
  for (const m of owner.chain()) if (m.usage + bytes > m.maxBytes()) return m;
  return null;
}

/** mem_cgroup_get_oom_group(): the highest level from the victim up to `scope` with oom.group. */
function oomGroupOf(victim: MemoryCss, scope: MemoryCss): MemoryCss | null {
  let inside = false;
  for (const m of victim.chain()) if (m === scope) inside = true;
  if (!inside) return null;
  let group: MemoryCss | null = null;
  for (const m of victim.chain()) {
    if (m.oomGroup) group = m;
    if (m === scope) break;
  }
  return group;
}

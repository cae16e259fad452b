// The cgroup v2 hierarchy: cgroups made and removed, controllers enabled top-down, process
// membership (fork, exit, reap, cgroup.procs moves), freeze and kill, with cgroup.c's errnos.
// Invariant: a live process is a member of exactly one cgroup; its pids charge lasts until it
// is reaped. How the kernel drives all this: README.md.

import { SysError } from '../../abi/errno.ts';
import type { EmitFn } from '../events.ts';
import type { Clock } from '../fs/vfs/types.ts';
import { Cgroup } from './cgroup.ts';
import { cgroupPath } from './cgroup-path.ts';
import { CONTROLLERS, type ControllerName, THREADED, classifyController, inKernelOrder } from './controllers.ts';
import { CpuController } from './cpu-controller.ts';
import { CpuCss } from './cpu-css.ts';
import { MemoryController } from './memory-controller.ts';
import { MemoryCss } from './memory-css.ts';
import { PidsCss } from './pids-css.ts';

/** Why the cgroup code asks the kernel to kill. */
export type KillCause =
  | { reason: 'oom'; scope: Cgroup; victim: number }
  | { reason: 'cgroup.kill'; scope: Cgroup };

/** What the cgroup code needs from the process side of the kernel. All optional. */
export interface CgroupKernelHooks {
  /**
   * The OOM killer's choice among the live processes of `scope` and below (Linux takes the
   * largest rss + page tables + swap, weighted by oom_score_adj); null when none can be killed.
   */
  selectOomVictim?(scope: Cgroup): number | null;
  /**
   * SIGKILL `pids` now. For an OOM kill, free what they hold (uncharge their memory) before
   * returning: the charge that triggered the OOM killer is retried right after.
   */
  kill?(pids: readonly number[], cause: KillCause): void;
  /** These processes' effective frozen state changed (cgroup.freeze): stop or resume them. */
  freeze?(pids: readonly number[], frozen: boolean): void;
}

export interface CgroupTreeOptions {
  clock: Clock;
  emit?: EmitFn;
  /** Kernel log (dmesg) lines, such as the pids controller's first refusal in a cgroup. */
  log?: (line: string) => void;
}

/** cgroup2 mount options that change the whole hierarchy's behaviour (cgrp_dfl_root.flags). */
export const ROOT_FLAGS = [
  'nsdelegate', 'favordynmods', 'memory_localevents', 'memory_recursiveprot', 'memory_hugetlb_accounting', 'pids_localevents',
] as const;
export type RootFlag = (typeof ROOT_FLAGS)[number];

/** A subtree_control write, checked and ready to apply. */
export interface SubtreeControlChange {
  enable: ControllerName[];
  disable: ControllerName[];
}

interface TaskRecord {
  cg: Cgroup;
  zombie: boolean;
  /** Where its pids charge is: it follows the task on migration, not after exit. */
  pids: PidsCss;
}

type AnyCss = MemoryCss | PidsCss | CpuCss;

export class CgroupTree {
  readonly root: Cgroup;
  readonly clock: Clock;
  hooks: CgroupKernelHooks = {};
  readonly flags = new Set<RootFlag>();
  readonly memory: MemoryController;
  readonly cpu: CpuController;
  private readonly emitFn: EmitFn;
  private readonly logFn: (line: string) => void;
  private nextId = 1;
  private readonly tasks = new Map<number, TaskRecord>();
  /** Controller states killed while still holding charges, and removed cgroups kept by them. */
  private readonly dyingCss = new Set<AnyCss>();
  private readonly dyingCgroups = new Set<Cgroup>();

  constructor(opts: CgroupTreeOptions) {
    this.clock = opts.clock;
    this.emitFn = opts.emit ?? (() => {});
    this.logFn = opts.log ?? (() => {});
    this.root = new Cgroup(this.allocId(), '', null);
    this.root.css.memory = new MemoryCss(this.root, null);
    this.root.css.pids = new PidsCss(this.root, null);
    this.root.css.cpu = new CpuCss(this.root, null);
    this.memory = new MemoryController(this);
    this.cpu = new CpuController(this);
  }

  /** Ids for cgroups and for the inodes of their files: one sequence, as kernfs has. */
  allocId(): number {
    return this.nextId++;
  }

  nowUs(): number {
    return Number(this.clock.nowNs() / 1000n);
  }

  emit: EmitFn = (e) => this.emitFn(e);

  log(line: string): void {
    this.logFn(line);
  }

  pathOf(cg: Cgroup): string {
    return cgroupPath(cg);
  }

  /** The cgroup at a path from the root ("/a/b"), or null. */
  lookup(path: string): Cgroup | null {
    let cg: Cgroup | undefined = this.root;
    for (const part of path.split('/').filter((p) => p.length > 0)) {
      cg = cg.children.get(part);
      if (!cg) return null;
    }
    return cg;
  }

  /** The controller state that governs `cg` for `ctrl`: its own, or the nearest ancestor's. */
  effective<C extends ControllerName>(cg: Cgroup, ctrl: C): NonNullable<Cgroup['css'][C]> {
    for (let c: Cgroup | null = cg; c; c = c.parent) {
      const css = c.css[ctrl];
      if (css) return css as NonNullable<Cgroup['css'][C]>;
    }
    throw new Error('the root cgroup has every controller');
  }

  // ---- structure ------------------------------------------------------------------------

  /** mkdir(2) in cgroupfs. */
  mkdir(parent: Cgroup, name: string): Cgroup {
    if (parent.removed) throw new SysError('ENOENT');
    if (name.includes('\n')) throw new SysError('EINVAL');
    if (parent.children.has(name)) throw new SysError('EEXIST', name);
    // cgroup_check_hierarchy_limits(): every ancestor's max.descendants and max.depth.
    let level = 0;
    for (let a: Cgroup | null = parent; a; a = a.parent, level++) {
      if (a.nrDescendants >= a.maxDescendants || level >= a.maxDepth) throw new SysError('EAGAIN');
    }
    const cg = new Cgroup(this.allocId(), name, parent);
    parent.children.set(name, cg);
    for (let a: Cgroup | null = parent; a; a = a.parent) a.nrDescendants++;
    for (const ctrl of parent.subtreeControl) this.createCss(cg, ctrl);
    if (this.isFrozen(cg)) cg.frozenSinceUs = this.nowUs();
    return cg;
  }

  /** rmdir(2) in cgroupfs: only an empty leaf goes (zombies do not count). */
  rmdir(cg: Cgroup): void {
    if (cg.isRoot || cg.removed) throw new SysError(cg.isRoot ? 'EBUSY' : 'ENOENT');
    if (cg.populated || cg.children.size > 0) throw new SysError('EBUSY');
    this.stopFrozenClock(cg);
    cg.removed = true;
    cg.parent!.children.delete(cg.name);
    for (let a: Cgroup | null = cg.parent; a; a = a.parent) a.nrDescendants--;
    this.dyingCgroups.add(cg);
    for (const ctrl of CONTROLLERS) this.killCss(cg, ctrl);
    this.settleCgroup(cg);
  }

  private createCss(cg: Cgroup, ctrl: ControllerName): void {
    const parent = cg.parent!;
    if (ctrl === 'memory') cg.css.memory = new MemoryCss(cg, parent.css.memory!);
    else if (ctrl === 'pids') cg.css.pids = new PidsCss(cg, parent.css.pids!);
    else cg.css.cpu = new CpuCss(cg, parent.css.cpu!);
  }

  /** Take a controller's state off a cgroup; it lingers as dying while charges point at it. */
  private killCss(cg: Cgroup, ctrl: ControllerName): void {
    const css = cg.css[ctrl];
    if (!css) return;
    delete cg.css[ctrl];
    css.dying = true;
    this.dyingCss.add(css);
    this.settle(css);
  }

  /** Free a dying state once nothing is charged to it any more. */
  settle(css: AnyCss): void {
    if (!css.dying || !this.dyingCss.has(css)) return;
    if (css instanceof MemoryCss && css.usage > 0) return;
    if (css instanceof PidsCss && css.counter > 0) return;
    this.dyingCss.delete(css);
    if (css instanceof MemoryCss) css.parent?.children.delete(css);
    this.settleCgroup(css.cgroup);
  }

  /** A removed cgroup is freed once no charge and no zombie refers to it any more. */
  private settleCgroup(cg: Cgroup): void {
    if (!this.dyingCgroups.has(cg) || cg.zombies > 0) return;
    for (const css of this.dyingCss) if (css.cgroup === cg) return;
    this.dyingCgroups.delete(cg);
  }

  /** cgroup.stat: removed cgroups below `cg` that charges still keep alive. */
  nrDyingDescendants(cg: Cgroup): number {
    let n = 0;
    for (const d of this.dyingCgroups) if (d !== cg && d.isWithin(cg)) n++;
    return n;
  }

  /** cgroup.stat: dying states of a controller in `cg` and below. */
  nrDyingSubsys(cg: Cgroup, ctrl: ControllerName): number {
    let n = 0;
    for (const css of this.dyingCss) {
      const kind = css instanceof MemoryCss ? 'memory' : css instanceof PidsCss ? 'pids' : 'cpu';
      if (kind === ctrl && css.cgroup.isWithin(cg)) n++;
    }
    return n;
  }

  /**
   * A subtree_control write, tokens like "+memory" "-pids", checked as
   * cgroup_subtree_control_write() does: EINVAL for a malformed token or a name v2 does not
   * know, ENOENT to enable what the parent does not offer, EBUSY to disable what a child still
   * enables, EBUSY to enable a domain controller beside processes. Apply with applySubtreeControl.
   */
  planSubtreeControl(cg: Cgroup, tokens: readonly string[]): SubtreeControlChange {
    const enable = new Set<string>();
    const disable = new Set<string>();
    for (const tok of tokens) {
      if (tok.length === 0) continue;
      const name = tok.slice(1);
      if (classifyController(name) === 'unknown') throw new SysError('EINVAL', tok);
      if (tok[0] === '+') {
        enable.add(name);
        disable.delete(name);
      } else if (tok[0] === '-') {
        disable.add(name);
        enable.delete(name);
      } else {
        throw new SysError('EINVAL', tok);
      }
    }
    if (cg.removed) throw new SysError('ENODEV');
    const available = new Set<string>(cg.controllers);
    for (const name of enable) {
      if (cg.subtreeControl.has(name as ControllerName)) enable.delete(name);
      else if (!available.has(name)) throw new SysError('ENOENT', name);
    }
    for (const name of disable) {
      if (!cg.subtreeControl.has(name as ControllerName)) {
        disable.delete(name);
        continue;
      }
      for (const child of cg.children.values()) {
        if (child.subtreeControl.has(name as ControllerName)) throw new SysError('EBUSY', name);
      }
    }
    const change = { enable: inKernelOrder(enable as Set<ControllerName>), disable: inKernelOrder(disable as Set<ControllerName>) };
    this.vetEnable(cg, change.enable);
    return change;
  }

  /** cgroup_vet_subtree_control_enable(): the no-internal-process rule for enabling. */
  private vetEnable(cg: Cgroup, enable: readonly ControllerName[]): void {
    if (enable.length === 0 || cg.isRoot) return;
    const domain = enable.some((c) => !THREADED.has(c));
    // Threaded controllers may sit beside processes while the cgroup could still be a thread root.
    if (!domain && this.canBeThreadRoot(cg)) return;
    if (cg.procs.size > 0) throw new SysError('EBUSY');
  }

  /** cgroup_can_be_thread_root(): no populated children and no domain controller enabled. */
  private canBeThreadRoot(cg: Cgroup): boolean {
    if (cg.isRoot) return true;
    for (const child of cg.children.values()) if (child.populated) return false;
    for (const c of cg.subtreeControl) if (!THREADED.has(c)) return false;
    return true;
  }

  applySubtreeControl(cg: Cgroup, change: SubtreeControlChange): void {
    for (const ctrl of change.enable) {
      cg.subtreeControl.add(ctrl);
      for (const child of cg.children.values()) this.createCss(child, ctrl);
    }
    for (const ctrl of change.disable) {
      cg.subtreeControl.delete(ctrl);
      for (const child of cg.children.values()) this.killCss(child, ctrl);
    }
    // Live tasks move to the pids state that now governs them, as their css_sets are rebuilt.
    if (change.enable.includes('pids') || change.disable.includes('pids')) {
      for (const task of this.tasks.values()) {
        if (task.zombie || !task.cg.isWithin(cg)) continue;
        this.movePidsCharge(task, this.effective(task.cg, 'pids'));
      }
    }
  }

  private movePidsCharge(task: TaskRecord, to: PidsCss): void {
    const from = task.pids;
    if (from === to) return;
    to.charge(1);
    from.uncharge(1);
    task.pids = to;
    this.settle(from);
  }

  // ---- membership -----------------------------------------------------------------------

  /** The cgroup of a live or zombie process, or null when the tree does not know the pid. */
  cgroupOf(pid: number): Cgroup | null {
    return this.tasks.get(pid)?.cg ?? null;
  }

  isZombie(pid: number): boolean {
    return this.tasks.get(pid)?.zombie ?? false;
  }

  /**
   * fork/clone: charge one task to `cg`'s pids and make `pid` a member of `cg` (a child is born
   * in its parent's cgroup). False when pids.max here or above refuses: fork fails with EAGAIN.
   * Start the child frozen when isFrozen(cg).
   */
  fork(pid: number, cg: Cgroup): boolean {
    if (this.tasks.has(pid)) throw new SysError('EEXIST', `pid ${pid} is already in a cgroup`);
    if (!this.tryChargePids(cg)) return false;
    this.tasks.set(pid, { cg, zombie: false, pids: this.effective(cg, 'pids') });
    this.join(pid, cg);
    return true;
  }

  /** exit: the process becomes a zombie, leaves cgroup.procs; its pids charge stays. */
  exit(pid: number): void {
    const task = this.tasks.get(pid);
    if (!task || task.zombie) return;
    task.zombie = true;
    task.cg.zombies++;
    this.leave(pid, task.cg);
  }

  /** The zombie is reaped (or a task released without being waited for): pids uncharged. */
  release(pid: number): void {
    const task = this.tasks.get(pid);
    if (!task) return;
    if (!task.zombie) this.exit(pid);
    this.tasks.delete(pid);
    task.cg.zombies--;
    task.pids.uncharge(1);
    this.emitPids(task.pids, -1);
    this.settle(task.pids);
    this.settleCgroup(task.cg);
  }

  /**
   * Move a process into `dst` (a write to cgroup.procs, or cgroup.threads when `threads`).
   * The kernel has resolved the pid; this checks what cgroup_attach_permissions() checks.
   */
  migrate(pid: number, dst: Cgroup, threads = false): void {
    if (dst.removed) throw new SysError('ENODEV');
    const task = this.tasks.get(pid);
    if (!task) throw new SysError('ESRCH');
    // Threaded cgroups are not modelled: a thread may only "move" within its own domain.
    if (threads && task.cg !== dst) throw new SysError('EOPNOTSUPP');
    if (!dst.isRoot && !this.canBeThreadRoot(dst) && dst.subtreeControl.size > 0) throw new SysError('EBUSY');
    // An exiting task is skipped without complaint.
    if (task.zombie || task.cg === dst) return;
    const src = task.cg;
    const wasFrozen = this.isFrozen(src);
    this.leave(pid, src);
    task.cg = dst;
    this.join(pid, dst);
    this.movePidsCharge(task, this.effective(dst, 'pids'));
    if (wasFrozen !== this.isFrozen(dst)) this.hooks.freeze?.([pid], !wasFrozen);
  }

  private join(pid: number, cg: Cgroup): void {
    cg.procs.add(pid);
    for (let a: Cgroup | null = cg; a; a = a.parent) a.subtreeProcs++;
  }

  private leave(pid: number, cg: Cgroup): void {
    cg.procs.delete(pid);
    for (let a: Cgroup | null = cg; a; a = a.parent) a.subtreeProcs--;
  }

  // ---- pids -----------------------------------------------------------------------------

  /**
   * Charge one task (a process or a thread) to `cg`'s pids, or count a refusal and return false.
   * fork() does this itself; call it directly only for tasks fork() does not cover (threads),
   * and give the charge back with unchargePids().
   */
  tryChargePids(cg: Cgroup): boolean {
    const pids = this.effective(cg, 'pids');
    const over = pids.tryCharge(1);
    if (over) {
      this.pidsRefused(pids, over);
      return false;
    }
    this.emitPids(pids, 1);
    return true;
  }

  unchargePids(cg: Cgroup): void {
    const pids = this.effective(cg, 'pids');
    pids.uncharge(1);
    this.emitPids(pids, -1);
    this.settle(pids);
  }

  /** pids_event(): count the refusal where the limit was hit (v2) or where the fork was tried. */
  private pidsRefused(forking: PidsCss, over: PidsCss): void {
    forking.forkFailLocal++;
    if (forking.forkFailLocal === 1) this.log(`cgroup: fork rejected by pids controller in ${this.pathOf(forking.cgroup)}`);
    if (!this.flags.has('pids_localevents')) {
      over.eventsMaxLocal++;
      for (const p of over.chargedChain()) p.eventsMax++;
    }
    this.emit({ type: 'cgroup.fork-refused', cgroup: this.pathOf(forking.cgroup), limitedBy: this.pathOf(over.cgroup), max: over.limit });
  }

  private emitPids(pids: PidsCss, delta: number): void {
    this.emit({
      type: 'cgroup.charge', cgroup: this.pathOf(pids.cgroup), controller: 'pids', delta,
      usage: pids.counter, limit: pids.limit === Infinity ? null : pids.limit,
    });
  }

  // ---- freeze and kill ------------------------------------------------------------------

  /** Frozen by its own cgroup.freeze or an ancestor's. */
  isFrozen(cg: Cgroup): boolean {
    for (let c: Cgroup | null = cg; c; c = c.parent) if (c.freeze) return true;
    return false;
  }

  /** cgroup.freeze: freeze or thaw this subtree (descendants' own settings are kept). */
  setFreeze(cg: Cgroup, freeze: boolean): void {
    if (cg.freeze === freeze) return;
    const before = new Map<Cgroup, boolean>();
    for (const d of cg.subtree()) before.set(d, this.isFrozen(d));
    cg.freeze = freeze;
    const now = this.nowUs();
    const changed: number[] = [];
    for (const [d, was] of before) {
      const is = this.isFrozen(d);
      if (is === was) continue;
      if (is) d.frozenSinceUs = now;
      else this.stopFrozenClock(d, now);
      changed.push(...d.procs);
    }
    if (changed.length > 0) this.hooks.freeze?.(changed, freeze);
  }

  private stopFrozenClock(cg: Cgroup, now = this.nowUs()): void {
    if (cg.frozenSinceUs === null) return;
    cg.frozenUs += now - cg.frozenSinceUs;
    cg.frozenSinceUs = null;
  }

  /** cgroup.stat.local frozen_usec. */
  frozenUsec(cg: Cgroup): number {
    return cg.frozenUs + (cg.frozenSinceUs === null ? 0 : this.nowUs() - cg.frozenSinceUs);
  }

  /** cgroup.kill: SIGKILL every process of the subtree. */
  kill(cg: Cgroup): void {
    const pids = cg.subtreePids();
    if (pids.length > 0) this.hooks.kill?.(pids, { reason: 'cgroup.kill', scope: cg });
  }
}

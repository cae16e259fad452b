// One cgroup of the v2 hierarchy: its place in the tree, its member processes (kernel-wide pids),
// which controllers it enables for its children, and one controller state (css) per controller
// enabled for it. Invariant: a controller is enabled here iff this is the root or the parent's
// subtree_control holds it, and then (and only then) `css` has a live state for it.

import { CONTROLLERS, type ControllerName, inKernelOrder } from './controllers.ts';
import type { CpuCss } from './cpu-css.ts';
import type { MemoryCss } from './memory-css.ts';
import type { PidsCss } from './pids-css.ts';

export interface CssSet {
  cpu?: CpuCss;
  memory?: MemoryCss;
  pids?: PidsCss;
}

/** cpu.stat's base lines, kept for every cgroup (they exist even without the cpu controller). */
export interface CpuTimes {
  usageUs: number;
  userUs: number;
  systemUs: number;
  niceUs: number;
}

export class Cgroup {
  readonly children = new Map<string, Cgroup>();
  /** Live member processes, in the order they joined (zombies are not members). */
  readonly procs = new Set<number>();
  readonly subtreeControl = new Set<ControllerName>();
  readonly css: CssSet = {};
  readonly cpuTimes: CpuTimes = { usageUs: 0, userUs: 0, systemUs: 0, niceUs: 0 };
  /** cgroup.max.depth / cgroup.max.descendants; Infinity prints "max". */
  maxDepth = Infinity;
  maxDescendants = Infinity;
  /** Live descendant cgroups. */
  nrDescendants = 0;
  /** Live processes in this cgroup and below: populated while non-zero. */
  subtreeProcs = 0;
  /** Exited, not yet reaped members: they keep a removed cgroup from being freed. */
  zombies = 0;
  /** cgroup.freeze as written here; the effective state also follows the ancestors. */
  freeze = false;
  /** Microseconds spent frozen before `frozenSinceUs`, and when the current frozen spell began. */
  frozenUs = 0;
  frozenSinceUs: number | null = null;
  /** cgroup.pressure: 0 hides the *.pressure files. */
  psi = true;
  /** rmdir()ed: gone from the tree, kept alive only by charges that still point at it. */
  removed = false;

  constructor(
    /** The cgroup id, which is also its directory's inode number (the root is 1). */
    readonly id: number,
    /** Directory name; "" for the root. */
    readonly name: string,
    readonly parent: Cgroup | null,
  ) {}

  get isRoot(): boolean {
    return this.parent === null;
  }

  get level(): number {
    let n = 0;
    for (let c = this.parent; c; c = c.parent) n++;
    return n;
  }

  get populated(): boolean {
    return this.subtreeProcs > 0;
  }

  /** cgroup.controllers: what this cgroup may enable for its children. */
  get controllers(): ControllerName[] {
    return this.parent ? inKernelOrder(this.parent.subtreeControl) : [...CONTROLLERS];
  }

  /** Whether `ctrl` governs this cgroup (its interface files show here). */
  enabled(ctrl: ControllerName): boolean {
    return this.parent === null || this.parent.subtreeControl.has(ctrl);
  }

  /** True for this cgroup and everything below it. */
  isWithin(ancestor: Cgroup): boolean {
    for (let c: Cgroup | null = this; c; c = c.parent) if (c === ancestor) return true;
    return false;
  }

  /** This cgroup, then every live descendant, parents before children. */
  *subtree(): Generator<Cgroup> {
    yield this;
    for (const child of this.children.values()) yield* child.subtree();
  }

  /** Member pids of this cgroup and every live descendant. */
  subtreePids(): number[] {
    const out: number[] = [];
    for (const c of this.subtree()) out.push(...c.procs);
    return out;
  }
}

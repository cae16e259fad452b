// The controller vocabulary of cgroup v2: which controllers the simulator models, the kernel's
// fixed print order, and how a name written to cgroup.subtree_control is classified.
// Order everywhere is the kernel's subsystem id order (include/linux/cgroup_subsys.h).

/** Controllers the simulator models: they can be enabled and have interface files. */
export type ControllerName = 'cpu' | 'memory' | 'pids';

/** The modelled controllers in kernel order, as cgroup.controllers prints them. */
export const CONTROLLERS: readonly ControllerName[] = ['cpu', 'memory', 'pids'];

/**
 * Threaded controllers tolerate processes beside child cgroups (the "no internal processes"
 * rule only binds domain controllers); memory is a domain controller.
 */
export const THREADED: ReadonlySet<ControllerName> = new Set(['cpu', 'pids']);

/**
 * Subsystems shown in cgroup.stat (nr_subsys_*), in kernel order: every subsystem bound to v2
 * that has v2 files or is implicit. perf_event is implicit: on in every cgroup, never listed.
 */
export const STAT_SUBSYSTEMS = ['cpu', 'memory', 'perf_event', 'pids'] as const;
export type StatSubsystem = (typeof STAT_SUBSYSTEMS)[number];

/**
 * v2 controllers Linux has that the simulator does not model; "+io" answers ENOENT, as on a host
 * where the controller is not available to this hierarchy.
 */
const UNAVAILABLE = new Set(['cpuset', 'io', 'hugetlb', 'rdma', 'misc', 'dmem', 'perf_event']);

/** What a token's name is to subtree_control: a modelled controller, known-unavailable, or unknown. */
export function classifyController(name: string): 'modelled' | 'unavailable' | 'unknown' {
  if ((CONTROLLERS as readonly string[]).includes(name)) return 'modelled';
  // v1-only subsystems (cpuacct, devices, freezer, net_cls, net_prio) are unknown to v2: EINVAL.
  return UNAVAILABLE.has(name) ? 'unavailable' : 'unknown';
}

/** Names sorted into kernel order. */
export function inKernelOrder(names: Iterable<ControllerName>): ControllerName[] {
  const set = new Set(names);
  return CONTROLLERS.filter((c) => set.has(c));
}

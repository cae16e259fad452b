// What the kernel's snapshot says of its tables, as plain data: the kernel makes it (kernel/
// snapshot.ts) and the worker hands it to the page (protocol/kernel-api.ts adds what the worker
// knows besides). Processes with their namespaces and cgroup, cgroups with usage and limits,
// overlay mounts and the files of their layers.

export interface ProcessSnapshot {
  pid: number;
  /** Numbers from the root PID namespace down to the task's own (NSpid). */
  nspid: number[];
  ppid: number;
  comm: string;
  argv: string[];
  uid: number;
  gid: number;
  /** /proc/PID/status State letter. */
  state: string;
  cgroup: string;
  /** Namespace inode numbers by /proc/PID/ns link name. */
  ns: Record<string, number>;
}

export interface CgroupSnapshot {
  path: string;
  /** Member processes (kernel-wide pids). */
  procs: number[];
  memory: { current: number; max: number | null; file: number; anon: number; oom: number; oomKill: number } | null;
  pids: { current: number; max: number | null; eventsMax: number } | null;
  cpu: { usageUs: number; userUs: number; systemUs: number };
}

export interface OverlaySnapshot {
  mountId: number;
  /** The overlay's st_dev, as fs.* events name it. */
  dev: number;
  /** Where it is mounted, from the root of its mount namespace ("/" after pivot_root). */
  target: string;
  mntNs: number;
  /** Live processes whose mount namespace holds this mount. */
  pids: number[];
  /** Top first, as lowerdir= lists them. */
  lowers: string[];
  upper: string | null;
  work: string | null;
}

export interface KernelSnapshot {
  processes: ProcessSnapshot[];
  cgroups: CgroupSnapshot[];
  overlays: OverlaySnapshot[];
}

export interface LayerEntry {
  /** From the layer root: "/etc/hostname". */
  path: string;
  type: string;
  size: number;
  whiteout: boolean;
  opaque: boolean;
}

export interface LayerSnapshot {
  label: string;
  role: 'upper' | 'lower';
  /** 0 for the upper layer, 1.. for lowers from the top. */
  index: number;
  /** Logical bytes of the regular files in the layer (of those listed when truncated). */
  bytes: number;
  files: number;
  entries: LayerEntry[];
  /** The walk stopped at the entry limit. */
  truncated: boolean;
}

/**
 * A mount over part of an overlay's tree in the overlay's mount namespace (a docker volume, the
 * bind of a container's /etc/hostname, its /proc): what lies there is not the overlay's.
 */
export interface MountCover {
  /** Where, from the overlay's root: "/data". */
  path: string;
  fsType: string;
  /** The directory of its filesystem it shows (mountinfo's root): a bind mount's source. */
  root: string;
}

export interface OverlayLayers {
  mountId: number;
  layers: LayerSnapshot[];
  /** The mounts over the overlay's tree, deepest paths after their parents. */
  covers?: MountCover[];
}

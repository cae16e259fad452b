// /proc/PID/cgroup on a pure cgroup v2 host: one line, "0::PATH", the path of the process's
// cgroup relative to the root of the reader's cgroup namespace ("/" inside a container, and
// "/../.." style for a process outside it, as recorded on Linux). Cgroups belong to
// kernel/cgroup; all this needs of one is its name and parent.

interface CgroupLike {
  readonly name: string;
  readonly parent: CgroupLike | null;
}

function asCgroup(v: unknown): CgroupLike | null {
  return v !== null && typeof v === 'object' && 'name' in v && 'parent' in v ? (v as CgroupLike) : null;
}

/** Names from the hierarchy's root down to `cg` (the root itself has none). */
function chain(cg: CgroupLike | null): CgroupLike[] {
  const out: CgroupLike[] = [];
  for (let c = cg; c?.parent; c = c.parent) out.unshift(c);
  return out;
}

/** `cgroup` is the task's (Task.cgroup), `nsRoot` the reader's cgroup namespace root (null: the hierarchy root). */
export function cgroupLine(cgroup: unknown, nsRoot: unknown): string {
  const path = chain(asCgroup(cgroup));
  const root = chain(asCgroup(nsRoot));
  let common = 0;
  while (common < path.length && common < root.length && path[common] === root[common]) common++;
  const parts = [...root.slice(common).map(() => '..'), ...path.slice(common).map((c) => c.name)];
  return `0::/${parts.join('/')}\n`;
}

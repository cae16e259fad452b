// Cgroup paths as /proc/PID/cgroup prints them: from the hierarchy root, or, inside a cgroup
// namespace, relative to the namespace's root cgroup (climbing out with "..", as Linux does).

import type { Cgroup } from './cgroup.ts';

function ancestry(cg: Cgroup): Cgroup[] {
  const out: Cgroup[] = [];
  for (let c: Cgroup | null = cg; c; c = c.parent) out.unshift(c);
  return out;
}

/** "/a/b" for a cgroup seen from `relativeTo` (default: the hierarchy root); "/" for itself. */
export function cgroupPath(cg: Cgroup, relativeTo?: Cgroup): string {
  const to = ancestry(cg);
  const from = relativeTo ? ancestry(relativeTo) : to.slice(0, 1);
  let common = 0;
  while (common < to.length && common < from.length && to[common] === from[common]) common++;
  const parts = [...Array<string>(from.length - common).fill('..'), ...to.slice(common).map((c) => c.name)];
  return `/${parts.join('/')}`;
}

/** The cgroup v2 line of /proc/PID/cgroup, newline included; a removed cgroup is marked. */
export function procCgroupLine(cg: Cgroup, nsRoot?: Cgroup): string {
  return `0::${cgroupPath(cg, nsRoot)}${cg.removed ? ' (deleted)' : ''}\n`;
}

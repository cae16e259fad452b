// Which interface files a cgroup's directory holds: the core files, then the files of every
// controller enabled for it, minus "not on root" files at the root and the pressure files
// while cgroup.pressure is 0. A namespace's root cgroup is not the root: it shows them all.

import type { Cgroup } from '../cgroup.ts';
import { CONTROLLERS } from '../controllers.ts';
import { CONTROLLER_FILES, CORE_FILES } from './core-files.ts';
import type { CgroupFileType } from './file-type.ts';

function present(cg: Cgroup, f: CgroupFileType): boolean {
  if (f.where === 'not-root' && cg.isRoot) return false;
  if (f.where === 'root-only' && !cg.isRoot) return false;
  if (f.psi && !cg.psi) return false;
  return true;
}

export function filesOf(cg: Cgroup): CgroupFileType[] {
  if (cg.removed) return [];
  const out = CORE_FILES.filter((f) => present(cg, f));
  for (const ctrl of CONTROLLERS) {
    if (cg.enabled(ctrl)) out.push(...CONTROLLER_FILES[ctrl].filter((f) => present(cg, f)));
  }
  return out;
}

export function findFile(cg: Cgroup, name: string): CgroupFileType | undefined {
  return filesOf(cg).find((f) => f.name === name);
}

// What one cgroup interface file is (Linux's struct cftype): its name, where it appears, how
// its contents are rendered and how a write is parsed. The mode follows cgroup_file_mode():
// readable files are 0444, writable ones add 0200 (cgroup.kill, write-only, is 0200).

import type { Cgroup } from '../cgroup.ts';
import type { CgroupTree } from '../cgroup-tree.ts';
import type { ControllerName } from '../controllers.ts';
import type { PeakWatcher } from '../memory-css.ts';

/** One open file description's view: who reads and writes, and state that lives per open. */
export interface FileIo {
  /** A kernel-wide pid as the opener sees it (0 when it is outside the opener's pid namespace). */
  displayPid(pid: number): number;
  /**
   * Move the process the writer names by `pid` (0: the writer itself) into `cg`: resolve it in
   * the writer's pid namespace (ESRCH when there is none) and call tree.migrate().
   */
  movePid(pid: number, cg: Cgroup, threads: boolean): void;
  /** memory.peak after a write to this descriptor. */
  peak?: PeakWatcher;
  /** A *.pressure trigger was set through this descriptor (one per open, as in Linux). */
  pressureTrigger?: boolean;
}

export interface CgroupFileType {
  /** Full file name ("memory.max"). */
  readonly name: string;
  /** The controller that owns it, null for core files. */
  readonly controller: ControllerName | null;
  /** 'not-root': CFTYPE_NOT_ON_ROOT; 'root-only': CFTYPE_ONLY_ON_ROOT. */
  readonly where: 'all' | 'not-root' | 'root-only';
  /** A pressure file, hidden while cgroup.pressure is 0. */
  readonly psi?: boolean;
  show?(cg: Cgroup, tree: CgroupTree, io: FileIo): string;
  write?(cg: Cgroup, tree: CgroupTree, text: string, io: FileIo): void;
  /** Last close of a descriptor. */
  release?(cg: Cgroup, tree: CgroupTree, io: FileIo): void;
}

export function fileMode(f: CgroupFileType): number {
  return (f.show ? 0o444 : 0) | (f.write ? 0o200 : 0);
}

/** "key value" lines, each ending in a newline. */
export function keyValues(entries: Iterable<readonly [string, number | string | bigint]>): string {
  let out = '';
  for (const [k, v] of entries) out += `${k} ${v}\n`;
  return out;
}

// The core files every cgroup has (kernel/cgroup/cgroup.c cgroup_base_files, the PSI files and
// cpu.stat): membership, controller switches, limits on the tree's shape, freeze and kill.
// Formats measured on Linux 6.18's v2 tree: an empty list prints nothing at all (not an empty
// line), one value per line otherwise.

import { SysError } from '../../../abi/errno.ts';
import type { Cgroup } from '../cgroup.ts';
import type { CgroupTree } from '../cgroup-tree.ts';
import { type ControllerName, STAT_SUBSYSTEMS, inKernelOrder } from '../controllers.ts';
import { kstrtoint, maxOr, strstrip } from '../parse.ts';
import { CPU_FILES } from './cpu-files.ts';
import { type CgroupFileType, type FileIo, keyValues } from './file-type.ts';
import { MEMORY_FILES } from './memory-files.ts';
import { PIDS_FILES } from './pids-files.ts';

const CONTROLLER_FILES: Record<ControllerName, readonly CgroupFileType[]> = { cpu: CPU_FILES, memory: MEMORY_FILES, pids: PIDS_FILES };

/** cgroup_print_ss_mask(): names separated by spaces and a newline, or nothing at all. */
function ssMask(names: readonly string[]): string {
  return names.length > 0 ? `${names.join(' ')}\n` : '';
}

function pidList(cg: Cgroup, io: FileIo): string {
  let out = '';
  for (const pid of cg.procs) out += `${io.displayPid(pid)}\n`;
  return out;
}

/** cgroup.procs / cgroup.threads: one pid (base 0, surrounding blanks allowed) per write. */
function writePid(cg: Cgroup, text: string, io: FileIo, threads: boolean): void {
  const pid = kstrtoint(strstrip(text), 0);
  if (pid < 0) throw new SysError('EINVAL');
  io.movePid(pid, cg, threads);
}

/** cgroup.max.depth / cgroup.max.descendants: "max" or a non-negative int. */
function parseMaxInt(text: string): number {
  const buf = strstrip(text);
  if (buf === 'max') return Infinity;
  const v = kstrtoint(buf, 0);
  if (v < 0) throw new SysError('ERANGE');
  return v === 2147483647 ? Infinity : v;
}

/** A 0/1 switch that answers ERANGE for other numbers (cgroup.freeze, cgroup.pressure). */
function parseBool(text: string): boolean {
  const v = kstrtoint(strstrip(text), 0);
  if (v < 0 || v > 1) throw new SysError('ERANGE');
  return v === 1;
}

function cgroupStat(cg: Cgroup, tree: CgroupTree): string {
  const live = (ctrl: string): number => {
    if (ctrl === 'perf_event') return cg.nrDescendants + 1;
    const c = ctrl as ControllerName;
    if (!cg.css[c]) return 0;
    let n = 0;
    for (const d of cg.subtree()) if (d.css[c]) n++;
    return n;
  };
  const dying = (ctrl: string): number => (ctrl === 'perf_event' ? 0 : tree.nrDyingSubsys(cg, ctrl as ControllerName));
  return keyValues([
    ['nr_descendants', cg.nrDescendants],
    ...STAT_SUBSYSTEMS.map((s) => [`nr_subsys_${s}`, live(s)] as const),
    ['nr_dying_descendants', tree.nrDyingDescendants(cg)],
    ...STAT_SUBSYSTEMS.map((s) => [`nr_dying_subsys_${s}`, dying(s)] as const),
  ]);
}

function cpuStat(cg: Cgroup): string {
  const t = cg.cpuTimes;
  let out = keyValues([['usage_usec', t.usageUs], ['user_usec', t.userUs], ['system_usec', t.systemUs], ['nice_usec', t.niceUs]]);
  const c = cg.css.cpu;
  if (c) {
    out += keyValues([
      ['nr_periods', c.nrPeriods], ['nr_throttled', c.nrThrottled], ['throttled_usec', Math.round(c.throttledUs)],
      ['nr_bursts', c.nrBursts], ['burst_usec', Math.round(c.burstUsedUs)],
    ]);
  }
  return out;
}

const PRESSURE_ZERO = 'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n';

/** A PSI trigger ("some|full THRESHOLD_US WINDOW_US"), one per descriptor. Nothing ever fires. */
function pressureFile(name: string): CgroupFileType {
  return {
    name, controller: null, where: 'all', psi: true,
    show: () => PRESSURE_ZERO,
    write: (_cg, _tree, text, io) => {
      const m = /^(some|full) ([0-9]+) ([0-9]+)/.exec(strstrip(text));
      if (!m) throw new SysError('EINVAL');
      const threshold = Number(m[2]);
      const window = Number(m[3]);
      if (window < 500_000 || window > 10_000_000 || threshold === 0 || threshold > window) throw new SysError('EINVAL');
      if (io.pressureTrigger) throw new SysError('EBUSY');
      io.pressureTrigger = true;
    },
  };
}

export const CORE_FILES: readonly CgroupFileType[] = [
  {
    name: 'cgroup.type', controller: null, where: 'not-root',
    show: () => 'domain\n',
    // Threaded cgroups are not modelled; Linux also refuses "threaded" for a populated cgroup.
    write: (_cg, _tree, text) => {
      throw new SysError(strstrip(text) === 'threaded' ? 'EOPNOTSUPP' : 'EINVAL');
    },
  },
  {
    name: 'cgroup.procs', controller: null, where: 'all',
    show: (cg, _tree, io) => pidList(cg, io),
    write: (cg, _tree, text, io) => writePid(cg, text, io, false),
  },
  {
    name: 'cgroup.threads', controller: null, where: 'all',
    show: (cg, _tree, io) => pidList(cg, io),
    write: (cg, _tree, text, io) => writePid(cg, text, io, true),
  },
  { name: 'cgroup.controllers', controller: null, where: 'all', show: (cg) => ssMask(cg.controllers) },
  {
    name: 'cgroup.subtree_control', controller: null, where: 'all',
    show: (cg) => ssMask(inKernelOrder(cg.subtreeControl)),
    write: (cg, tree, text) => {
      const change = tree.planSubtreeControl(cg, strstrip(text).split(' '));
      // A child cgroup named like a file the controller is about to create blocks it.
      for (const ctrl of change.enable) {
        for (const child of cg.children.values()) {
          for (const f of CONTROLLER_FILES[ctrl]) if (child.children.has(f.name)) throw new SysError('EEXIST', f.name);
        }
      }
      tree.applySubtreeControl(cg, change);
    },
  },
  {
    name: 'cgroup.events', controller: null, where: 'not-root',
    show: (cg, tree) => keyValues([['populated', cg.populated ? 1 : 0], ['frozen', tree.isFrozen(cg) ? 1 : 0]]),
  },
  {
    name: 'cgroup.max.descendants', controller: null, where: 'all',
    show: (cg) => `${maxOr(cg.maxDescendants)}\n`,
    write: (cg, _tree, text) => void (cg.maxDescendants = parseMaxInt(text)),
  },
  {
    name: 'cgroup.max.depth', controller: null, where: 'all',
    show: (cg) => `${maxOr(cg.maxDepth)}\n`,
    write: (cg, _tree, text) => void (cg.maxDepth = parseMaxInt(text)),
  },
  { name: 'cgroup.stat', controller: null, where: 'all', show: cgroupStat },
  {
    name: 'cgroup.stat.local', controller: null, where: 'not-root',
    show: (cg, tree) => `frozen_usec ${tree.frozenUsec(cg)}\n`,
  },
  {
    name: 'cgroup.freeze', controller: null, where: 'not-root',
    show: (cg) => `${cg.freeze ? 1 : 0}\n`,
    write: (cg, tree, text) => tree.setFreeze(cg, parseBool(text)),
  },
  {
    name: 'cgroup.kill', controller: null, where: 'not-root',
    write: (cg, tree, text) => {
      if (kstrtoint(text, 0) !== 1) throw new SysError('ERANGE');
      tree.kill(cg);
    },
  },
  {
    name: 'cgroup.pressure', controller: null, where: 'all',
    show: (cg) => `${cg.psi ? 1 : 0}\n`,
    write: (cg, _tree, text) => void (cg.psi = parseBool(text)),
  },
  pressureFile('cpu.pressure'),
  pressureFile('io.pressure'),
  pressureFile('memory.pressure'),
  { name: 'cpu.stat', controller: null, where: 'all', show: (cg) => cpuStat(cg) },
  {
    name: 'cpu.stat.local', controller: null, where: 'all',
    show: (cg) => (cg.css.cpu ? `throttled_usec ${Math.round(cg.css.cpu.throttledSelfUs)}\n` : ''),
  },
];

export { CONTROLLER_FILES };

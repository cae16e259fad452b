// The simulator's /proc files against the real ones recorded on Linux 6.18 by record.py.
//
// What is compared, file by file (see shape.ts for how a recording becomes a template):
//   status (a sleep in a PID namespace, the same sleep from the host, its zombie, the
//     namespace's init): every key in the same order, "Key:<TAB>" separators, memory values in
//     8 columns + " kB", masks as 16 hex digits, NS* lines with as many columns (one inside,
//     two from the host); and exactly equal where the value describes the scenario rather than
//     the process (Pid, PPid, NS* numbers, Uid/Gid, Umask, Threads, FDSize, Kthread)
//   stat: "pid (comm) state" then the same number of integer fields; exactly equal in every
//     field that is not a time, an address, a memory size or a fault count
//   statm: seven integers (a zombie's all zero)
//   cmdline, environ, comm, cgroup, uid_map, gid_map, setgroups: byte for byte
//   mountinfo, mounts: per line, every field's shape, the literal options and paths of the
//     mounts the scenario made under /REC, and the tree (parent ids, shared device numbers)
//   meminfo, net/dev: keys and column widths; uptime, loadavg, stat, version, cpuinfo,
//     limits, filesystems: their own line grammar, checked against the recording first

import { beforeAll, describe, expect, it } from 'vitest';
import { keptDifferences } from './kept-differences.ts';
import { expectShape, recordedTemplate, recording } from './shape.ts';
import { type Simulated, simulate } from './simulate.ts';

let sim: Simulated;
beforeAll(async () => {
  sim = await simulate();
}, 30_000);

const kept = keptDifferences();
const keptLines = (file: string): Set<number> => kept.lines.get(file) ?? new Set();

const STATUS_VALUES = {
  Name: '\\S.{0,14}',
  State: '[RSDTtZXI] \\((?:running|sleeping|disk sleep|stopped|tracing stop|zombie|dead|idle)\\)',
};

function statusFields(text: string): Map<string, string> {
  return new Map(text.trimEnd().split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
}

describe('/proc/PID/status', () => {
  const cases: Array<[string, string[]]> = [
    ['pidns-sleep-status.txt', ['Umask', 'State', 'Tgid', 'Ngid', 'Pid', 'PPid', 'Uid', 'Gid', 'FDSize', 'Groups', 'NStgid', 'NSpid', 'NSpgid', 'NSsid', 'Kthread', 'Threads']],
    ['host-view-sleep-status.txt', ['Umask', 'State', 'Uid', 'Gid', 'FDSize', 'Groups', 'Kthread', 'Threads']],
    ['pidns-zombie-status.txt', ['State', 'Tgid', 'Pid', 'PPid', 'FDSize', 'NSpid', 'NSpgid', 'NSsid', 'Threads']],
    ['pidns-init-status.txt', ['State', 'Tgid', 'Pid', 'PPid', 'NSpid', 'NSpgid', 'NSsid']],
  ];
  for (const [file, exact] of cases) {
    it(`${file}: same keys, order, separators and value shapes`, () => {
      expectShape(sim.files[file]!, recordedTemplate(file, { values: STATUS_VALUES }), file);
    });
    it(`${file}: the same values where they describe the scenario`, () => {
      const real = statusFields(recording(file));
      const ours = statusFields(sim.files[file]!);
      for (const key of exact) expect(ours.get(key), `${file} ${key}`).toBe(real.get(key));
    });
  }

  it('from the host, NSpid ends with the number inside', () => {
    const ours = statusFields(sim.files['host-view-sleep-status.txt']!);
    expect(ours.get('NSpid')).toMatch(/^\d+\t2$/);
    expect(ours.get('NSpgid')).toMatch(/^\d+\t0$/);
  });
});

/** Fields (1-based) of /proc/PID/stat that are times, addresses, sizes or fault counts. */
const STAT_VOLATILE = new Set([2, 10, 11, 12, 13, 14, 15, 16, 17, 22, 23, 24, 26, 27, 28, 39, 45, 46, 47, 48, 49, 50, 51]);
/** Fields that are numbers of processes, equal only when read inside the namespace. */
const STAT_NUMBERS = new Set([1, 4, 5, 6]);

function statFields(text: string): string[] {
  const close = text.lastIndexOf(')');
  return [text.slice(0, text.indexOf(' (')), text.slice(text.indexOf(' (') + 1, close + 1), ...text.slice(close + 2).trimEnd().split(' ')];
}

describe('/proc/PID/stat', () => {
  const cases: Array<[string, boolean]> = [
    ['pidns-sleep-stat.txt', true], ['host-view-sleep-stat.txt', false], ['pidns-zombie-stat.txt', true], ['pidns-init-stat.txt', true],
  ];
  for (const [file, inside] of cases) {
    it(`${file}: pid (comm) state and as many integer fields`, () => {
      const real = statFields(recording(file));
      const line = `\\d+ \\(.{1,16}\\) [RSDTtZXI](?: -?\\d+){${real.length - 3}}`;
      expectShape(sim.files[file]!, recordedTemplate(file, { lines: { 0: line } }), file);
    });
    it(`${file}: the same values in every field that is not a time, address or size`, () => {
      const real = statFields(recording(file));
      const ours = statFields(sim.files[file]!);
      const differ = real.flatMap((v, i) => {
        const n = i + 1;
        if (STAT_VOLATILE.has(n) || (!inside && STAT_NUMBERS.has(n))) return [];
        // The recorded init is Python, which has caught and ignored signals of its own.
        if (file === 'pidns-init-stat.txt' && n >= 9 && n <= 41) return [];
        return v === ours[i] ? [] : [`field ${n}: real ${v}, ours ${ours[i]}`];
      });
      expect(differ).toEqual([]);
    });
  }
});

describe('/proc/PID/statm', () => {
  it('seven page counts; all zero for a zombie', () => {
    expectShape(sim.files['pidns-sleep-statm.txt']!, recordedTemplate('pidns-sleep-statm.txt'), 'statm');
    expect(sim.files['pidns-zombie-statm.txt']).toBe(recording('pidns-zombie-statm.txt'));
  });
});

describe('files equal byte for byte', () => {
  const files = [
    'pidns-sleep-cmdline.txt', 'pidns-sleep-environ.txt', 'pidns-sleep-comm.txt', 'pidns-sleep-cgroup.txt',
    'pidns-sleep-uid_map.txt', 'pidns-sleep-gid_map.txt', 'pidns-sleep-setgroups.txt',
    'host-self-idmaps.txt', 'userns-root-idmaps.txt', 'userns-unmapped-idmaps.txt', 'net-dev-new-netns.txt',
  ];
  for (const file of files) {
    it(file, () => {
      expect(sim.files[file]).toBe(recording(file));
    });
  }
});

/** What record.py keeps of a mount table: the root line and the mounts it made under /REC. */
function ours(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.includes(' /REC') || l.split(' ')[l.includes(' - ') ? 4 : 1] === '/')
    .map((l) => `${l}\n`)
    .join('');
}

interface MountRow {
  id: string;
  parent: string;
  dev: string;
}

function mountTree(text: string): Array<[number, string]> {
  const rows: MountRow[] = text.trimEnd().split('\n').map((l) => {
    const [id, parent, dev] = l.split(' ');
    return { id: id!, parent: parent!, dev: dev! };
  });
  // Each mount's parent as a row index (-1: not shown), and which earlier row shares its device.
  return rows.map((r) => [rows.findIndex((p) => p.id === r.parent), String(rows.findIndex((p) => p.dev === r.dev))]);
}

describe('mountinfo and mounts', () => {
  const rootInfo = '\\d+ \\d+ \\d+:\\d+ / / rw,relatime - \\S+ \\S+ rw(?:,\\S+)?';
  for (const file of ['unshare-mountinfo.txt', 'unshare-mountinfo-via-p.txt']) {
    it(`${file}: every field of every mount, in mount order`, () => {
      expectShape(ours(sim.files[file]!), recordedTemplate(file, { lines: { 0: rootInfo } }), file, keptLines(file));
    });
    it(`${file}: the same tree (parents, bind mount sharing its source's device)`, () => {
      expect(mountTree(ours(sim.files[file]!))).toEqual(mountTree(recording(file)));
    });
  }

  it('unshare-mounts.txt: source, point, type, options, "0 0"', () => {
    const file = 'unshare-mounts.txt';
    expectShape(ours(sim.files[file]!), recordedTemplate(file, { lines: { 0: '\\S+ / \\S+ rw,relatime(?:,\\S+)? 0 0' } }), file, keptLines(file));
  });

  it('unshare-chroot-mountinfo.txt: a chrooted reader sees only what lies below its root', () => {
    const file = 'unshare-chroot-mountinfo.txt';
    expectShape(sim.files[file]!, recordedTemplate(file), file);
    expect(mountTree(sim.files[file]!)).toEqual(mountTree(recording(file)));
  });
});

describe('machine-wide files', () => {
  it('meminfo: the same keys in the same order, label and value columns', () => {
    expectShape(sim.files['meminfo.txt']!, recordedTemplate('meminfo.txt'), 'meminfo');
  });

  it('uptime: two seconds counts with two decimals', () => {
    expectShape(sim.files['uptime.txt']!, recordedTemplate('uptime.txt', { lines: { 0: '\\d+\\.\\d{2} \\d+\\.\\d{2}' } }), 'uptime');
  });

  it('loadavg: three averages, running/total, last pid', () => {
    const line = '\\d+\\.\\d{2} \\d+\\.\\d{2} \\d+\\.\\d{2} \\d+/\\d+ \\d+';
    expectShape(sim.files['loadavg.txt']!, recordedTemplate('loadavg.txt', { lines: { 0: line } }), 'loadavg');
  });

  it('stat: cpu lines for two CPUs, then the counters in order', () => {
    const rec = recording('stat.txt').trimEnd().split('\n');
    const intr = rec.findIndex((l) => l.startsWith('intr '));
    // The aggregate line pads "cpu" to the width of "cpuN"; the interrupt list is as long as the machine has lines.
    const tpl = recordedTemplate('stat.txt', { lines: { 0: 'cpu  \\d+(?: \\d+){9}', [intr]: 'intr \\d+(?: \\d+)*' } });
    expectShape(sim.files['stat.txt']!, tpl, 'stat');
  });

  it('version: "Linux version RELEASE (USER@HOST) (TOOLCHAIN) #N SMP ..."', () => {
    const line = 'Linux version \\S+ \\(\\S+@\\S+\\) \\(.+\\) #\\d+ SMP PREEMPT_DYNAMIC .+';
    expectShape(sim.files['version.txt']!, recordedTemplate('version.txt', { lines: { 0: line } }), 'version');
  });

  it('filesystems: "nodev<TAB>name" lines, types Linux has, in its order', () => {
    const real = recording('filesystems.txt').trimEnd().split('\n');
    const ourLines = sim.files['filesystems.txt']!.trimEnd().split('\n');
    for (const l of ourLines) expect(real, l).toContain(l);
    const order = ourLines.map((l) => real.indexOf(l));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('cpuinfo: the same keys with the same tab padding, per processor, two processors', () => {
    const keyOf = (l: string): string => (l.includes(':') ? l.slice(0, l.indexOf(':') + 1) : l);
    expect(sim.files['cpuinfo.txt']!.split('\n').map(keyOf)).toEqual(recording('cpuinfo.txt').split('\n').map(keyOf));
  });

  it('limits: names in 25 columns, soft and hard limits in 20, units in 10', () => {
    const real = recording('pidns-sleep-limits.txt').split('\n');
    const mine = sim.files['pidns-sleep-limits.txt']!.split('\n');
    expect(mine.length).toBe(real.length);
    expect(mine[0]).toBe(real[0]);
    for (let i = 1; i < real.length - 1; i++) {
      const [r, o] = [real[i]!, mine[i]!];
      expect(o.slice(0, 26), `limits line ${i}`).toBe(r.slice(0, 26));
      for (const [from, to] of [[26, 46], [47, 67]]) {
        expect(r.slice(from!, to!)).toMatch(/^(?:unlimited|\d+) *$/);
        expect(o.slice(from!, to!), `limits line ${i}`).toMatch(/^(?:unlimited|\d+) *$/);
        expect(o[to!]).toBe(' ');
      }
      expect(o.slice(68), `limits line ${i}`).toBe(r.slice(68));
    }
  });
});

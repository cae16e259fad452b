// The machine-wide files at the top of /proc: meminfo, uptime, loadavg, stat, version,
// filesystems, cpuinfo. Layouts are those recorded on Linux 6.18 (test/conformance/procfs/
// recordings); values come from the kernel (its clock, boot time and tasks) where it has them,
// and are fixed, plausible figures for a 2-CPU, 4 GiB machine where it does not.

import type { Kernel } from '../../kernel.ts';
import type { PidNamespace } from '../../ns/pid-namespace.ts';
import type { Task } from '../../task/task.ts';
import { centis, leftAlign, rightAlign, ticks } from './format.ts';
import { formatLoad, loadAverages } from './load-average.ts';
import { KERNEL_RELEASE, KERNEL_VERSION, MEM_TOTAL_KB, NR_CPUS } from './machine.ts';
import { memoryOf } from './task-memory.ts';

function liveTasks(kernel: Kernel): Task[] {
  return [...kernel.tasks.values()].filter((t) => t.state !== 'Z' && t.state !== 'X');
}

function uptimeNs(kernel: Kernel): bigint {
  const up = kernel.clock.nowNs() - kernel.bootNs;
  return up > 0n ? up : 0n;
}

/** CPU time the tasks have used, in ticks. */
function busyTicks(kernel: Kernel): { user: number; system: number } {
  let user = 0;
  let system = 0;
  for (const t of kernel.tasks.values()) {
    user += ticks(t.utimeNs);
    system += ticks(t.stimeNs);
  }
  return { user, system };
}

// ---- meminfo ----------------------------------------------------------------------------------

/** What the kernel itself and the page cache hold on an idle machine of this size, in kB. */
const BASE = { buffers: 7108, cached: 182400, shmem: 8788, slabReclaimable: 31572, slabUnreclaimable: 26436, vmallocUsed: 14396, percpu: 688 };

export function meminfoText(kernel: Kernel): string {
  let anon = 0;
  let mapped = 0;
  let pageTables = 0;
  let committed = 0;
  const tasks = liveTasks(kernel);
  for (const t of tasks) {
    const m = memoryOf(t);
    anon += m.rssAnon;
    mapped += m.rssFile;
    pageTables += m.vmPTE;
    committed += m.vmData + m.vmStk;
  }
  // Shared libraries are mapped once, whatever the number of processes.
  mapped = Math.min(mapped, 16164 + 4 * tasks.length);
  const kernelStack = 16 * Math.max(1, tasks.length) + 1200;
  const slab = BASE.slabReclaimable + BASE.slabUnreclaimable;
  const used = anon + BASE.buffers + BASE.cached + slab + kernelStack + pageTables + BASE.vmallocUsed + BASE.percpu;
  const free = Math.max(0, MEM_TOTAL_KB - used);
  const available = Math.min(MEM_TOTAL_KB, free + Math.floor(BASE.cached * 0.9) + BASE.slabReclaimable);
  const activeFile = Math.floor(BASE.cached * 0.8);
  const inactiveFile = BASE.cached - activeFile;
  const activeAnon = Math.floor(anon / 10);
  const inactiveAnon = anon - activeAnon + BASE.shmem;
  const rows: Array<[string, number, boolean?]> = [
    ['MemTotal', MEM_TOTAL_KB], ['MemFree', free], ['MemAvailable', available], ['Buffers', BASE.buffers],
    ['Cached', BASE.cached], ['SwapCached', 0], ['Active', activeAnon + activeFile], ['Inactive', inactiveAnon + inactiveFile],
    ['Active(anon)', activeAnon], ['Inactive(anon)', inactiveAnon], ['Active(file)', activeFile], ['Inactive(file)', inactiveFile],
    ['Unevictable', 0], ['Mlocked', 0], ['SwapTotal', 0], ['SwapFree', 0], ['Zswap', 0], ['Zswapped', 0],
    ['Dirty', 0], ['Writeback', 0], ['AnonPages', anon], ['Mapped', mapped], ['Shmem', BASE.shmem],
    ['KReclaimable', BASE.slabReclaimable], ['Slab', slab], ['SReclaimable', BASE.slabReclaimable],
    ['SUnreclaim', BASE.slabUnreclaimable], ['KernelStack', kernelStack], ['PageTables', pageTables],
    ['SecPageTables', 0], ['NFS_Unstable', 0], ['Bounce', 0], ['WritebackTmp', 0],
    ['CommitLimit', Math.floor(MEM_TOTAL_KB / 2)], ['Committed_AS', committed + 41000], ['VmallocTotal', 34359738367],
    ['VmallocUsed', BASE.vmallocUsed], ['VmallocChunk', 0], ['Percpu', BASE.percpu], ['AnonHugePages', 0],
    ['ShmemHugePages', 0], ['ShmemPmdMapped', 0], ['FileHugePages', 0], ['FilePmdMapped', 0], ['Balloon', 0],
    ['HugePages_Total', 0, false], ['HugePages_Free', 0, false], ['HugePages_Rsvd', 0, false], ['HugePages_Surp', 0, false],
    ['Hugepagesize', 2048], ['Hugetlb', 0], ['DirectMap4k', 28672], ['DirectMap2M', 2068480], ['DirectMap1G', 2097152],
  ];
  // The label and its colon fill 16 columns, the value 8 more (show_val_kb).
  return rows.map(([k, v, unit]) => `${leftAlign(`${k}:`, 16)}${rightAlign(v, 8)}${unit === false ? '' : ' kB'}\n`).join('');
}

// ---- uptime, loadavg, stat --------------------------------------------------------------------

export function uptimeText(kernel: Kernel): string {
  const up = ticks(uptimeNs(kernel));
  const busy = busyTicks(kernel);
  const idle = Math.max(0, NR_CPUS * up - busy.user - busy.system);
  return `${centis(up)} ${centis(idle)}\n`;
}

/** The highest number handed out in a PID namespace that is still in use (Linux shows the last allocated). */
function lastPid(ns: PidNamespace<Task>): number {
  let top = 0;
  for (const [nr] of ns.tasks()) top = Math.max(top, nr);
  return top;
}

export function loadavgText(kernel: Kernel, ns: PidNamespace<Task>): string {
  const [a, b, c] = loadAverages(kernel).map(formatLoad);
  let running = 0;
  for (const t of kernel.tasks.values()) if (t.state === 'R') running++;
  return `${a} ${b} ${c} ${running}/${kernel.tasks.size} ${lastPid(ns)}\n`;
}

export function statText(kernel: Kernel): string {
  const up = ticks(uptimeNs(kernel));
  const perCpu = Array.from({ length: NR_CPUS }, () => ({ user: 0, system: 0 }));
  for (const t of kernel.tasks.values()) {
    const c = perCpu[t.pid % NR_CPUS]!;
    c.user += ticks(t.utimeNs);
    c.system += ticks(t.stimeNs);
  }
  const line = (name: string, user: number, system: number, idle: number): string =>
    `${name} ${user} 0 ${system} ${Math.max(0, idle)} 0 0 0 0 0 0\n`;
  const totalUser = perCpu.reduce((s, c) => s + c.user, 0);
  const totalSystem = perCpu.reduce((s, c) => s + c.system, 0);
  // The aggregate line's name is padded to the width of "cpuN" (recorded: "cpu  59622 ...").
  let out = line('cpu ', totalUser, totalSystem, NR_CPUS * up - totalUser - totalSystem);
  perCpu.forEach((c, i) => (out += line(`cpu${i}`, c.user, c.system, up - c.user - c.system)));
  const procsRunning = [...kernel.tasks.values()].filter((t) => t.state === 'R').length;
  const forks = Math.max(0, ...kernel.tasks.keys());
  out += `intr 0${' 0'.repeat(64)}\n`;
  out += `ctxt ${forks * 4}\n`;
  out += `btime ${Number(kernel.bootNs / 1_000_000_000n)}\n`;
  out += `processes ${forks}\n`;
  out += `procs_running ${procsRunning}\n`;
  out += 'procs_blocked 0\n';
  out += `softirq 0${' 0'.repeat(10)}\n`;
  return out;
}

// ---- version, filesystems, cpuinfo --------------------------------------------------------------

export function versionText(): string {
  return `Linux version ${KERNEL_RELEASE} (cowbox@cowbox) (TypeScript 7.0.2, no linker) ${KERNEL_VERSION} @0\n`;
}

/** Filesystem types in the order Linux registers them; `nodev` marks those needing no device. */
const FILESYSTEMS: Array<[string, boolean]> = [
  ['sysfs', true], ['tmpfs', true], ['proc', true], ['cgroup2', true], ['devtmpfs', true], ['pipefs', true],
  ['devpts', true], ['ext4', false], ['overlay', true], ['mqueue', true],
];

/** `registered` says which types this kernel has; pipefs is internal and always present. */
export function filesystemsText(registered: (name: string) => boolean): string {
  return FILESYSTEMS.filter(([name]) => name === 'pipefs' || registered(name))
    .map(([name, nodev]) => `${nodev ? 'nodev' : ''}\t${name}\n`)
    .join('');
}

const CPU_FLAGS = 'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx '
  + 'mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid extd_apicid tsc_known_freq pni '
  + 'pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor '
  + 'lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw topoext vmmcall fsgsbase tsc_adjust bmi1 avx2 smep '
  + 'bmi2 erms invpcid rdseed adx smap clflushopt clwb sha_ni xsaveopt xsavec xgetbv1 xsaves clzero xsaveerptr arat umip rdpid';

export function cpuinfoText(): string {
  let out = '';
  for (let cpu = 0; cpu < NR_CPUS; cpu++) {
    // The keys carry their own tab padding, exactly as arch/x86/kernel/cpu/proc.c prints them.
    out += [
      `processor\t: ${cpu}`, 'vendor_id\t: AuthenticAMD', 'cpu family\t: 25', 'model\t\t: 17',
      'model name\t: AMD EPYC (cowbox virtual CPU)', 'stepping\t: 1', 'microcode\t: 0x1000065', 'cpu MHz\t\t: 2596.142',
      'cache size\t: 1024 KB', 'physical id\t: 0', `siblings\t: ${NR_CPUS}`, `core id\t\t: ${cpu}`, `cpu cores\t: ${NR_CPUS}`,
      `apicid\t\t: ${cpu}`, `initial apicid\t: ${cpu}`, 'fpu\t\t: yes', 'fpu_exception\t: yes', 'cpuid level\t: 28',
      'wp\t\t: yes', `flags\t\t: ${CPU_FLAGS}`, 'bugs\t\t: sysret_ss_attrs null_seg spectre_v1 spectre_v2 spec_store_bypass srso',
      'bogomips\t: 5192.28', 'TLB size\t: 3584 4K pages', 'clflush size\t: 64', 'cache_alignment\t: 64',
      'address sizes\t: 48 bits physical, 48 bits virtual', 'power management:', '', '',
    ].join('\n');
  }
  return out;
}

// docker info (system info): counts of containers by state and of images, and the engine's
// setup as cowbox has it: overlay2 on the data root's filesystem, json-file logs, the systemd
// cgroup driver (containers live in system.slice/docker-<id>.scope) on cgroup v2, and the
// kernel, CPUs, memory and host name the simulated machine reports.

import { readTextIfReadable } from '../../../runtime/sys-files.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerCommand } from '../command.ts';
import { type CliExit, type ParsedFlags, parseCommand } from '../format/cli.ts';
import { FormatError, parseTemplate } from '../format/formatter.ts';
import { specFor } from '../format/specs.ts';
import { finish, imageViews, listContainerRecords } from '../format/state.ts';
import { TemplateError } from '../format/template.ts';
import { bytesSize } from '../format/units.ts';

export interface InfoData {
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Driver: string;
  DriverStatus: [string, string][];
  LoggingDriver: string;
  CgroupDriver: string;
  CgroupVersion: string;
  KernelVersion: string;
  OperatingSystem: string;
  OSType: string;
  Architecture: string;
  NCPU: number;
  MemTotal: number;
  Name: string;
  DockerRootDir: string;
  ServerVersion: string;
}

export function renderInfo(info: InfoData, flags: ParsedFlags): CliExit {
  const format = flags.str('format');
  if (format) {
    try {
      const text = format === 'json' ? '{{json .}}' : format;
      return { stdout: `${parseTemplate(text, 'template parsing error: ').execute(info)}\n`, status: 0 };
    } catch (e) {
      if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
      if (e instanceof TemplateError) return { stderr: `template: ${e.message}\n`, status: 1 };
      throw e;
    }
  }
  const lines = [
    'Client:',
    ' Version:    28.2.2',
    ' Context:    default',
    ' Debug Mode: false',
    '',
    'Server:',
    ` Containers: ${info.Containers}`,
    `  Running: ${info.ContainersRunning}`,
    `  Paused: ${info.ContainersPaused}`,
    `  Stopped: ${info.ContainersStopped}`,
    ` Images: ${info.Images}`,
    ` Server Version: ${info.ServerVersion}`,
    ` Storage Driver: ${info.Driver}`,
    ...info.DriverStatus.map(([k, v]) => `  ${k}: ${v}`),
    ` Logging Driver: ${info.LoggingDriver}`,
    ` Cgroup Driver: ${info.CgroupDriver}`,
    ` Cgroup Version: ${info.CgroupVersion}`,
    ' Plugins:',
    '  Volume: local',
    '  Network: none',
    '  Log: json-file',
    ' Swarm: inactive',
    ' Runtimes: runc',
    ' Default Runtime: runc',
    ' Init Binary: docker-init',
    ' containerd version: ',
    ' runc version: ',
    ' init version: ',
    ' Security Options:',
    '  seccomp',
    '   Profile: builtin',
    '  cgroupns',
    ` Kernel Version: ${info.KernelVersion}`,
    ` Operating System: ${info.OperatingSystem}`,
    ` OSType: ${info.OSType}`,
    ` Architecture: ${info.Architecture}`,
    ` CPUs: ${info.NCPU}`,
    ` Total Memory: ${bytesSize(info.MemTotal)}`,
    ` Name: ${info.Name}`,
    ` Docker Root Dir: ${info.DockerRootDir}`,
    ' Debug Mode: false',
    ' Experimental: false',
    ' Insecure Registries:',
    '  ::1/128',
    '  127.0.0.0/8',
    ' Live Restore Enabled: false',
  ];
  return { stdout: `${lines.join('\n')}\n\n`, status: 0 };
}

/** A /proc or cgroup file's text; empty when it cannot be read (the cgroup may be gone). */
async function readText(sys: Sys, path: string): Promise<string> {
  return (await readTextIfReadable(sys, path)) ?? '';
}

const FS_NAMES: Record<number, string> = { 0xef53: 'extfs', 0x01021994: 'tmpfs', 0x9123683e: 'btrfs', 0x58465342: 'xfs', 0x794c7630: 'overlayfs' };

const info: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'info'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const recs = await listContainerRecords(ctx.sys, ctx.root);
  const images = await imageViews(ctx.sys, ctx.root);
  const u = await ctx.sys.uname();
  const stat = await readText(ctx.sys, '/proc/stat');
  const mem = Number(/^MemTotal:\s+(\d+) kB$/m.exec(await readText(ctx.sys, '/proc/meminfo'))?.[1] ?? 0) * 1024;
  let backing = '<unknown>';
  try {
    backing = FS_NAMES[(await ctx.sys.statfs(ctx.root)).type] ?? '<unknown>';
  } catch {
    // no data root yet
  }
  const running = recs.filter((r) => r.State.Running && !r.State.Paused).length;
  const paused = recs.filter((r) => r.State.Paused).length;
  const data: InfoData = {
    Containers: recs.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: recs.length - running - paused,
    Images: images.length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', backing],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    KernelVersion: u.release,
    OperatingSystem: 'cowbox',
    OSType: 'linux',
    Architecture: u.machine,
    NCPU: (stat.match(/^cpu\d+ /gm) ?? []).length || 1,
    MemTotal: mem,
    Name: u.nodename,
    DockerRootDir: ctx.root,
    ServerVersion: '28.2.2',
  };
  return finish(ctx.sys, renderInfo(data, flags));
};

export default info;

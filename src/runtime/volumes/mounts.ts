// The engine's side of a container's mounts, as moby's daemon does it at create time: parse each
// HostConfig.Binds entry (its Linux parser: SRC:DST[:MODE], an absolute SRC is a bind, else a
// volume name), check each HostConfig.Mounts entry, add VolumesFrom's and the anonymous volumes
// of Config.Volumes (the -v /path ones and the image's VOLUMEs) where nothing is mounted yet,
// creating named volumes on first use. The result is the record's Mounts (what inspect prints).
// At start, taskMounts turns those into what rootfs.ts mounts. Error words are moby's.

import type { Sys } from '../../sys/sys.ts';
import type { ContainerRecord, MountPoint } from '../containers/container-record.ts';
import { DaemonError } from '../containers/errors.ts';
import { lstatOrNull, mkdirAll } from '../sys-files.ts';
import { ANONYMOUS_LABEL, VolumeStore } from './volume-store.ts';

/** One HostConfig.Mounts entry, as the API has it (mount.Mount). */
export interface ApiMount {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  BindOptions?: { Propagation?: string };
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string>; DriverConfig?: { Name?: string; Options?: Record<string, string> } };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

const PROPAGATION = ['private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave'];
const MODES = ['ro', 'rw', 'z', 'Z', 'nocopy', ...PROPAGATION];

const invalidSpec = (raw: string): string => `invalid volume specification: '${raw}'`;
const mountConfig = (type: string, why: string): DaemonError => new DaemonError(`invalid mount config for type "${type}": ${why}`, 'invalid');
const notAbsolute = (p: string): string => `invalid mount path: '${p}' mount path must be absolute`;

/** A mode of -v is a comma list of these (moby's linuxValidMountMode, loosely: one label, one propagation). */
function validMode(mode: string): boolean {
  if (mode === '') return true;
  const parts = mode.split(',');
  return parts.every((p) => MODES.includes(p)) && parts.filter((p) => p === 'ro' || p === 'rw').length <= 1;
}

/** Parse one Binds entry as moby's Linux parser (ParseMountRaw), or throw its words. */
export function parseBind(raw: string): MountPoint & { NoCopy: boolean } {
  const arr = raw.split(':');
  if (arr.length > 3 || arr.some((a) => a === '')) throw new DaemonError(invalidSpec(raw), 'invalid');
  let source = '';
  let target: string;
  let mode = '';
  if (arr.length === 1) target = arr[0]!;
  else {
    if (arr.length === 2 && validMode(arr[1]!)) throw new DaemonError(invalidSpec(raw), 'invalid');
    source = arr[0]!;
    target = arr[1]!;
    mode = arr[2] ?? '';
  }
  if (!validMode(mode)) throw new DaemonError(`invalid mode: ${mode}`, 'invalid');
  const type = source.startsWith('/') ? 'bind' : 'volume';
  if (!target.startsWith('/')) throw new DaemonError(`${invalidSpec(raw)}: invalid mount config for type "${type}": ${notAbsolute(target)}`, 'invalid');
  const opts = mode.split(',');
  const propagation = opts.find((o) => PROPAGATION.includes(o));
  return {
    Type: type,
    ...(type === 'volume' ? { Name: source } : {}),
    Source: source,
    Destination: clean(target),
    Mode: mode,
    RW: !opts.includes('ro'),
    Propagation: type === 'bind' ? (propagation ?? 'rprivate') : '',
    NoCopy: opts.includes('nocopy'),
  };
}

/** filepath.Clean for the absolute paths here. */
function clean(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** Check one HostConfig.Mounts entry as moby's ValidateMountConfig. */
async function checkMount(sys: Sys, m: ApiMount): Promise<void> {
  if (!m.Target || !m.Target.startsWith('/')) throw mountConfig(m.Type, m.Target ? notAbsolute(m.Target) : 'field Target must not be empty');
  switch (m.Type) {
    case 'bind':
      if (!m.Source) throw mountConfig('bind', 'field Source must not be empty');
      if (!m.Source.startsWith('/')) throw mountConfig('bind', notAbsolute(m.Source));
      if (!(await lstatOrNull(sys, m.Source))) throw mountConfig('bind', `bind source path does not exist: ${m.Source}`);
      return;
    case 'volume':
      return;
    case 'tmpfs':
      if (m.Source) throw mountConfig('tmpfs', 'field Source must be empty');
      return;
    default:
      throw mountConfig(m.Type, 'mount type unknown');
  }
}

export interface MountRequest {
  binds: string[];
  mounts: ApiMount[];
  /** Config.Volumes' keys: the -v /path ones, then the image's VOLUMEs. */
  anonymous: string[];
  /** Records of --volumes-from containers, with ":ro"/":rw" if given. */
  volumesFrom: Array<{ rec: ContainerRecord; mode: string }>;
}

/** Resolve every mount of a new container; named volumes are created on first use. */
export async function resolveMounts(sys: Sys, root: string, req: MountRequest): Promise<MountPoint[]> {
  const volumes = new VolumeStore(sys, root);
  const out: MountPoint[] = [];
  const taken = (dst: string): boolean => out.some((m) => m.Destination === dst);
  const add = (m: MountPoint): void => {
    if (taken(m.Destination)) throw new DaemonError(`Duplicate mount point: ${m.Destination}`, 'invalid');
    out.push(m);
  };
  const parsed = req.binds.map(parseBind);
  for (const m of req.mounts) await checkMount(sys, m);
  for (const { rec, mode } of req.volumesFrom) {
    for (const m of rec.Mounts) {
      if (taken(m.Destination)) continue;
      const rw = mode === '' ? m.RW : mode !== 'ro';
      out.push({ ...m, RW: rw, Mode: mode || m.Mode });
    }
  }
  for (const b of parsed) {
    const { NoCopy: _n, ...m } = b;
    if (m.Type === 'volume') {
      const v = await volumes.create({ name: m.Name });
      // a named volume of the local driver gets the SELinux shared label when no mode was given
      add({ Type: 'volume', Name: v.Name, Source: v.Mountpoint, Destination: m.Destination, Driver: v.Driver, Mode: m.Mode || 'z', RW: m.RW, Propagation: '' });
    } else {
      // -v makes a missing host directory, as Docker does for Binds (not for --mount)
      if (!(await lstatOrNull(sys, m.Source))) await mkdirAll(sys, m.Source);
      add(m);
    }
  }
  for (const m of req.mounts) {
    const dst = clean(m.Target);
    if (m.Type === 'bind') {
      add({ Type: 'bind', Source: m.Source!, Destination: dst, Mode: '', RW: !m.ReadOnly, Propagation: m.BindOptions?.Propagation ?? 'rprivate' });
    } else if (m.Type === 'volume') {
      const labels = m.Source ? (m.VolumeOptions?.Labels ?? null) : { ...(m.VolumeOptions?.Labels ?? {}), [ANONYMOUS_LABEL]: '' };
      const v = await volumes.create({ name: m.Source, labels, options: m.VolumeOptions?.DriverConfig?.Options ?? null });
      add({ Type: 'volume', Name: v.Name, Source: v.Mountpoint, Destination: dst, Driver: v.Driver, Mode: 'z', RW: !m.ReadOnly, Propagation: '' });
    } else {
      add({ Type: 'tmpfs', Source: '', Destination: dst, Mode: '', RW: !m.ReadOnly, Propagation: '' });
    }
  }
  for (const spec of req.anonymous) {
    if (!spec.startsWith('/') || spec.includes(':')) {
      // the client sends a spec it could not split (v:rel, C:/x) as an anonymous volume's path
      parseBind(spec);
      throw new DaemonError(`${invalidSpec(spec)}: invalid mount config for type "volume": ${notAbsolute(spec)}`, 'invalid');
    }
    const dst = clean(spec);
    if (taken(dst)) continue;
    const v = await volumes.create({ labels: { [ANONYMOUS_LABEL]: '' } });
    out.push({ Type: 'volume', Name: v.Name, Source: v.Mountpoint, Destination: dst, Driver: v.Driver, Mode: '', RW: true, Propagation: '' });
  }
  return out;
}

/** What the container's mount namespace gets for one mount point (see rootfs.ts). */
export interface TaskMount {
  kind: 'bind' | 'tmpfs';
  source: string;
  target: string;
  readOnly: boolean;
  /** Fill an empty volume from the image's files at the target first (not for nocopy). */
  copyUp: boolean;
  /** tmpfs options (a volume made with -o type=tmpfs). */
  options?: string;
}

/** The mounts to make when the container starts, from its record. */
export async function taskMounts(sys: Sys, root: string, rec: ContainerRecord): Promise<TaskMount[]> {
  const volumes = new VolumeStore(sys, root);
  const apiMounts = (rec.HostConfig.Mounts ?? []) as ApiMount[];
  const out: TaskMount[] = [];
  for (const m of rec.Mounts) {
    if (m.Type === 'tmpfs') {
      out.push({ kind: 'tmpfs', source: 'tmpfs', target: m.Destination, readOnly: !m.RW, copyUp: false, options: 'nosuid,nodev,noexec' });
      continue;
    }
    if (m.Type !== 'volume' || !m.Name) {
      out.push({ kind: 'bind', source: m.Source, target: m.Destination, readOnly: !m.RW, copyUp: false });
      continue;
    }
    const nocopy = m.Mode.split(',').includes('nocopy') || apiMounts.some((a) => clean(a.Target) === m.Destination && a.VolumeOptions?.NoCopy);
    const v = await volumes.get(m.Name);
    const opts = v?.Options ?? {};
    if (opts.type === 'tmpfs') {
      out.push({ kind: 'tmpfs', source: opts.device || 'tmpfs', target: m.Destination, readOnly: !m.RW, copyUp: !nocopy, options: opts.o ?? '' });
    } else if (opts.type === 'none' && (opts.o ?? '').split(',').includes('bind') && opts.device) {
      out.push({ kind: 'bind', source: opts.device, target: m.Destination, readOnly: !m.RW, copyUp: !nocopy });
    } else {
      out.push({ kind: 'bind', source: volumes.dataOf(m.Name), target: m.Destination, readOnly: !m.RW, copyUp: !nocopy });
    }
  }
  return out;
}

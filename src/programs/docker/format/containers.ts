// What `docker ps` shows of a container: the daemon's summary of a record (moby's Command and
// Status strings, ports) and the CLI's ContainerContext over it (cli/command/formatter
// container.go): truncated ids, the quoted and cut COMMAND, CREATED as "x ago", SIZE.

import type { ContainerRecord } from '../../../runtime/containers/container-record.ts';
import { displayablePorts, type PortSummary } from './ports.ts';
import { FieldObject } from './template.ts';
import { goTimeString, humanDuration, humanSize, unixOf } from './units.ts';
import { goQuote } from '../../../runtime/go-style.ts';

/** The daemon's /containers/json entry (the fields the CLI reads). */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: PortSummary[];
  Labels: Record<string, string> | null;
  State: string;
  Status: string;
  SizeRw?: number;
  SizeRootFs?: number;
  Networks: string[];
  Mounts: { Type: string; Name?: string; Source: string }[];
}

/** moby's State.String(): "Up 3 seconds", "Exited (0) 5 minutes ago", "Created". */
export function statusText(rec: ContainerRecord, now: number): string {
  const s = rec.State;
  if (s.Status === 'running' || s.Running) {
    const up = `Up ${humanDuration(now - unixOf(s.StartedAt))}`;
    return s.Paused ? `${up} (Paused)` : up;
  }
  if (s.Status === 'restarting') return `Restarting (${s.ExitCode}) ${humanDuration(now - unixOf(s.FinishedAt))} ago`;
  if (s.Status === 'removing') return 'Removal In Progress';
  if (s.Status === 'dead') return 'Dead';
  if (s.Status === 'created') return 'Created';
  if (unixOf(s.FinishedAt) <= 0) return '';
  return `Exited (${s.ExitCode}) ${humanDuration(now - unixOf(s.FinishedAt))} ago`;
}

/** The daemon's one-line command: Path, then args with single quotes around those with spaces. */
export function commandText(rec: ContainerRecord): string {
  if (!rec.Args || rec.Args.length === 0) return rec.Path;
  return `${rec.Path} ${rec.Args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

export function summarize(rec: ContainerRecord, now: number, size?: { rw: number; rootFs: number }): ContainerSummary {
  const ports: PortSummary[] = [];
  const np = rec.NetworkSettings?.Ports ?? {};
  for (const [key, binds] of Object.entries(np)) {
    const [num, type] = key.split('/');
    if (!binds) ports.push({ PrivatePort: Number(num), Type: type ?? 'tcp' });
    else for (const b of binds) ports.push({ IP: b.HostIp, PrivatePort: Number(num), PublicPort: Number(b.HostPort), Type: type ?? 'tcp' });
  }
  const s: ContainerSummary = {
    Id: rec.Id,
    Names: [rec.Name],
    Image: rec.Config.Image,
    ImageID: rec.Image,
    Command: commandText(rec),
    Created: Math.floor(unixOf(rec.Created)),
    Ports: ports,
    Labels: rec.Config.Labels ?? null,
    State: rec.State.Status,
    Status: statusText(rec, now),
    Networks: Object.keys(rec.NetworkSettings?.Networks ?? {}),
    Mounts: (rec.Mounts ?? []).map((m) => ({ Type: m.Type, Name: (m as { Name?: string }).Name, Source: m.Source })),
  };
  if (size) {
    s.SizeRw = size.rw;
    s.SizeRootFs = size.rootFs;
  }
  return s;
}

/** Cut to `max` runes, the last one replaced by `…` (cli formatter Ellipsis). */
export function ellipsis(s: string, max: number): string {
  const r = [...s];
  if (r.length <= max) return s;
  if (max <= 1) return r.slice(0, max).join('');
  return `${r.slice(0, max - 1).join('')}…`;
}

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

export const CONTAINER_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

export function containerContext(c: ContainerSummary, trunc: boolean, now: number): FieldObject {
  const f: Record<string, () => string | null> = {
    ID: () => (trunc ? shortId(c.Id) : c.Id),
    Names: () =>
      c.Names.map((n) => n.replace(/^\//, ''))
        .filter((n) => !n.includes('/'))
        .join(','),
    Image: () => {
      if (!c.Image) return '<no image>';
      if (trunc && shortId(c.ImageID) === shortId(c.Image)) return shortId(c.Image);
      return c.Image.replace(/@sha256:[0-9a-f]{64}$/, '');
    },
    Command: () => goQuote(trunc ? ellipsis(c.Command, 20) : c.Command),
    CreatedAt: () => goTimeString(c.Created),
    RunningFor: () => `${humanDuration(now - c.Created)} ago`,
    Ports: () => displayablePorts(c.Ports),
    State: () => c.State,
    Status: () => c.Status,
    Size: () => {
      const rw = humanSize(c.SizeRw ?? 0, 3);
      return (c.SizeRootFs ?? 0) > 0 ? `${rw} (virtual ${humanSize(c.SizeRootFs!, 3)})` : rw;
    },
    Labels: () =>
      Object.entries(c.Labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join(','),
    Mounts: () => c.Mounts.map((m) => (m.Name ? (trunc ? ellipsis(m.Name, 15) : m.Name) : m.Source)).join(','),
    LocalVolumes: () => String(c.Mounts.filter((m) => m.Type === 'volume').length),
    Networks: () => [...c.Networks].sort().join(','),
    Platform: () => null,
  };
  // methods: not part of {{json .}}
  const methods: Record<string, (...a: unknown[]) => string> = { Label: (key) => (c.Labels ?? {})[String(key)] ?? '' };
  const json = (): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(f).sort()) o[k] = f[k]!();
    return o;
  };
  return new FieldObject('*formatter.ContainerContext', { ...f, ...methods }, json);
}

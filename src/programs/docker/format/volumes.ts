// How the docker CLI prints volumes (formatter.volumeContext): the `docker volume ls` table
// (DRIVER, VOLUME NAME), -q, --format with .Name .Driver .Scope .Mountpoint .Labels .Label
// .Links .Size (N/A unless the engine counted them, as only system df asks it to), `json`; the
// list is sorted by name in natural order, as the CLI sorts it. And the engine's list filters.

import type { VolumeDoc } from '../../../runtime/volumes/volume-store.ts';
import type { CliExit, ParsedFlags } from './cli.ts';
import { FormatError, render } from './formatter.ts';
import { FieldObject } from './template.ts';
import { humanSize } from './units.ts';

/** A volume as the API lists it; UsageData only in system df's answer. */
export type VolumeView = VolumeDoc & { UsageData?: { Size: number; RefCount: number } };

export const VOLUME_HEADERS: Record<string, string> = {
  Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE',
  Group: 'GROUP', Availability: 'AVAILABILITY', Status: 'STATUS',
};

/** sortorder.NaturalLess: runs of digits compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const chunks = (s: string): string[] => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q) && Number(p) !== Number(q)) return Number(p) < Number(q);
    return p < q;
  }
  return x.length < y.length;
}

export function volumeContext(v: VolumeView): FieldObject {
  const labels = v.Labels ?? {};
  const f: Record<string, (...args: unknown[]) => unknown> = {
    Availability: () => 'N/A',
    Driver: () => v.Driver,
    Group: () => 'N/A',
    Labels: () => Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(','),
    Links: () => (v.UsageData && v.UsageData.RefCount >= 0 ? String(v.UsageData.RefCount) : 'N/A'),
    Mountpoint: () => v.Mountpoint,
    Name: () => v.Name,
    Scope: () => v.Scope,
    Size: () => (v.UsageData && v.UsageData.Size >= 0 ? humanSize(v.UsageData.Size) : 'N/A'),
    Status: () => 'N/A',
  };
  const json = (): Record<string, unknown> => Object.fromEntries(Object.keys(f).map((k) => [k, f[k]!()]));
  return new FieldObject('*formatter.volumeContext', { ...f, Label: (name: unknown) => labels[String(name)] ?? '' }, json);
}

/** `docker volume ls` over the volumes the engine listed. */
export function renderVolumeList(volumes: VolumeView[], flags: ParsedFlags): CliExit {
  let format = flags.str('format');
  if (format === '' && flags.bool('quiet')) format = '{{.Name}}';
  const sorted = [...volumes].sort((a, b) => (naturalLess(a.Name, b.Name) ? -1 : naturalLess(b.Name, a.Name) ? 1 : 0));
  try {
    return { stdout: render({ format, defaultTable: 'table {{.Driver}}\t{{.Name}}', headers: VOLUME_HEADERS }, sorted.map(volumeContext)), status: 0 };
  } catch (e) {
    if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
    throw e;
  }
}

/**
 * The engine's volume filters (moby volume/service): name= a substring, label=KEY or KEY=VALUE,
 * driver=, dangling=true|false against the containers' references. A string is the error.
 */
export function filterVolumes(volumes: VolumeView[], filters: string[], refs: Map<string, string[]>): VolumeView[] | string {
  const byKey = new Map<string, string[]>();
  for (const f of filters) {
    const eq = f.indexOf('=');
    byKey.set(f.slice(0, eq), [...(byKey.get(f.slice(0, eq)) ?? []), f.slice(eq + 1)]);
  }
  const label = (v: VolumeView, want: string): boolean => {
    const eq = want.indexOf('=');
    const k = eq < 0 ? want : want.slice(0, eq);
    return v.Labels !== null && k in v.Labels && (eq < 0 || v.Labels[k] === want.slice(eq + 1));
  };
  let out = volumes;
  // values of one key are alternatives, except labels, which must all match
  for (const [key, values] of byKey) {
    if (key === 'name') out = out.filter((v) => values.some((x) => v.Name.includes(x)));
    else if (key === 'driver') out = out.filter((v) => values.includes(v.Driver));
    else if (key === 'label') out = out.filter((v) => values.every((x) => label(v, x)));
    else if (key === 'dangling') {
      const bad = values.find((x) => !['true', 'false', '1', '0'].includes(x));
      if (bad !== undefined) return `invalid filter 'dangling=${bad}'`;
      const want = values[values.length - 1] === 'true' || values[values.length - 1] === '1';
      out = out.filter((v) => !refs.has(v.Name) === want);
    } else return `invalid filter '${key}'`;
  }
  return out;
}

/** system df's Local Volumes row: count, in use, size and what is not in use. */
export function volumeTotals(volumes: VolumeView[]): { total: number; active: number; size: number; reclaimable: number } {
  let size = 0;
  let reclaimable = 0;
  let active = 0;
  for (const v of volumes) {
    const s = Math.max(0, v.UsageData?.Size ?? 0);
    size += s;
    if ((v.UsageData?.RefCount ?? 0) > 0) active++;
    else reclaimable += s;
  }
  return { total: volumes.length, active, size, reclaimable };
}

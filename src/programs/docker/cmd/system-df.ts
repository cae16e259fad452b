// docker system df: space used by images (unique layer bytes; reclaimable = what no container
// uses), containers (writable layers; reclaimable = those not running), volumes (reclaimable =
// those no container uses) and build cache (none here); -v lists each image, container and
// volume as Docker's verbose view does.

import type { DockerCommand } from '../command.ts';
import { type CliExit, type ParsedFlags, parseCommand } from '../format/cli.ts';
import { CONTAINER_HEADERS, type ContainerSummary, containerContext, summarize } from '../format/containers.ts';
import { FormatError, render } from '../format/formatter.ts';
import { IMAGE_HEADERS, type ImageSummary, imageContext, listImages, repoOf } from '../format/images.ts';
import { specFor } from '../format/specs.ts';
import { containerRwSize, finish, imageViews, listContainerRecords, nowSeconds } from '../format/state.ts';
import { FieldObject } from '../format/template.ts';
import { humanSize } from '../format/units.ts';
import { VOLUME_HEADERS, type VolumeView, volumeContext, volumeTotals } from '../format/volumes.ts';
import { volumeRefs } from '../../../runtime/volumes/volume-refs.ts';
import { VolumeStore } from '../../../runtime/volumes/volume-store.ts';

export interface DiskUsage {
  LayersSize: number;
  /** With Containers (users) and SharedSize set. */
  Images: ImageSummary[];
  /** With SizeRw set. */
  Containers: ContainerSummary[];
  /** With UsageData (size, containers using it). */
  Volumes: VolumeView[];
}

const ACTIVE = ['running', 'paused', 'restarting'];

function summaryRows(du: DiskUsage): FieldObject[] {
  const imgUsed = du.Images.filter((i) => i.Containers > 0).reduce((a, i) => a + (i.Size === -1 || i.SharedSize === -1 ? 0 : i.Size - i.SharedSize), 0);
  const imgReclaim = du.LayersSize - imgUsed;
  const ctrTotal = du.Containers.reduce((a, c) => a + (c.SizeRw ?? 0), 0);
  const ctrReclaim = du.Containers.filter((c) => !ACTIVE.includes(c.State)).reduce((a, c) => a + (c.SizeRw ?? 0), 0);
  const vol = volumeTotals(du.Volumes);
  const pct = (r: number, t: number): string => (t > 0 ? `${humanSize(r)} (${Math.floor((r * 100) / t)}%)` : humanSize(r));
  const row = (type: string, total: number, active: number, size: string, reclaim: string): FieldObject => {
    const f: Record<string, () => string> = { Type: () => type, TotalCount: () => String(total), Active: () => String(active), Size: () => size, Reclaimable: () => reclaim };
    return new FieldObject('*formatter.diskUsageContext', f, () => Object.fromEntries(Object.keys(f).sort().map((k) => [k, f[k]!()])));
  };
  return [
    row('Images', du.Images.length, du.Images.filter((i) => i.Containers > 0).length, humanSize(du.LayersSize), pct(imgReclaim, du.LayersSize)),
    row('Containers', du.Containers.length, du.Containers.filter((c) => ACTIVE.includes(c.State)).length, humanSize(ctrTotal), pct(ctrReclaim, ctrTotal)),
    row('Local Volumes', vol.total, vol.active, humanSize(vol.size), pct(vol.reclaimable, vol.size)),
    row('Build Cache', 0, 0, '0B', '0B'),
  ];
}

export function renderDf(du: DiskUsage, now: number, flags: ParsedFlags): CliExit {
  const format = flags.str('format');
  const t = Math.floor(now);
  try {
    if (!flags.bool('verbose')) {
      const headers = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };
      return { stdout: render({ format, defaultTable: 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}', headers }, summaryRows(du)), status: 0 };
    }
    const images = du.Images.map((i) => {
      const first = i.RepoTags[0];
      const repo = first ? repoOf(first) : '<none>';
      const tag = first ? first.slice(repo.length + 1) || '<none>' : '<none>';
      return imageContext(i, repo, tag, '<none>', true, t);
    });
    const containers = du.Containers.map((c) => containerContext({ ...c, SizeRootFs: 0 }, true, t));
    let out = 'Images space usage:\n\n';
    out += render({ format: '', defaultTable: 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}', headers: IMAGE_HEADERS }, images);
    out += '\nContainers space usage:\n\n';
    out += render({ format: '', defaultTable: 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}', headers: CONTAINER_HEADERS }, containers);
    out += '\nLocal Volumes space usage:\n\n';
    out += render({ format: '', defaultTable: 'table {{.Name}}\t{{.Links}}\t{{.Size}}', headers: VOLUME_HEADERS }, du.Volumes.map(volumeContext));
    out += '\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n';
    return { stdout: out, status: 0 };
  } catch (e) {
    if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
    throw e;
  }
}

const systemDf: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'system df'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const now = await nowSeconds(ctx.sys);
  const views = await imageViews(ctx.sys, ctx.root);
  const records = await listContainerRecords(ctx.sys, ctx.root);
  // a layer is named by its chain (every diff id up to it); images sharing a chain share it
  const users = new Map<string, number>();
  const sizes = new Map<string, number>();
  for (const v of views) {
    const ids = v.config.rootfs?.diff_ids ?? [];
    ids.forEach((_d, i) => {
      const key = ids.slice(0, i + 1).join(' ');
      users.set(key, (users.get(key) ?? 0) + 1);
      sizes.set(key, v.layerSizes[i] ?? 0);
    });
  }
  const images = listImages(views, { all: true, references: [] }).map((s) => {
    const v = views.find((x) => x.id === s.Id)!;
    const ids = v.config.rootfs?.diff_ids ?? [];
    let shared = 0;
    ids.forEach((_d, i) => {
      const key = ids.slice(0, i + 1).join(' ');
      if ((users.get(key) ?? 0) > 1) shared += sizes.get(key) ?? 0;
    });
    return { ...s, Containers: records.filter((r) => r.Image === s.Id).length, SharedSize: shared };
  });
  const containers: ContainerSummary[] = [];
  for (const r of records) {
    const rw = await containerRwSize(ctx.sys, ctx.root, r.Id);
    containers.push(summarize(r, Math.floor(now), { rw, rootFs: rw }));
  }
  const layersSize = [...sizes.values()].reduce((a, b) => a + b, 0);
  const store = new VolumeStore(ctx.sys, ctx.root);
  const refs = volumeRefs(records);
  const volumes: VolumeView[] = [];
  for (const v of await store.list()) volumes.push({ ...v, UsageData: { Size: await store.size(v.Name), RefCount: refs.get(v.Name)?.length ?? 0 } });
  return finish(ctx.sys, renderDf({ LayersSize: layersSize, Images: images, Containers: containers, Volumes: volumes }, now, flags));
};

export default systemDf;

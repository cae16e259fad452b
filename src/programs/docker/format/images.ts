// `docker images` and `docker history` as the daemon answers and the CLI prints them: the
// image list with intermediate images hidden, the dangling and reference filters, one row per
// repository tag (cli formatter image.go), and history rows newest first with each step's
// layer size, `<missing>` for steps whose image is not kept locally.

import type { DockerImageConfig } from '../../../runtime/oci/types.ts';
import { ellipsis, shortId } from './containers.ts';
import { FieldObject } from './template.ts';
import { goTimeString, humanDuration, humanSize, rfc3339, unixOf } from './units.ts';

/** What the formatters need of one image (built from an ImageRecord or a recorded data set). */
export interface ImageView {
  id: string;
  config: DockerImageConfig;
  repoTags: string[];
  repoDigests: string[];
  parent: string | null;
  /** Sizes of the config's non-empty layers, bottom first. */
  layerSizes: number[];
}

export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: number;
  Size: number;
  SharedSize: number;
  Containers: number;
}

export const imageSize = (img: ImageView): number => img.layerSizes.reduce((a, b) => a + b, 0);
export const imageCreated = (img: ImageView): number => Math.floor(unixOf(img.config.created ?? '0001-01-01T00:00:00Z'));

/** The repository part of a familiar reference ("registry:5000/a/b:tag" -> "registry:5000/a/b"). */
export function repoOf(ref: string): string {
  const at = ref.indexOf('@');
  if (at >= 0) return ref.slice(0, at);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? ref.slice(0, colon) : ref;
}
const tagOf = (ref: string): string => ref.slice(repoOf(ref).length + 1);

function globMatch(pattern: string, s: string): boolean {
  const re = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`).test(s);
}

/** Does a familiar "repo:tag" match a reference filter ("nginx", "nginx:1.*", "hello")? */
export function referenceMatches(pattern: string, ref: string): boolean {
  if (repoOf(pattern) !== pattern) return globMatch(pattern, ref);
  return globMatch(pattern, repoOf(ref));
}

export interface ImageListOptions {
  all: boolean;
  dangling?: boolean;
  references: string[];
  /** label=KEY or label=KEY=VALUE filters (all must match). */
  labels?: string[];
  /** Only images created before / after these times (before=IMAGE, since=IMAGE). */
  before?: number;
  since?: number;
}

/** The daemon's /images/json: newest first, intermediates hidden unless `all`. */
export function listImages(images: ImageView[], opts: ImageListOptions): ImageSummary[] {
  const parents = new Set(images.map((i) => i.parent).filter((p): p is string => !!p));
  const sorted = [...images].sort((a, b) => imageCreated(b) - imageCreated(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const out: ImageSummary[] = [];
  for (const img of sorted) {
    const tagged = img.repoTags.length > 0 || img.repoDigests.length > 0;
    if (!opts.all && !tagged && parents.has(img.id)) continue;
    if (opts.dangling !== undefined && opts.dangling !== (img.repoTags.length === 0)) continue;
    const labels = (img.config.config?.Labels ?? {}) as Record<string, string>;
    if (opts.labels?.some((l) => {
      const [k, v] = [l.split('=')[0]!, l.includes('=') ? l.slice(l.indexOf('=') + 1) : undefined];
      return !(k in labels) || (v !== undefined && labels[k] !== v);
    })) continue;
    if (opts.before !== undefined && imageCreated(img) >= opts.before) continue;
    if (opts.since !== undefined && imageCreated(img) <= opts.since) continue;
    let tags = img.repoTags;
    if (opts.references.length > 0) {
      tags = tags.filter((t) => opts.references.some((p) => referenceMatches(p, t)));
      if (tags.length === 0) continue;
    }
    out.push({ Id: img.id, ParentId: img.parent ?? '', RepoTags: tags, RepoDigests: img.repoDigests, Created: imageCreated(img), Size: imageSize(img), SharedSize: -1, Containers: -1 });
  }
  return out;
}

export const IMAGE_HEADERS: Record<string, string> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'VIRTUAL SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

export function imageContext(img: ImageSummary, repo: string, tag: string, digest: string, trunc: boolean, now: number): FieldObject {
  const f: Record<string, () => string> = {
    Containers: () => (img.Containers === -1 ? 'N/A' : String(img.Containers)),
    CreatedAt: () => goTimeString(img.Created),
    CreatedSince: () => (img.Created === 0 ? 'N/A' : `${humanDuration(now - img.Created)} ago`),
    Digest: () => digest,
    ID: () => (trunc ? shortId(img.Id) : img.Id),
    Repository: () => repo,
    SharedSize: () => (img.SharedSize === -1 ? 'N/A' : humanSize(img.SharedSize)),
    Size: () => humanSize(img.Size, 3),
    Tag: () => tag,
    UniqueSize: () => (img.SharedSize === -1 || img.Size === -1 ? 'N/A' : humanSize(img.Size - img.SharedSize)),
    VirtualSize: () => humanSize(img.Size),
  };
  return new FieldObject('*formatter.imageContext', f, () => Object.fromEntries(Object.keys(f).map((k) => [k, f[k]!()])));
}

/** One row per repository tag (and per digest with --digests), as the CLI expands them. */
export function imageRows(images: ImageSummary[], digests: boolean, trunc: boolean, now: number): FieldObject[] {
  const rows: FieldObject[] = [];
  for (const img of images) {
    const repoTags = new Map<string, string[]>();
    const repoDigests = new Map<string, string[]>();
    for (const r of img.RepoTags) repoTags.set(repoOf(r), [...(repoTags.get(repoOf(r)) ?? []), tagOf(r)]);
    for (const r of img.RepoDigests) repoDigests.set(repoOf(r), [...(repoDigests.get(repoOf(r)) ?? []), r.slice(r.indexOf('@') + 1)]);
    const before = rows.length;
    for (const [repo, tags] of repoTags) {
      const ds = digests ? (repoDigests.get(repo) ?? []) : [];
      repoDigests.delete(repo);
      for (const tag of tags) {
        if (ds.length === 0) rows.push(imageContext(img, repo, tag, '<none>', trunc, now));
        else for (const d of ds) rows.push(imageContext(img, repo, tag, d, trunc, now));
      }
    }
    for (const [repo, ds] of repoDigests) {
      if (digests) for (const d of ds) rows.push(imageContext(img, repo, '<none>', d, trunc, now));
      else rows.push(imageContext(img, repo, '<none>', '', trunc, now));
    }
    if (rows.length === before) rows.push(imageContext(img, '<none>', '<none>', '<none>', trunc, now));
  }
  return rows;
}

// ---------------------------------------------------------------- history

export interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

/** The daemon's image history: newest first, ids along the local parent chain. */
export function imageHistory(img: ImageView, byId: (id: string) => ImageView | null): HistoryItem[] {
  const items: HistoryItem[] = [];
  let layer = 0;
  for (const h of img.config.history ?? []) {
    let size = 0;
    if (!h.empty_layer) size = img.layerSizes[layer++] ?? 0;
    items.unshift({ Id: '<missing>', Created: Math.floor(unixOf(h.created ?? '0001-01-01T00:00:00Z')), CreatedBy: h.created_by ?? '', Tags: null, Size: size, Comment: h.comment ?? '' });
  }
  let cur: ImageView | null = img;
  for (const item of items) {
    if (!cur) break;
    item.Id = cur.id;
    item.Tags = cur.repoTags.length ? cur.repoTags : null;
    cur = cur.parent ? byId(cur.parent) : null;
  }
  return items;
}

export const HISTORY_HEADERS = (human: boolean): Record<string, string> => ({
  ID: 'IMAGE',
  CreatedSince: human ? 'CREATED' : 'CREATED AT',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
});

export function historyContext(h: HistoryItem, trunc: boolean, human: boolean, now: number): FieldObject {
  const f: Record<string, () => string> = {
    Comment: () => h.Comment,
    CreatedAt: () => rfc3339(h.Created),
    CreatedBy: () => {
      const by = h.CreatedBy.replace(/\t/g, ' ');
      return trunc ? ellipsis(by, 45) : by;
    },
    CreatedSince: () => (human ? `${humanDuration(now - h.Created)} ago` : rfc3339(h.Created)),
    ID: () => (trunc && h.Id !== '<missing>' ? shortId(h.Id) : h.Id),
    Size: () => (human ? humanSize(h.Size, 3) : String(h.Size)),
  };
  return new FieldObject('*formatter.historyContext', f, () => Object.fromEntries(Object.keys(f).map((k) => [k, f[k]!()])));
}

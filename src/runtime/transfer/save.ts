// `docker save` as Docker 25+ writes it: an OCI image layout (oci-layout, index.json with one
// descriptor per saved tag, blobs/sha256/ holding each manifest, config and uncompressed layer
// tar) that also carries manifest.json and repositories for docker-archive readers. The tar is
// laid out as Docker's archive.Tar of its temp dir would be: names sorted, dirs before contents.

import { utf8Encode } from '../../base/text.ts';
import { byteCompare } from '../go-style.ts';
import { GoTarWriter } from '../archive/go-tar.ts';
import type { LayerStore } from '../layers/layer-store.ts';
import type { ImageRecord, ImageStore } from '../images/image-store.ts';
import { parseReference } from '../images/reference.ts';
import { digestOf, hexOf } from '../oci/digest.ts';
import { ANNOTATION, MEDIA_TYPE, OCI_LAYOUT_VERSION } from '../oci/media-types.ts';
import type { DockerArchiveManifestEntry, OciDescriptor, OciIndex, OciManifest } from '../oci/types.ts';

export class SaveError extends Error {}

interface Selected {
  image: ImageRecord;
  /** Familiar tagged names to save with this image ("alpine:3.20"). */
  tags: string[];
}

/** Which images and tags `docker save NAME...` means (a bare repository name: all its tags). */
export async function selectImages(images: ImageStore, names: string[]): Promise<Selected[]> {
  const out: Selected[] = [];
  const add = (image: ImageRecord, tag: string | null): void => {
    let s = out.find((x) => x.image.id === image.id);
    if (!s) out.push((s = { image, tags: [] }));
    if (tag && !s.tags.includes(tag)) s.tags.push(tag);
  };
  for (const name of names) {
    let parsed = null;
    try {
      if (!/^(sha256:)?[a-f0-9]+$/.test(name)) parsed = parseReference(name);
    } catch {
      parsed = null;
    }
    if (parsed && parsed.tag === undefined && parsed.digest === undefined) {
      const all = (await images.list()).filter((i) => i.repoTags.some((t) => t.slice(0, t.lastIndexOf(':')) === parsed!.familiar));
      if (all.length > 0) {
        for (const i of all) for (const t of i.repoTags) if (t.slice(0, t.lastIndexOf(':')) === parsed.familiar) add(i, t);
        continue;
      }
    }
    const image = await images.resolve(name);
    // moby's parseNames: a missing tag is the reference store's miss, a bare name or an id the
    // image store's search.
    if (!image) throw new SaveError(parsed?.tag !== undefined || parsed?.digest !== undefined ? 'reference does not exist' : `No such image: ${name}`);
    if (parsed?.tag !== undefined) add(image, `${parsed.familiar}:${parsed.tag}`);
    else add(image, null);
  }
  return out;
}

const json = (v: unknown): Uint8Array => utf8Encode(JSON.stringify(v));

/** The save archive for the selected images. `now` is seconds since the epoch for the top files. */
export async function saveImages(layers: LayerStore, selected: Selected[], now: number): Promise<Uint8Array> {
  const blobs = new Map<string, { data: Uint8Array; mtime: number }>();
  const putBlob = (data: Uint8Array, mtime: number): OciDescriptor & { digest: string } => {
    const digest = digestOf(data);
    if (!blobs.has(hexOf(digest))) blobs.set(hexOf(digest), { data, mtime });
    return { mediaType: '', digest, size: data.length };
  };
  const index: OciIndex = { schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests: [] };
  const manifestJson: DockerArchiveManifestEntry[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  let blobsDirTime = 0;
  for (const { image, tags } of selected) {
    if (image.layers.length === 0) throw new SaveError('empty export - not implemented');
    const created = image.created ? Math.floor(Date.parse(image.created) / 1000) : 0;
    blobsDirTime = created;
    const platform = { architecture: image.config.architecture, os: image.config.os, ...(image.config.variant ? { variant: image.config.variant } : {}) };
    const cfg = putBlob(image.configBytes, created);
    const layerDescs: OciDescriptor[] = [];
    for (const chain of image.layers) {
      const d = putBlob(await layers.tarOf(chain), created);
      layerDescs.push({ mediaType: MEDIA_TYPE.ociLayer, digest: d.digest, size: d.size });
    }
    const manifest: OciManifest = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config: { mediaType: MEDIA_TYPE.ociConfig, digest: cfg.digest, size: cfg.size, platform },
      layers: layerDescs,
    };
    const m = putBlob(json(manifest), 0);
    const desc = { mediaType: MEDIA_TYPE.ociManifest, digest: m.digest, size: m.size };
    if (tags.length === 0) index.manifests.push({ ...desc, platform });
    for (const t of tags) {
      const r = parseReference(t);
      index.manifests.push({ ...desc, annotations: { [ANNOTATION.imageName]: `${r.domain}/${r.path}:${r.tag}`, [ANNOTATION.refName]: r.tag! }, platform });
      const top = layerDescs[layerDescs.length - 1];
      if (top) (repositories[r.familiar] ??= {})[r.tag!] = hexOf(top.digest);
    }
    manifestJson.push({
      Config: `blobs/sha256/${hexOf(cfg.digest)}`,
      RepoTags: tags.length ? tags : null,
      Layers: layerDescs.map((l) => `blobs/sha256/${hexOf(l.digest)}`),
    });
  }
  const w = new GoTarWriter();
  const dir = (name: string, mtime: number): void =>
    w.add({ name, typeflag: '5', mode: 0o755, uid: 0, gid: 0, size: 0, mtime, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 });
  const file = (name: string, data: Uint8Array, mtime: number): void =>
    w.add({ name, typeflag: '0', mode: 0o644, uid: 0, gid: 0, size: data.length, mtime, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 }, data);
  // Times as moby's save leaves them in its temp dir: blobs/ at the image's creation, the
  // sha256/ dir, manifests, manifest.json, repositories and oci-layout at the epoch, config and
  // layer blobs at the image's creation, index.json when written.
  dir('blobs/', blobsDirTime);
  dir('blobs/sha256/', 0);
  for (const hex of [...blobs.keys()].sort(byteCompare)) file(`blobs/sha256/${hex}`, blobs.get(hex)!.data, blobs.get(hex)!.mtime);
  file('index.json', json(index), now);
  // json.Encoder ends each document with a newline; json.Marshal does not.
  file('manifest.json', utf8Encode(`${JSON.stringify(manifestJson)}\n`), 0);
  file('oci-layout', utf8Encode(`{"imageLayoutVersion": "${OCI_LAYOUT_VERSION}"}`), 0);
  if (Object.keys(repositories).length) file('repositories', utf8Encode(`${JSON.stringify(sortKeys(repositories))}\n`), 0);
  return w.finish();
}

/** Go marshals maps with sorted keys. */
function sortKeys(m: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const k of Object.keys(m).sort(byteCompare)) {
    out[k] = {};
    for (const t of Object.keys(m[k]!).sort(byteCompare)) out[k]![t] = m[k]![t]!;
  }
  return out;
}

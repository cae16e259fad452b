// `docker save` as Docker 25+ writes it: an OCI image layout (oci-layout, index.json with one
// descriptor per saved tag, blobs/sha256/ holding each manifest, config and uncompressed layer
// tar) that also carries manifest.json and repositories for docker-archive readers. The tar is
// laid out as Docker's archive.Tar of its temp dir would be: names sorted, dirs before contents.
// It is made in two passes so no layer is ever held whole: planSave works out every blob's
// digest and size (a layer's are its diff id and its tar-split length) and builds the small
// JSON files; saveChunks then writes the tar piece by piece, each layer read from the store as
// it is written.

import { concatBytes } from '../../base/bytes.ts';
import { utf8Encode } from '../../base/text.ts';
import { byteCompare } from '../go-style.ts';
import { type GoTarHeader, goTarHeader } from '../archive/go-tar.ts';
import type { LayerStore, LayerTarStream } from '../layers/layer-store.ts';
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

/** A blob of the layout: small JSON held as bytes, or a layer streamed from the store. */
interface Blob {
  size: number;
  mtime: number;
  bytes?: Uint8Array;
  layer?: LayerTarStream;
}

/** What the archive will hold, with every size known: the input to saveChunks. */
export interface SavePlan {
  blobs: Map<string, Blob>;
  blobsDirTime: number;
  index: Uint8Array;
  manifestJson: Uint8Array;
  repositories: Uint8Array | null;
}

/**
 * First pass: digests, sizes and the JSON files for the selected images. Throws SaveError
 * before anything is written.
 */
export async function planSave(layers: LayerStore, selected: Selected[]): Promise<SavePlan> {
  const blobs = new Map<string, Blob>();
  const putBlob = (digest: string, blob: Blob): OciDescriptor & { digest: string } => {
    if (!blobs.has(hexOf(digest))) blobs.set(hexOf(digest), blob);
    return { mediaType: '', digest, size: blob.size };
  };
  const putBytes = (data: Uint8Array, mtime: number) => putBlob(digestOf(data), { size: data.length, mtime, bytes: data });
  const index: OciIndex = { schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests: [] };
  const manifestJson: DockerArchiveManifestEntry[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  let blobsDirTime = 0;
  for (const { image, tags } of selected) {
    if (image.layers.length === 0) throw new SaveError('empty export - not implemented');
    const created = image.created ? Math.floor(Date.parse(image.created) / 1000) : 0;
    blobsDirTime = created;
    const platform = { architecture: image.config.architecture, os: image.config.os, ...(image.config.variant ? { variant: image.config.variant } : {}) };
    const cfg = putBytes(image.configBytes, created);
    const layerDescs: OciDescriptor[] = [];
    for (const chain of image.layers) {
      const t = await layers.tarStream(chain);
      const d = putBlob(t.digest, { size: t.size, mtime: created, layer: t });
      layerDescs.push({ mediaType: MEDIA_TYPE.ociLayer, digest: d.digest, size: d.size });
    }
    const manifest: OciManifest = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config: { mediaType: MEDIA_TYPE.ociConfig, digest: cfg.digest, size: cfg.size, platform },
      layers: layerDescs,
    };
    const m = putBytes(json(manifest), 0);
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
  return {
    blobs,
    blobsDirTime,
    index: json(index),
    // json.Encoder ends each document with a newline; json.Marshal does not.
    manifestJson: utf8Encode(`${JSON.stringify(manifestJson)}\n`),
    repositories: Object.keys(repositories).length ? utf8Encode(`${JSON.stringify(sortKeys(repositories))}\n`) : null,
  };
}

const BLOCK = 512;
const ZERO_BLOCKS = new Uint8Array(2 * BLOCK);

const header = (name: string, typeflag: '0' | '5', size: number, mtime: number): Uint8Array => {
  const h: GoTarHeader = { name, typeflag, mode: typeflag === '5' ? 0o755 : 0o644, uid: 0, gid: 0, size, mtime, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0 };
  return goTarHeader(h);
};

/** Zeros after a body of `size` bytes up to the next block (a shared view: read, never keep). */
const padTo = (size: number): Uint8Array => ZERO_BLOCKS.subarray(0, (BLOCK - (size % BLOCK)) % BLOCK);

/**
 * Second pass: the archive's bytes in order, as tar.Writer would write them. Small pieces are
 * views or fresh arrays; a consumer may write or hash them but must not keep padding views.
 * `now` is seconds since the epoch for index.json.
 */
export async function* saveChunks(plan: SavePlan, now: number): AsyncGenerator<Uint8Array> {
  // Times as moby's save leaves them in its temp dir: blobs/ at the image's creation, the
  // sha256/ dir, manifests, manifest.json, repositories and oci-layout at the epoch, config and
  // layer blobs at the image's creation, index.json when written.
  yield header('blobs/', '5', 0, plan.blobsDirTime);
  yield header('blobs/sha256/', '5', 0, 0);
  for (const hex of [...plan.blobs.keys()].sort(byteCompare)) {
    const b = plan.blobs.get(hex)!;
    yield header(`blobs/sha256/${hex}`, '0', b.size, b.mtime);
    let written = 0;
    if (b.bytes) {
      yield b.bytes;
      written = b.bytes.length;
    } else {
      for await (const piece of b.layer!.chunks()) {
        written += piece.length;
        yield piece;
      }
    }
    // The header already promised the size: a layer that changed under us is an error, not a
    // silently broken archive.
    if (written !== b.size) throw new Error(`layer blob sha256:${hex}: wrote ${written} bytes, expected ${b.size}`);
    yield padTo(b.size);
  }
  const file = function* (name: string, data: Uint8Array, mtime: number): Generator<Uint8Array> {
    yield header(name, '0', data.length, mtime);
    yield data;
    yield padTo(data.length);
  };
  yield* file('index.json', plan.index, now);
  yield* file('manifest.json', plan.manifestJson, 0);
  yield* file('oci-layout', utf8Encode(`{"imageLayoutVersion": "${OCI_LAYOUT_VERSION}"}`), 0);
  if (plan.repositories) yield* file('repositories', plan.repositories, 0);
  yield ZERO_BLOCKS;
}

/** The whole save archive as one array (tests, small images); the CLI streams saveChunks. */
export async function saveImages(layers: LayerStore, selected: Selected[], now: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of saveChunks(await planSave(layers, selected), now)) parts.push(p.slice());
  return concatBytes(parts);
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

// `docker load`: an archive from `docker save` (Docker 25+'s OCI layout with manifest.json),
// an old docker-archive (manifest.json + <id>/layer.tar), or a plain OCI image layout
// (index.json, blobs/; layers gzip or not). The whole archive is checked first (every tar
// header, every blob present, every layer's digest equal to its config's diff id), so a broken
// archive fails naming what is broken and changes nothing; only then are layers registered and
// images tagged. (Docker 28's classic store requires manifest.json; loading a bare OCI layout
// is what the containerd image store does, and what learners bringing umoci/skopeo images need.)

import { utf8Decode } from '../../base/text.ts';
import { GzipError, gzipDecompress, isGzip } from '../archive/gzip.ts';
import { iterateTar, TarError } from '../archive/tar.ts';
import type { ImageStore } from '../images/image-store.ts';
import { familiarTagged, parseReference } from '../images/reference.ts';
import type { LayerStore } from '../layers/layer-store.ts';
import { cleanName } from '../layers/tar-split.ts';
import { digestOf, hexOf } from '../oci/digest.ts';
import { ANNOTATION, MEDIA_TYPE } from '../oci/media-types.ts';
import type { DockerArchiveManifestEntry, DockerImageConfig, OciIndex, OciManifest } from '../oci/types.ts';

export class LoadError extends Error {}

interface Planned {
  configBytes: Uint8Array;
  /** Uncompressed layer tars, bottom first. */
  layers: Uint8Array[];
  /** Each layer's size as stored in the archive (what Docker's progress counts). */
  sizes: number[];
  tags: string[];
}

/** Where Docker would have unpacked the archive; named in its messages. */
const TMP = '/var/lib/docker/tmp/docker-import-';

function readArchive(input: Uint8Array): Map<string, Uint8Array> {
  let data = input;
  if (isGzip(data)) {
    try {
      data = gzipDecompress(data).data;
    } catch (e) {
      if (e instanceof GzipError) throw new LoadError(e.message === 'unexpected end of file' ? 'unexpected EOF' : `gzip: ${e.message}`);
      throw e;
    }
  }
  const files = new Map<string, Uint8Array>();
  const links = new Map<string, { target: string; hard: boolean }>();
  try {
    for (const e of iterateTar(data)) {
      if (e.type === 'file') files.set(cleanName(e.name), e.data ?? new Uint8Array(0));
      else if (e.type === 'symlink' || e.type === 'hardlink') links.set(cleanName(e.name), { target: e.linkname, hard: e.type === 'hardlink' });
    }
  } catch (e) {
    if (e instanceof TarError) {
      throw new LoadError(/does not look like/.test(e.message) ? 'archive/tar: invalid tar header' : /EOF/.test(e.message) ? 'unexpected EOF' : `archive/tar: ${e.message}`);
    }
    throw e;
  }
  // skopeo's docker-archive links <id>/layer.tar to ../<digest>.tar: resolve links to files.
  for (const name of links.keys()) {
    let at = name;
    for (let hops = 0; hops < 16 && !files.has(at); hops++) {
      const l = links.get(at);
      if (!l) break;
      const dir = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '';
      at = l.hard || l.target.startsWith('/') ? cleanName(l.target) : cleanName(`${dir}/${l.target}`);
    }
    const data = files.get(at);
    if (data) files.set(name, data);
  }
  return files;
}

function need(files: Map<string, Uint8Array>, tmp: string, name: string): Uint8Array {
  const b = files.get(cleanName(name));
  if (!b) throw new LoadError(`open ${tmp}/${cleanName(name)}: no such file or directory`);
  return b;
}

function parseJson<T>(bytes: Uint8Array, what: string): T {
  try {
    return JSON.parse(utf8Decode(bytes)) as T;
  } catch (e) {
    throw new LoadError(`${what}: ${(e as Error).message}`);
  }
}

function uncompressedLayer(bytes: Uint8Array, name: string): Uint8Array {
  let raw = bytes;
  if (isGzip(raw)) {
    try {
      raw = gzipDecompress(raw).data;
    } catch (e) {
      throw new LoadError(`${name}: ${(e as Error).message}`);
    }
  }
  try {
    for (const _ of iterateTar(raw)) {
      // Only checking every header.
    }
  } catch (e) {
    if (e instanceof TarError) throw new LoadError(`${name}: archive/tar: invalid tar header`);
    throw e;
  }
  return raw;
}

function checkLayers(cfg: DockerImageConfig, layers: Uint8Array[]): void {
  const diffIds = cfg.rootfs?.diff_ids ?? [];
  if (diffIds.length !== layers.length) throw new LoadError(`invalid manifest, layers length mismatch: expected ${diffIds.length}, got ${layers.length}`);
  layers.forEach((l, i) => {
    const got = digestOf(l);
    if (got !== diffIds[i]) throw new LoadError(`invalid diffID for layer ${i}: expected "${diffIds[i]}", got "${got}"`);
  });
}

/** What the archive holds, checked; throws LoadError naming the first broken thing. */
export function planLoad(input: Uint8Array, tmpSuffix = '0'): Planned[] {
  const tmp = `${TMP}${tmpSuffix}`;
  // An empty stream is an empty archive to Go's tar reader: what is missing then is manifest.json.
  if (input.length > 0 && input.length < 512 && !isGzip(input)) throw new LoadError('unexpected EOF');
  const files = readArchive(input);
  const plans: Planned[] = [];
  if (files.has('manifest.json')) {
    const manifest = parseJson<DockerArchiveManifestEntry[]>(files.get('manifest.json')!, 'manifest.json');
    if (!Array.isArray(manifest)) throw new LoadError('json: cannot unmarshal object into Go value of type []tarexport.manifestItem');
    for (const m of manifest) {
      const configBytes = need(files, tmp, m.Config);
      const cfg = parseJson<DockerImageConfig>(configBytes, m.Config);
      const blobs = (m.Layers ?? []).map((l) => need(files, tmp, l));
      const layers = blobs.map((b, i) => uncompressedLayer(b, m.Layers[i]!));
      checkLayers(cfg, layers);
      for (const t of m.RepoTags ?? []) {
        try {
          parseReference(t);
        } catch (e) {
          throw new LoadError(`invalid reference ${t}: ${(e as Error).message}`);
        }
      }
      plans.push({ configBytes, layers, sizes: blobs.map((b) => b.length), tags: m.RepoTags ?? [] });
    }
    return plans;
  }
  if (files.has('index.json')) {
    const blob = (digest: string): Uint8Array => need(files, tmp, `blobs/${digest.replace(':', '/')}`);
    const visit = (index: OciIndex, depth: number): void => {
      for (const d of index.manifests ?? []) {
        if (d.mediaType === MEDIA_TYPE.ociIndex || d.mediaType === MEDIA_TYPE.dockerManifestList) {
          if (depth < 4) visit(parseJson<OciIndex>(blob(d.digest), d.digest), depth + 1);
          continue;
        }
        const mbytes = blob(d.digest);
        if (digestOf(mbytes) !== d.digest) throw new LoadError(`blobs/sha256/${hexOf(d.digest)}: digest mismatch`);
        const m = parseJson<OciManifest>(mbytes, d.digest);
        const configBytes = blob(m.config.digest);
        const cfg = parseJson<DockerImageConfig>(configBytes, m.config.digest);
        const layers = m.layers.map((l) => uncompressedLayer(blob(l.digest), `blobs/sha256/${hexOf(l.digest)}`));
        checkLayers(cfg, layers);
        const tags: string[] = [];
        const name = d.annotations?.[ANNOTATION.imageName] ?? d.annotations?.[ANNOTATION.refName];
        if (name) {
          try {
            const r = parseReference(name);
            if (r.tag !== undefined || name.includes('/')) tags.push(familiarTagged(name));
          } catch {
            // A bare tag ("latest") names no repository: the image loads untagged.
          }
        }
        const same = plans.find((p) => digestOf(p.configBytes) === digestOf(configBytes));
        if (same) same.tags.push(...tags);
        else plans.push({ configBytes, layers, sizes: m.layers.map((l) => blob(l.digest).length), tags });
      }
    };
    visit(parseJson<OciIndex>(files.get('index.json')!, 'index.json'), 0);
    return plans;
  }
  throw new LoadError(`open ${tmp}/manifest.json: no such file or directory`);
}

/** Load a checked plan: register layers, store configs, move tags. Returns the lines to print. */
export async function applyLoad(
  images: ImageStore, layers: LayerStore, plans: Planned[],
  /** Told of each layer that is not there yet, before it is registered (the CLI's "Loading layer" line on a terminal). */
  onLayer?: (shortId: string, size: number) => Promise<void>,
): Promise<string[]> {
  const out: string[] = [];
  // As moby's Load: "Loaded image ID" lines for every image are printed at the end, but only
  // when the last image loaded has no tags.
  const ids: string[] = [];
  let lastTagged = false;
  for (const p of plans) {
    let parent: string | null = null;
    for (let i = 0; i < p.layers.length; i++) {
      const diffId = digestOf(p.layers[i]!);
      const chain = parent ? digestOf(`${parent} ${diffId}`) : diffId;
      if (onLayer && !(await layers.get(chain))) await onLayer(hexOf(diffId).slice(0, 12), p.sizes[i]!);
      parent = (await layers.register(p.layers[i]!, parent)).chainId;
    }
    const image = await images.create(p.configBytes);
    ids.push(`Loaded image ID: ${image.id}`);
    lastTagged = p.tags.length > 0;
    for (const t of p.tags) {
      const name = familiarTagged(t);
      const old = await images.resolve(name);
      if (old && old.id !== image.id && old.repoTags.includes(name)) {
        out.push(`The image ${name} already exists, renaming the old one with ID ${old.id} to empty string`);
      }
      await images.tag(image.id, name, { touch: false });
      out.push(`Loaded image: ${name}`);
    }
  }
  if (!lastTagged) out.push(...ids);
  return out;
}

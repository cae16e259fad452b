// The simulated registry: every repository the learner can pull from. Bundled base images are
// built in memory when first asked for (bundled.ts); images pushed with `docker push` are kept on
// the simulated disk in the layout of registry:2's filesystem driver, so they can be browsed:
//   <root>/docker/registry/v2/
//     blobs/sha256/<2 hex>/<hex>/data                          manifests, configs, layer tar.gz
//     repositories/<name>/_manifests/tags/<tag>/current/link   "sha256:<manifest>"
//     repositories/<name>/_manifests/revisions/sha256/<hex>/link
//     repositories/<name>/_layers/sha256/<hex>/link            blobs the repository may serve
// <name> is the repository path ("library/alpine"; "<domain>/<path>" for other registries than
// docker.io). A pushed tag hides a bundled one of the same name, as a push overwrites a tag.

import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { digestOf, hexOf } from '../oci/digest.ts';
import type { OciManifest } from '../oci/types.ts';
import { buildBundled, builtBlob, findBundled, hasBundledRepository, layerBlob, BUNDLED, type BuiltLayer } from './bundled.ts';
import { exists, mkdirAll, readFileOrNull, readTextOrNull, writeFile } from '../sys-files.ts';
import { parseRef, type ImageRef } from '../images/reference.ts';

export const REGISTRY_ROOT = '/var/lib/registry';

export interface RegistryLayer {
  mediaType: string;
  /** Digest and size of the blob (compressed). */
  digest: string;
  size: number;
}

export interface RegistryImage {
  ref: ImageRef;
  /** What `docker pull` prints as Digest and what becomes the repo digest: the index's if there is one. */
  digest: string;
  manifestDigest: string;
  manifestBytes: Uint8Array;
  manifest: OciManifest;
  configDigest: string;
  configBytes: Uint8Array;
  layers: RegistryLayer[];
}

export type Lookup =
  | { kind: 'found'; image: RegistryImage }
  | { kind: 'no-repository' }
  | { kind: 'no-manifest' };

/**
 * What `push` stores: a config and its layers, each a compressed blob, or the digest and size of
 * a blob the registry serves already (a bundled image's layer, see bundledLayerByDiffId), which
 * spares the pusher putting a large base layer together only for it to be dropped.
 */
export interface PushImage {
  configBytes: Uint8Array;
  configMediaType?: string;
  layers: Array<{ mediaType: string; blob: Uint8Array } | { mediaType: string; digest: string; size: number }>;
}

/** The repository's directory name under repositories/. */
export function repositoryName(ref: ImageRef): string {
  return ref.domain === 'docker.io' ? ref.path : `${ref.domain}/${ref.path}`;
}

export class Registry {
  readonly v2: string;

  constructor(readonly sys: Sys, readonly root = REGISTRY_ROOT) {
    this.v2 = `${root}/docker/registry/v2`;
  }

  /** The image a reference names, or why there is none (Docker words the two cases differently). */
  async lookup(ref: string | ImageRef): Promise<Lookup> {
    const r = typeof ref === 'string' ? parseRef(ref) : ref;
    const pushed = await this.lookupPushed(r);
    if (pushed) return { kind: 'found', image: pushed };
    const bundled = await this.lookupBundled(r);
    if (bundled) return { kind: 'found', image: bundled };
    const repoDir = `${this.v2}/repositories/${repositoryName(r)}`;
    if (hasBundledRepository(r.full) || (await exists(this.sys, repoDir))) return { kind: 'no-manifest' };
    return { kind: 'no-repository' };
  }

  async resolve(ref: string | ImageRef): Promise<RegistryImage | null> {
    const l = await this.lookup(ref);
    return l.kind === 'found' ? l.image : null;
  }

  /**
   * A blob's bytes (pushed blobs first, then the bundled images'), or null. A bundled layer is
   * put together in full here; a pull takes it as a sparse tar instead (bundledLayer).
   */
  async blob(digest: string): Promise<Uint8Array | null> {
    const onDisk = await readFileOrNull(this.sys, this.blobPath(digest));
    if (onDisk) return onDisk;
    const built = builtBlob(digest);
    if (built) return built instanceof Uint8Array ? built : await layerBlob(built);
    for (const d of BUNDLED) {
      const built = await buildBundled(d);
      if (built.configDigest === digest) return built.configBytes;
      const layer = built.layers.find((l) => l.digest === digest);
      if (layer) return await layerBlob(layer);
    }
    return null;
  }

  /**
   * A bundled image's layer by blob digest, as its sparse tar with digests worked out in advance,
   * or null (a pushed blob, or none). What a pull unpacks without fetching the bulk.
   */
  async bundledLayer(digest: string): Promise<BuiltLayer | null> {
    if (await exists(this.sys, this.blobPath(digest))) return null;
    const built = builtBlob(digest);
    if (built) return built instanceof Uint8Array ? null : built;
    for (const d of BUNDLED) {
      const layer = (await buildBundled(d)).layers.find((l) => l.digest === digest);
      if (layer) return layer;
    }
    return null;
  }

  /** Does the repository already hold this blob (push says "Layer already exists")? */
  async hasBlob(ref: string | ImageRef, digest: string): Promise<boolean> {
    const r = typeof ref === 'string' ? parseRef(ref) : ref;
    if (await exists(this.sys, `${this.v2}/repositories/${repositoryName(r)}/_layers/sha256/${hexOf(digest)}/link`)) return true;
    for (const d of BUNDLED) {
      if (d.repository !== r.full) continue;
      const built = await buildBundled(d);
      if (built.layers.some((l) => l.digest === digest)) return true;
    }
    return false;
  }

  /**
   * Store a blob in the repository (idempotent). A bundled layer's bytes are not written again:
   * the registry serves them already, so only the repository's link to them is made (what
   * keeps pushing an image built on ubi8 from writing its 217 MB base layer to the disk).
   */
  async putBlob(ref: string | ImageRef, blob: Uint8Array, digest = digestOf(blob)): Promise<string> {
    const r = typeof ref === 'string' ? parseRef(ref) : ref;
    const path = this.blobPath(digest);
    if (!(await exists(this.sys, path)) && !(await this.bundledLayer(digest))) {
      await mkdirAll(this.sys, path.slice(0, path.lastIndexOf('/')));
      await writeFile(this.sys, path, blob);
    }
    await this.linkBlob(r, digest);
    return digest;
  }

  /** Let the repository serve a blob the registry has (registry:2's _layers link). */
  async linkBlob(ref: string | ImageRef, digest: string): Promise<void> {
    const r = typeof ref === 'string' ? parseRef(ref) : ref;
    const link = `${this.v2}/repositories/${repositoryName(r)}/_layers/sha256/${hexOf(digest)}`;
    await mkdirAll(this.sys, link);
    await writeFile(this.sys, `${link}/link`, digest);
  }

  /**
   * Push: the layers and config as blobs, then a Docker schema 2 manifest (Docker's own 3-space
   * indented JSON) tagged `ref`'s tag. Returns the manifest's digest and size.
   */
  async push(ref: string | ImageRef, image: PushImage): Promise<{ digest: string; size: number }> {
    const r = typeof ref === 'string' ? parseRef(ref) : ref;
    const layers = [];
    for (const l of image.layers) {
      if ('blob' in l) {
        const digest = await this.putBlob(r, l.blob);
        layers.push({ mediaType: l.mediaType, size: l.blob.length, digest });
        continue;
      }
      if (!(await this.bundledLayer(l.digest)) && !(await exists(this.sys, this.blobPath(l.digest)))) {
        throw new Error(`blob ${l.digest} not found: blob unknown to registry`);
      }
      await this.linkBlob(r, l.digest);
      layers.push({ mediaType: l.mediaType, size: l.size, digest: l.digest });
    }
    const configDigest = await this.putBlob(r, image.configBytes);
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: image.configMediaType ?? 'application/vnd.docker.container.image.v1+json', size: image.configBytes.length, digest: configDigest },
      layers,
    };
    const bytes = utf8Encode(JSON.stringify(manifest, null, 3));
    const digest = digestOf(bytes);
    const path = this.blobPath(digest);
    await mkdirAll(this.sys, path.slice(0, path.lastIndexOf('/')));
    await writeFile(this.sys, path, bytes);
    const repo = `${this.v2}/repositories/${repositoryName(r)}/_manifests`;
    await mkdirAll(this.sys, `${repo}/revisions/sha256/${hexOf(digest)}`);
    await writeFile(this.sys, `${repo}/revisions/sha256/${hexOf(digest)}/link`, digest);
    if (r.tag) {
      await mkdirAll(this.sys, `${repo}/tags/${r.tag}/current`);
      await writeFile(this.sys, `${repo}/tags/${r.tag}/current/link`, digest);
      await mkdirAll(this.sys, `${repo}/tags/${r.tag}/index/sha256/${hexOf(digest)}`);
      await writeFile(this.sys, `${repo}/tags/${r.tag}/index/sha256/${hexOf(digest)}/link`, digest);
    }
    return { digest, size: bytes.length };
  }

  private blobPath(digest: string): string {
    const hex = hexOf(digest);
    return `${this.v2}/blobs/sha256/${hex.slice(0, 2)}/${hex}/data`;
  }

  private async lookupPushed(r: ImageRef): Promise<RegistryImage | null> {
    const repo = `${this.v2}/repositories/${repositoryName(r)}/_manifests`;
    let digest: string | null;
    if (r.digest) digest = (await exists(this.sys, `${repo}/revisions/sha256/${hexOf(r.digest)}/link`)) ? r.digest : null;
    else digest = (await readTextOrNull(this.sys, `${repo}/tags/${r.tag ?? 'latest'}/current/link`))?.trim() ?? null;
    if (!digest) return null;
    const manifestBytes = await readFileOrNull(this.sys, this.blobPath(digest));
    if (!manifestBytes) return null;
    const manifest = JSON.parse(utf8Decode(manifestBytes)) as OciManifest;
    const configBytes = await readFileOrNull(this.sys, this.blobPath(manifest.config.digest));
    if (!configBytes) return null;
    return {
      ref: r, digest, manifestDigest: digest, manifestBytes, manifest, configDigest: manifest.config.digest, configBytes,
      layers: manifest.layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    };
  }

  private async lookupBundled(r: ImageRef): Promise<RegistryImage | null> {
    let built = null;
    if (r.digest) {
      for (const d of BUNDLED) {
        if (d.repository !== r.full) continue;
        const b = await buildBundled(d);
        if (b.indexDigest === r.digest || b.manifestDigest === r.digest) built = b;
      }
    } else {
      const d = findBundled(r.full, r.tag ?? 'latest');
      if (d) built = await buildBundled(d);
    }
    if (!built) return null;
    return {
      ref: r, digest: built.indexDigest ?? built.manifestDigest, manifestDigest: built.manifestDigest, manifestBytes: built.manifestBytes,
      manifest: JSON.parse(utf8Decode(built.manifestBytes)) as OciManifest, configDigest: built.configDigest, configBytes: built.configBytes,
      layers: built.layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    };
  }
}

// Pulling an image from the simulated registry into the engine's stores, with the progress lines
// Docker's daemon sends: "<tag>: Pulling from <path>", per layer "Pulling fs layer",
// "Downloading", "Verifying Checksum", "Download complete", "Extracting", "Pull complete" (or
// "Already exists"), then "Digest:" and "Status:". `docker pull` prints them; `docker run` and
// `docker build` call pullImage for a base image they do not have.
//
// Order of work, as the daemon's: resolve the manifest, fetch and verify each missing layer
// blob, register the layers bottom up (LayerStore.register), then write the config
// (ImageStore.create), the tag and the repo digest. Nothing is tagged if a step fails.

import type { Sys } from '../../sys/sys.ts';
import { ImageStore, type ImageRecord } from '../images/image-store.ts';
import { LayerStore } from '../layers/layer-store.ts';
import { chainIds, digestOf, hexOf } from '../oci/digest.ts';
import type { DockerImageConfig } from '../oci/types.ts';
import { ProgressDisplay, type Write } from './progress.ts';
import { familiarString, parseRef, ReferenceError, type ImageRef } from '../images/reference.ts';
import { Registry, REGISTRY_ROOT } from './registry.ts';
import { type BuiltLayer, layerSparseTar } from './bundled.ts';
import { utf8Decode } from '../../base/text.ts';

/** Docker's max-concurrent-downloads default. */
const MAX_DOWNLOADS = 3;

/** The daemon's error text (the CLI prefixes "Error response from daemon: "). */
export class PullError extends Error {}

export interface PullOptions {
  /** Docker's data root (default /var/lib/docker). */
  root?: string;
  /** The registry's storage (default /var/lib/registry). */
  registryRoot?: string;
  /** Draw progress as on a terminal (lines rewritten in place). */
  tty?: boolean;
  /** Terminal columns (bars are drawn above 110). */
  width?: number;
}

export interface PullResult {
  image: ImageRecord;
  ref: ImageRef;
  /** The digest printed ("Digest: ..."), also the image's repo digest. */
  digest: string;
  /** True when the image was there already ("Image is up to date"). */
  upToDate: boolean;
}

/** What Docker says when a pull finds nothing for `r`. */
export function notFoundMessage(r: ImageRef, kind: 'no-repository' | 'no-manifest'): string {
  if (kind === 'no-repository') {
    return `pull access denied for ${r.familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
  }
  return `manifest for ${familiarString(r)} not found: manifest unknown: manifest unknown`;
}

/**
 * Pull `ref` into the stores. `out` receives the display text: each call is whole text with its
 * own newlines (on a terminal also cursor movement), to be written as is. Throws PullError with
 * the daemon's message when the reference is bad or names nothing.
 */
export async function pullImage(sys: Sys, ref: string, out: Write, opts: PullOptions = {}): Promise<PullResult> {
  let r: ImageRef;
  try {
    r = parseRef(ref);
  } catch (e) {
    if (e instanceof ReferenceError) throw new PullError(e.message);
    throw e;
  }
  if (r.full === 'docker.io/library/scratch') throw new PullError("'scratch' is a reserved name");
  const registry = new Registry(sys, opts.registryRoot ?? REGISTRY_ROOT);
  const found = await registry.lookup(r);
  if (found.kind !== 'found') throw new PullError(notFoundMessage(r, found.kind));
  const remote = found.image;
  const images = new ImageStore(sys, opts.root);
  const layers = new LayerStore(sys, opts.root);
  const display = new ProgressDisplay(out, opts.tty ?? false, opts.width ?? 80);
  const name = familiarString(r);
  await display.message(`${r.digest ?? r.tag}: Pulling from ${r.path}`);

  const config = JSON.parse(utf8Decode(remote.configBytes)) as DockerImageConfig;
  const diffIds = config.rootfs.diff_ids;
  if (diffIds.length !== remote.layers.length) throw new PullError(`invalid image ${name}: ${remote.layers.length} layers but ${diffIds.length} diff ids`);
  const chains = chainIds(diffIds);
  const existing = await images.resolve(remote.configDigest);
  let upToDate = existing !== null;
  if (existing) {
    for (const c of chains) if (!(await layers.get(c))) upToDate = false;
  }

  let image: ImageRecord;
  if (upToDate && existing) {
    image = existing;
  } else {
    const short = remote.layers.map((l) => hexOf(l.digest).slice(0, 12));
    const have: boolean[] = [];
    for (let i = 0; i < chains.length; i++) have.push((await layers.get(chains[i]!)) !== null);
    for (let i = 0; i < short.length; i++) await display.layer(short[i]!, have[i] ? 'Already exists' : 'Pulling fs layer');
    // The daemon downloads three layers at a time; the rest wait their turn.
    const missing = short.filter((_, i) => !have[i]);
    for (const id of missing.slice(MAX_DOWNLOADS)) await display.layer(id, 'Waiting');
    // A bundled layer comes as its sparse tar, its digests checked when they were worked out
    // (bundled-digests.ts and its test): nothing of its bulk is fetched, hashed or written.
    const blobs: Array<Uint8Array | BuiltLayer | null> = [];
    for (let i = 0; i < remote.layers.length; i++) {
      if (have[i]) {
        blobs.push(null);
        continue;
      }
      const desc = remote.layers[i]!;
      const blob = (await registry.bundledLayer(desc.digest)) ?? (await registry.blob(desc.digest));
      if (!blob) throw new PullError(`blob ${desc.digest} not found: blob unknown to registry`);
      const size = blob instanceof Uint8Array ? blob.length : blob.size;
      for (const part of steps(size)) await display.layer(short[i]!, 'Downloading', part, size);
      await display.layer(short[i]!, 'Verifying Checksum');
      if (blob instanceof Uint8Array ? digestOf(blob) !== desc.digest : blob.digest !== desc.digest) {
        throw new PullError(`filesystem layer verification failed for digest ${desc.digest}`);
      }
      await display.layer(short[i]!, 'Download complete');
      blobs.push(blob);
    }
    let parent: string | null = null;
    for (let i = 0; i < remote.layers.length; i++) {
      const blob = blobs[i];
      if (blob) {
        const size = blob instanceof Uint8Array ? blob.length : blob.size;
        for (const part of steps(size)) await display.layer(short[i]!, 'Extracting', part, size);
        const info = blob instanceof Uint8Array ? await layers.register(blob, parent) : await layers.registerSparse(await layerSparseTar(blob), blob.diffId, parent);
        if (info.chainId !== chains[i]) throw new PullError(`layer ${remote.layers[i]!.digest} does not match diff id ${diffIds[i]}`);
        await display.layer(short[i]!, 'Pull complete');
      }
      parent = chains[i]!;
    }
    image = await images.create(remote.configBytes);
  }
  if (r.tag) await images.tag(image.id, name);
  await images.addRepoDigest(image.id, `${r.familiar}@${remote.digest}`);
  await display.message(`Digest: ${remote.digest}`);
  await display.message(upToDate ? `Status: Image is up to date for ${name}` : `Status: Downloaded newer image for ${name}`);
  const fresh = (await images.resolve(image.id)) ?? image;
  return { image: fresh, ref: r, digest: remote.digest, upToDate };
}

/** The byte counts a progress bar passes through for `total` bytes: a few steps, ending at total. */
function steps(total: number): number[] {
  const n = Math.min(4, Math.max(1, Math.ceil(total / 524_288)));
  const out: number[] = [];
  for (let i = 1; i <= n; i++) out.push(Math.round((total * i) / n));
  return out;
}

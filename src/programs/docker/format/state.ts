// Reading the engine's state the way the daemon would answer the CLI: container records from
// ContainerStore, images as ImageViews (config, tags, parent, layer sizes) from ImageStore and
// LayerStore, writable-layer sizes, and the clock. Commands render what these return.

import type { Sys } from '../../../sys/sys.ts';
import { ContainerStore } from '../../../runtime/containers/container-store.ts';
import type { ContainerRecord } from '../../../runtime/containers/container-record.ts';
import { ImageStore } from '../../../runtime/images/image-store.ts';
import { dirSize, LayerStore } from '../../../runtime/layers/layer-store.ts';
import type { CliExit } from './cli.ts';
import type { ImageView } from './images.ts';

export async function nowSeconds(sys: Sys): Promise<number> {
  return Number(await sys.clockGettime(0)) / 1e9;
}

export async function listContainerRecords(sys: Sys, root: string): Promise<ContainerRecord[]> {
  return new ContainerStore(sys, root).list();
}

export async function resolveContainer(sys: Sys, root: string, ref: string): Promise<ContainerRecord | null> {
  try {
    return await new ContainerStore(sys, root).resolve(ref);
  } catch {
    return null;
  }
}

export async function imageViews(sys: Sys, root: string): Promise<ImageView[]> {
  const store = new ImageStore(sys, root);
  const out: ImageView[] = [];
  for (const rec of await store.list()) out.push(await viewOf(store, rec));
  return out;
}

async function viewOf(store: ImageStore, rec: Awaited<ReturnType<ImageStore['list']>>[number]): Promise<ImageView> {
  const layerSizes: number[] = [];
  for (const chain of rec.layers) layerSizes.push((await store.layers.get(chain))?.size ?? 0);
  return { id: rec.id, config: rec.config, repoTags: rec.repoTags, repoDigests: rec.repoDigests, parent: (await store.parentOf(rec.id))?.trim() || null, layerSizes };
}

export async function resolveImage(sys: Sys, root: string, ref: string): Promise<ImageView | null> {
  const store = new ImageStore(sys, root);
  let rec;
  try {
    rec = await store.resolve(ref);
  } catch {
    return null;
  }
  return rec ? viewOf(store, rec) : null;
}

/** Bytes in a container's writable layer (its upper dir). */
export async function containerRwSize(sys: Sys, root: string, id: string): Promise<number> {
  try {
    const rw = await new LayerStore(sys, root).getRW(id);
    return rw ? await dirSize(sys, rw.upperDir) : 0;
  } catch {
    return 0;
  }
}

/** The daemon's answer for a container reference that names nothing. */
export function noSuchContainer(ref: string): CliExit {
  return { stderr: `Error response from daemon: No such container: ${ref}\n`, status: 1 };
}

/** Print a finished command line's texts; returns its status. */
export async function finish(sys: Sys, r: CliExit): Promise<number> {
  if (r.stdout) await sys.writeAll(1, r.stdout);
  if (r.stderr) await sys.writeAll(2, r.stderr);
  return r.status;
}

// What an overlay's layer directories are to docker, read from the engine's own files on the host's
// disk (as `docker inspect` would): an l/ link resolved to the layer directory it names, which image
// layer that directory holds (by its place in the layer chain, bottom = 1), a container's -init
// layer, or a container's writable layer. The Layer stack panel shows this beside the raw paths a
// learner sees in /proc/self/mountinfo. Only reads; anything missing just leaves a layer plain.

import type { FsContext, Vfs } from '../kernel/fs/vfs/vfs.ts';
import type { LayerSnapshot, OverlaySnapshot } from '../protocol/kernel-api.ts';

const OVERLAY2 = '/var/lib/docker/overlay2';
const LAYERDB = '/var/lib/docker/image/overlay2/layerdb';
const CONTAINERS = '/var/lib/docker/containers';

interface ImageLayer {
  /** 1 for the bottom layer of its chain. */
  depth: number;
  diffId: string;
}

interface ContainerInfo {
  id: string;
  name: string;
  image: string;
}

interface DockerView {
  /** cache-id (the overlay2 directory name) -> image layer. */
  layers: Map<string, ImageLayer>;
  /** mount-id (the container's overlay2 directory name) -> container. */
  containers: Map<string, ContainerInfo>;
}

const decoder = new TextDecoder();

export class DockerLayerNamer {
  constructor(private readonly vfs: Vfs, private readonly ctx: FsContext) {}

  private async text(path: string): Promise<string | null> {
    try {
      return decoder.decode(await this.vfs.readFile(this.ctx, path)).trim();
    } catch {
      return null;
    }
  }

  private async names(dir: string): Promise<string[]> {
    try {
      return (await this.vfs.readdir(this.ctx, dir)).map((e) => e.name).filter((n) => n !== '.' && n !== '..');
    } catch {
      return [];
    }
  }

  private async view(): Promise<DockerView> {
    const chains = new Map<string, { cacheId: string; parent: string | null; diffId: string }>();
    for (const chainId of await this.names(`${LAYERDB}/sha256`)) {
      const dir = `${LAYERDB}/sha256/${chainId}`;
      const cacheId = await this.text(`${dir}/cache-id`);
      if (!cacheId) continue;
      const parent = (await this.text(`${dir}/parent`))?.replace(/^sha256:/, '') ?? null;
      chains.set(chainId, { cacheId, parent, diffId: (await this.text(`${dir}/diff`)) ?? '' });
    }
    const depthOf = (chainId: string, seen = 0): number => {
      const c = chains.get(chainId);
      return c?.parent && seen < 256 ? 1 + depthOf(c.parent, seen + 1) : 1;
    };
    const layers = new Map<string, ImageLayer>();
    for (const [chainId, c] of chains) layers.set(c.cacheId, { depth: depthOf(chainId), diffId: c.diffId });

    const containers = new Map<string, ContainerInfo>();
    for (const id of await this.names(`${LAYERDB}/mounts`)) {
      const mountId = await this.text(`${LAYERDB}/mounts/${id}/mount-id`);
      if (!mountId) continue;
      let name = id.slice(0, 12);
      let image = '';
      try {
        const config = JSON.parse((await this.text(`${CONTAINERS}/${id}/config.v2.json`)) ?? '{}') as { Name?: string; Config?: { Image?: string } };
        if (config.Name) name = config.Name.replace(/^\//, '');
        image = config.Config?.Image ?? '';
      } catch {
        // A half-written config: the short id will do.
      }
      containers.set(mountId, { id, name, image });
    }
    return { layers, containers };
  }

  /** The overlay2 directory name a layer path lives in, following an l/ link; and where it led. */
  private async resolve(label: string): Promise<{ dirName: string; resolved?: string } | null> {
    if (!label.startsWith(`${OVERLAY2}/`)) return null;
    const rest = label.slice(OVERLAY2.length + 1).split('/');
    if (rest[0] === 'l' && rest.length === 2) {
      let target: string;
      try {
        target = await this.vfs.readlink(this.ctx, label);
      } catch {
        return null;
      }
      // docker writes these links relative: "../<id>/diff".
      const m = /^(?:\.\.\/|\/var\/lib\/docker\/overlay2\/)([^/]+)\/diff$/.exec(target);
      return m ? { dirName: m[1]!, resolved: `${OVERLAY2}/${m[1]}/diff` } : null;
    }
    return rest.length === 2 && rest[1] === 'diff' ? { dirName: rest[0]! } : null;
  }

  /** The layers with `resolved` and `about` filled in where docker's files say what they are. */
  async describeLayers(layers: LayerSnapshot[]): Promise<LayerSnapshot[]> {
    if (!layers.some((l) => l.label.startsWith(`${OVERLAY2}/`))) return layers;
    const view = await this.view();
    const out: LayerSnapshot[] = [];
    for (const l of layers) {
      const r = await this.resolve(l.label);
      if (!r) {
        out.push(l);
        continue;
      }
      const image = view.layers.get(r.dirName);
      const initOf = r.dirName.endsWith('-init') ? view.containers.get(r.dirName.slice(0, -5)) : undefined;
      const container = view.containers.get(r.dirName);
      let about: string | undefined;
      if (image) about = `image layer ${image.depth}${image.diffId ? ` · ${image.diffId.slice(0, 19)}` : ''}`;
      else if (r.dirName.endsWith('-init')) about = `init layer of container ${initOf?.name ?? r.dirName.slice(0, 12)}`;
      else if (container) about = `writable layer of container ${container.name}`;
      out.push({ ...l, ...(r.resolved ? { resolved: r.resolved } : {}), ...(about ? { about } : {}) });
    }
    return out;
  }

  /** "container box (alpine)" for an overlay whose upper is a container's diff directory. */
  async describeOverlays(overlays: OverlaySnapshot[]): Promise<OverlaySnapshot[]> {
    if (!overlays.some((o) => o.upper?.startsWith(`${OVERLAY2}/`))) return overlays;
    const uppers = new Map<string, string>();
    for (const o of overlays) if (o.upper) uppers.set(o.upper, (await this.resolve(o.upper))?.dirName ?? '');
    const now = Date.now();
    const unknown = [...uppers.values()].filter((d) => {
      const hit = this.containerCache.get(d);
      return d !== '' && (!hit || (hit.info === null && now - hit.at > 2000));
    });
    if (unknown.length > 0) {
      const view = await this.view();
      for (const d of unknown) this.containerCache.set(d, { info: view.containers.get(d) ?? null, at: now });
    }
    return overlays.map((o) => {
      const c = o.upper ? this.containerCache.get(uppers.get(o.upper) ?? '')?.info : undefined;
      return c ? { ...o, about: `container ${c.name}${c.image ? ` (${c.image})` : ''}` } : o;
    });
  }

  /** Overlay2 directory -> its container (null: not one, asked again after a while): snapshots
   * are polled, and a container's files never change what it is. */
  private readonly containerCache = new Map<string, { info: ContainerInfo | null; at: number }>();
}

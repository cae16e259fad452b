// Images as Docker's image store keeps them under <root>/image/overlay2:
//   imagedb/content/sha256/<hex>                 the config; the image id is its digest
//   imagedb/metadata/sha256/<hex>/{parent,lastUpdated}
//   repositories.json                            {"Repositories":{"alpine":{"alpine:3.20":"sha256:..",
//                                                 "alpine@sha256:<manifest>":"sha256:.."}}}
// Layers come from the config's rootfs.diff_ids and must already be registered in the
// LayerStore; removing an image releases its top layer, which the LayerStore deletes only when
// nothing else needs it.

import { isSysError } from '../../abi/errno.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { LayerStore } from '../layers/layer-store.ts';
import { listEntriesOrEmpty, mkdirAll, readFile, readTextOrNull, removeAll, writeFileAtomic } from '../sys-files.ts';
import { byteCompare, rfc3339Nano } from '../go-style.ts';
import { chainIds, digestOf, hexOf } from '../oci/digest.ts';
import type { DockerImageConfig } from '../oci/types.ts';
import { familiarTagged, parseReference } from './reference.ts';

export interface ImageRecord { id: string /* sha256:hex */; config: DockerImageConfig; configBytes: Uint8Array; layers: string[] /* chain ids, bottom first */; repoTags: string[]; repoDigests: string[]; created: string; size: number }

type Repositories = Record<string, Record<string, string>>;

export class ImageStore {
  readonly base: string;
  readonly layers: LayerStore;

  constructor(readonly sys: Sys, readonly root = '/var/lib/docker') {
    this.base = `${root}/image/overlay2`;
    this.layers = new LayerStore(sys, root);
  }

  /** Every image, newest first (as `docker images` lists them). */
  async list(): Promise<ImageRecord[]> {
    const repos = await this.readRepositories();
    const out: ImageRecord[] = [];
    for (const e of await listEntriesOrEmpty(this.sys, `${this.base}/imagedb/content/sha256`)) {
      const r = await this.load(`sha256:${e.name}`, repos);
      if (r) out.push(r);
    }
    return out.sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : byteCompare(a.id, b.id)));
  }

  /** name[:tag], name@sha256:..., sha256:<hex>, a full id, or an unambiguous id prefix. */
  async resolve(ref: string): Promise<ImageRecord | null> {
    const repos = await this.readRepositories();
    const m = /^(?:sha256:)?([a-f0-9]{64})$/.exec(ref);
    if (m) return this.load(`sha256:${m[1]}`, repos);
    if (!ref.startsWith('sha256:')) {
      let key: string | null = null;
      try {
        key = familiarTagged(ref);
      } catch {
        key = null;
      }
      if (key !== null) {
        const name = key.replace(/[:@][^/]*$/, '');
        const id = repos[name]?.[key];
        if (id) return this.load(id, repos);
      }
    }
    const prefix = /^(?:sha256:)?([a-f0-9]+)$/.exec(ref)?.[1];
    if (!prefix) return null;
    const hits = (await listEntriesOrEmpty(this.sys, `${this.base}/imagedb/content/sha256`)).filter((e) => e.name.startsWith(prefix));
    if (hits.length !== 1) return null;
    return this.load(`sha256:${hits[0]!.name}`, repos);
  }

  /** Store a config whose layers are registered; returns the image (existing or new). */
  async create(configBytes: Uint8Array, parent?: string): Promise<ImageRecord> {
    const config = JSON.parse(utf8Decode(configBytes)) as DockerImageConfig;
    const diffIds = config.rootfs?.diff_ids ?? [];
    const chain = chainIds(diffIds);
    const top = chain[chain.length - 1];
    if (top && !(await this.layers.get(top))) throw new Error(`layer does not exist: ${top}`);
    const id = digestOf(configBytes);
    const hex = hexOf(id);
    await mkdirAll(this.sys, `${this.base}/imagedb/content/sha256`, 0o700);
    await writeFileAtomic(this.sys, `${this.base}/imagedb/content/sha256/${hex}`, configBytes, 0o600);
    if (parent) {
      await mkdirAll(this.sys, `${this.base}/imagedb/metadata/sha256/${hex}`, 0o700);
      await writeFileAtomic(this.sys, `${this.base}/imagedb/metadata/sha256/${hex}/parent`, parent, 0o600);
    }
    return (await this.load(id, await this.readRepositories()))!;
  }

  /**
   * Point `ref` (tag "latest" when none) at the image, taking it from any other image. Like the
   * daemon's TagImage this records metadata/lastUpdated; `docker load` adds its tags without it
   * (`{ touch: false }`).
   */
  async tag(id: string, ref: string, opts: { touch?: boolean } = {}): Promise<void> {
    const key = familiarTagged(ref);
    await this.setRef(key, `sha256:${hexOf(id)}`);
    if (opts.touch !== false) await this.touch(id);
  }

  async untag(ref: string): Promise<void> {
    const key = familiarTagged(ref);
    const repos = await this.readRepositories();
    const name = key.replace(/[:@][^/]*$/, '');
    if (!repos[name]?.[key]) return;
    delete repos[name]![key];
    if (Object.keys(repos[name]!).length === 0) delete repos[name];
    await this.writeRepositories(repos);
  }

  /** Record `name@sha256:<manifest digest>` for the image (a tag in `ref` is dropped). */
  async addRepoDigest(id: string, ref: string): Promise<void> {
    const r = parseReference(ref);
    if (!r.digest) throw new Error(`not a digest reference: ${ref}`);
    await this.setRef(`${r.familiar}@${r.digest}`, `sha256:${hexOf(id)}`);
  }

  /** Delete the image's config, metadata and references, then release its layers. */
  async remove(id: string): Promise<void> {
    const full = `sha256:${hexOf(id)}`;
    const rec = await this.load(full, await this.readRepositories());
    const repos = await this.readRepositories();
    for (const [name, refs] of Object.entries(repos)) {
      for (const [k, v] of Object.entries(refs)) if (v === full) delete refs[k];
      if (Object.keys(refs).length === 0) delete repos[name];
    }
    await this.writeRepositories(repos);
    await removeAll(this.sys, `${this.base}/imagedb/content/sha256/${hexOf(id)}`);
    await removeAll(this.sys, `${this.base}/imagedb/metadata/sha256/${hexOf(id)}`);
    const top = rec?.layers[rec.layers.length - 1];
    if (top) await this.layers.release(top);
  }

  /** Ids of images whose metadata names `id` as parent (they keep it from being removed untagged). */
  async children(id: string): Promise<string[]> {
    const out: string[] = [];
    for (const e of await listEntriesOrEmpty(this.sys, `${this.base}/imagedb/metadata/sha256`)) {
      const p = await readTextOrNull(this.sys, `${this.base}/imagedb/metadata/sha256/${e.name}/parent`);
      if (p === `sha256:${hexOf(id)}`) out.push(`sha256:${e.name}`);
    }
    return out;
  }

  async parentOf(id: string): Promise<string | null> {
    return readTextOrNull(this.sys, `${this.base}/imagedb/metadata/sha256/${hexOf(id)}/parent`);
  }

  async lastUpdated(id: string): Promise<string | null> {
    return readTextOrNull(this.sys, `${this.base}/imagedb/metadata/sha256/${hexOf(id)}/lastUpdated`);
  }

  // ---- internals ----------------------------------------------------------------------------

  private async load(id: string, repos: Repositories): Promise<ImageRecord | null> {
    let configBytes: Uint8Array;
    try {
      configBytes = await readFile(this.sys, `${this.base}/imagedb/content/sha256/${hexOf(id)}`);
    } catch (e) {
      if (isSysError(e, 'ENOENT')) return null;
      throw e;
    }
    const config = JSON.parse(utf8Decode(configBytes)) as DockerImageConfig;
    const layers = chainIds(config.rootfs?.diff_ids ?? []);
    let size = 0;
    for (const c of layers) size += (await this.layers.get(c))?.size ?? 0;
    const repoTags: string[] = [];
    const repoDigests: string[] = [];
    for (const refs of Object.values(repos)) {
      for (const [k, v] of Object.entries(refs)) {
        if (v !== id) continue;
        (k.includes('@') ? repoDigests : repoTags).push(k);
      }
    }
    repoTags.sort(byteCompare);
    repoDigests.sort(byteCompare);
    return { id, config, configBytes, layers, repoTags, repoDigests, created: config.created ?? '', size };
  }

  private async setRef(key: string, id: string): Promise<void> {
    const repos = await this.readRepositories();
    const name = key.replace(/[:@][^/]*$/, '');
    (repos[name] ??= {})[key] = id;
    await this.writeRepositories(repos);
  }

  private async touch(id: string): Promise<void> {
    const dir = `${this.base}/imagedb/metadata/sha256/${hexOf(id)}`;
    await mkdirAll(this.sys, dir, 0o700);
    await writeFileAtomic(this.sys, `${dir}/lastUpdated`, rfc3339Nano(await this.sys.clockGettime(0)), 0o600);
  }

  private async readRepositories(): Promise<Repositories> {
    const text = await readTextOrNull(this.sys, `${this.base}/repositories.json`);
    if (!text) return {};
    return (JSON.parse(text) as { Repositories?: Repositories }).Repositories ?? {};
  }

  private async writeRepositories(repos: Repositories): Promise<void> {
    // Go writes map keys sorted.
    const sorted: Repositories = {};
    for (const name of Object.keys(repos).sort(byteCompare)) {
      sorted[name] = {};
      for (const k of Object.keys(repos[name]!).sort(byteCompare)) sorted[name]![k] = repos[name]![k]!;
    }
    await mkdirAll(this.sys, this.base, 0o700);
    await writeFileAtomic(this.sys, `${this.base}/repositories.json`, utf8Encode(JSON.stringify({ Repositories: sorted })), 0o600);
  }
}

/** The engine plan's contract names the parser here too; it is images/reference.ts's. */
export { parseReference };

// docker push: upload a local image's layers (gzip of each layer's tar) and config to the
// simulated registry, then its manifest under the tag. Layers the repository has already are
// "Layer already exists"; ones another repository of the same registry holds are mounted from
// it. Progress ids are the layers' diff ids, top layer first, as Docker prints them.

import type { DockerCommand, DockerContext } from '../command.ts';
import { daemonError, parseCommand, type CommandDef } from './command-line.ts';
import { ImageStore, type ImageRecord } from '../../../runtime/images/image-store.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { hexOf } from '../../../runtime/oci/digest.ts';
import { BUNDLED, buildBundled, bundledLayerByDiffId } from '../../../runtime/registry/bundled.ts';
import { gzipLayer } from '../../../runtime/registry/layer-tar.ts';
import { ProgressDisplay, stdoutTerminal } from '../../../runtime/registry/progress.ts';
import { familiarString, parseRef, ReferenceError, type ImageRef } from '../../../runtime/images/reference.ts';
import { Registry } from '../../../runtime/registry/registry.ts';
import { digestOf } from '../../../runtime/oci/digest.ts';

const DEF: CommandDef = {
  name: 'push',
  flags: ['all-tags', 'disable-content-trust', 'platform', 'quiet'],
  args: { exact: 1 },
};

/** The repository on the same registry that holds `digest` already, for "Mounted from". */
async function mountSource(target: ImageRef, digest: string): Promise<string | null> {
  for (const d of BUNDLED) {
    if (d.repository === target.full || !d.repository.startsWith(`${target.domain}/`)) continue;
    const built = await buildBundled(d);
    if (built.layers.some((l) => l.digest === digest)) return d.repository.slice(target.domain.length + 1);
  }
  return null;
}

async function pushOne(ctx: DockerContext, registry: Registry, images: ImageStore, image: ImageRecord, r: ImageRef, display: ProgressDisplay): Promise<string> {
  const layers = new LayerStore(ctx.sys, ctx.root);
  const blobs: Array<{ mediaType: string; blob: Uint8Array } | { mediaType: string; digest: string; size: number }> = [];
  for (const chain of image.layers) {
    // A bundled image's layer: the registry has its blob, named by digest; no need to rebuild it.
    const bundled = await bundledLayerByDiffId((await layers.get(chain))!.diffId);
    blobs.push(bundled ? { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: bundled.digest, size: bundled.size }
      : { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', blob: gzipLayer(await layers.tarOf(chain)) });
  }
  const diffIds = image.config.rootfs.diff_ids;
  const order = [...diffIds.keys()].reverse();
  for (const i of order) await display.layer(hexOf(diffIds[i]!).slice(0, 12), 'Preparing');
  // The daemon uploads five layers at a time (max-concurrent-uploads); the rest wait.
  for (const i of order.slice(5)) await display.layer(hexOf(diffIds[i]!).slice(0, 12), 'Waiting');
  for (const i of order) {
    const id = hexOf(diffIds[i]!).slice(0, 12);
    const b = blobs[i]!;
    const digest = 'blob' in b ? digestOf(b.blob) : b.digest;
    const length = 'blob' in b ? b.blob.length : b.size;
    if (await registry.hasBlob(r, digest)) {
      await display.layer(id, 'Layer already exists');
      continue;
    }
    const from = await mountSource(r, digest);
    if (from) {
      await registry.linkBlob(r, digest);
      await display.layer(id, `Mounted from ${from}`);
      continue;
    }
    await display.layer(id, 'Pushing', Math.round(length / 2), length);
    await display.layer(id, 'Pushing', length, length);
    await display.layer(id, 'Pushed');
  }
  const { digest, size } = await registry.push(r, { configBytes: image.configBytes, layers: blobs });
  await images.addRepoDigest(image.id, `${r.familiar}@${digest}`);
  await display.message(`${r.tag}: digest: ${digest} size: ${size}`);
  return digest;
}

const push: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, DEF);
  if (typeof f === 'number') return f;
  const name = f.operands[0]!;
  let r: ImageRef;
  try {
    r = parseRef(name);
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    await ctx.sys.writeAll(2, `${e.message}\n`);
    return 1;
  }
  if (r.digest) {
    await ctx.sys.writeAll(2, `invalid reference format\n`);
    return 1;
  }
  const quiet = f.bool('quiet');
  const all = f.bool('all-tags');
  if (all && !r.defaultTag) {
    await ctx.sys.writeAll(2, 'tag can\'t be used with --all-tags/-a\n');
    return 1;
  }
  const images = new ImageStore(ctx.sys, ctx.root);
  const registry = new Registry(ctx.sys);
  const { tty, width } = await stdoutTerminal(ctx.sys);
  const display = new ProgressDisplay(async (t) => {
    if (!quiet) await ctx.sys.writeAll(1, t);
  }, tty, width);
  const targets: Array<{ ref: ImageRef; image: ImageRecord }> = [];
  if (all) {
    for (const img of await images.list()) {
      for (const t of img.repoTags) {
        const tr = parseRef(t);
        if (tr.full === r.full) targets.push({ ref: tr, image: img });
      }
    }
    targets.sort((a, b) => (a.ref.tag! < b.ref.tag! ? -1 : 1));
  } else {
    const image = await images.resolve(familiarString(r));
    if (image) targets.push({ ref: r, image });
  }
  if (targets.length === 0) {
    await ctx.sys.writeAll(2, `An image does not exist locally with the tag: ${r.familiar}\n`);
    return 1;
  }
  if (!quiet) await display.message(`The push refers to repository [${r.full}]`);
  try {
    for (const t of targets) await pushOne(ctx, registry, images, t.image, t.ref, display);
  } catch (e) {
    await daemonError(ctx, e instanceof Error ? e.message : String(e));
    return 1;
  }
  if (quiet) await ctx.sys.writeAll(1, `${all ? r.full : `${r.full}:${r.tag}`}\n`);
  return 0;
};

export default push;

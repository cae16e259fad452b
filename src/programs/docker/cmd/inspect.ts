// docker inspect (and container inspect, image inspect): each NAME|ID as a container first,
// then as an image (or only the --type given); all found documents as one JSON array, or
// each through the -f/--format template; a missing one is "Error: No such object: x", status 1.

import { ImageStore } from '../../../runtime/images/image-store.ts';
import type { DockerCommand } from '../command.ts';
import { type CliExit, type ParsedFlags, parseCommand } from '../format/cli.ts';
import { type ImageGraph, type Inspected, imageInspectDoc, inspectOutput } from '../format/inspect.ts';
import { type ImageView, imageSize } from '../format/images.ts';
import { specFor } from '../format/specs.ts';
import { containerRwSize, finish, resolveContainer, resolveImage } from '../format/state.ts';

export interface InspectLookup {
  /** With `size`, SizeRw and SizeRootFs follow GraphDriver (moby's ContainerJSONBase order). */
  container(ref: string, size: boolean): Promise<Record<string, unknown> | null>;
  image(ref: string): Promise<Record<string, unknown> | null>;
}

/** `kind` is the management group used ("container", "image") or "" for plain `docker inspect`. */
export async function renderInspect(lookup: InspectLookup, flags: ParsedFlags, kind: '' | 'container' | 'image'): Promise<CliExit> {
  const type = kind || flags.str('type');
  if (type && !['container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume', 'config'].includes(type)) {
    return { stderr: `"${type}" is not a valid value for --type\n`, status: 1 };
  }
  const found: Inspected[] = [];
  for (const ref of flags.operands) {
    let doc: Record<string, unknown> | null = null;
    if (!type || type === 'container') doc = await lookup.container(ref, flags.bool('size'));
    if (!doc && (!type || type === 'image')) doc = await lookup.image(ref);
    if (doc) found.push({ doc });
    else if (kind === 'container' || type === 'container') found.push({ error: `Error response from daemon: No such container: ${ref}` });
    else if (kind === 'image' || type === 'image') found.push({ error: `Error response from daemon: No such image: ${ref}` });
    else found.push({ error: `Error: No such object: ${ref}` });
  }
  return inspectOutput(found, flags.str('format'), { newlineWhenEmpty: true });
}

export async function imageGraph(store: ImageStore, img: ImageView): Promise<ImageGraph> {
  const rec = await store.resolve(img.id);
  const dirs: string[] = [];
  for (const chain of [...(rec?.layers ?? [])].reverse()) {
    const info = await store.layers.get(chain);
    if (info) dirs.push(info.diffDir.replace(/\/diff$/, ''));
  }
  return { cacheDirs: dirs, lastTagTime: (await store.lastUpdated(img.id))?.trim() || null };
}

const inspect: DockerCommand = async (ctx) => {
  const kind = ctx.name.startsWith('container ') ? 'container' : ctx.name.startsWith('image ') ? 'image' : '';
  const flags = parseCommand(specFor(ctx.name, 'inspect'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const store = new ImageStore(ctx.sys, ctx.root);
  const lookup: InspectLookup = {
    container: async (ref, size) => {
      const rec = await resolveContainer(ctx.sys, ctx.root, ref);
      if (!rec || !size) return rec as unknown as Record<string, unknown> | null;
      const rw = await containerRwSize(ctx.sys, ctx.root, rec.Id);
      const img = await resolveImage(ctx.sys, ctx.root, rec.Image);
      const doc: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rec)) {
        doc[k] = v;
        if (k === 'GraphDriver') {
          doc.SizeRw = rw;
          doc.SizeRootFs = rw + (img ? imageSize(img) : 0);
        }
      }
      return doc;
    },
    image: async (ref) => {
      const img = await resolveImage(ctx.sys, ctx.root, ref);
      // image inspect --platform: an image of another platform is not the one asked for
      const [os, arch] = flags.str('platform').split('/');
      if (img && os && (os !== img.config.os || (arch && arch !== img.config.architecture))) return null;
      return img ? imageInspectDoc(img, await imageGraph(store, img)) : null;
    },
  };
  return finish(ctx.sys, await renderInspect(lookup, flags, kind));
};

export default inspect;

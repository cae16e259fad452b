// docker rmi: untag images and delete the ones no reference keeps, with the daemon's rules
// (moby daemon/images/image_delete.go): removing a reference only untags while other tags
// remain; the last tag of a repository takes that repository's digest references with it; an
// image a container uses, or one named by id with several repositories, is a conflict unless
// forced (a running container's image, or one with child images, cannot be forced).

import type { DockerCommand, DockerContext } from '../command.ts';
import { parseCommand, type CommandDef } from './command-line.ts';
import { ContainerStore } from '../../../runtime/containers/container-store.ts';
import { ImageStore, type ImageRecord } from '../../../runtime/images/image-store.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { hexOf } from '../../../runtime/oci/digest.ts';
import { familiarString, parseRef } from '../../../runtime/images/reference.ts';

const DEF: CommandDef = {
  name: 'rmi',
  flags: ['force', 'no-prune', 'platform'],
  args: { min: 1 },
};

export class ConflictError extends Error {}

const short = (id: string): string => hexOf(id).slice(0, 12);

/** One line of what a removal did: "Untagged: x" or "Deleted: sha256:...". */
export interface DeleteRecord {
  kind: 'Untagged' | 'Deleted';
  ref: string;
}

/** Who uses images: container id and whether it runs, by image id. */
export async function imageUsers(ctx: DockerContext): Promise<Map<string, Array<{ id: string; running: boolean }>>> {
  const users = new Map<string, Array<{ id: string; running: boolean }>>();
  for (const c of await new ContainerStore(ctx.sys, ctx.root).list()) {
    const list = users.get(c.Image) ?? [];
    list.push({ id: c.Id, running: c.State.Running });
    users.set(c.Image, list);
  }
  return users;
}

/** Delete image `id` (its remaining references go first), then prune dangling parents. */
export async function deleteImage(images: ImageStore, layers: LayerStore, img: ImageRecord, prune: boolean, out: DeleteRecord[]): Promise<number> {
  for (const t of img.repoTags) out.push({ kind: 'Untagged', ref: t });
  for (const d of img.repoDigests) out.push({ kind: 'Untagged', ref: d });
  const parent = await images.parentOf(img.id);
  const chains = [...img.layers].reverse();
  const before = new Map<string, number>();
  for (const c of chains) before.set(c, (await layers.get(c))?.size ?? 0);
  await images.remove(img.id);
  out.push({ kind: 'Deleted', ref: img.id });
  let freed = 0;
  for (const c of chains) {
    if ((await layers.get(c)) === null) {
      out.push({ kind: 'Deleted', ref: c });
      freed += before.get(c) ?? 0;
    }
  }
  if (prune && parent) {
    const p = await images.resolve(parent);
    if (p && p.repoTags.length === 0 && (await images.children(p.id)).length === 0) freed += await deleteImage(images, layers, p, prune, out);
  }
  return freed;
}

async function removeOne(ctx: DockerContext, images: ImageStore, layers: LayerStore, arg: string, force: boolean, prune: boolean, out: DeleteRecord[]): Promise<void> {
  const img = await images.resolve(arg);
  if (!img) {
    let shown = arg;
    if (!/^(sha256:)?[0-9a-f]{1,64}$/.test(arg)) {
      try {
        shown = familiarString(parseRef(arg));
      } catch {
        shown = arg;
      }
    }
    throw new Error(`No such image: ${shown}`);
  }
  const users = (await imageUsers(ctx)).get(img.id) ?? [];
  const byId = /^(sha256:)?[0-9a-f]{1,64}$/.test(arg) && img.id.slice(7).startsWith(arg.replace(/^sha256:/, ''));
  let refs = [...img.repoTags, ...img.repoDigests];
  let removedRef = false;
  const untag = async (ref: string): Promise<void> => {
    await images.untag(ref);
    out.push({ kind: 'Untagged', ref });
    refs = refs.filter((x) => x !== ref);
  };
  // What stops the image itself from going: hard conflicts always, soft ones unless forced.
  const conflict = async (soft: boolean, references = true): Promise<string | null> => {
    if ((await images.children(img.id)).length > 0) return `conflict: unable to delete ${short(img.id)} (cannot be forced) - image has dependent child images`;
    const running = users.find((u) => u.running);
    if (running) return `conflict: unable to delete ${short(img.id)} (cannot be forced) - image is being used by running container ${short(running.id)}`;
    if (!soft) return null;
    if (references && refs.length > 0) return `conflict: unable to delete ${short(img.id)} (must be forced) - image is referenced in multiple repositories`;
    if (users.length > 0) return `conflict: unable to delete ${short(img.id)} (must be forced) - image is being used by stopped container ${short(users[0]!.id)}`;
    return null;
  };
  if (!byId) {
    const r = parseRef(arg);
    const key = familiarString(r);
    if (!force && isSingleReference(refs) && users.length > 0) {
      throw new ConflictError(`conflict: unable to remove repository reference "${arg}" (must force) - container ${short(users[0]!.id)} is using its referenced image ${short(img.id)}`);
    }
    await untag(key);
    // The last tag of a repository takes the repository's digest references along.
    if (!r.digest && !refs.some((x) => !x.includes('@') && repoOf(x) === r.familiar)) {
      for (const d of refs.filter((x) => x.includes('@') && repoOf(x) === r.familiar)) await untag(d);
    }
    if (refs.length > 0) return;
    removedRef = true;
  } else if (isSingleReference(refs)) {
    // By id, with one tag: the references go with the image, so only containers can stop it.
    const c = await conflict(!force, false);
    if (c) throw new ConflictError(c);
    for (const ref of [...refs]) await untag(ref);
  }
  const c = await conflict(!force);
  if (c) {
    if (removedRef) return; // the untag was what was asked; the image stays for its user
    throw new ConflictError(c);
  }
  for (const ref of [...refs]) await untag(ref);
  const current = (await images.resolve(img.id))!;
  await deleteImage(images, layers, current, prune, out);
}

const repoOf = (ref: string): string => ref.replace(/[:@][^/]*$/, '');

/** moby's isSingleReference: all references in one repository, and at most one of them a tag. */
function isSingleReference(refs: string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tags = refs.filter((x) => !x.includes('@'));
  if (tags.length > 1) return false;
  return new Set(refs.map(repoOf)).size === 1;
}

const rmi: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, DEF);
  if (typeof f === 'number') return f;
  const images = new ImageStore(ctx.sys, ctx.root);
  const layers = new LayerStore(ctx.sys, ctx.root);
  const errors: string[] = [];
  for (const arg of f.operands) {
    const out: DeleteRecord[] = [];
    try {
      await removeOne(ctx, images, layers, arg, f.bool('force'), !f.bool('no-prune'), out);
    } catch (e) {
      // The daemon answers an error alone: what it did before the conflict is not listed.
      errors.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    if (out.length) await ctx.sys.writeAll(1, out.map((o) => `${o.kind}: ${o.ref}\n`).join(''));
  }
  if (errors.length) {
    await ctx.sys.writeAll(2, `${errors.map((e) => `Error response from daemon: ${e}`).join('\n')}\n`);
    return 1;
  }
  return 0;
};

export default rmi;

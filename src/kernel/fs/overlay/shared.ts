// Lower-layer descriptions shared between overlay mounts. A thousand containers of one image
// each mount an overlay over the same layer directories; the objects that say "this lower
// directory, at this place in the stack" and "this name's one lower object" come out the same
// for all of them, so every mount takes the one copy instead of making its own.
//
// Only descriptions are shared, never lookups: each mount still looks every name up in its
// own layers and keeps its own cache of what it found, so a change the host makes to a lower
// directory shows to a mount made after it, exactly as before. A shared object names a node
// and a layer; it holds no answer that a change to the layer could make stale.

import type { VNode } from '../vfs/types.ts';
import type { Layer } from './layer.ts';
import type { Real } from './namei.ts';

/** The lowers of an object that has none: one frozen array for all. */
export const NO_LOWERS: readonly Real[] = Object.freeze([]);

const layers = new WeakMap<VNode, readonly Layer[]>();
const NO_LAYERS: readonly Layer[] = Object.freeze([]);

/** The lower layer `root` mounted as `label` at place `index` (1 is the top lower). */
export function sharedLayer(root: VNode, label: string, index: number): Layer {
  const known = layers.get(root) ?? NO_LAYERS;
  const hit = known.find((l) => l.label === label && l.index === index);
  if (hit) return hit;
  const made: Layer = Object.freeze({ root, label, index });
  // Copied rather than pushed: a pushed array keeps room for sixteen more.
  layers.set(root, [...known, made]);
  return made;
}

/** Stacks of one lower object, by that object (the common case below a container's root). */
const singles = new WeakMap<VNode, readonly Real[]>();

/**
 * The lower part of a stack as one shared, frozen array. Stacks of one object (everything
 * below the image's top directories) are shared between mounts; longer ones (directories the
 * container's init layer merges with the image) belong to one mount and are only trimmed.
 */
export function sharedLowers(lowers: readonly Real[]): readonly Real[] {
  if (lowers.length === 0) return NO_LOWERS;
  if (lowers.length > 1) return Object.freeze(lowers.slice());
  const { node, layer } = lowers[0]!;
  const hit = singles.get(node);
  if (hit && hit[0]!.layer === layer) return hit;
  const made = Object.freeze([Object.freeze({ node, layer })]);
  if (!hit) singles.set(node, made);
  return made;
}

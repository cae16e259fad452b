// Name lookup through the layer stack of a merged directory (Linux's ovl_lookup): the upper
// entry, then each lower top to bottom, stopping at a whiteout, at a non-directory, or below
// an opaque directory. Only directories merge; a non-directory is taken whole from one layer.

import type { VNode } from '../vfs/types.ts';
import { type Layer, isOpaque, isWhiteout } from './layer.ts';
import { NO_LOWERS, sharedLowers } from './shared.ts';

/** One real object making up an overlay object, with the layer it sits in. */
export interface Real {
  readonly node: VNode;
  readonly layer: Layer;
}

export interface Stack {
  upper: Real | null;
  /**
   * Lower directories (top first) for a directory; the one lower object for anything else.
   * Never changed in place: stacks of one object are shared between mounts (shared.ts).
   */
  readonly lowers: readonly Real[];
}

/** What `name` resolves to under a directory made of `dir`; null when it does not exist. */
export async function lookupStack(dir: Stack, name: string): Promise<Stack | null> {
  let upper: Real | null = null;
  if (dir.upper) {
    const u = await dir.upper.node.lookup(name);
    if (u) {
      if (await isWhiteout(u)) return null;
      upper = { node: u, layer: dir.upper.layer };
      if (u.type !== 'dir' || (await isOpaque(u))) return { upper, lowers: NO_LOWERS };
    }
  }
  const lowers: Real[] = [];
  for (const l of dir.lowers) {
    const c = await l.node.lookup(name);
    if (!c) continue;
    if (await isWhiteout(c)) break;
    const above = upper !== null || lowers.length > 0;
    if (c.type !== 'dir') {
      // A lower non-directory never merges with a directory above it.
      if (!above) lowers.push({ node: c, layer: l.layer });
      break;
    }
    lowers.push({ node: c, layer: l.layer });
    if (await isOpaque(c)) break;
  }
  if (!upper && lowers.length === 0) return null;
  return { upper, lowers: sharedLowers(lowers) };
}

/**
 * The lower layer that still has a visible `name` under `dir`, if any (ovl_lower_positive):
 * deleting or renaming away `name` must then leave a whiteout.
 */
export async function lowerPositive(dir: Stack, name: string): Promise<Layer | null> {
  for (const l of dir.lowers) {
    const c = await l.node.lookup(name);
    if (!c) continue;
    return (await isWhiteout(c)) ? null : l.layer;
  }
  return null;
}

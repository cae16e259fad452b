// The pieces overlayfs reads its layers' on-disk conventions with: what a whiteout is, what
// marks a directory opaque, and how overlay-private xattr names are kept apart from users'.
//
// Since Linux 6.7 a user's own `trusted.overlay.X` set through the merged view is stored
// escaped as `trusted.overlay.overlay.X` in the layer (measured on 6.18), so nothing a user sets
// can act as an overlay marker; unescaped private names are never shown through the merged view.

import { isSysError } from '../../../abi/errno.ts';
import type { VNode } from '../vfs/types.ts';

export const OVL_PREFIX = 'trusted.overlay.';
export const OPAQUE_XATTR = 'trusted.overlay.opaque';
const ESCAPED_PREFIX = 'trusted.overlay.overlay.';

export interface Layer {
  /** Root directory of the layer on its own filesystem. */
  readonly root: VNode;
  /** The path given at mount ("/var/lib/docker/overlay2/ab12/diff"): for events and /proc/mounts. */
  readonly label: string;
  /** 0 for the upper layer, 1.. for lowers from the top. */
  readonly index: number;
}

/** A whiteout is a character device with device number 0:0. */
export async function isWhiteout(v: VNode): Promise<boolean> {
  if (v.type !== 'chardev') return false;
  return (await v.stat()).rdev === 0;
}

export async function isOpaque(v: VNode): Promise<boolean> {
  if (v.type !== 'dir') return false;
  if (!(await v.listxattr()).includes(OPAQUE_XATTR)) return false;
  try {
    const value = await v.getxattr(OPAQUE_XATTR);
    return value.length === 1 && value[0] === 0x79; // "y"
  } catch (e) {
    if (isSysError(e, 'ENODATA')) return false;
    throw e;
  }
}

/** The name a merged-view xattr is stored under in a layer. */
export function toLayerXattr(name: string): string {
  return name.startsWith(OVL_PREFIX) ? ESCAPED_PREFIX + name.slice(OVL_PREFIX.length) : name;
}

/** The merged-view name of a layer xattr, or null for overlay-private names. */
export function fromLayerXattr(name: string): string | null {
  if (name.startsWith(ESCAPED_PREFIX)) return OVL_PREFIX + name.slice(ESCAPED_PREFIX.length);
  if (name.startsWith(OVL_PREFIX)) return null;
  return name;
}

/** Whether copy-up carries an xattr to the upper layer (private markers stay behind). */
export function copiedOnCopyUp(name: string): boolean {
  return !name.startsWith(OVL_PREFIX) || name.startsWith(ESCAPED_PREFIX);
}

// Directory listing of a merged directory: the union of its stack, each name once with the
// type of its top-most occurrence, names whose top-most occurrence is a whiteout dropped.

import type { DirEntry } from '../vfs/types.ts';
import type { OvlNode } from './inode.ts';
import { isWhiteout } from './layer.ts';

export async function mergedReaddir(dir: OvlNode): Promise<DirEntry[]> {
  const { upper, lowers } = dir;
  const layers = upper ? [upper, ...lowers] : lowers;
  const seen = new Set<string>();
  const out: DirEntry[] = [];
  for (const layer of layers) {
    for (const e of await layer.node.readdir()) {
      if (seen.has(e.name)) continue;
      seen.add(e.name);
      if (e.type === 'chardev') {
        const node = await layer.node.lookup(e.name);
        if (node && (await isWhiteout(node))) continue;
      }
      out.push(e);
    }
  }
  return out;
}

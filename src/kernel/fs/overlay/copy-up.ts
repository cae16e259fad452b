// Copy-up (Linux's ovl_copy_up): before a lower object is changed, its parents and then the
// object itself are copied into the upper layer. The copy is built in the work directory and
// renamed into place in one step, so a crash never leaves a half-copied file visible.
// File data is shared with the lower file when the filesystems can (as FICLONE does);
// the upper layer is charged the whole logical size either way.

import { SysError } from '../../../abi/errno.ts';
import { S_IALLUGO, S_IFREG } from '../../../abi/stat.ts';
import type { Cred, VNode } from '../vfs/types.ts';
import { copiedOnCopyUp } from './layer.ts';
import type { OvlNode } from './inode.ts';

const COPY_BLOCK = 1 << 20;

/** The upper directory or object of `node`, copying it (and its parents) up if needed. */
export async function copyUp(node: OvlNode, reason: string): Promise<VNode> {
  if (node.upper) return node.upper.node;
  const fs = node.fs;
  if (!fs.upper || !fs.work) throw new SysError('EROFS');
  // Two writers may race to copy the same file; the second waits for the first.
  node.copying ??= doCopyUp(node, reason).finally(() => {
    node.copying = null;
  });
  return node.copying;
}

async function doCopyUp(node: OvlNode, reason: string): Promise<VNode> {
  const fs = node.fs;
  const parent = node.parent;
  if (!parent) throw new SysError('EIO', 'overlay root has no upper directory');
  const parentUpper = await copyUp(parent, 'parent of a copy-up');
  const source = node.lowers[0]!;
  const src = source.node;
  const st = await src.stat();
  const owner: Cred = { uid: st.uid, gid: st.gid, groups: [] };
  const work = fs.work!;
  const tmp = fs.tempName();
  const perms = st.mode & S_IALLUGO;
  let copy: VNode;
  switch (src.type) {
    case 'dir':
      copy = await work.mkdir(tmp, perms, owner);
      break;
    case 'symlink':
      copy = await work.symlink(tmp, await src.readlink(), owner);
      break;
    case 'file':
      copy = await work.mknod(tmp, S_IFREG | perms, 0, owner);
      if (!(await copy.cloneDataFrom?.(src))) await copyData(src, copy);
      break;
    default:
      copy = await work.mknod(tmp, st.mode, st.rdev, owner);
  }
  for (const name of await src.listxattr()) {
    if (copiedOnCopyUp(name)) await copy.setxattr(name, await src.getxattr(name), 0);
  }
  // Creation made the mode pass through nothing: set it again in case the fs masked it.
  await copy.setattr({ mode: perms, atimeNs: st.atimeNs, mtimeNs: st.mtimeNs });
  await work.rename(tmp, parentUpper, node.name, 0);
  const placed = await parentUpper.lookup(node.name);
  if (!placed) throw new SysError('EIO', 'copy-up lost its file');
  node.upper = { node: placed, layer: fs.upper! };
  fs.emit({
    type: 'fs.copy-up', overlay: fs.dev, path: node.path(), fileType: src.type,
    from: source.layer.label, to: fs.upper!.label, bytes: src.type === 'file' ? st.size : 0, reason,
  });
  return placed;
}

async function copyData(src: VNode, dest: VNode): Promise<void> {
  const from = await src.open(0);
  const to = await dest.open(1);
  try {
    const size = await from.size();
    for (let pos = 0; pos < size; pos += COPY_BLOCK) {
      await to.write(pos, await from.read(pos, COPY_BLOCK));
    }
  } finally {
    await from.close();
    await to.close();
  }
}

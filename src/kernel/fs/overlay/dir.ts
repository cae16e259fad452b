// Changing a merged directory's entries (Linux's fs/overlayfs/dir.c): creating over a whiteout
// (a new directory there is made opaque), deleting with a whiteout when a lower layer still has
// the name, renaming (a lower or merged directory cannot move: EXDEV), and hard links.
// Every change lands in the upper layer; the lowers are never written.

import { SysError } from '../../../abi/errno.ts';
import { RENAME_EXCHANGE, RENAME_NOREPLACE } from '../../../abi/open-flags.ts';
import { S_IFCHR, S_IFMT } from '../../../abi/stat.ts';
import { utf8Encode } from '../../../base/text.ts';
import type { Cred, VNode } from '../vfs/types.ts';
import { copyUp } from './copy-up.ts';
import { OvlNode } from './inode.ts';
import { OPAQUE_XATTR, isOpaque, isWhiteout, type Layer } from './layer.ts';
import { lowerPositive } from './namei.ts';
import { NO_LOWERS } from './shared.ts';

const ROOT: Cred = { uid: 0, gid: 0, groups: [] };
const YES = utf8Encode('y');

export type NewObject =
  | { kind: 'mknod'; mode: number; rdev: number }
  | { kind: 'mkdir'; mode: number }
  | { kind: 'symlink'; target: string };

function makeIn(dir: VNode, name: string, what: NewObject, owner: Cred): Promise<VNode> {
  switch (what.kind) {
    case 'mknod': return dir.mknod(name, what.mode, what.rdev, owner);
    case 'mkdir': return dir.mkdir(name, what.mode, owner);
    case 'symlink': return dir.symlink(name, what.target, owner);
  }
}

export async function createChild(dir: OvlNode, name: string, what: NewObject, owner: Cred): Promise<VNode> {
  dir.requireDir();
  if (await dir.lookup(name)) throw new SysError('EEXIST', name);
  dir.fs.writable();
  if (what.kind === 'mknod' && (what.mode & S_IFMT) === S_IFCHR && what.rdev === 0) {
    throw new SysError('EPERM', 'overlayfs does not create whiteouts through the merged view');
  }
  const upperDir = await copyUp(dir, 'create inside');
  const old = await upperDir.lookup(name);
  let created: VNode;
  if (old) {
    // The name was deleted in this layer: build the object aside and put it over the whiteout.
    // A directory there is made opaque so the deleted lower contents cannot reappear.
    const work = dir.fs.work!;
    const tmp = dir.fs.tempName();
    const made = await makeIn(work, tmp, what, owner);
    if (made.type === 'dir') await made.setxattr(OPAQUE_XATTR, YES, 0);
    await upperDir.unlink(name);
    await work.rename(tmp, upperDir, name, 0);
    created = (await upperDir.lookup(name))!;
    if (made.type === 'dir') dir.fs.emitOpaque(dir, name);
  } else {
    created = await makeIn(upperDir, name, what, owner);
  }
  dir.changed();
  return dir.fs.adopt(dir, name, { upper: { node: created, layer: dir.fs.upper! }, lowers: NO_LOWERS });
}

export async function link(dir: OvlNode, name: string, target: VNode): Promise<void> {
  dir.requireDir();
  if (!(target instanceof OvlNode) || target.fs !== dir.fs) throw new SysError('EXDEV');
  if (await dir.lookup(name)) throw new SysError('EEXIST', name);
  dir.fs.writable();
  const upperTarget = await copyUp(target, 'link');
  const upperDir = await copyUp(dir, 'create inside');
  if (await upperDir.lookup(name)) await upperDir.unlink(name);
  await upperDir.link(name, upperTarget);
  dir.changed();
  const placed = (await upperDir.lookup(name))!;
  dir.fs.adopt(dir, name, { upper: { node: placed, layer: dir.fs.upper! }, lowers: NO_LOWERS }, target.ino);
}

/** Delete the whiteouts left inside an upper directory whose merged view is empty. */
async function clearWhiteouts(upperDir: VNode): Promise<void> {
  for (const e of await upperDir.readdir()) {
    const child = await upperDir.lookup(e.name);
    if (child && (await isWhiteout(child))) await upperDir.unlink(e.name);
    else throw new SysError('ENOTEMPTY');
  }
}

async function makeWhiteout(dir: OvlNode, upperDir: VNode, name: string, hides: Layer): Promise<void> {
  await upperDir.mknod(name, S_IFCHR, 0, ROOT);
  dir.fs.emit({ type: 'fs.whiteout', overlay: dir.fs.dev, path: joinPath(dir.path(), name), hides: hides.label, to: dir.fs.upper!.label });
}

export async function remove(dir: OvlNode, name: string, wantDir: boolean): Promise<void> {
  dir.requireDir();
  const child = (await dir.lookup(name)) as OvlNode | null;
  if (!child) throw new SysError('ENOENT', name);
  dir.fs.writable();
  if (wantDir && child.type !== 'dir') throw new SysError('ENOTDIR');
  if (!wantDir && child.type === 'dir') throw new SysError('EISDIR');
  if (wantDir && (await child.readdir()).length > 0) throw new SysError('ENOTEMPTY', name);
  const hides = await lowerPositive(dir, name);
  const upperDir = await copyUp(dir, 'delete inside');
  if (child.upper) {
    if (wantDir) {
      await clearWhiteouts(child.upper.node);
      await upperDir.rmdir(name);
    } else {
      await upperDir.unlink(name);
    }
  }
  if (hides) await makeWhiteout(dir, upperDir, name, hides);
  dir.fs.forget(dir, name);
}

export async function rename(dir: OvlNode, oldName: string, newDirNode: VNode, newName: string, flags: number): Promise<void> {
  dir.requireDir();
  if (!(newDirNode instanceof OvlNode) || newDirNode.fs !== dir.fs) throw new SysError('EXDEV');
  const newDir = newDirNode;
  if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE)) throw new SysError('EINVAL');
  const src = (await dir.lookup(oldName)) as OvlNode | null;
  if (!src) throw new SysError('ENOENT', oldName);
  dir.fs.writable();
  const dst = (await newDir.lookup(newName)) as OvlNode | null;
  if (flags & RENAME_EXCHANGE) return exchange(dir, oldName, src, newDir, newName, dst);
  if (dst && flags & RENAME_NOREPLACE) throw new SysError('EEXIST', newName);
  if (dst === src) return;
  const isDir = src.type === 'dir';
  // Without redirect_dir (the kernel default) a directory with lower parts cannot move.
  if (isDir && src.lowers.length > 0) throw new SysError('EXDEV');
  if (dst) {
    if (isDir && dst.type !== 'dir') throw new SysError('ENOTDIR');
    if (!isDir && dst.type === 'dir') throw new SysError('EISDIR');
    if (dst.type === 'dir' && (await dst.readdir()).length > 0) throw new SysError('ENOTEMPTY', newName);
  }
  const hidesOld = await lowerPositive(dir, oldName);
  const oldUpperDir = await copyUp(dir, 'rename inside');
  const srcUpper = await copyUp(src, 'rename');
  const newUpperDir = await copyUp(newDir, 'rename inside');
  const atTarget = await newUpperDir.lookup(newName);
  if (atTarget) {
    if (atTarget.type === 'dir') await clearWhiteouts(atTarget);
    // A directory cannot replace a whiteout (a character device) in one rename.
    if (isDir && atTarget.type !== 'dir') await newUpperDir.unlink(newName);
  }
  const wasOpaque = isDir && (await isOpaque(srcUpper));
  await oldUpperDir.rename(oldName, newUpperDir, newName, 0);
  if (hidesOld) await makeWhiteout(dir, oldUpperDir, oldName, hidesOld);
  // A moved upper directory landing in a merged directory must not merge with lowers there.
  if (isDir && !wasOpaque && newDir.isMerged()) {
    await srcUpper.setxattr(OPAQUE_XATTR, YES, 0);
    dir.fs.emitOpaque(newDir, newName);
  }
  dir.fs.forget(dir, oldName);
  dir.fs.forget(newDir, newName);
  src.upper = { node: (await newUpperDir.lookup(newName))!, layer: dir.fs.upper! };
  src.parent = newDir;
  src.name = newName;
  newDir.cacheChild(newName, src);
}

/** RENAME_EXCHANGE: both objects move up to the upper layer and swap names; no whiteouts. */
async function exchange(dir: OvlNode, oldName: string, a: OvlNode, newDir: OvlNode, newName: string, b: OvlNode | null): Promise<void> {
  if (!b) throw new SysError('ENOENT', newName);
  if (a === b) return;
  // A directory with lower parts cannot change its name, in either direction.
  if ((a.type === 'dir' && a.lowers.length > 0) || (b.type === 'dir' && b.lowers.length > 0)) throw new SysError('EXDEV');
  const oldUpperDir = await copyUp(dir, 'rename inside');
  const aUpper = await copyUp(a, 'rename');
  const newUpperDir = await copyUp(newDir, 'rename inside');
  const bUpper = await copyUp(b, 'rename');
  const aOpaque = a.type === 'dir' && (await isOpaque(aUpper));
  const bOpaque = b.type === 'dir' && (await isOpaque(bUpper));
  await oldUpperDir.rename(oldName, newUpperDir, newName, RENAME_EXCHANGE);
  for (const [moved, upper, opaque, to, name] of [[a, aUpper, aOpaque, newDir, newName], [b, bUpper, bOpaque, dir, oldName]] as const) {
    if (moved.type === 'dir' && !opaque && to.isMerged()) {
      await upper.setxattr(OPAQUE_XATTR, YES, 0);
      dir.fs.emitOpaque(to, name);
    }
  }
  a.upper = { node: (await newUpperDir.lookup(newName))!, layer: dir.fs.upper! };
  b.upper = { node: (await oldUpperDir.lookup(oldName))!, layer: dir.fs.upper! };
  [a.parent, a.name, b.parent, b.name] = [newDir, newName, dir, oldName];
  newDir.cacheChild(newName, a);
  dir.cacheChild(oldName, b);
  dir.changed();
  newDir.changed();
}

function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

// Path resolution (Linux's namei): component by component from the process root or cwd,
// crossing mount points, following symlinks (ELOOP after 40), checking search permission,
// and enforcing NAME_MAX / PATH_MAX and trailing-slash rules. Magic links (/proc/PID/fd/N)
// are not walked by their text: they jump to the object itself (VNode.jump).

import { SysError } from '../../../abi/errno.ts';
import { NAME_MAX, PATH_MAX, components } from '../../../base/path.ts';
import { type MountNamespace, type PathRef, parentOf, refPath, sameRef } from './mount.ts';
import { sharedName } from './names.ts';
import { X_OK, mayAccess } from './permission.ts';
import type { Caller, Cred } from './types.ts';

/** Linux's MAXSYMLINKS. */
export const MAX_SYMLINKS = 40;

/** What a walk needs to know of the process doing it. */
export interface WalkContext {
  readonly mounts: MountNamespace;
  readonly root: PathRef;
  readonly cwd: PathRef;
  readonly cred: Cred;
  /** Handed to filesystems that answer differently per caller (procfs). */
  readonly caller?: Caller;
}

interface LinkBudget {
  left: number;
}

export interface ParentAndName {
  dir: PathRef;
  /** The last component; "" for "/", or "." / ".." as written. */
  name: string;
  /** The path ended with "/" (the object must then be a directory). */
  trailingSlash: boolean;
}

/** A path's components, as names that may be kept (names.ts). */
function namesOf(path: string): string[] {
  const comps = components(path);
  for (let i = 0; i < comps.length; i++) comps[i] = sharedName(comps[i]!);
  return comps;
}

function checkLength(path: string): void {
  if (path.length === 0) throw new SysError('ENOENT');
  if (path.length >= PATH_MAX) throw new SysError('ENAMETOOLONG');
}

/** The topmost mount stacked on `ref`, or `ref` itself. */
export function crossMounts(ns: MountNamespace, ref: PathRef): PathRef {
  let r = ref;
  // The mount's own namespace: a walk that jumped (/proc/PID/root) goes on in the other's tree.
  const table = ref.mount.ns ?? ns;
  for (let m = table.mountedOn(r.mount, r.node); m; m = table.mountedOn(r.mount, r.node)) {
    r = { mount: m, node: m.root, parent: r.parent, name: r.name };
  }
  return r;
}

/** Root searches every directory, so only others wait for a stat. */
function searchable(ctx: WalkContext, dir: PathRef): Promise<void> | undefined {
  if (dir.node.type !== 'dir') throw new SysError('ENOTDIR');
  if (ctx.cred.uid === 0) return undefined;
  return dir.node.stat().then((st) => {
    if (!mayAccess(st, ctx.cred, X_OK)) throw new SysError('EACCES');
  });
}

function dotdot(ctx: WalkContext, ref: PathRef): PathRef {
  if (sameRef(ref, ctx.root)) return ref;
  return parentOf(ref) ?? ref;
}

/** Look one name up in a directory ref, crossing onto whatever is mounted there. */
export async function lookupChild(ctx: WalkContext, dir: PathRef, name: string): Promise<PathRef | null> {
  if (name === '.' || name === '') return dir;
  if (name === '..') return dotdot(ctx, dir);
  if (name.length > NAME_MAX) throw new SysError('ENAMETOOLONG');
  const node = await dir.node.lookup(name, ctx.caller);
  if (!node) return null;
  return crossMounts(ctx.mounts, { mount: dir.mount, node, parent: dir, name });
}

/** lookupChild without waiting, when the filesystem can answer at once; undefined otherwise. */
export function lookupFast(ctx: WalkContext, dir: PathRef, name: string): PathRef | null | undefined {
  if (name === '.' || name === '..' || name.length > NAME_MAX || !dir.node.lookupCached) return undefined;
  const node = dir.node.lookupCached(name);
  if (node === undefined) return undefined;
  if (node === null) return null;
  return crossMounts(ctx.mounts, { mount: dir.mount, node, parent: dir, name });
}

/**
 * The whole walk without waiting, when root walks names its filesystems know in memory and no
 * symlink needs following (the common case); undefined sends the caller to the full walk.
 */
function walkFast(ctx: WalkContext, start: PathRef, comps: string[], followLast: boolean): PathRef | undefined {
  if (ctx.cred.uid !== 0) return undefined;
  let cur = start;
  for (let i = 0; i < comps.length; i++) {
    if (cur.node.type !== 'dir') return undefined;
    const next = lookupFast(ctx, cur, comps[i]!);
    if (!next || (next.node.type === 'symlink' && (followLast || i < comps.length - 1))) return undefined;
    cur = next;
  }
  return cur;
}

async function walkFrom(ctx: WalkContext, start: PathRef, comps: string[], followLast: boolean, budget: LinkBudget): Promise<PathRef> {
  let cur = start;
  for (let i = 0; i < comps.length; i++) {
    const comp = comps[i]!;
    const last = i === comps.length - 1;
    const search = searchable(ctx, cur);
    if (search) await search;
    let next = lookupFast(ctx, cur, comp);
    if (next === undefined) next = await lookupChild(ctx, cur, comp);
    if (!next) throw new SysError('ENOENT', comp);
    if (next.node.type === 'symlink' && (!last || followLast)) {
      cur = await followLink(ctx, cur, next, budget);
    } else {
      cur = next;
    }
  }
  return cur;
}

async function followLink(ctx: WalkContext, dir: PathRef, link: PathRef, budget: LinkBudget): Promise<PathRef> {
  if (--budget.left < 0) throw new SysError('ELOOP');
  if (link.node.jump) {
    const to = await jumpOf(ctx, link);
    if (to) return to;
  }
  const target = await link.node.readlink(ctx.caller);
  if (target.length === 0) throw new SysError('ENOENT');
  const base = target.startsWith('/') ? ctx.root : dir;
  return walkFrom(ctx, base, namesOf(target), true, budget);
}

/**
 * Resolve a whole path. `follow` says whether a symlink in the last component is followed.
 * Not an async function: when the fast walk answers, the result is handed back without one more
 * async frame (every path call passes here).
 */
export function resolve(ctx: WalkContext, path: string, follow: boolean): Promise<PathRef> {
  try {
    checkLength(path);
    const trailingSlash = path.endsWith('/');
    const start = path.startsWith('/') ? ctx.root : ctx.cwd;
    // "name/" follows a final symlink and must end on a directory, as on Linux.
    const comps = namesOf(path);
    const fast = walkFast(ctx, start, comps, follow || trailingSlash);
    if (fast) return Promise.resolve(endsAsAsked(fast, trailingSlash));
    return walkFrom(ctx, start, comps, follow || trailingSlash, { left: MAX_SYMLINKS }).then((ref) => endsAsAsked(ref, trailingSlash));
  } catch (e) {
    return Promise.reject(e);
  }
}

function endsAsAsked(ref: PathRef, trailingSlash: boolean): PathRef {
  if (trailingSlash && ref.node.type !== 'dir') throw new SysError('ENOTDIR');
  return ref;
}

/** Resolve everything but the last component (which is returned as a name, unresolved). */
export function resolveParent(ctx: WalkContext, path: string): Promise<ParentAndName> {
  try {
    checkLength(path);
    const comps = namesOf(path);
    const start = path.startsWith('/') ? ctx.root : ctx.cwd;
    const trailingSlash = path.endsWith('/') && comps.length > 0;
    if (comps.length === 0) return Promise.resolve({ dir: start, name: '', trailingSlash: false });
    const name = comps.pop()!;
    if (name.length > NAME_MAX) throw new SysError('ENAMETOOLONG');
    const fast = walkFast(ctx, start, comps, true);
    if (fast) return Promise.resolve(parentFound(ctx, fast, name, trailingSlash));
    return walkFrom(ctx, start, comps, true, { left: MAX_SYMLINKS }).then((dir) => parentFound(ctx, dir, name, trailingSlash));
  } catch (e) {
    return Promise.reject(e);
  }
}

/** The parent directory found: once the caller may search it, it and the last name. */
function parentFound(ctx: WalkContext, dir: PathRef, name: string, trailingSlash: boolean): ParentAndName | Promise<ParentAndName> {
  const search = searchable(ctx, dir);
  return search ? search.then(() => ({ dir, name, trailingSlash })) : { dir, name, trailingSlash };
}

/**
 * Where a magic link jumps (VNode.jump), as a ref; null for an ordinary symlink or a magic link
 * that asks for its text to be walked. The jump counts against the link budget like any link.
 */
export async function jumpOf(ctx: WalkContext, link: PathRef): Promise<PathRef | null> {
  const to = link.node.jump ? await link.node.jump(ctx.caller) : null;
  if (!to) return null;
  return 'mount' in to ? to : { mount: link.mount, node: to, parent: null, name: link.name };
}

/** Follow a symlink found as the last component of a create (O_CREAT through a dangling link). */
export async function resolveLinkTarget(ctx: WalkContext, dir: PathRef, link: PathRef): Promise<string> {
  const target = await link.node.readlink(ctx.caller);
  if (target.length === 0) throw new SysError('ENOENT');
  return target.startsWith('/') ? target : `${refPath(dir)}/${target}`;
}

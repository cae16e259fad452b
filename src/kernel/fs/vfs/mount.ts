// Mounts and mount namespaces. A Mount puts one filesystem (or a subtree of it, for bind
// mounts) over a directory of its parent mount; a MountNamespace is one process's table of them.
// PathRef is Linux's `struct path` plus the chain of names that reached it, which gives `..`,
// getcwd() and mount points their paths without filesystems having to know their parents.

import { SysError } from '../../../abi/errno.ts';
import type { FileSystem, VNode } from './types.ts';

export interface PathRef {
  readonly mount: Mount;
  readonly node: VNode;
  /** The directory this was reached from; null at the namespace's root. */
  readonly parent: PathRef | null;
  readonly name: string;
}

export function sameRef(a: PathRef, b: PathRef): boolean {
  return a.mount === b.mount && a.node === b.node;
}

/** The absolute path of a ref, as seen from `root` (the process root). */
export function refPath(ref: PathRef, root?: PathRef): string {
  const names: string[] = [];
  for (let r: PathRef | null = ref, steps = 0; r && !(root && sameRef(r, root)); steps++) {
    const up = stepUp(r, steps);
    if (up.parent) names.push(up.name);
    r = up.parent;
  }
  return '/' + names.reverse().join('/');
}

/** The directory a ref is in now (its `..`): where it was reached from, unless it moved since. */
export function parentOf(ref: PathRef): PathRef | null {
  return movedTo(ref)?.parent ?? ref.parent;
}

/** One step up a chain of names as things are now: the `steps`-th of a walk to the top. */
export function stepUp(ref: PathRef, steps: number): { parent: PathRef | null; name: string } {
  return (steps < MAX_STEPS ? movedTo(ref) : null) ?? ref;
}

/**
 * Where renamed directories went. A PathRef keeps the parent and name it was reached by; Linux
 * moves a dentry on rename (d_move), so a process whose cwd (or open file) is below a renamed
 * directory sees the new path in getcwd, /proc/PID/cwd and fd links, and `..` takes it to the
 * new parent. This map stands for that move: the directory ref the rename went through, and the
 * new name. Weak, so an entry lives only as long as its directory. Files are left out: a
 * container's engine renames a few files into place each, and each entry would keep a chain of
 * refs alive (3 KiB a container); an fd link finds a renamed open file itself (procfs/fd-dir.ts).
 */
const moves = new WeakMap<VNode, { dir: PathRef; name: string }>();
/** A bound on moves followed in one path, in case a chain of records ever loops. */
const MAX_STEPS = 4096;

/** Called by the VFS once `node` has been renamed to `name` in `dir`. */
export function noteRename(node: VNode, dir: PathRef, name: string): void {
  moves.set(node, { dir, name });
}

/** The ref's parent and name now, or null when it has not moved since it was reached. */
function movedTo(ref: PathRef): { parent: PathRef; name: string } | null {
  const move = moves.get(ref.node);
  if (!move || !ref.parent || (move.dir.node === ref.parent.node && move.name === ref.name)) return null;
  if (move.dir.mount === ref.mount) return { parent: move.dir, name: move.name };
  // Renamed through another mount of the filesystem (a copied mount namespace, a bind mount):
  // the new parent's names up to this mount's root, put on this mount.
  let top: PathRef | null = ref;
  while (top && !(top.mount === ref.mount && top.node === ref.mount.root)) top = top.parent;
  if (!top) return null;
  const path: PathRef[] = [];
  for (let d: PathRef | null = move.dir; d && d.node !== ref.mount.root; d = d.parent) {
    path.push(d);
    if (path.length > MAX_STEPS || !d.parent) return null;
  }
  let parent = top;
  for (let i = path.length - 1; i >= 0; i--) parent = { mount: ref.mount, node: path[i]!.node, parent, name: path[i]!.name };
  return { parent, name: move.name };
}

/**
 * Where each bind mount's root lies in its filesystem (mountinfo's fourth column), noted when the
 * bind is made, since a node does not know its own path. Keyed by the root node, so copies of the
 * mount in other namespaces find it too; a mount of a whole filesystem has none: its root is "/".
 */
const bindRoots = new WeakMap<VNode, string>();

/** The path of mount `m`'s root inside its filesystem. */
export function rootPathOf(m: Mount): string {
  return bindRoots.get(m.root) ?? '/';
}

/** Called by the VFS as it binds `from` somewhere: the path of `from` in its filesystem. */
export function noteBindRoot(from: PathRef): void {
  const names: string[] = [];
  let r: PathRef | null = from;
  for (let steps = 0; r && r.mount === from.mount && r.node !== from.mount.root; steps++) {
    const up = stepUp(r, steps);
    names.push(up.name);
    r = up.parent;
  }
  // The source mount's own root: the new mount shares its node, and so its path.
  if (names.length === 0) return;
  const base = rootPathOf(from.mount);
  bindRoots.set(from.node, `${base === '/' ? '' : base}/${names.reverse().join('/')}`);
}

/** mount(2) flags that belong to one mount rather than its filesystem (MNT_* in Linux). */
export const PER_MOUNT_FLAGS = ['nosuid', 'nodev', 'noexec', 'noatime', 'nodiratime', 'relatime', 'strictatime', 'nosymfollow'];
/** Words that only undo one of those (and `defaults`): they select a mode and are never shown. */
export const MOUNT_FLAG_NEGATIONS = ['suid', 'dev', 'exec', 'atime', 'diratime', 'defaults'];

/**
 * A mount's own settings. Never changed in place (a remount gives the mount new ones), so
 * mounts with the same settings share one object (sharedOptions), and a copied namespace
 * shares its original's.
 */
export interface MountOptions {
  /** Per-mount read-only (MNT_READONLY). */
  readonly readOnly: boolean;
  /**
   * Per-mount flags from PER_MOUNT_FLAGS; undefined for mounts made without options (the root,
   * filesystems the host built), whose flags are what their filesystem says.
   */
  readonly flags?: readonly string[];
  /** "proc", "overlay", "/dev/vda1": what /proc/mounts shows in its first column. */
  readonly source: string;
  readonly fsType: string;
}

const optionSets = new Map<string, MountOptions>();

/** One frozen settings object per distinct combination, shared by every mount that has it. */
export function sharedOptions(o: MountOptions): MountOptions {
  const flags = o.flags && sharedFlags(o.flags);
  const key = `${o.readOnly ? 'ro' : 'rw'}\0${flags ? flags.join(',') : '-'}\0${o.source}\0${o.fsType}`;
  let hit = optionSets.get(key);
  if (!hit) optionSets.set(key, (hit = Object.freeze({ readOnly: o.readOnly, flags, source: o.source, fsType: o.fsType })));
  return hit;
}

const flagLists = new Map<string, readonly string[]>();

/**
 * One frozen array per distinct list of per-mount flags, shared by every mount that has it
 * (a container has a dozen mounts, most with the same four flags); a remount replaces it.
 */
export function sharedFlags(flags: readonly string[]): readonly string[] {
  const key = flags.join(',');
  let hit = flagLists.get(key);
  if (!hit) flagLists.set(key, (hit = Object.freeze(flags.slice())));
  return hit;
}

let nextMountId = 20;

export class Mount {
  readonly id = nextMountId++;
  constructor(
    readonly fs: FileSystem,
    /** The directory of `fs` this mount shows at its mount point (the fs root unless bind). */
    readonly root: VNode,
    /** Where it is mounted: a ref in the parent mount; null for the namespace root (pivot_root moves it). */
    public mountpoint: PathRef | null,
    /** Replaced by a remount, never changed in place (see MountOptions). */
    public options: MountOptions,
  ) {}

  /**
   * The namespace whose tree holds this mount (null once unmounted): a walk that reached it
   * through a magic link (/proc/PID/root) crosses onto the mounts of that tree, not the walker's.
   */
  ns: MountNamespace | null = null;

  get parent(): Mount | null {
    return this.mountpoint?.mount ?? null;
  }

  get readOnly(): boolean {
    return this.options.readOnly || this.fs.readOnly;
  }
}

export class MountNamespace {
  /** The initial mount namespace's inode number on Linux 6.18; later ones are handed in. */
  static readonly INITIAL_ID = 4026531832;
  readonly id: number;
  private mounts: Mount[] = [];
  /**
   * Mount points by directory object (filesystems keep one object per inode). A directory is
   * a mount point under one parent mount almost always; the rare one under two (its
   * filesystem bound somewhere else too, with mounts on both) keeps a list. One map for the
   * namespace, not one per parent mount: a container's namespace is one of a thousand.
   */
  private readonly over = new Map<VNode, Mount | Mount[]>();

  private root: Mount;

  constructor(rootMount: Mount, id = MountNamespace.INITIAL_ID) {
    this.id = id;
    this.root = rootMount;
    rootMount.ns = this;
    this.mounts.push(rootMount);
  }

  get rootMount(): Mount {
    return this.root;
  }

  /** Every mount, in the order mounted (the order of /proc/self/mountinfo). */
  list(): readonly Mount[] {
    return this.mounts;
  }

  /** The mount sitting on (mount, node), if any. */
  mountedOn(mount: Mount, node: VNode): Mount | undefined {
    const hit = this.over.get(node);
    if (hit === undefined) return undefined;
    if (hit instanceof Mount) return hit.mountpoint!.mount === mount ? hit : undefined;
    return hit.find((m) => m.mountpoint!.mount === mount);
  }

  add(m: Mount): void {
    const at = m.mountpoint;
    if (!at) throw new SysError('EINVAL', 'a namespace has one root mount');
    // The walk always ends on the top of a stack, so a second mount here stacks on the first.
    if (this.mountedOn(at.mount, at.node)) throw new SysError('EBUSY');
    this.hook(m);
    m.ns = this;
    this.mounts.push(m);
  }

  remove(m: Mount): void {
    if (m === this.rootMount) throw new SysError('EBUSY', 'cannot unmount the root');
    if (this.mounts.some((c) => c.parent === m)) throw new SysError('EBUSY', 'mounts below it');
    this.unhook(m);
    m.ns = null;
    this.mounts.splice(this.mounts.indexOf(m), 1);
  }

  /** umount2(MNT_DETACH): the mount and everything mounted below it leave the tree at once. */
  detach(m: Mount): Mount[] {
    if (m === this.rootMount) throw new SysError('EINVAL');
    const gone = new Set<Mount>([m]);
    for (const c of this.mounts) if (c.parent && gone.has(c.parent)) gone.add(c);
    // Every mount point of the detached tree goes, or the table would keep the whole tree
    // alive (a container's copy of the host mounts, after pivot_root).
    for (const g of gone) {
      this.unhook(g);
      g.ns = null;
    }
    // The list that stays, in an array of its size (it is usually final by now: a container
    // detaches the old root last).
    const kept = new Array<Mount>(this.mounts.length - gone.size);
    let n = 0;
    for (const c of this.mounts) if (!gone.has(c)) kept[n++] = c;
    this.mounts = kept;
    return [...gone];
  }

  /**
   * pivot_root(2): `newRoot` (a mount of this namespace) becomes its root, and the old root is
   * mounted at `putOld`, a directory below the new root (given as a ref from the new root down).
   */
  pivot(newRoot: Mount, putOld: PathRef): void {
    const oldRoot = this.root;
    this.unhook(newRoot);
    newRoot.mountpoint = null;
    this.root = newRoot;
    oldRoot.mountpoint = putOld;
    this.hook(oldRoot);
    this.mounts.splice(this.mounts.indexOf(newRoot), 1);
    this.mounts.unshift(newRoot);
  }

  private hook(m: Mount): void {
    const node = m.mountpoint!.node;
    const hit = this.over.get(node);
    if (hit === undefined) this.over.set(node, m);
    else if (hit instanceof Mount) this.over.set(node, [hit, m]);
    else hit.push(m);
  }

  private unhook(m: Mount): void {
    const node = m.mountpoint!.node;
    const hit = this.over.get(node);
    if (hit === m) this.over.delete(node);
    else if (Array.isArray(hit)) {
      const rest = hit.filter((c) => c !== m);
      this.over.set(node, rest.length === 1 ? rest[0]! : rest);
    }
  }
}

/**
 * unshare(CLONE_NEWNS): a copy of a namespace's mount tree (same filesystems, new mount
 * objects), and a function that carries a process's root and cwd over into the copy.
 */
export function copyMountNamespace(ns: MountNamespace, id?: number): { ns: MountNamespace; translate(ref: PathRef): PathRef } {
  const map = new Map<Mount, Mount>();
  const translate = (ref: PathRef): PathRef => {
    const parent = ref.parent ? translate(ref.parent) : null;
    return { mount: map.get(ref.mount) ?? ref.mount, node: ref.node, parent, name: ref.name };
  };
  const root = ns.rootMount;
  const rootCopy = new Mount(root.fs, root.root, null, root.options);
  map.set(root, rootCopy);
  const copy = new MountNamespace(rootCopy, id);
  for (const m of ns.list()) {
    if (m === root) continue;
    const c = new Mount(m.fs, m.root, translate(m.mountpoint!), m.options);
    map.set(m, c);
    copy.add(c);
  }
  return { ns: copy, translate };
}

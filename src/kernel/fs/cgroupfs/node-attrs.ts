// The inode attributes of cgroupfs objects (kernfs nodes): inode number, mode, owner, times and
// xattrs. They belong to the hierarchy, not to one mount, so every cgroup2 mount of a tree (a
// container's namespace mount included) sees the same chmod, chown and xattrs.
// A file's attributes are born when it is first looked up, as a kernfs inode gets its times.

import { SysError } from '../../../abi/errno.ts';
import { XATTR_CREATE, XATTR_REPLACE } from '../../../abi/open-flags.ts';
import type { Cgroup } from '../../cgroup/cgroup.ts';
import type { CgroupTree } from '../../cgroup/cgroup-tree.ts';
import type { Cred, SetAttrs } from '../vfs/types.ts';

export class NodeAttrs {
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  readonly xattrs = new Map<string, Uint8Array>();

  constructor(
    readonly ino: number,
    /** Permission bits only. */
    public mode: number,
    public uid: number,
    public gid: number,
    now: bigint,
  ) {
    this.atimeNs = this.mtimeNs = this.ctimeNs = now;
  }

  apply(attrs: SetAttrs, now: bigint): void {
    if (attrs.mode !== undefined) this.mode = attrs.mode & 0o7777;
    if (attrs.uid !== undefined) this.uid = attrs.uid;
    if (attrs.gid !== undefined) this.gid = attrs.gid;
    if (attrs.atimeNs !== undefined) this.atimeNs = attrs.atimeNs;
    if (attrs.mtimeNs !== undefined) this.mtimeNs = attrs.mtimeNs;
    this.ctimeNs = attrs.ctimeNs ?? now;
  }

  getxattr(name: string): Uint8Array {
    const v = this.xattrs.get(name);
    if (!v) throw new SysError('ENODATA', name);
    return v;
  }

  setxattr(name: string, value: Uint8Array, flags: number): void {
    if (flags & XATTR_CREATE && this.xattrs.has(name)) throw new SysError('EEXIST', name);
    if (flags & XATTR_REPLACE && !this.xattrs.has(name)) throw new SysError('ENODATA', name);
    this.xattrs.set(name, value.slice());
  }

  removexattr(name: string): void {
    if (!this.xattrs.delete(name)) throw new SysError('ENODATA', name);
  }
}

interface FileEntry {
  attrs: NodeAttrs;
  /** The controller state the file belongs to: a re-enabled controller brings new files. */
  css: object | null;
}

class TreeAttrs {
  private readonly dirs = new WeakMap<Cgroup, NodeAttrs>();
  private readonly files = new WeakMap<Cgroup, Map<string, FileEntry>>();

  constructor(private readonly tree: CgroupTree) {}

  dir(cg: Cgroup, now: bigint, mode = cg.isRoot ? 0o555 : 0o755, owner?: Cred): NodeAttrs {
    let a = this.dirs.get(cg);
    if (!a) this.dirs.set(cg, (a = new NodeAttrs(cg.id, mode, owner?.uid ?? 0, owner?.gid ?? 0, now)));
    return a;
  }

  file(cg: Cgroup, name: string, mode: number, css: object | null, now: bigint): NodeAttrs {
    let map = this.files.get(cg);
    if (!map) this.files.set(cg, (map = new Map()));
    let e = map.get(name);
    if (!e || e.css !== css) {
      // Files are created by whoever created the cgroup, and owned like its directory.
      const d = this.dir(cg, now);
      e = { attrs: new NodeAttrs(this.tree.allocId(), mode, d.uid, d.gid, now), css };
      map.set(name, e);
    }
    return e.attrs;
  }
}

const perTree = new WeakMap<CgroupTree, TreeAttrs>();

export function attrsOf(tree: CgroupTree): TreeAttrs {
  let t = perTree.get(tree);
  if (!t) perTree.set(tree, (t = new TreeAttrs(tree)));
  return t;
}

// A cgroup as a directory: its entries are its interface files and its child cgroups. mkdir
// creates a cgroup and rmdir removes one (with the hierarchy's EBUSY/EAGAIN rules); nothing
// else can be created, renamed or unlinked here, with kernfs's errnos (measured on 6.18:
// creating a file EACCES, unlink/rename/link/symlink EPERM).

import { SysError } from '../../../abi/errno.ts';
import { S_IFDIR, type Stat } from '../../../abi/stat.ts';
import type { Cgroup } from '../../cgroup/cgroup.ts';
import { filesLoaded, loadedFiles } from './load-files.ts';
import type { Caller, Cred, DirEntry, FileHandle, SetAttrs, VNode } from '../vfs/types.ts';
import type { CgroupFs } from './cgroup-fs.ts';
import type { NodeAttrs } from './node-attrs.ts';

export class CgroupDirNode implements VNode {
  readonly type = 'dir' as const;

  constructor(
    readonly fs: CgroupFs,
    readonly cgroup: Cgroup,
    readonly attrs: NodeAttrs,
  ) {}

  get ino(): number {
    return this.attrs.ino;
  }

  async stat(): Promise<Stat> {
    return this.statCached();
  }

  statCached(): Stat {
    const a = this.attrs;
    return {
      dev: this.fs.dev, ino: a.ino, mode: S_IFDIR | a.mode, nlink: 2 + this.cgroup.children.size, uid: a.uid, gid: a.gid,
      rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: a.atimeNs, mtimeNs: a.mtimeNs, ctimeNs: a.ctimeNs,
    };
  }

  async setattr(attrs: SetAttrs): Promise<void> {
    const { size: _size, ...rest } = attrs;
    this.attrs.apply(rest, this.fs.clock.nowNs());
  }

  async lookup(name: string, caller?: Caller): Promise<VNode | null> {
    await this.fs.loadFiles(caller);
    return this.lookupCached(name) ?? null;
  }

  /** Cgroupfs answers from memory and the same for every caller (once its files are loaded). */
  lookupCached(name: string): VNode | null | undefined {
    const child = this.cgroup.children.get(name);
    if (child) return this.fs.dirNode(child);
    if (!filesLoaded()) return undefined;
    const file = loadedFiles().filesOf(this.cgroup).find((f) => f.name === name);
    return file ? this.fs.fileNode(this.cgroup, file) : null;
  }

  async readdir(caller?: Caller): Promise<DirEntry[]> {
    await this.fs.loadFiles(caller);
    const out: DirEntry[] = loadedFiles().filesOf(this.cgroup).map((f) => ({ name: f.name, type: 'file', ino: this.fs.fileNode(this.cgroup, f).ino }));
    for (const child of this.cgroup.children.values()) out.push({ name: child.name, type: 'dir', ino: child.id });
    return out;
  }

  async mknod(): Promise<VNode> {
    throw new SysError('EACCES');
  }

  async mkdir(name: string, mode: number, owner: Cred): Promise<VNode> {
    await this.fs.loadFiles();
    if (loadedFiles().filesOf(this.cgroup).some((f) => f.name === name)) throw new SysError('EEXIST', name);
    const cg = this.fs.tree.mkdir(this.cgroup, name);
    return this.fs.dirNode(cg, mode, owner);
  }

  async symlink(): Promise<VNode> {
    throw new SysError('EPERM');
  }
  async link(): Promise<void> {
    throw new SysError('EPERM');
  }
  async unlink(): Promise<void> {
    throw new SysError('EPERM');
  }

  async rmdir(name: string): Promise<void> {
    const child = this.cgroup.children.get(name);
    if (!child) await this.fs.loadFiles();
    if (!child) throw new SysError(loadedFiles().filesOf(this.cgroup).some((f) => f.name === name) ? 'ENOTDIR' : 'ENOENT', name);
    this.fs.tree.rmdir(child);
  }

  async rename(): Promise<void> {
    throw new SysError('EPERM');
  }
  async readlink(): Promise<string> {
    throw new SysError('EINVAL');
  }
  async getxattr(name: string): Promise<Uint8Array> {
    return this.attrs.getxattr(name);
  }
  async setxattr(name: string, value: Uint8Array, flags: number): Promise<void> {
    this.attrs.setxattr(name, value, flags);
  }
  async listxattr(): Promise<string[]> {
    return [...this.attrs.xattrs.keys()];
  }
  async removexattr(name: string): Promise<void> {
    this.attrs.removexattr(name);
  }
  async open(): Promise<FileHandle> {
    throw new SysError('EISDIR');
  }
}

// The node a magic link jumps to when its object has no path: a pipe made by pipe(2) (Linux's
// pipefs inode), a host stream. No directory holds it; it lives as long as someone keeps the ref.
// Opening it asks the object for a new description of itself (a pipe: a new reader or writer on
// the same pipe); objects that cannot be opened again (sockets, anon inodes) give ENXIO.

import { SysError } from '../../../abi/errno.ts';
import { type FileType, type Stat, fileTypeOf } from '../../../abi/stat.ts';
import { LeafNode } from './leaf-node.ts';
import type { FileHandle, FileSystem, SetAttrs, VNode } from './types.ts';

export interface NodeObject {
  /** What /proc/PID/fd shows for a descriptor opened through the node (`pipe:[INO]`). */
  readonly linkText: string;
  stat(): Promise<Stat>;
  /** A new open of the object; absent: it cannot be opened by path (ENXIO). */
  open?(flags: number): Promise<FileHandle>;
}

export class ObjectNode extends LeafNode implements VNode {
  readonly type: FileType;
  readonly ino: number;

  /** `st`: the object's attributes now, which fix its type and inode number. */
  constructor(readonly fs: FileSystem, st: Stat, private readonly object: NodeObject) {
    super();
    this.type = fileTypeOf(st.mode);
    this.ino = st.ino;
  }

  get linkText(): string {
    return this.object.linkText;
  }

  stat(): Promise<Stat> {
    return this.object.stat();
  }

  /** open(2) of the object (the VFS's open calls this for an ObjectNode, whatever its type). */
  openObject(flags: number): Promise<FileHandle> {
    if (!this.object.open) return Promise.reject(new SysError('ENXIO'));
    return this.object.open(flags);
  }

  // An object outside any directory: no attributes to change.
  async setattr(_attrs: SetAttrs): Promise<void> {
    throw new SysError('EPERM');
  }
  async getxattr(): Promise<Uint8Array> {
    throw new SysError('ENODATA');
  }
  async setxattr(): Promise<void> {
    throw new SysError('EOPNOTSUPP');
  }
  async listxattr(): Promise<string[]> {
    return [];
  }
  async removexattr(): Promise<void> {
    throw new SysError('ENODATA');
  }
  open(flags: number): Promise<FileHandle> {
    return this.openObject(flags);
  }
}

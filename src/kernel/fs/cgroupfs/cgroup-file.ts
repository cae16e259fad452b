// A cgroup interface file as a VNode, and its open handle. Reading renders the file the way
// seq_file does: the text is produced by the first read and later reads continue in that same
// text, so a reader never sees a torn mix of two moments; reading from offset 0 again renders
// afresh. Each write() is one command to the kernel, parsed at once; at most a page (E2BIG).

import { SysError } from '../../../abi/errno.ts';
import { S_IFREG, type Stat } from '../../../abi/stat.ts';
import { utf8Decode, utf8Encode } from '../../../base/text.ts';
import type { Cgroup } from '../../cgroup/cgroup.ts';
import type { CgroupFileType, FileIo } from '../../cgroup/files/file-type.ts';
import { findFile } from '../../cgroup/files/file-table.ts';
import { LeafNode } from '../vfs/leaf-node.ts';
import type { Caller, FileHandle, SetAttrs, VNode } from '../vfs/types.ts';
import type { CgroupFs } from './cgroup-fs.ts';
import type { NodeAttrs } from './node-attrs.ts';

const PAGE = 4096;

export class CgroupFileNode extends LeafNode implements VNode {
  readonly type = 'file' as const;

  constructor(
    readonly fs: CgroupFs,
    readonly cgroup: Cgroup,
    readonly file: CgroupFileType,
    readonly attrs: NodeAttrs,
  ) {
    super();
  }

  get ino(): number {
    return this.attrs.ino;
  }

  async stat(): Promise<Stat> {
    return this.statCached();
  }

  statCached(): Stat {
    const a = this.attrs;
    return {
      dev: this.fs.dev, ino: a.ino, mode: S_IFREG | a.mode, nlink: 1, uid: a.uid, gid: a.gid, rdev: 0,
      size: 0, blksize: PAGE, blocks: 0, atimeNs: a.atimeNs, mtimeNs: a.mtimeNs, ctimeNs: a.ctimeNs,
    };
  }

  async setattr(attrs: SetAttrs): Promise<void> {
    // Truncation (O_TRUNC, `echo > file`) is accepted and means nothing to a kernfs file.
    const { size: _size, ...rest } = attrs;
    this.attrs.apply(rest, this.fs.clock.nowNs());
  }

  /** Still shown: not removed with its cgroup or its controller. Else ENODEV, as kernfs says. */
  live(): void {
    if (findFile(this.cgroup, this.file.name) !== this.file || this.fs.fileNode(this.cgroup, this.file) !== this) {
      throw new SysError('ENODEV');
    }
  }

  async open(_flags: number, caller?: Caller): Promise<FileHandle> {
    this.live();
    return new CgroupFileHandle(this, this.fs.fileIo(caller));
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
}

class CgroupFileHandle implements FileHandle {
  private text: Uint8Array | null = null;
  /** Some of `text` has been read: a new read from offset 0 renders the file again. */
  private consumed = false;
  private closed = false;

  constructor(
    private readonly node: CgroupFileNode,
    private readonly io: FileIo,
  ) {}

  private render(): Uint8Array {
    const { file, cgroup, fs } = this.node;
    if (!file.show) throw new SysError('EINVAL');
    this.node.live();
    this.consumed = false;
    return (this.text = utf8Encode(file.show(cgroup, fs.tree, this.io)));
  }

  async read(pos: number, length: number): Promise<Uint8Array> {
    const text = this.text === null || (pos === 0 && this.consumed) ? this.render() : this.text;
    this.consumed = true;
    return text.slice(pos, pos + length);
  }

  async write(_pos: number, data: Uint8Array): Promise<number> {
    const { file, cgroup, fs } = this.node;
    if (!file.write) throw new SysError('EINVAL');
    if (data.length === 0) return 0;
    if (data.length > PAGE) throw new SysError('E2BIG');
    this.node.live();
    file.write(cgroup, fs.tree, utf8Decode(data), this.io);
    return data.length;
  }

  /** The length of the text a read would return (readFile sizes its buffer with it). */
  async size(): Promise<number> {
    if (!this.node.file.show) return 0;
    return (this.text ?? this.render()).length;
  }

  async truncate(): Promise<void> {}

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const { file, cgroup, fs } = this.node;
    file.release?.(cgroup, fs.tree, this.io);
  }
}

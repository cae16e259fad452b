// hostfs: a directory of the computer running `cowbox` shown inside the machine (`-v DIR:PATH`),
// so files can be brought in and taken out. Node only. Every call goes straight to the real
// directory through node:fs; what the host refuses comes back as the same errno.

import * as fs from 'node:fs';
import { join } from 'node:path';
import { ERRNO, type ErrnoName, SysError } from '../abi/errno.ts';
import { S_IFMT, S_IFREG, fileTypeOf, type FileType, type Stat } from '../abi/stat.ts';
import type { Cred, DirEntry, FileHandle, FileSystem, SetAttrs, StatFs, VNode } from '../kernel/fs/vfs/types.ts';

/** A Node error as the errno it carries. */
function sysError(e: unknown): SysError {
  const code = (e as NodeJS.ErrnoException).code;
  return new SysError(code && code in ERRNO ? (code as ErrnoName) : 'EIO', String((e as Error).message));
}

function host<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(sysError(e));
  }
}

const ns = (d: Date, big?: bigint): bigint => big ?? BigInt(d.getTime()) * 1_000_000n;

function toStat(st: fs.BigIntStats, dev: number): Stat {
  return {
    dev, ino: Number(st.ino), mode: Number(st.mode), nlink: Number(st.nlink), uid: Number(st.uid), gid: Number(st.gid),
    rdev: Number(st.rdev), size: Number(st.size), blksize: Number(st.blksize), blocks: Number(st.blocks),
    atimeNs: ns(st.atime, st.atimeNs), mtimeNs: ns(st.mtime, st.mtimeNs), ctimeNs: ns(st.ctime, st.ctimeNs),
  };
}

const direntType = (d: fs.Dirent): FileType =>
  d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'symlink' : d.isFIFO() ? 'fifo' : d.isCharacterDevice() ? 'chardev' : d.isBlockDevice() ? 'blockdev' : d.isSocket() ? 'socket' : 'file';

export class HostFs implements FileSystem {
  readonly type = 'hostfs';
  private readonly nodes = new Map<string, HostNode>();

  constructor(readonly hostDir: string, readonly dev: number, readonly readOnly = false) {}

  /** One node object per host path, so the VFS can recognise mount points and hard links. */
  node(path: string): HostNode {
    let n = this.nodes.get(path);
    if (!n) {
      const st = fs.lstatSync(path, { bigint: true });
      n = new HostNode(this, path, fileTypeOf(Number(st.mode)), Number(st.ino));
      this.nodes.set(path, n);
    }
    return n;
  }

  forget(path: string): void {
    for (const p of [...this.nodes.keys()]) if (p === path || p.startsWith(`${path}/`)) this.nodes.delete(p);
  }

  async root(): Promise<VNode> {
    return host(() => this.node(this.hostDir));
  }

  async statfs(): Promise<StatFs> {
    const s = fs.statfsSync(this.hostDir);
    return { type: 0x65735546, bsize: s.bsize, blocks: s.blocks, bfree: s.bfree, bavail: s.bavail, files: s.files, ffree: s.ffree, namelen: 255 };
  }

  async sync(): Promise<void> {}

  mountOptions(): string {
    return this.readOnly ? 'ro' : 'rw';
  }

  writable(): void {
    if (this.readOnly) throw new SysError('EROFS');
  }
}

class HostNode implements VNode {
  constructor(readonly fs: HostFs, readonly path: string, readonly type: FileType, readonly ino: number) {}

  private child(name: string): string {
    return join(this.path, name);
  }

  stat(): Promise<Stat> {
    return host(() => toStat(fs.lstatSync(this.path, { bigint: true }), this.fs.dev));
  }

  setattr(a: SetAttrs): Promise<void> {
    return host(() => {
      this.fs.writable();
      if (a.size !== undefined) fs.truncateSync(this.path, a.size);
      if (a.mode !== undefined) fs.chmodSync(this.path, a.mode);
      if (a.uid !== undefined || a.gid !== undefined) fs.lchownSync(this.path, a.uid ?? -1, a.gid ?? -1);
      if (a.atimeNs !== undefined || a.mtimeNs !== undefined) {
        const st = fs.lstatSync(this.path);
        const sec = (v: bigint | undefined, d: Date): number => (v === undefined ? d.getTime() / 1000 : Number(v) / 1e9);
        fs.lutimesSync(this.path, sec(a.atimeNs, st.atime), sec(a.mtimeNs, st.mtime));
      }
    });
  }

  lookup(name: string): Promise<VNode | null> {
    return host(() => (fs.existsSync(this.child(name)) || isLink(this.child(name)) ? this.fs.node(this.child(name)) : null));
  }

  readdir(): Promise<DirEntry[]> {
    return host(() => fs.readdirSync(this.path, { withFileTypes: true }).map((d) => ({ name: d.name, type: direntType(d), ino: 0 })));
  }

  mknod(name: string, mode: number, _rdev: number, _owner: Cred): Promise<VNode> {
    return host(() => {
      this.fs.writable();
      // The host may make plain files only; devices and fifos would need its privileges.
      if ((mode & S_IFMT) !== S_IFREG) throw new SysError('EPERM', 'hostfs makes regular files only');
      fs.writeFileSync(this.child(name), '', { flag: 'wx', mode: mode & 0o7777 });
      return this.fs.node(this.child(name));
    });
  }

  mkdir(name: string, mode: number): Promise<VNode> {
    return host(() => {
      this.fs.writable();
      fs.mkdirSync(this.child(name), { mode });
      return this.fs.node(this.child(name));
    });
  }

  symlink(name: string, target: string): Promise<VNode> {
    return host(() => {
      this.fs.writable();
      fs.symlinkSync(target, this.child(name));
      return this.fs.node(this.child(name));
    });
  }

  link(name: string, target: VNode): Promise<void> {
    return host(() => {
      this.fs.writable();
      if (!(target instanceof HostNode) || target.fs !== this.fs) throw new SysError('EXDEV');
      fs.linkSync(target.path, this.child(name));
    });
  }

  unlink(name: string): Promise<void> {
    return host(() => {
      this.fs.writable();
      fs.unlinkSync(this.child(name));
      this.fs.forget(this.child(name));
    });
  }

  rmdir(name: string): Promise<void> {
    return host(() => {
      this.fs.writable();
      fs.rmdirSync(this.child(name));
      this.fs.forget(this.child(name));
    });
  }

  rename(oldName: string, newDir: VNode, newName: string, flags: number): Promise<void> {
    return host(() => {
      this.fs.writable();
      if (!(newDir instanceof HostNode) || newDir.fs !== this.fs) throw new SysError('EXDEV');
      if (flags !== 0) throw new SysError('EINVAL', 'hostfs renames without flags only');
      fs.renameSync(this.child(oldName), newDir.child(newName));
      this.fs.forget(this.child(oldName));
      this.fs.forget(newDir.child(newName));
    });
  }

  readlink(): Promise<string> {
    return host(() => fs.readlinkSync(this.path));
  }

  getxattr(): Promise<Uint8Array> {
    return Promise.reject(new SysError('EOPNOTSUPP'));
  }
  setxattr(): Promise<void> {
    return Promise.reject(new SysError('EOPNOTSUPP'));
  }
  async listxattr(): Promise<string[]> {
    return [];
  }
  removexattr(): Promise<void> {
    return Promise.reject(new SysError('EOPNOTSUPP'));
  }

  open(flags: number): Promise<FileHandle> {
    return host(() => {
      if (this.type === 'dir') throw new SysError('EISDIR');
      const writing = (flags & 3) !== 0;
      if (writing) this.fs.writable();
      return new HostFile(fs.openSync(this.path, writing ? 'r+' : 'r'));
    });
  }
}

function isLink(path: string): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

class HostFile implements FileHandle {
  constructor(private readonly fd: number) {}

  read(pos: number, length: number): Promise<Uint8Array> {
    return host(() => {
      const size = fs.fstatSync(this.fd).size;
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - pos)));
      const n = buf.length ? fs.readSync(this.fd, buf, 0, buf.length, pos) : 0;
      return new Uint8Array(buf.buffer, buf.byteOffset, n).slice();
    });
  }
  write(pos: number, data: Uint8Array): Promise<number> {
    return host(() => fs.writeSync(this.fd, data, 0, data.length, pos));
  }
  size(): Promise<number> {
    return host(() => fs.fstatSync(this.fd).size);
  }
  truncate(size: number): Promise<void> {
    return host(() => fs.ftruncateSync(this.fd, size));
  }
  flush(): Promise<void> {
    return host(() => fs.fsyncSync(this.fd));
  }
  close(): Promise<void> {
    return host(() => fs.closeSync(this.fd));
  }
}

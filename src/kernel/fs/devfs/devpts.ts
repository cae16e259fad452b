// devpts: the filesystem of pseudo-terminal slaves, one instance per mount as since Linux 4.7.
// It shows `ptmx` (5:2, inode 2) and one node per live pty, `N` (136:N, inode N+3), owned by
// whoever opened the master (or uid=/gid= from the mount options) with the mount's mode=.
// Nothing can be created, linked, removed or renamed here (EPERM; O_CREAT meets EACCES), as
// measured on Linux 6.18; chmod, chown and utimes on the nodes work.

import { SysError } from '../../../abi/errno.ts';
import { S_IFCHR, S_IFDIR, S_IFMT, S_IFREG, type FileType, type Stat, makedev } from '../../../abi/stat.ts';
import type { Clock, Cred, DirEntry, FileHandle, FileSystem, SetAttrs, StatFs, VNode } from '../vfs/types.ts';

export const DEVPTS_SUPER_MAGIC = 0x1cd1;
export const PTY_SLAVE_MAJOR = 136;
export const TTYAUX_MAJOR = 5;
/** /proc/sys/kernel/pty/max */
export const PTY_MAX = 4096;

export interface DevPtsOptions {
  /** Mode of new slave nodes (mode=, default 600). */
  mode: number;
  /** Owner and group of new slave nodes (uid=, gid=); the opener's ids when absent. */
  uid?: number;
  gid?: number;
  /** Mode of the ptmx node (ptmxmode=, default 000). */
  ptmxmode: number;
}

/** Parse devpts's -o options (gid=5,mode=620,ptmxmode=666,newinstance...). */
export function parseDevPtsOptions(options: string): DevPtsOptions {
  const o: DevPtsOptions = { mode: 0o600, ptmxmode: 0 };
  for (const opt of options.split(',').filter((s) => s.length > 0)) {
    const [key, value = ''] = opt.split('=', 2) as [string, string?];
    switch (key) {
      case 'mode': o.mode = octal(value) & 0o777; break;
      case 'ptmxmode': o.ptmxmode = octal(value) & 0o777; break;
      case 'uid': o.uid = decimal(value); break;
      case 'gid': o.gid = decimal(value); break;
      case 'newinstance': case 'max': break;
      default: throw new SysError('EINVAL', `devpts: bad option ${key}`);
    }
  }
  return o;
}

function octal(s: string): number {
  if (!/^[0-7]+$/.test(s)) throw new SysError('EINVAL');
  return parseInt(s, 8);
}
function decimal(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new SysError('EINVAL');
  return parseInt(s, 10);
}

abstract class PtsInode implements VNode {
  abstract readonly type: FileType;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;

  constructor(readonly fs: DevPtsFs, readonly ino: number, public mode: number, public uid: number, public gid: number) {
    this.atimeNs = this.mtimeNs = this.ctimeNs = fs.clock.nowNs();
  }

  protected rdev(): number {
    return 0;
  }

  statCached(): Stat {
    const dir = this.type === 'dir';
    return {
      dev: this.fs.dev, ino: this.ino, mode: this.mode, nlink: dir ? 2 : 1, uid: this.uid, gid: this.gid,
      rdev: this.rdev(), size: 0, blksize: 1024, blocks: 0, atimeNs: this.atimeNs, mtimeNs: this.mtimeNs, ctimeNs: this.ctimeNs,
    };
  }

  async stat(): Promise<Stat> {
    return this.statCached();
  }

  async setattr(a: SetAttrs): Promise<void> {
    if (this.fs.readOnly) throw new SysError('EROFS');
    if (a.mode !== undefined) this.mode = (this.mode & S_IFMT) | (a.mode & 0o7777);
    if (a.uid !== undefined) this.uid = a.uid;
    if (a.gid !== undefined) this.gid = a.gid;
    if (a.atimeNs !== undefined) this.atimeNs = a.atimeNs;
    if (a.mtimeNs !== undefined) this.mtimeNs = a.mtimeNs;
    this.ctimeNs = a.ctimeNs ?? this.fs.clock.nowNs();
  }

  async lookup(_name: string): Promise<VNode | null> {
    throw new SysError('ENOTDIR');
  }
  async readdir(): Promise<DirEntry[]> {
    throw new SysError('ENOTDIR');
  }
  private refuse(): never {
    throw new SysError(this.type === 'dir' ? 'EPERM' : 'ENOTDIR');
  }
  async mknod(_name: string, mode: number): Promise<VNode> {
    // O_CREAT reaches here as a regular-file mknod; Linux answers a missing ->create with EACCES.
    if (this.type === 'dir' && ((mode & S_IFMT) === S_IFREG || (mode & S_IFMT) === 0)) throw new SysError('EACCES');
    this.refuse();
  }
  async mkdir(): Promise<VNode> {
    this.refuse();
  }
  async symlink(): Promise<VNode> {
    this.refuse();
  }
  async link(): Promise<void> {
    this.refuse();
  }
  async unlink(): Promise<void> {
    this.refuse();
  }
  async rmdir(): Promise<void> {
    this.refuse();
  }
  async rename(): Promise<void> {
    this.refuse();
  }
  async readlink(): Promise<string> {
    throw new SysError('EINVAL');
  }
  async getxattr(): Promise<Uint8Array> {
    throw new SysError('EOPNOTSUPP');
  }
  async setxattr(): Promise<void> {
    throw new SysError('EOPNOTSUPP');
  }
  async listxattr(): Promise<string[]> {
    return [];
  }
  async removexattr(): Promise<void> {
    throw new SysError('EOPNOTSUPP');
  }
  async open(): Promise<FileHandle> {
    // Device nodes are opened through the kernel's device table, never here.
    throw new SysError(this.type === 'dir' ? 'EISDIR' : 'ENXIO');
  }
}

/** /dev/pts/ptmx and /dev/pts/N. */
export class PtsDeviceNode extends PtsInode {
  readonly type = 'chardev';
  /** What the tty layer hangs on a slave node (its pty); null for ptmx. */
  pty: unknown = null;

  constructor(fs: DevPtsFs, ino: number, mode: number, uid: number, gid: number, private readonly dev: number, readonly index: number) {
    super(fs, ino, S_IFCHR | mode, uid, gid);
  }

  protected override rdev(): number {
    return this.dev;
  }
}

class PtsRoot extends PtsInode {
  readonly type = 'dir';

  override async lookup(name: string): Promise<VNode | null> {
    return this.lookupCached(name);
  }

  lookupCached(name: string): VNode | null {
    if (name === 'ptmx') return this.fs.ptmx;
    if (!/^(0|[1-9][0-9]*)$/.test(name)) return null;
    return this.fs.slave(Number(name)) ?? null;
  }

  /** Newest node first and ptmx last, as devpts's dentry list comes out (measured: 1 2 0 ptmx). */
  override async readdir(): Promise<DirEntry[]> {
    const out: DirEntry[] = this.fs.slavesNewestFirst().map((n) => ({ name: String(n.index), type: 'chardev', ino: n.ino }));
    out.push({ name: 'ptmx', type: 'chardev', ino: this.fs.ptmx.ino });
    return out;
  }
}

export class DevPtsFs implements FileSystem {
  readonly type = 'devpts';
  readonly ptmx: PtsDeviceNode;
  private readonly rootNode: PtsRoot;
  private readonly nodes = new Map<number, PtsDeviceNode>();
  private readonly used = new Set<number>();

  constructor(
    readonly dev: number,
    readonly clock: Clock,
    readonly options: DevPtsOptions = { mode: 0o600, ptmxmode: 0 },
    readonly readOnly = false,
  ) {
    this.rootNode = new PtsRoot(this, 1, S_IFDIR | 0o755, 0, 0);
    this.ptmx = new PtsDeviceNode(this, 2, options.ptmxmode, 0, 0, makedev(TTYAUX_MAJOR, 2), -1);
  }

  async root(): Promise<VNode> {
    return this.rootNode;
  }

  async statfs(): Promise<StatFs> {
    return { type: DEVPTS_SUPER_MAGIC, bsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0, namelen: 255 };
  }

  async sync(): Promise<void> {}

  mountOptions(): string {
    const o = this.options;
    const parts = [this.readOnly ? 'ro' : 'rw'];
    if (o.uid !== undefined) parts.push(`uid=${o.uid}`);
    if (o.gid !== undefined) parts.push(`gid=${o.gid}`);
    parts.push(`mode=${o.mode.toString(8).padStart(3, '0')}`, `ptmxmode=${o.ptmxmode.toString(8).padStart(3, '0')}`);
    return parts.join(',');
  }

  /** The lowest free pty number of this instance (ENOSPC past pty/max). */
  allocIndex(): number {
    for (let i = 0; i < PTY_MAX; i++) {
      if (!this.used.has(i)) {
        this.used.add(i);
        return i;
      }
    }
    throw new SysError('ENOSPC');
  }

  freeIndex(index: number): void {
    this.used.delete(index);
  }

  /** Show /dev/pts/N for a new pty, owned by the opener unless the mount says otherwise. */
  addSlave(index: number, opener: Cred, pty: unknown): PtsDeviceNode {
    const o = this.options;
    const node = new PtsDeviceNode(this, index + 3, o.mode, o.uid ?? opener.uid, o.gid ?? opener.gid, makedev(PTY_SLAVE_MAJOR, index), index);
    node.pty = pty;
    this.nodes.set(index, node);
    return node;
  }

  /** The master closed: the name goes (open descriptors of the slave stay valid). */
  removeSlave(index: number): void {
    const node = this.nodes.get(index);
    if (node) node.pty = null;
    this.nodes.delete(index);
  }

  slave(index: number): PtsDeviceNode | undefined {
    return this.nodes.get(index);
  }

  slaves(): PtsDeviceNode[] {
    return [...this.nodes.values()].sort((a, b) => a.index - b.index);
  }

  slavesNewestFirst(): PtsDeviceNode[] {
    return [...this.nodes.values()].reverse();
  }
}

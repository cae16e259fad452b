// The three kinds of object procfs is made of: directories whose entries are computed for the
// caller, files whose text is generated at the first read (a snapshot kept until close, as
// seq_file keeps it), and symlinks whose target is computed for the caller. Nothing can be
// created, linked, removed or renamed here; each refusal carries the errno Linux 6.18 gave for
// the same call (recorded in test/conformance/procfs/recordings/facts.json).

import { SysError } from '../../../abi/errno.ts';
import { O_ACCMODE, O_RDONLY } from '../../../abi/open-flags.ts';
import { type FileType, type Stat, typeBits } from '../../../abi/stat.ts';
import { utf8Encode } from '../../../base/text.ts';
import { Task } from '../../task/task.ts';
import type { PathRef } from '../vfs/mount.ts';
import type { Caller, DirEntry, FileHandle, FileSystem, SetAttrs, VNode } from '../vfs/types.ts';

export interface Owner {
  uid: number;
  gid: number;
}

export const ROOT_OWNER: Owner = Object.freeze({ uid: 0, gid: 0 });
/** One function for every root-owned node, not a closure per node (each container mounts a /proc). */
const rootOwner = (): Owner => ROOT_OWNER;

/** What every node needs of its filesystem: a device number, inode numbers and a clock. */
export interface ProcSuper extends FileSystem {
  nextIno(): number;
  nowNs(): bigint;
}

/** The calling task, when the caller is one (tests may walk the VFS without a task). */
export function callerTask(caller: Caller): Task | null {
  return caller instanceof Task ? caller : null;
}

export interface NodeOptions {
  /** Permission bits. */
  mode: number;
  /** Owner, asked at every stat (a process's files follow its effective ids). */
  owner?: () => Owner;
  /**
   * Objects under /proc/PID refuse chmod with EPERM; the other proc entries accept chmod and
   * chown from root (measured: chmod /proc/uptime succeeds, chmod /proc/self/status is EPERM).
   */
  perProcess?: boolean;
  /** A fixed link count (sysctl directories report 1); otherwise files 1, directories 2 + subdirectories. */
  nlink?: number;
}

export abstract class ProcNode implements VNode {
  abstract readonly type: FileType;
  readonly ino: number;
  protected mode: number;
  private ownerOf: () => Owner;
  private readonly perProcess: boolean;
  private readonly bornNs: bigint;
  protected readonly fixedNlink: number | undefined;

  constructor(readonly fs: ProcSuper, opts: NodeOptions) {
    this.ino = fs.nextIno();
    this.mode = opts.mode;
    this.fixedNlink = opts.nlink;
    this.ownerOf = opts.owner ?? rootOwner;
    this.perProcess = opts.perProcess ?? false;
    this.bornNs = fs.nowNs();
  }

  protected nlink(): number {
    return this.fixedNlink ?? 1;
  }

  /** Permission bits now (fd links follow the access mode of the file they point at). */
  protected permissions(): number {
    return this.mode;
  }

  protected size(): number {
    return 0;
  }

  async stat(): Promise<Stat> {
    const { uid, gid } = this.ownerOf();
    return {
      dev: this.fs.dev, ino: this.ino, mode: typeBits(this.type) | this.permissions(), nlink: this.nlink(), uid, gid, rdev: 0,
      size: this.size(), blksize: 1024, blocks: 0, atimeNs: this.bornNs, mtimeNs: this.bornNs, ctimeNs: this.bornNs,
    };
  }

  async setattr(attrs: SetAttrs): Promise<void> {
    if (attrs.mode !== undefined) {
      if (this.perProcess) throw new SysError('EPERM');
      this.mode = attrs.mode & 0o7777;
    }
    if (attrs.uid !== undefined || attrs.gid !== undefined) {
      if (this.perProcess) throw new SysError('EPERM');
      const now = this.ownerOf();
      const next = { uid: attrs.uid ?? now.uid, gid: attrs.gid ?? now.gid };
      this.ownerOf = () => next;
    }
    // Sizes and times: accepted and forgotten (truncating /proc/self/status succeeds on Linux).
  }

  async lookup(_name: string, _caller?: Caller): Promise<VNode | null> {
    throw new SysError('ENOTDIR');
  }

  async readdir(_caller?: Caller): Promise<DirEntry[]> {
    throw new SysError('ENOTDIR');
  }

  // Creating names in /proc fails with ENOENT (the lookup of the new name finds no entry to
  // attach to); removing entries with EPERM.
  async mknod(): Promise<VNode> {
    throw new SysError(this.type === 'dir' ? 'ENOENT' : 'ENOTDIR');
  }
  async mkdir(): Promise<VNode> {
    throw new SysError(this.type === 'dir' ? 'ENOENT' : 'ENOTDIR');
  }
  async symlink(): Promise<VNode> {
    throw new SysError(this.type === 'dir' ? 'ENOENT' : 'ENOTDIR');
  }
  async link(): Promise<void> {
    throw new SysError(this.type === 'dir' ? 'EPERM' : 'ENOTDIR');
  }
  async unlink(): Promise<void> {
    throw new SysError(this.type === 'dir' ? 'EPERM' : 'ENOTDIR');
  }
  async rmdir(): Promise<void> {
    throw new SysError(this.type === 'dir' ? 'EPERM' : 'ENOTDIR');
  }
  async rename(): Promise<void> {
    throw new SysError(this.type === 'dir' ? 'ENOENT' : 'ENOTDIR');
  }

  async readlink(_caller?: Caller): Promise<string> {
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

  async open(_flags: number, _caller?: Caller): Promise<FileHandle> {
    throw new SysError(this.type === 'dir' ? 'EISDIR' : 'ELOOP');
  }
}

// ---- directories ------------------------------------------------------------------------------

export abstract class ProcDir extends ProcNode {
  readonly type = 'dir';

  /** The entries in the order getdents returns them. */
  abstract entries(caller: Task | null): Array<[string, ProcNode]>;

  /** One entry by name; directories with computed names (PIDs, fds) override this. */
  child(name: string, caller: Task | null): ProcNode | null {
    for (const [n, node] of this.entries(caller)) if (n === name) return node;
    return null;
  }

  /** Directories count their subdirectories in nlink; dynamic ones override. */
  protected override nlink(): number {
    if (this.fixedNlink !== undefined) return this.fixedNlink;
    let n = 2;
    for (const [, node] of this.entries(null)) if (node.type === 'dir') n++;
    return n;
  }

  /** Waited for before a lookup or a listing: a directory whose entries load on first use. */
  protected async ready(_caller: Task | null): Promise<void> {}

  override async lookup(name: string, caller?: Caller): Promise<VNode | null> {
    const task = callerTask(caller);
    await this.ready(task);
    return this.child(name, task);
  }

  override async readdir(caller?: Caller): Promise<DirEntry[]> {
    const task = callerTask(caller);
    await this.ready(task);
    return this.entries(task).map(([name, node]) => ({ name, type: node.type, ino: node.ino }));
  }
}

/**
 * A directory with a fixed set of entries, made when first looked into: every container mounts
 * its own /proc, and most never open /proc/sys or /proc/PID/ns.
 */
export class StaticDir extends ProcDir {
  private table: Map<string, ProcNode> | null = null;
  private build: ((dir: StaticDir) => Array<[string, ProcNode]>) | null;

  constructor(fs: ProcSuper, opts: NodeOptions, build: (dir: StaticDir) => Array<[string, ProcNode]>) {
    super(fs, opts);
    this.build = build;
  }

  private built(): Map<string, ProcNode> {
    if (!this.table) {
      this.table = new Map(this.build!(this));
      this.build = null;
    }
    return this.table;
  }

  entries(): Array<[string, ProcNode]> {
    return [...this.built()];
  }

  override child(name: string): ProcNode | null {
    return this.built().get(name) ?? null;
  }
}

// ---- files ------------------------------------------------------------------------------------

export interface FileBehaviour {
  /** The whole content, made when first read. Throws SysError (ESRCH for a process gone). */
  read(caller: Task | null): string | Uint8Array | Promise<string | Uint8Array>;
  /** One write(2) call's bytes at `pos`; returns the count accepted. */
  write?(caller: Task | null, data: Uint8Array, pos: number): number | Promise<number>;
  /**
   * What write(2) fails with when the file has no write method: Linux gives EINVAL under
   * /proc/PID (no write operation at all) and EIO for /proc's own files (proc_reg_write).
   */
  noWrite?: 'EINVAL' | 'EIO';
  /**
   * sysctl files check their mode bits even for root (open for write of a 0444 sysctl is
   * EACCES for root too), where other files let root open anything.
   */
  sysctl?: boolean;
}

export class ProcFile extends ProcNode {
  readonly type = 'file';

  constructor(fs: ProcSuper, opts: NodeOptions, private readonly behaviour: FileBehaviour) {
    super(fs, opts);
  }

  override async open(flags: number, caller?: Caller): Promise<FileHandle> {
    const writing = (flags & O_ACCMODE) !== O_RDONLY;
    if (writing && this.behaviour.sysctl && (this.permissions() & 0o222) === 0) throw new SysError('EACCES');
    return new SnapshotHandle(this.behaviour, callerTask(caller));
  }
}

/** An open proc file: the text generated once, at the first read, then served from memory. */
class SnapshotHandle implements FileHandle {
  private text: Uint8Array | null = null;
  private closed = false;

  constructor(private readonly behaviour: FileBehaviour, private readonly caller: Task | null) {}

  private async content(): Promise<Uint8Array> {
    if (this.closed) throw new SysError('EBADF');
    if (!this.text) {
      const v = await this.behaviour.read(this.caller);
      this.text = typeof v === 'string' ? utf8Encode(v) : v;
    }
    return this.text;
  }

  async read(pos: number, length: number): Promise<Uint8Array> {
    const text = await this.content();
    return text.slice(Math.min(pos, text.length), Math.min(pos + length, text.length));
  }

  async write(pos: number, data: Uint8Array): Promise<number> {
    if (this.closed) throw new SysError('EBADF');
    if (!this.behaviour.write) throw new SysError(this.behaviour.noWrite ?? 'EINVAL');
    return this.behaviour.write(this.caller, data, pos);
  }

  async size(): Promise<number> {
    return (await this.content()).length;
  }

  /** O_TRUNC on a proc file is accepted and does nothing, as on Linux. */
  async truncate(): Promise<void> {}

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
    this.text = null;
  }
}

// ---- symlinks ---------------------------------------------------------------------------------

export interface LinkBehaviour {
  /** The target text for this caller; throws ENOENT/EACCES where Linux does. */
  target(caller: Task | null): string | Promise<string>;
  /** st_size: 0 for most proc links, 64 for /proc/PID/fd/N, the target length for /proc/mounts. */
  size?: number;
}

export class ProcLink extends ProcNode {
  readonly type = 'symlink';

  constructor(fs: ProcSuper, opts: NodeOptions, private readonly behaviour: LinkBehaviour) {
    super(fs, opts);
  }

  protected override size(): number {
    return this.behaviour.size ?? 0;
  }

  override async readlink(caller?: Caller): Promise<string> {
    return this.behaviour.target(callerTask(caller));
  }
}

export interface MagicLinkBehaviour extends LinkBehaviour {
  /**
   * Where following the link lands (VNode.jump): checked as the text is (ENOENT, EACCES), then
   * the object itself; null to walk the text.
   */
  jump(caller: Task | null): PathRef | VNode | null | Promise<PathRef | VNode | null>;
}

/**
 * A link that is followed to its object, not through its text (Linux's proc_pid_get_link):
 * /proc/PID/cwd, root, exe and fd/N. readlink still gives the text.
 */
export class MagicLink extends ProcLink {
  constructor(fs: ProcSuper, opts: NodeOptions, private readonly magic: MagicLinkBehaviour) {
    super(fs, opts, magic);
  }

  async jump(caller?: Caller): Promise<PathRef | VNode | null> {
    return this.magic.jump(callerTask(caller));
  }
}

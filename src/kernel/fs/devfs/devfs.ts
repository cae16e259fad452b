// devtmpfs: the /dev the kernel fills itself, an in-memory tree (tmpfs's engine) holding the
// device nodes with Linux's numbers, modes and owners (crw-rw-rw- root root for null, zero,
// full, random, urandom, tty, ptmx), the fd/stdin/stdout/stderr links into /proc/self, and the
// pts/ (where devpts is mounted) and shm/ directories. Like Linux's devtmpfs there is one
// instance: every mount of it shows the same tree.

import { S_IFCHR, makedev } from '../../../abi/stat.ts';
import { BufferData, type FileData } from '../memtree/file-data.ts';
import { MemTree, type MemInode } from '../memtree/mem-tree.ts';
import type { Clock, Cred } from '../vfs/types.ts';
import { MEM_TOTAL_KB } from '../../memory-size.ts';

/** devtmpfs is built on shmem: statfs reports tmpfs's magic (measured: 0x1021994). */
const DEVTMPFS_MAGIC = 0x01021994;

const ROOT: Cred = { uid: 0, gid: 0, groups: [] };

/** The character devices every /dev starts with: name, major, minor, permission bits. */
export const STANDARD_DEVICES: ReadonlyArray<readonly [string, number, number, number]> = [
  ['null', 1, 3, 0o666],
  ['zero', 1, 5, 0o666],
  ['full', 1, 7, 0o666],
  ['random', 1, 8, 0o666],
  ['urandom', 1, 9, 0o666],
  ['tty', 5, 0, 0o666],
  ['ptmx', 5, 2, 0o666],
];

export const STANDARD_LINKS: ReadonlyArray<readonly [string, string]> = [
  ['fd', '/proc/self/fd'],
  ['stdin', '/proc/self/fd/0'],
  ['stdout', '/proc/self/fd/1'],
  ['stderr', '/proc/self/fd/2'],
];

export class DevFs extends MemTree {
  protected override readonly linksUseInodes = true;

  private constructor(dev: number, clock: Clock, ramKb: number) {
    super({ type: 'devtmpfs', dev, clock, magic: DEVTMPFS_MAGIC });
    // devtmpfs is mounted with tmpfs's defaults: half the memory, in blocks and in inodes.
    this.blockLimit = this.inodeLimit = Math.floor(ramKb / 4 / 2);
    this.makeRoot(0o755, ROOT);
  }

  /** A /dev with the standard nodes, links and directories; `ramKb` (MemTotal) sets its limits. */
  static async create(dev: number, clock: Clock, ramKb = MEM_TOTAL_KB): Promise<DevFs> {
    const fs = new DevFs(dev, clock, ramKb);
    const root = fs.rootInode as MemInode;
    for (const [name, maj, min, mode] of STANDARD_DEVICES) await root.mknod(name, S_IFCHR | mode, makedev(maj, min), ROOT);
    for (const [name, target] of STANDARD_LINKS) await root.symlink(name, target, ROOT);
    await root.mkdir('pts', 0o755, ROOT);
    await root.mkdir('shm', 0o1777, ROOT);
    return fs;
  }

  protected newData(): FileData {
    return new BufferData();
  }

  override mountOptions(): string {
    return `${super.mountOptions()},mode=755`;
  }
}

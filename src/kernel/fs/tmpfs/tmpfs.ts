// tmpfs: a filesystem that lives in memory only and is gone at unmount, as on Linux.
// All of its behaviour is the in-memory inode tree's; this file names it and sizes its data.

import { makedev } from '../../../abi/stat.ts';
import type { Clock, Cred } from '../vfs/types.ts';
import { BufferData, type FileData } from '../memtree/file-data.ts';
import { MemTree } from '../memtree/mem-tree.ts';

export const TMPFS_MAGIC = 0x01021994;

export interface TmpFsOptions {
  dev?: number;
  clock: Clock;
  /** Root directory mode; Linux's tmpfs default is 1777. */
  mode?: number;
  owner?: Cred;
  readOnly?: boolean;
}

let anonymousDevs = 0x100;

export class TmpFs extends MemTree {
  constructor(opts: TmpFsOptions) {
    super({ type: 'tmpfs', dev: opts.dev ?? makedev(0, anonymousDevs++), clock: opts.clock, magic: TMPFS_MAGIC, readOnly: opts.readOnly });
    this.makeRoot(opts.mode ?? 0o1777, opts.owner);
  }

  protected newData(): FileData {
    return new BufferData();
  }
}

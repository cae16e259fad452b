// tmpfs: a filesystem that lives in memory only and is gone at unmount, as on Linux.
// All of its behaviour is the in-memory inode tree's; this file names it, sizes its data and
// says its options as /proc/mounts shows them. sysfs and mqueue are memory trees too and are
// made here under their own names (their contents are only the directories a machine expects).

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
  /** size=: shown in /proc/mounts (in KiB, as Linux prints it); the limit is not enforced. */
  sizeBytes?: number;
  /** The type name and statfs magic, for the other memory-only filesystems. */
  type?: 'tmpfs' | 'sysfs' | 'mqueue';
  magic?: number;
}

let anonymousDevs = 0x100;

export class TmpFs extends MemTree {
  /** What /proc/mounts shows after rw/ro (often nothing: then no array is kept). */
  private readonly shown: string = '';

  constructor(opts: TmpFsOptions) {
    const type = opts.type ?? 'tmpfs';
    super({ type, dev: opts.dev ?? makedev(0, anonymousDevs++), clock: opts.clock, magic: opts.magic ?? TMPFS_MAGIC, readOnly: opts.readOnly });
    const mode = opts.mode ?? 0o1777;
    this.makeRoot(mode, opts.owner);
    // shmem_show_options: size when set, mode when not the default 1777.
    if (type === 'tmpfs') {
      if (opts.sizeBytes !== undefined) this.shown += `,size=${Math.ceil(opts.sizeBytes / 4096) * 4}k`;
      if (mode !== 0o1777) this.shown += `,mode=${mode.toString(8).padStart(3, '0')}`;
    }
  }

  override mountOptions(): string {
    return super.mountOptions() + this.shown;
  }

  protected newData(): FileData {
    return new BufferData();
  }
}

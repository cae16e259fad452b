// tmpfs: a filesystem that lives in memory only and is gone at unmount, as on Linux.
// All of its behaviour is the in-memory inode tree's; this file names it, sizes its data, sets
// its limits (size=, nr_inodes=: half the machine's memory by default) and says its options as
// /proc/mounts shows them. sysfs and mqueue are memory trees too and are made here under their
// own names (their contents are only the directories a machine expects; statfs reports nothing).

import { SysError } from '../../../abi/errno.ts';
import { makedev } from '../../../abi/stat.ts';
import type { Clock, Cred, StatFs } from '../vfs/types.ts';
import { MEM_TOTAL_KB } from '../../memory-size.ts';
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
  /** size= in bytes (rounded up to pages); 0: no limit. Default: half of `ramKb`. */
  sizeBytes?: number;
  /** size= or nr_blocks= in pages, which wins over sizeBytes. */
  blocks?: number;
  /** nr_inodes=; 0: no limit. Default: half of `ramKb` in pages. */
  inodes?: number;
  /** The machine's memory (MemTotal), which the defaults are half of; the simulated machine's when not given. */
  ramKb?: number;
  /** The type name and statfs magic, for the other memory-only filesystems. */
  type?: 'tmpfs' | 'sysfs' | 'mqueue';
  magic?: number;
}

let anonymousDevs = 0x100;

export class TmpFs extends MemTree {
  /** What /proc/mounts shows after rw/ro (often nothing: then no array is kept). */
  private readonly shown: string = '';
  protected override readonly linksUseInodes = true;

  constructor(opts: TmpFsOptions) {
    const type = opts.type ?? 'tmpfs';
    super({ type, dev: opts.dev ?? makedev(0, anonymousDevs++), clock: opts.clock, magic: opts.magic ?? TMPFS_MAGIC, readOnly: opts.readOnly });
    const mode = opts.mode ?? 0o1777;
    const half = Math.floor((opts.ramKb ?? MEM_TOTAL_KB) / 4 / 2);
    if (type === 'tmpfs') {
      this.blockLimit = opts.blocks ?? (opts.sizeBytes !== undefined ? Math.ceil(opts.sizeBytes / 4096) : half);
      this.inodeLimit = opts.inodes ?? half;
    }
    this.makeRoot(mode, opts.owner);
    // shmem_show_options: size and nr_inodes when not the defaults, mode when not 1777.
    if (type === 'tmpfs') {
      if (this.blockLimit !== half) this.shown += `,size=${this.blockLimit * 4}k`;
      if (this.inodeLimit !== half) this.shown += `,nr_inodes=${this.inodeLimit}`;
      if (mode !== 0o1777) this.shown += `,mode=${mode.toString(8).padStart(3, '0')}`;
    }
  }

  /** sysfs and mqueue report no blocks and no inodes (simple_statfs), as Linux's do. */
  override statfs(): Promise<StatFs> {
    if (this.type === 'tmpfs') return super.statfs();
    return super.statfs().then((s) => ({ ...s, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0 }));
  }

  override mountOptions(): string {
    return super.mountOptions() + this.shown;
  }

  protected newData(): FileData {
    return new BufferData();
  }
}

/**
 * tmpfs's size=, nr_blocks= and nr_inodes= options (shmem_parse_one): a number with an optional
 * k/m/g/t/p/e suffix (memparse), size= also as a percentage of `ramKb`. Anything else is EINVAL,
 * which mount(8) reports as a bad option. Returns the limits given, in pages and inodes.
 */
export function tmpfsLimits(options: string, ramKb: number): { blocks?: number; inodes?: number } {
  const out: { blocks?: number; inodes?: number } = {};
  for (const opt of options.split(',')) {
    const eq = opt.indexOf('=');
    const key = eq < 0 ? opt : opt.slice(0, eq);
    if (key !== 'size' && key !== 'nr_blocks' && key !== 'nr_inodes') continue;
    const m = /^(\d+)([kmgtpe]?)(%?)$/i.exec(eq < 0 ? '' : opt.slice(eq + 1));
    if (!m || (m[3] && key !== 'size')) throw new SysError('EINVAL', `tmpfs: bad value for ${key}`);
    let n = Number(m[1]) * 1024 ** ' kmgtpe'.indexOf((m[2] || ' ').toLowerCase());
    if (key === 'size') {
      // A percentage of memory is worked out in bytes, rounded down, then up to whole pages.
      if (m[3]) n = Math.floor((n * ramKb * 1024) / 100);
      out.blocks = Math.ceil(n / 4096);
    } else if (key === 'nr_blocks') {
      out.blocks = n;
    } else {
      out.inodes = n;
    }
  }
  return out;
}

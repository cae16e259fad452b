// An open file description: the file offset and status flags that dup()ed descriptors and
// forked children share. Reads and writes go to the filesystem's FileHandle at the offset.

import { SysError } from '../../../abi/errno.ts';
import { O_APPEND, O_ACCMODE, O_RDONLY, O_WRONLY } from '../../../abi/open-flags.ts';
import type { Stat } from '../../../abi/stat.ts';
import type { PathRef } from './mount.ts';
import type { Interrupt } from '../../task/interrupt.ts';
import type { Caller, DirEntry, FileHandle } from './types.ts';

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** The last queued append of each file: the next one starts when it is done. */
const appending = new WeakMap<object, Promise<unknown>>();

/**
 * RLIMIT_FSIZE as a write meets it: no byte at or past `max`; a write that would start there
 * fails with EFBIG after `exceeded` (the kernel's SIGXFSZ), one that crosses it is cut short.
 */
export interface FileSizeLimit {
  max: number;
  exceeded(): void;
}

/** `data` as much of it as may be written at `pos` under `limit` (Linux's generic_write_check_limits). */
function withinLimit(data: Uint8Array, pos: number, limit: FileSizeLimit | undefined): Uint8Array {
  if (!limit || data.length === 0) return data;
  if (pos >= limit.max) {
    limit.exceeded();
    throw new SysError('EFBIG');
  }
  return pos + data.length > limit.max ? data.subarray(0, limit.max - pos) : data;
}

export class OpenFile {
  private pos = 0;
  private closed = false;

  constructor(
    readonly ref: PathRef,
    readonly flags: number,
    /** Null for directories and O_PATH descriptors. */
    private readonly handle: FileHandle | null,
    /** Who opened it: a directory listing through this description is made for them. */
    caller?: Caller,
  ) {
    // Kept for directories only (the one use): a descriptor inherited down a process tree
    // (a container's stdout on /dev/null, say) must not keep its dead opener's task alive.
    this.caller = ref.node.type === 'dir' ? caller : undefined;
  }

  private readonly caller?: Caller;

  get offset(): number {
    return this.pos;
  }

  private data(forWrite: boolean): FileHandle {
    if (this.closed) throw new SysError('EBADF');
    const acc = this.flags & O_ACCMODE;
    if (forWrite ? acc === O_RDONLY : acc === O_WRONLY) throw new SysError('EBADF');
    if (!this.handle) throw new SysError(this.ref.node.type === 'dir' ? 'EISDIR' : 'EBADF');
    return this.handle;
  }

  async read(length: number, intr?: Interrupt): Promise<Uint8Array> {
    const bytes = await this.data(false).read(this.pos, length, intr);
    this.pos += bytes.length;
    return bytes;
  }

  write(data: Uint8Array, intr?: Interrupt, limit?: FileSizeLimit): Promise<number> {
    let h: FileHandle;
    try {
      h = this.data(true);
    } catch (e) {
      return Promise.reject(e);
    }
    const at = (pos: number): Promise<number> => {
      let bytes: Uint8Array;
      try {
        bytes = withinLimit(data, pos, limit);
      } catch (e) {
        return Promise.reject(e);
      }
      return h.write(pos, bytes, intr).then((n) => {
        this.pos = pos + n;
        return n;
      });
    };
    if (!(this.flags & O_APPEND)) return at(this.pos);
    // O_APPEND: every write goes to the end as it is at that moment. Linux holds the inode lock
    // from finding the end to writing there, so appends to one file (from any opener) are queued.
    const node = this.ref.node;
    const run = (appending.get(node) ?? Promise.resolve()).then(() => h.size().then(at));
    appending.set(node, run.catch(() => {}));
    return run;
  }

  pread(pos: number, length: number): Promise<Uint8Array> {
    if (pos < 0) throw new SysError('EINVAL');
    return this.data(false).read(pos, length);
  }

  pwrite(pos: number, data: Uint8Array, limit?: FileSizeLimit): Promise<number> {
    if (pos < 0) throw new SysError('EINVAL');
    const h = this.data(true);
    return h.write(pos, withinLimit(data, pos, limit));
  }

  async seek(offset: number, whence: number): Promise<number> {
    if (this.closed) throw new SysError('EBADF');
    let base: number;
    if (whence === SEEK_SET) base = 0;
    else if (whence === SEEK_CUR) base = this.pos;
    else if (whence === SEEK_END) base = this.handle ? await this.handle.size() : (await this.stat()).size;
    else throw new SysError('EINVAL');
    const next = base + offset;
    if (next < 0) throw new SysError('EINVAL');
    this.pos = next;
    return next;
  }

  stat(): Promise<Stat> {
    if (this.closed) throw new SysError('EBADF');
    return this.ref.node.stat();
  }

  async truncate(size: number): Promise<void> {
    if (size < 0) throw new SysError('EINVAL');
    await this.data(true).truncate(size);
  }

  /** getdents(2) on a directory descriptor. */
  readdir(): Promise<DirEntry[]> {
    if (this.closed) throw new SysError('EBADF');
    return this.ref.node.readdir(this.caller);
  }

  async sync(): Promise<void> {
    if (this.closed) throw new SysError('EBADF');
    await this.handle?.flush();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.reject(new SysError('EBADF'));
    this.closed = true;
    return this.handle ? this.handle.close() : Promise.resolve();
  }
}

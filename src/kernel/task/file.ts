// What a file descriptor points at: an open file description (a VFS file, a pipe end, a tty).
// Descriptions are shared by dup() and fork(); the last close() releases them.

import type { Stat } from '../../abi/stat.ts';
import type { Interrupt } from './interrupt.ts';

export interface FileDescription {
  /** open(2) status flags (O_APPEND, O_NONBLOCK, access mode). */
  readonly flags: number;
  /** Blocking reads and writes end early with EINTR when `intr` fires (a signal arrived). */
  read(length: number, intr?: Interrupt): Promise<Uint8Array>;
  write(data: Uint8Array, intr?: Interrupt): Promise<number>;
  stat(): Promise<Stat>;
  seek?(offset: number, whence: number): Promise<number>;
  pread?(pos: number, length: number): Promise<Uint8Array>;
  pwrite?(pos: number, data: Uint8Array): Promise<number>;
  truncate?(size: number): Promise<void>;
  close(): Promise<void>;
}

/** Counts the descriptors sharing one description, so it closes with the last of them. */
export class SharedFile {
  private refs = 1;
  constructor(readonly file: FileDescription) {}
  hold(): this {
    this.refs++;
    return this;
  }
  async release(): Promise<void> {
    if (--this.refs === 0) await this.file.close();
  }
}

/**
 * A description with no path that an open through /proc/PID/fd/N makes anew: a pipe end gives
 * another reader or writer on the same pipe, as Linux's fifo_open does for a pipefs inode.
 */
export interface Reopenable {
  /** `flags`: the new open's; throws a SysError where the object refuses. */
  reopen(flags: number): FileDescription;
}

export function canReopen(f: FileDescription): f is FileDescription & Reopenable {
  return typeof (f as Partial<Reopenable>).reopen === 'function';
}

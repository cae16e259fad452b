// A process's file descriptor table: the lowest free number on open, dup/dup2, close-on-exec,
// and RLIMIT_NOFILE. Tables are copied on fork (sharing the descriptions) and pruned on exec.

import { SysError } from '../../abi/errno.ts';
import { type FileDescription, SharedFile } from './file.ts';

export const RLIMIT_NOFILE = 1024;

export class FdTable {
  /**
   * The description behind each number. Close-on-exec is kept beside it, not in an object per
   * slot: a bit each for the low numbers nearly every process uses, a set for the rest.
   */
  private slots: Array<SharedFile | undefined> = [];
  /** The soft RLIMIT_NOFILE of the process: numbers at or past it are not handed out. */
  limit = RLIMIT_NOFILE;
  private cloexecLow = 0;
  private cloexecHigh: Set<number> | null = null;

  get(fd: number): FileDescription {
    const s = this.slots[fd];
    if (!s || !Number.isInteger(fd)) throw new SysError('EBADF');
    return s.file;
  }

  has(fd: number): boolean {
    return this.slots[fd] !== undefined;
  }

  private lowestFree(from = 0): number {
    for (let fd = from; fd < this.limit; fd++) if (!this.slots[fd]) return fd;
    throw new SysError('EMFILE');
  }

  private flag(fd: number, on: boolean): void {
    if (fd < 31) {
      this.cloexecLow = on ? this.cloexecLow | (1 << fd) : this.cloexecLow & ~(1 << fd);
    } else if (on) {
      (this.cloexecHigh ??= new Set()).add(fd);
    } else {
      this.cloexecHigh?.delete(fd);
    }
  }

  private flagged(fd: number): boolean {
    return fd < 31 ? (this.cloexecLow & (1 << fd)) !== 0 : this.cloexecHigh?.has(fd) === true;
  }

  private put(fd: number, shared: SharedFile, cloexec: boolean): void {
    this.slots[fd] = shared;
    this.flag(fd, cloexec);
  }

  install(file: FileDescription, cloexec = false): number {
    const fd = this.lowestFree();
    this.put(fd, new SharedFile(file), cloexec);
    return fd;
  }

  /** dup(2) / fcntl(F_DUPFD): the lowest free number at or above `min`. */
  dup(fd: number, min = 0, cloexec = false): number {
    const s = this.slots[fd];
    if (!s) throw new SysError('EBADF');
    const to = this.lowestFree(min);
    this.put(to, s.hold(), cloexec);
    return to;
  }

  async dup2(fd: number, to: number): Promise<number> {
    const s = this.slots[fd];
    if (!s) throw new SysError('EBADF');
    if (to < 0 || to >= this.limit) throw new SysError('EBADF');
    if (fd === to) return to;
    const old = this.slots[to];
    this.put(to, s.hold(), false);
    await old?.release();
    return to;
  }

  async close(fd: number): Promise<void> {
    const s = this.slots[fd];
    if (!s) throw new SysError('EBADF');
    this.slots[fd] = undefined;
    this.flag(fd, false);
    await s.release();
  }

  setCloexec(fd: number, on: boolean): void {
    if (!this.slots[fd]) throw new SysError('EBADF');
    this.flag(fd, on);
  }

  getCloexec(fd: number): boolean {
    if (!this.slots[fd]) throw new SysError('EBADF');
    return this.flagged(fd);
  }

  /** The table a forked child starts with: the same descriptions, each held once more. */
  fork(): FdTable {
    const t = new FdTable();
    // Sized up front: filled one by one, an empty array grows with room for sixteen more.
    t.slots = new Array<SharedFile | undefined>(this.slots.length);
    this.slots.forEach((s, fd) => {
      if (s) t.slots[fd] = s.hold();
    });
    t.cloexecLow = this.cloexecLow;
    if (this.cloexecHigh?.size) t.cloexecHigh = new Set(this.cloexecHigh);
    t.limit = this.limit;
    return t;
  }

  /** execve closes every close-on-exec descriptor. */
  async exec(): Promise<void> {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd] && this.flagged(fd)) await this.close(fd);
  }

  async closeAll(): Promise<void> {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd]) await this.close(fd);
  }

  /** Open descriptor numbers, for /proc/PID/fd. */
  list(): number[] {
    const out: number[] = [];
    this.slots.forEach((s, fd) => {
      if (s) out.push(fd);
    });
    return out;
  }
}

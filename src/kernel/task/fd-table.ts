// A process's file descriptor table: the lowest free number on open, dup/dup2, close-on-exec,
// and RLIMIT_NOFILE. Tables are copied on fork (sharing the descriptions) and pruned on exec.

import { SysError } from '../../abi/errno.ts';
import { type FileDescription, SharedFile } from './file.ts';

export const RLIMIT_NOFILE = 1024;

interface Slot {
  shared: SharedFile;
  cloexec: boolean;
}

export class FdTable {
  private slots: Array<Slot | undefined> = [];

  get(fd: number): FileDescription {
    const s = this.slots[fd];
    if (!s || !Number.isInteger(fd)) throw new SysError('EBADF');
    return s.shared.file;
  }

  has(fd: number): boolean {
    return this.slots[fd] !== undefined;
  }

  private lowestFree(from = 0): number {
    for (let fd = from; fd < RLIMIT_NOFILE; fd++) if (!this.slots[fd]) return fd;
    throw new SysError('EMFILE');
  }

  install(file: FileDescription, cloexec = false): number {
    const fd = this.lowestFree();
    this.slots[fd] = { shared: new SharedFile(file), cloexec };
    return fd;
  }

  /** dup(2) / fcntl(F_DUPFD): the lowest free number at or above `min`. */
  dup(fd: number, min = 0, cloexec = false): number {
    const s = this.slots[fd];
    if (!s) throw new SysError('EBADF');
    const to = this.lowestFree(min);
    this.slots[to] = { shared: s.shared.hold(), cloexec };
    return to;
  }

  async dup2(fd: number, to: number): Promise<number> {
    const s = this.slots[fd];
    if (!s) throw new SysError('EBADF');
    if (to < 0 || to >= RLIMIT_NOFILE) throw new SysError('EBADF');
    if (fd === to) return to;
    const old = this.slots[to];
    this.slots[to] = { shared: s.shared.hold(), cloexec: false };
    await old?.shared.release();
    return to;
  }

  async close(fd: number): Promise<void> {
    const s = this.slots[fd];
    if (!s) throw new SysError('EBADF');
    this.slots[fd] = undefined;
    await s.shared.release();
  }

  setCloexec(fd: number, on: boolean): void {
    const s = this.slots[fd];
    if (!s) throw new SysError('EBADF');
    s.cloexec = on;
  }

  getCloexec(fd: number): boolean {
    const s = this.slots[fd];
    if (!s) throw new SysError('EBADF');
    return s.cloexec;
  }

  /** The table a forked child starts with: the same descriptions, each held once more. */
  fork(): FdTable {
    const t = new FdTable();
    // Sized up front: filled one by one, an empty array grows with room for sixteen more.
    t.slots = new Array<Slot | undefined>(this.slots.length);
    this.slots.forEach((s, fd) => {
      if (s) t.slots[fd] = { shared: s.shared.hold(), cloexec: s.cloexec };
    });
    return t;
  }

  /** execve closes every close-on-exec descriptor. */
  async exec(): Promise<void> {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd]?.cloexec) await this.close(fd);
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

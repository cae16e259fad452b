// Open descriptions of a terminal: TtyFile for the slave side (/dev/pts/N, /dev/tty, and the
// descriptors a session starts with) and PtyMasterFile for a master opened through /dev/ptmx.
// Both answer the tty ioctls; both are FileDescriptions a process's fd table can hold directly.

import { SysError } from '../../abi/errno.ts';
import { O_NONBLOCK } from '../../abi/open-flags.ts';
import type { Stat } from '../../abi/stat.ts';
import type { FileDescription } from '../task/file.ts';
import { type Interrupt, NEVER } from '../task/interrupt.ts';
import type { Task } from '../task/task.ts';
import type { Pty } from './pty.ts';
import type { Tty } from './tty.ts';
import { ttyIoctl } from './tty-ioctl.ts';

export class TtyFile implements FileDescription {
  private closed = false;

  constructor(
    readonly tty: Tty,
    readonly flags: number,
    /** The pair this slave belongs to (its open count and node). */
    readonly pty: Pty,
    private readonly statOf: () => Promise<Stat>,
    private readonly onClose: () => void,
  ) {}

  /** The slave's name, for /proc/PID/fd links of descriptors that were never opened by path. */
  get path(): string {
    return this.pty.path;
  }

  private live(): void {
    if (this.closed) throw new SysError('EBADF');
  }

  async read(length: number, intr: Interrupt = NEVER): Promise<Uint8Array> {
    this.live();
    return this.tty.read(length, intr, (this.flags & O_NONBLOCK) !== 0);
  }

  async write(data: Uint8Array, intr: Interrupt = NEVER): Promise<number> {
    this.live();
    return this.tty.write(data, intr, (this.flags & O_NONBLOCK) !== 0);
  }

  async stat(): Promise<Stat> {
    this.live();
    return this.statOf();
  }

  async seek(): Promise<number> {
    throw new SysError('ESPIPE');
  }

  ioctl(task: Task, request: number, arg: unknown): Promise<unknown> {
    this.live();
    return ttyIoctl({ tty: this.tty, pty: this.pty, side: 'slave', flags: this.flags }, task, request, arg);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}

export class PtyMasterFile implements FileDescription {
  private closed = false;

  constructor(
    readonly pty: Pty,
    readonly flags: number,
    private readonly statOf: () => Promise<Stat>,
  ) {}

  get path(): string {
    return '/dev/ptmx';
  }

  private live(): void {
    if (this.closed) throw new SysError('EBADF');
  }

  async read(length: number, intr: Interrupt = NEVER): Promise<Uint8Array> {
    this.live();
    return this.pty.readMaster(length, intr, (this.flags & O_NONBLOCK) !== 0);
  }

  async write(data: Uint8Array, intr: Interrupt = NEVER): Promise<number> {
    this.live();
    return this.pty.writeMaster(data, intr, (this.flags & O_NONBLOCK) !== 0);
  }

  async stat(): Promise<Stat> {
    this.live();
    return this.statOf();
  }

  async seek(): Promise<number> {
    throw new SysError('ESPIPE');
  }

  ioctl(task: Task, request: number, arg: unknown): Promise<unknown> {
    this.live();
    return ttyIoctl({ tty: this.pty.tty, pty: this.pty, side: 'master', flags: this.flags }, task, request, arg);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.pty.close();
  }
}

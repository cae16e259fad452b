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

/** What the two sides share: descriptor state, stat, no seeking, the tty ioctls, one close. */
abstract class TerminalFile implements FileDescription {
  private closed = false;

  constructor(
    readonly pty: Pty,
    readonly flags: number,
    private readonly side: 'slave' | 'master',
    private readonly statOf: () => Promise<Stat>,
  ) {}

  /** The name /proc/PID/fd links show for descriptors that were never opened by path. */
  abstract get path(): string;
  /** What /proc/PID/fd shows for it (fd-dir.ts): the terminal's path, as on Linux (/dev/pts/N, /dev/ptmx). */
  procLink(): string {
    return this.path;
  }
  protected abstract readSide(length: number, intr: Interrupt, nonblock: boolean): Promise<Uint8Array>;
  protected abstract writeSide(data: Uint8Array, intr: Interrupt, nonblock: boolean): Promise<number>;
  protected abstract closeSide(): void;

  private live(): void {
    if (this.closed) throw new SysError('EBADF');
  }

  async read(length: number, intr: Interrupt = NEVER): Promise<Uint8Array> {
    this.live();
    return this.readSide(length, intr, (this.flags & O_NONBLOCK) !== 0);
  }

  async write(data: Uint8Array, intr: Interrupt = NEVER): Promise<number> {
    this.live();
    return this.writeSide(data, intr, (this.flags & O_NONBLOCK) !== 0);
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
    return ttyIoctl({ tty: this.pty.tty, pty: this.pty, side: this.side, flags: this.flags }, task, request, arg);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closeSide();
  }
}

export class TtyFile extends TerminalFile {
  constructor(
    readonly tty: Tty,
    flags: number,
    /** The pair this slave belongs to (its open count and node). */
    pty: Pty,
    statOf: () => Promise<Stat>,
    private readonly onClose: () => void,
  ) {
    super(pty, flags, 'slave', statOf);
  }

  get path(): string {
    return this.pty.path;
  }
  protected readSide(length: number, intr: Interrupt, nonblock: boolean): Promise<Uint8Array> {
    return this.tty.read(length, intr, nonblock);
  }
  protected writeSide(data: Uint8Array, intr: Interrupt, nonblock: boolean): Promise<number> {
    return this.tty.write(data, intr, nonblock);
  }
  protected closeSide(): void {
    this.onClose();
  }
}

export class PtyMasterFile extends TerminalFile {
  constructor(pty: Pty, flags: number, statOf: () => Promise<Stat>) {
    super(pty, flags, 'master', statOf);
  }

  get path(): string {
    return '/dev/ptmx';
  }
  protected readSide(length: number, intr: Interrupt, nonblock: boolean): Promise<Uint8Array> {
    return this.pty.readMaster(length, intr, nonblock);
  }
  protected writeSide(data: Uint8Array, intr: Interrupt, nonblock: boolean): Promise<number> {
    return this.pty.writeMaster(data, intr, nonblock);
  }
  protected closeSide(): void {
    this.pty.close();
  }
}

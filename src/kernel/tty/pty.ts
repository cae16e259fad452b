// A pseudo-terminal pair. The slave is a Tty that processes open as /dev/pts/N; the master is the
// other end, held either by the host (the page's xterm, Node's terminal: keystrokes in through
// input(), output out through the onOutput event) or by a process that opened /dev/ptmx (a
// master file descriptor it reads and writes).
//
// Kept true: the host's side never blocks (output is an event; input past the backlog is
// dropped, as a full tty buffer drops it); /dev/pts/N exists while the master is open; the
// number N is free again only when both sides are closed.

import { SysError } from '../../abi/errno.ts';
import { O_NONBLOCK, O_RDWR } from '../../abi/open-flags.ts';
import type { Termios, Winsize } from '../../abi/termios.ts';
import { Emitter, type Event } from '../../base/emitter.ts';
import { utf8Encode } from '../../base/text.ts';
import type { DevPtsFs, PtsDeviceNode } from '../fs/devfs/devpts.ts';
import type { Cred } from '../fs/vfs/types.ts';
import { type Interrupt, NEVER } from '../task/interrupt.ts';
import { Tty, type TtyDriver, type TtyKernel } from './tty.ts';
import { TtyFile } from './tty-file.ts';

/** Output a master file may hold unread before slave writers wait (a tty buffer's 64 KiB). */
export const MASTER_BUFFER = 65536;

export interface PtyOptions {
  devpts: DevPtsFs;
  /** Who opened the master: the owner of /dev/pts/N unless the mount sets uid=/gid=. */
  owner: Cred;
  /** 'host': output goes to onOutput listeners; 'file': a /dev/ptmx descriptor reads it. */
  side: 'host' | 'file';
  /** A master from /dev/ptmx starts locked until unlockpt() (TIOCSPTLCK 0). */
  locked?: boolean;
  termios?: Termios;
  winsize?: Winsize;
}

export class Pty implements TtyDriver {
  readonly index: number;
  readonly tty: Tty;
  readonly node: PtsDeviceNode;
  readonly devpts: DevPtsFs;
  readonly side: 'host' | 'file';
  locked: boolean;
  private readonly output = new Emitter<Uint8Array>();
  /** Output not yet taken: by the master file, or by a host that has not subscribed yet. */
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private masterOpen = true;
  private slaveOpens = 0;
  /** Linux's TTY_OTHER_CLOSED on the master: the last slave descriptor went away. */
  private slaveGone = false;
  private masterReaders = new Set<() => void>();
  private masterWriters = new Set<() => void>();

  constructor(kernel: TtyKernel, opts: PtyOptions, private readonly onFree: (pty: Pty) => void) {
    this.devpts = opts.devpts;
    this.side = opts.side;
    this.locked = opts.locked ?? false;
    this.index = this.devpts.allocIndex();
    this.tty = new Tty(`pts/${this.index}`, kernel, this, opts.termios);
    if (opts.winsize) this.tty.setWinsize(opts.winsize);
    this.node = this.devpts.addSlave(this.index, opts.owner, this);
  }

  /** Where processes find the slave (in the devpts instance the host mounted at /dev/pts). */
  get path(): string {
    return `/dev/pts/${this.index}`;
  }

  get isMasterOpen(): boolean {
    return this.masterOpen;
  }

  // ---- TtyDriver: the slave's output arrives here ----------------------------------------

  write(bytes: Uint8Array): void {
    if (!this.masterOpen) return;
    if (this.side === 'host' && this.output.hasListeners) {
      this.output.fire(bytes);
      return;
    }
    // A host that is not listening yet keeps its first 64 KiB; a master file's readers wake.
    const room = MASTER_BUFFER - this.bufferedBytes;
    const keep = this.side === 'host' ? bytes.subarray(0, Math.max(0, room)) : bytes;
    if (keep.length > 0) {
      this.buffered.push(keep.slice());
      this.bufferedBytes += keep.length;
    }
    this.wake(this.masterReaders);
  }

  writeRoom(): number {
    if (!this.masterOpen) return Infinity;
    return this.side === 'host' ? Infinity : Math.max(0, MASTER_BUFFER - this.bufferedBytes);
  }

  flush(): void {
    this.buffered = [];
    this.bufferedBytes = 0;
    this.tty.driverReady();
  }

  pending(): number {
    return this.bufferedBytes;
  }

  /** The slave's line discipline took some backlog: a master writer waiting for room may go on. */
  inputDrained(): void {
    this.wake(this.masterWriters);
  }

  private wake(list: Set<() => void>): void {
    const ws = [...list];
    list.clear();
    for (const w of ws) w();
  }

  // ---- the host's side --------------------------------------------------------------------

  /** Everything the terminal shows: processed output and echoes. */
  readonly onOutput: Event<Uint8Array> = (listener) => {
    const sub = this.output.event(listener);
    if (this.side === 'host' && this.buffered.length > 0) {
      const held = this.buffered;
      this.buffered = [];
      this.bufferedBytes = 0;
      for (const b of held) listener(b);
    }
    return sub;
  };

  /** Keystrokes (or a paste). Returns how many bytes the terminal took; the rest is dropped. */
  input(data: Uint8Array | string): number {
    if (!this.masterOpen) return 0;
    return this.tty.input(typeof data === 'string' ? utf8Encode(data) : data);
  }

  /** The host's window changed size; the foreground job hears SIGWINCH. */
  resize(cols: number, rows: number): void {
    const ws = this.tty.winsize;
    this.tty.setWinsize({ ...ws, col: cols, row: rows });
  }

  /** A descriptor on the slave, to install as a process's stdin/stdout/stderr. */
  openSlave(flags = O_RDWR): TtyFile {
    if (!this.masterOpen) throw new SysError('EIO');
    this.slaveOpened();
    return new TtyFile(this.tty, flags, this, () => this.node.stat(), () => this.slaveClosed());
  }

  /** The master is closed: the slave hangs up and /dev/pts/N disappears. */
  close(): void {
    if (!this.masterOpen) return;
    this.masterOpen = false;
    this.buffered = [];
    this.bufferedBytes = 0;
    this.devpts.removeSlave(this.index);
    this.tty.hangup();
    this.wake(this.masterReaders);
    this.wake(this.masterWriters);
    this.maybeFree();
  }

  // ---- slave bookkeeping ------------------------------------------------------------------

  slaveOpened(): void {
    this.slaveOpens++;
    this.slaveGone = false;
  }

  slaveClosed(): void {
    if (--this.slaveOpens > 0) return;
    this.slaveGone = true;
    this.wake(this.masterReaders);
    this.maybeFree();
  }

  private maybeFree(): void {
    if (this.masterOpen || this.slaveOpens > 0) return;
    this.devpts.freeIndex(this.index);
    this.onFree(this);
  }

  // ---- the master as a file (/dev/ptmx) ---------------------------------------------------

  private waitOn(list: Set<() => void>, intr: Interrupt): Promise<void> {
    return intr.wait<void>((done) => {
      const w = (): void => done();
      list.add(w);
      return () => list.delete(w);
    });
  }

  /** read(2) on the master: what the slave wrote; EIO once no slave is open and nothing is left. */
  async readMaster(count: number, intr: Interrupt = NEVER, nonblock = false): Promise<Uint8Array> {
    while (this.bufferedBytes === 0) {
      if (this.slaveGone || !this.masterOpen) throw new SysError('EIO');
      if (nonblock) throw new SysError('EAGAIN');
      await this.waitOn(this.masterReaders, intr);
    }
    if (count <= 0) return new Uint8Array(0);
    const out = new Uint8Array(Math.min(count, this.bufferedBytes));
    let at = 0;
    while (at < out.length) {
      const head = this.buffered[0]!;
      const n = Math.min(head.length, out.length - at);
      out.set(head.subarray(0, n), at);
      at += n;
      if (n === head.length) this.buffered.shift();
      else this.buffered[0] = head.subarray(n);
    }
    this.bufferedBytes -= out.length;
    this.tty.driverReady();
    return out;
  }

  /** write(2) on the master: input for the slave, waiting while the slave's buffers are full. */
  async writeMaster(data: Uint8Array, intr: Interrupt = NEVER, nonblock = false): Promise<number> {
    let written = 0;
    while (written < data.length) {
      if (!this.masterOpen) throw new SysError('EIO');
      const n = this.tty.input(data.subarray(written));
      written += n;
      if (written >= data.length) break;
      if (nonblock) {
        if (written > 0) break;
        throw new SysError('EAGAIN');
      }
      try {
        await this.waitOn(this.masterWriters, intr);
      } catch (e) {
        if (written > 0) break;
        throw e;
      }
    }
    return written;
  }

  /** Bytes a master read could take now. */
  get masterReadable(): number {
    return this.bufferedBytes;
  }
}

/** The O_NONBLOCK bit of open flags. */
export function isNonblocking(flags: number): boolean {
  return (flags & O_NONBLOCK) !== 0;
}

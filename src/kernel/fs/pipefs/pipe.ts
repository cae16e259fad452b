// Pipes: a bounded byte buffer (64 KiB, Linux's default) between a read end and a write end.
// A reader waits for data or for the last writer to go (end of file); a writer waits for room,
// and gets EPIPE once no reader is left (the syscall layer turns that into SIGPIPE).
// Writes of up to PIPE_BUF bytes are never split between two readers' views.

import { SysError } from '../../../abi/errno.ts';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY } from '../../../abi/open-flags.ts';
import { S_IFIFO, type Stat } from '../../../abi/stat.ts';
import type { FileDescription, Reopenable } from '../../task/file.ts';
import { type Interrupt, NEVER } from '../../task/interrupt.ts';

export const PIPE_CAPACITY = 65536;
export const PIPE_BUF = 4096;

let nextPipeIno = 100000;
const ROOT_OWNER = Object.freeze({ uid: 0, gid: 0 });

export class Pipe {
  readonly ino = nextPipeIno++;
  /**
   * Made at the first write, not with the pipe: most pipes a container holds (its idle stdout
   * and stderr, a start-report pipe) never carry a byte, and 64 KiB each adds up over a
   * thousand containers.
   */
  private buf: Uint8Array | null = null;
  private start = 0;
  private length = 0;
  readers = 0;
  writers = 0;
  private wakeReaders: Array<() => void> = [];
  private wakeWriters: Array<() => void> = [];

  constructor(
    private readonly dev: number,
    private readonly nowNs: () => bigint,
    /** The creator's fsuid and fsgid: a pipe's inode is theirs (an open through /proc checks it). */
    private readonly owner: { readonly uid: number; readonly gid: number } = ROOT_OWNER,
  ) {}

  private wake(list: Array<() => void>): void {
    for (const w of list.splice(0)) w();
  }

  private waitFor(list: Array<() => void>, intr: Interrupt): Promise<void> {
    return intr.wait<void>((done) => {
      const w = (): void => done();
      list.push(w);
      return () => {
        const i = list.indexOf(w);
        if (i >= 0) list.splice(i, 1);
      };
    });
  }

  async read(length: number, nonblock: boolean, intr: Interrupt): Promise<Uint8Array> {
    while (this.length === 0) {
      if (this.writers === 0 || length === 0) return new Uint8Array(0);
      if (nonblock) throw new SysError('EAGAIN');
      await this.waitFor(this.wakeReaders, intr);
    }
    const n = Math.min(length, this.length);
    const buf = this.buf!;
    const out = new Uint8Array(n);
    const first = Math.min(n, PIPE_CAPACITY - this.start);
    out.set(buf.subarray(this.start, this.start + first));
    if (first < n) out.set(buf.subarray(0, n - first), first);
    this.start = (this.start + n) % PIPE_CAPACITY;
    this.length -= n;
    this.wake(this.wakeWriters);
    return out;
  }

  async write(data: Uint8Array, nonblock: boolean, intr: Interrupt): Promise<number> {
    let written = 0;
    while (written < data.length) {
      if (this.readers === 0) {
        if (written > 0) return written;
        throw new SysError('EPIPE');
      }
      const room = PIPE_CAPACITY - this.length;
      const left = data.length - written;
      // Small writes are atomic: wait until all of them fits.
      if (room === 0 || (left <= PIPE_BUF && room < left)) {
        if (nonblock) {
          if (written > 0) return written;
          throw new SysError('EAGAIN');
        }
        try {
          await this.waitFor(this.wakeWriters, intr);
        } catch (e) {
          if (written > 0) return written;
          throw e;
        }
        continue;
      }
      const n = Math.min(room, left);
      const buf = (this.buf ??= new Uint8Array(PIPE_CAPACITY));
      const end = (this.start + this.length) % PIPE_CAPACITY;
      const first = Math.min(n, PIPE_CAPACITY - end);
      buf.set(data.subarray(written, written + first), end);
      if (first < n) buf.set(data.subarray(written + first, written + n), 0);
      this.length += n;
      written += n;
      this.wake(this.wakeReaders);
    }
    return written;
  }

  closeEnd(end: 'read' | 'write'): void {
    if (end === 'read') this.readers--;
    else this.writers--;
    // Readers learn of end of file, writers of a broken pipe.
    this.wake(this.wakeReaders);
    this.wake(this.wakeWriters);
  }

  stat(): Stat {
    const now = this.nowNs();
    return {
      dev: this.dev, ino: this.ino, mode: S_IFIFO | 0o600, nlink: 1, uid: this.owner.uid, gid: this.owner.gid, rdev: 0,
      size: 0, blksize: 4096, blocks: 0, atimeNs: now, mtimeNs: now, ctimeNs: now,
    };
  }
}

export class PipeEnd implements FileDescription, Reopenable {
  private closed = false;
  constructor(private readonly pipe: Pipe, readonly end: 'read' | 'write', readonly flags: number) {
    if (end === 'read') pipe.readers++;
    else pipe.writers++;
  }

  /**
   * An open of this pipe through /proc/PID/fd/N (either end's link names the one pipe): a new
   * reader, writer or both, with the new open's flags. Unlike a named fifo it never waits for a
   * partner and never fails with ENXIO (fifo_open skips both for pipefs inodes; measured).
   */
  reopen(flags: number): FileDescription {
    const acc = flags & O_ACCMODE;
    if (acc === O_RDONLY) return new PipeEnd(this.pipe, 'read', flags);
    if (acc === O_WRONLY) return new PipeEnd(this.pipe, 'write', flags);
    if (acc !== O_RDWR) throw new SysError('EINVAL');
    return new PipeBothEnds(new PipeEnd(this.pipe, 'read', flags), new PipeEnd(this.pipe, 'write', flags));
  }

  read(length: number, intr: Interrupt = NEVER): Promise<Uint8Array> {
    if (this.end !== 'read' || this.closed) return Promise.reject(new SysError('EBADF'));
    return this.pipe.read(length, (this.flags & O_NONBLOCK) !== 0, intr);
  }

  write(data: Uint8Array, intr: Interrupt = NEVER): Promise<number> {
    if (this.end !== 'write' || this.closed) return Promise.reject(new SysError('EBADF'));
    return this.pipe.write(data, (this.flags & O_NONBLOCK) !== 0, intr);
  }

  async stat(): Promise<Stat> {
    return this.pipe.stat();
  }

  async seek(): Promise<number> {
    throw new SysError('ESPIPE');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.pipe.closeEnd(this.end);
  }
}

/** A pipe opened O_RDWR through /proc (Linux allows it on pipes): one reader and one writer. */
class PipeBothEnds implements FileDescription, Reopenable {
  constructor(private readonly reader: PipeEnd, private readonly writer: PipeEnd) {}

  get flags(): number {
    return this.reader.flags;
  }

  read(length: number, intr?: Interrupt): Promise<Uint8Array> {
    return this.reader.read(length, intr);
  }

  write(data: Uint8Array, intr?: Interrupt): Promise<number> {
    return this.writer.write(data, intr);
  }

  stat(): Promise<Stat> {
    return this.reader.stat();
  }

  async seek(): Promise<number> {
    throw new SysError('ESPIPE');
  }

  reopen(flags: number): FileDescription {
    return this.reader.reopen(flags);
  }

  async close(): Promise<void> {
    await this.reader.close();
    await this.writer.close();
  }
}

/** pipe2(2): a new pipe's read and write ends, owned by the caller's fsuid/fsgid. */
export function makePipe(dev: number, nowNs: () => bigint, flags = 0, owner?: { readonly uid: number; readonly gid: number }): [PipeEnd, PipeEnd] {
  const p = new Pipe(dev, nowNs, owner);
  const extra = flags & O_NONBLOCK;
  return [new PipeEnd(p, 'read', O_RDONLY | extra), new PipeEnd(p, 'write', O_WRONLY | extra)];
}

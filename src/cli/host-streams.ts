// The Node process's own stdin, stdout and stderr as file descriptions a simulated process can
// hold: what `cowbox -c` gives its command when it is not run from a terminal (a pipe, a file,
// a test), so bytes pass through exactly, with no terminal processing in between.

import { SysError } from '../abi/errno.ts';
import { O_ACCMODE, O_RDONLY, O_WRONLY } from '../abi/open-flags.ts';
import { S_IFIFO, type Stat } from '../abi/stat.ts';
import type { FileDescription, Reopenable } from '../kernel/task/file.ts';
import { type Interrupt, NEVER } from '../kernel/task/interrupt.ts';

/** Each host stream is a pipe of its own, with its own inode number, as distinct pipes are on Linux. */
let nextIno = 1;

function fifoStat(ino: number): Stat {
  return {
    dev: 12, ino, mode: S_IFIFO | 0o600, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096, blocks: 0,
    atimeNs: 0n, mtimeNs: 0n, ctimeNs: 0n,
  };
}

/** A readable host stream: reads wait for data or end of file, and a signal interrupts them. */
export class HostInput implements FileDescription, Reopenable {
  readonly flags = O_RDONLY;
  private readonly ino = nextIno++;
  private chunks: Uint8Array[] = [];
  private ended = false;
  private wakers = new Set<() => void>();

  constructor(stream: NodeJS.ReadableStream) {
    stream.on('data', (d: Buffer | string) => {
      this.chunks.push(typeof d === 'string' ? new TextEncoder().encode(d) : new Uint8Array(d));
      this.wake();
    });
    stream.on('end', () => {
      this.ended = true;
      this.wake();
    });
    stream.on('error', () => {
      this.ended = true;
      this.wake();
    });
  }

  private wake(): void {
    for (const w of [...this.wakers]) w();
  }

  async read(length: number, intr: Interrupt = NEVER): Promise<Uint8Array> {
    while (this.chunks.length === 0 && !this.ended) {
      await intr.wait<void>((done) => {
        this.wakers.add(done);
        return () => this.wakers.delete(done);
      });
    }
    const first = this.chunks[0];
    if (!first) return new Uint8Array(0);
    if (first.length <= length) {
      this.chunks.shift();
      return first;
    }
    this.chunks[0] = first.subarray(length);
    return first.subarray(0, length);
  }

  async write(): Promise<number> {
    throw new SysError('EBADF');
  }

  async stat(): Promise<Stat> {
    return fifoStat(this.ino);
  }

  /**
   * An open through /proc/PID/fd/N (`cat /dev/stdin`): reading shares this stream's bytes. The
   * host's pipe has no other end here, so a writer cannot be made.
   */
  reopen(flags: number): FileDescription {
    if ((flags & O_ACCMODE) !== O_RDONLY) throw new SysError('EACCES');
    return this;
  }

  async close(): Promise<void> {}
}

/** A writable host stream: each write reaches the stream in order; waits while it is full. */
export class HostOutput implements FileDescription, Reopenable {
  readonly flags = O_WRONLY;
  private readonly ino = nextIno++;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  async read(): Promise<Uint8Array> {
    throw new SysError('EBADF');
  }

  async write(data: Uint8Array): Promise<number> {
    const copy = Buffer.from(data);
    if (!this.stream.write(copy)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    return data.length;
  }

  async stat(): Promise<Stat> {
    return fifoStat(this.ino);
  }

  /** An open through /proc/PID/fd/N (`> /dev/stderr`): writes go to the same stream. */
  reopen(flags: number): FileDescription {
    if ((flags & O_ACCMODE) !== O_WRONLY) throw new SysError('EACCES');
    return this;
  }

  async close(): Promise<void> {}
}

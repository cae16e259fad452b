// Named pipes (mkfifo): every open of the same fifo inode shares one pipe. As Linux's fifo_open:
// opening for reading waits for a writer and for writing waits for a reader (a signal ends the
// wait with EINTR); O_NONBLOCK makes a reader go on at once and a writer without a reader fail
// with ENXIO; O_RDWR never waits. The pipe and its bytes go away when the last end closes.

import { SysError } from '../../abi/errno.ts';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY } from '../../abi/open-flags.ts';
import type { Stat } from '../../abi/stat.ts';
import { Pipe, PipeEnd } from '../fs/pipefs/pipe.ts';
import { type Interrupt, NEVER } from '../task/interrupt.ts';
import type { DeviceFile } from './char-device.ts';

interface Fifo {
  pipe: Pipe;
  /** How many times a reader / a writer has ever opened (Linux's r_counter / w_counter). */
  readerOpens: number;
  writerOpens: number;
  waiters: Set<() => void>;
}

export class FifoTable {
  private readonly fifos = new Map<string, Fifo>();

  constructor(private readonly nowNs: () => bigint) {}

  private fifoFor(st: Stat): [string, Fifo] {
    const key = `${st.dev}:${st.ino}`;
    let f = this.fifos.get(key);
    if (!f) {
      f = { pipe: new Pipe(st.dev, this.nowNs), readerOpens: 0, writerOpens: 0, waiters: new Set() };
      this.fifos.set(key, f);
    }
    return [key, f];
  }

  private wake(f: Fifo): void {
    const ws = [...f.waiters];
    f.waiters.clear();
    for (const w of ws) w();
  }

  /** Wait until `count()` moves past its present value. */
  private async waitPartner(f: Fifo, count: () => number, intr: Interrupt): Promise<void> {
    const start = count();
    while (count() === start) {
      await intr.wait<void>((done) => {
        const w = (): void => done();
        f.waiters.add(w);
        return () => f.waiters.delete(w);
      });
    }
  }

  async open(st: Stat, flags: number, intr: Interrupt = NEVER): Promise<DeviceFile> {
    const [key, f] = this.fifoFor(st);
    const nonblock = (flags & O_NONBLOCK) !== 0;
    const ends: PipeEnd[] = [];
    const release = async (): Promise<void> => {
      for (const e of ends) await e.close();
      if (f.pipe.readers === 0 && f.pipe.writers === 0) {
        if (this.fifos.get(key) === f) this.fifos.delete(key);
      }
      this.wake(f);
    };
    const acc = flags & O_ACCMODE;
    try {
      if (acc === O_RDONLY) {
        ends.push(new PipeEnd(f.pipe, 'read', flags));
        f.readerOpens++;
        this.wake(f);
        if (f.pipe.writers === 0 && !nonblock) await this.waitPartner(f, () => f.writerOpens, intr);
      } else if (acc === O_WRONLY) {
        if (nonblock && f.pipe.readers === 0) throw new SysError('ENXIO');
        ends.push(new PipeEnd(f.pipe, 'write', flags));
        f.writerOpens++;
        this.wake(f);
        if (f.pipe.readers === 0) await this.waitPartner(f, () => f.readerOpens, intr);
      } else if (acc === O_RDWR) {
        ends.push(new PipeEnd(f.pipe, 'read', flags), new PipeEnd(f.pipe, 'write', flags));
        f.readerOpens++;
        f.writerOpens++;
        this.wake(f);
      } else {
        throw new SysError('EINVAL');
      }
    } catch (e) {
      await release();
      throw e;
    }
    const reader = ends.find((e) => e.end === 'read');
    const writer = ends.find((e) => e.end === 'write');
    return {
      read: (length, i) => (reader ? reader.read(length, i) : Promise.reject(new SysError('EBADF'))),
      write: (data, i) => (writer ? writer.write(data, i) : Promise.reject(new SysError('EBADF'))),
      close: release,
    };
  }

  /** Fifos with an open end, for tests. */
  get openCount(): number {
    return this.fifos.size;
  }
}

// One terminal (Linux's struct tty_struct): the line discipline with its settings, the window
// size, the session it controls and its foreground process group, output flow control, and the
// blocking rules of read(2) and write(2) on it. The far side (a pty master) is its TtyDriver.
//
// Kept true: a read takes input only when it returns it, so a read cut short by a signal loses
// nothing; a background process reading its controlling terminal is stopped with SIGTTIN (or
// gets EIO when it ignores SIGTTIN or its group is orphaned); the driver side never blocks.

import { SysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import {
  ICANON, TOSTOP, type Termios, VMIN, VTIME, type Winsize, copyTermios, defaultTermios,
} from '../../abi/termios.ts';
import type { Interrupt } from '../task/interrupt.ts';
import type { Task } from '../task/task.ts';
import { LineDiscipline } from './line-discipline.ts';
import { concatBytes } from '../../base/bytes.ts';

/** The far end of a terminal: where output goes (for a pty, the master). */
export interface TtyDriver {
  /** Output bytes, processed. The driver takes at most writeRoom() of them. */
  write(bytes: Uint8Array): void;
  writeRoom(): number;
  /** Drop output not yet delivered (TCOFLUSH, a signal character's flush). */
  flush(): void;
  /** Bytes written but not yet delivered (TIOCOUTQ). */
  pending(): number;
  /** The line discipline took input from the backlog: room for more. */
  inputDrained?(): void;
}

/** What a terminal needs from the kernel: process groups, sessions and timers. */
export interface TtyKernel {
  /** kill_pgrp(pgrp, sig, 1): every live member of the group (kernel-wide pgid). */
  signalGroup(pgrp: number, sig: number): void;
  /** Send `sig` to one task from the kernel. */
  signalTask(task: Task, sig: number): void;
  /** The task whose system call waits on `intr`: the caller of a read or write. */
  callerOf(intr: Interrupt): Task | null;
  controllingTty(task: Task): Tty | null;
  /** No member of the group has a parent in another group of the same session. */
  isOrphanedGroup(pgrp: number): boolean;
  /** proc_set_tty: `tty` becomes the controlling terminal of `leader`'s session. */
  attachSession(tty: Tty, leader: Task): void;
  /** The terminal no longer controls a session (the session table forgets it). */
  releaseSession(tty: Tty): void;
  /** A process number as `task` sees it, turned into the kernel-wide PID (0: no such process). */
  pidOf(task: Task, nr: number): number;
  /** A kernel-wide PID as `task` sees it (0: not visible). */
  nrOf(task: Task, pid: number): number;
  /** Some live process of group `pgrp` belongs to session `sid`. */
  groupInSession(pgrp: number, sid: number): boolean;
  setTimer(ms: number, fn: () => void): () => void;
}

/** Input the driver passed on that the line discipline could not take yet (tty flip buffers). */
const INPUT_BACKLOG = 65536;

export class Tty {
  readonly ldisc: LineDiscipline;
  private ws: Winsize = { row: 0, col: 0, xpixel: 0, ypixel: 0 };
  /** The session this terminal controls: its id (the leader's kernel-wide PID) and the leader. */
  sid = 0;
  leader: Task | null = null;
  /** Foreground process group (kernel-wide pgid), 0 for none. */
  pgrp = 0;
  /** The master is gone: reads see end of file, writes fail with EIO. */
  hungUp = false;
  private stopped = false;
  private backlog: Uint8Array[] = [];
  private backlogBytes = 0;
  private readers = new Set<() => void>();
  private writers = new Set<() => void>();
  private receiving = false;

  constructor(
    /** "pts/3": what ps and error messages call it. */
    readonly name: string,
    readonly kernel: TtyKernel,
    private driver: TtyDriver,
    termios: Termios = defaultTermios(),
  ) {
    this.ldisc = new LineDiscipline({
      output: (bytes) => this.driver.write(bytes),
      signal: (sig) => {
        if (this.pgrp) this.kernel.signalGroup(this.pgrp, sig);
      },
      flushDriver: () => this.driver.flush(),
      setStopped: (s) => this.setStopped(s),
      isStopped: () => this.stopped,
    });
    this.ldisc.setTermios(termios);
  }

  get termios(): Termios {
    return copyTermios(this.ldisc.termios);
  }

  setTermios(t: Termios): void {
    this.ldisc.setTermios(t);
    this.wake(this.readers);
  }

  get winsize(): Winsize {
    return { ...this.ws };
  }

  /** TIOCSWINSZ (or the host's terminal resized): a change tells the foreground group with SIGWINCH. */
  setWinsize(ws: Winsize): void {
    const same = ws.row === this.ws.row && ws.col === this.ws.col && ws.xpixel === this.ws.xpixel && ws.ypixel === this.ws.ypixel;
    if (same) return;
    this.ws = { row: ws.row, col: ws.col, xpixel: ws.xpixel, ypixel: ws.ypixel };
    if (this.pgrp) this.kernel.signalGroup(this.pgrp, SIG.SIGWINCH);
  }

  get outputStopped(): boolean {
    return this.stopped;
  }

  private setStopped(s: boolean): void {
    if (this.stopped === s) return;
    this.stopped = s;
    if (!s) {
      this.ldisc.flushEchoes();
      this.wake(this.writers);
    }
  }

  /** TCXONC: output off / on, as ^S and ^Q do. */
  flow(on: boolean): void {
    this.setStopped(!on);
  }

  private wake(list: Set<() => void>): void {
    const ws = [...list];
    list.clear();
    for (const w of ws) w();
  }

  /** The driver can take more output now. */
  driverReady(): void {
    this.wake(this.writers);
  }

  // ---- input from the driver -------------------------------------------------------------

  /** Keystrokes from the far side. Returns how many were accepted (the rest would overflow the backlog). */
  input(data: Uint8Array): number {
    if (this.hungUp) return 0;
    const room = INPUT_BACKLOG - this.backlogBytes;
    const n = Math.min(room, data.length);
    if (n > 0) {
      this.backlog.push(data.slice(0, n));
      this.backlogBytes += n;
    }
    this.pump();
    return n;
  }

  /** Free space for input, for a writer on the master that must wait when it is full. */
  inputRoom(): number {
    return INPUT_BACKLOG - this.backlogBytes;
  }

  /** Feed the backlog to the line discipline as far as it takes it. */
  private pump(): void {
    if (this.receiving) return;
    this.receiving = true;
    let drained = false;
    try {
      while (this.backlog.length > 0) {
        const chunk = this.backlog[0]!;
        const taken = this.ldisc.receive(chunk);
        this.backlogBytes -= taken;
        if (taken > 0) drained = true;
        if (taken < chunk.length) {
          this.backlog[0] = chunk.subarray(taken);
          break;
        }
        this.backlog.shift();
      }
    } finally {
      this.receiving = false;
    }
    if (drained) this.driver.inputDrained?.();
    if (this.ldisc.inputAvailable) this.wake(this.readers);
  }

  /** TCIFLUSH: drop typed-ahead input, including what waits in the backlog. */
  flushInput(): void {
    this.ldisc.flushInput();
    this.backlog = [];
    this.backlogBytes = 0;
  }

  // ---- job control ------------------------------------------------------------------------

  /**
   * __tty_check_change: a process of the session's background reading (SIGTTIN) or changing the
   * terminal (SIGTTOU) has its whole group signalled and the call restarted once it continues.
   */
  checkBackground(task: Task | null, sig: number): void {
    if (!task || this.kernel.controllingTty(task) !== this) return;
    if (!this.pgrp || task.pgid === this.pgrp) return;
    if (task.blocked.has(sig) || task.disposition(sig) === 'ignore') {
      if (sig === SIG.SIGTTIN) throw new SysError('EIO');
      return;
    }
    if (this.kernel.isOrphanedGroup(task.pgid)) throw new SysError('EIO');
    this.kernel.signalGroup(task.pgid, sig);
    // The kernel restarts the call after the stop; a caller the signal could not reach gets EIO.
    if (!task.interrupt.pending) throw new SysError('EIO');
    throw new SysError('EINTR');
  }

  // ---- read and write from processes -----------------------------------------------------

  private waitFor(list: Set<() => void>, intr: Interrupt, timeoutMs = Infinity): Promise<boolean> {
    return intr.wait<boolean>((done) => {
      const w = (): void => {
        cancelTimer?.();
        done(false);
      };
      list.add(w);
      const cancelTimer = Number.isFinite(timeoutMs)
        ? this.kernel.setTimer(timeoutMs, () => {
          list.delete(w);
          done(true);
        })
        : null;
      return () => {
        list.delete(w);
        cancelTimer?.();
      };
    });
  }

  /** n_tty_read: a line in canonical mode; VMIN/VTIME rules otherwise. */
  async read(count: number, intr: Interrupt, nonblock: boolean): Promise<Uint8Array> {
    if (this.hungUp) return new Uint8Array(0);
    this.checkBackground(this.kernel.callerOf(intr), SIG.SIGTTIN);
    if (count <= 0) return new Uint8Array(0);
    const l = this.ldisc;
    let minimum = 0;
    let interByte = 0;
    let timeout = Infinity;
    if (!(l.termios.lflag & ICANON)) {
      const vmin = l.termios.cc[VMIN] ?? 1;
      const vtime = (l.termios.cc[VTIME] ?? 0) * 100;
      if (vmin) {
        minimum = vmin;
        interByte = vtime;
      } else {
        timeout = vtime;
        minimum = 1;
      }
    }
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < count) {
      if (!l.inputAvailable) {
        if (this.hungUp || timeout === 0) break;
        if (nonblock) {
          if (got > 0) break;
          throw new SysError('EAGAIN');
        }
        try {
          if (await this.waitFor(this.readers, intr, timeout)) timeout = 0;
        } catch (e) {
          // A signal ends the read; whatever was already taken is returned, never lost.
          if (got > 0) break;
          throw e;
        }
        continue;
      }
      if (l.isCanonical) {
        const line = l.readLine(count - got);
        parts.push(line);
        got += line.length;
        this.pump();
        break;
      }
      const chunk = l.readRaw(count - got);
      parts.push(chunk);
      got += chunk.length;
      this.pump();
      if (got >= minimum) break;
      if (interByte) timeout = interByte;
    }
    return concatBytes(parts);
  }

  /** n_tty_write: output processing, waiting while output is stopped or the driver is full. */
  async write(data: Uint8Array, intr: Interrupt, nonblock: boolean): Promise<number> {
    if (this.hungUp) throw new SysError('EIO');
    if (this.ldisc.termios.lflag & TOSTOP) this.checkBackground(this.kernel.callerOf(intr), SIG.SIGTTOU);
    this.ldisc.flushEchoes();
    let written = 0;
    while (written < data.length) {
      if (this.hungUp) {
        if (written > 0) break;
        throw new SysError('EIO');
      }
      const space = this.stopped ? 0 : this.driver.writeRoom();
      if (space > 0) {
        const { taken, out } = this.ldisc.processOutput(data.subarray(written), space);
        if (out.length > 0) this.driver.write(out);
        written += taken;
        if (taken > 0) continue;
      }
      if (nonblock) {
        if (written > 0) break;
        throw new SysError('EAGAIN');
      }
      try {
        await this.waitFor(this.writers, intr);
      } catch (e) {
        if (written > 0) break;
        throw e;
      }
    }
    return written;
  }

  /** Bytes a read could take now (FIONREAD). */
  get readable(): number {
    return this.ldisc.readable;
  }

  outputPending(): number {
    return this.driver.pending();
  }

  // ---- sessions ---------------------------------------------------------------------------

  /** The session of `leader` takes this terminal, with the leader's group in the foreground. */
  setSession(leader: Task): void {
    this.sid = leader.sid;
    this.leader = leader;
    this.pgrp = leader.pgid;
  }

  clearSession(): void {
    this.kernel.releaseSession(this);
    this.sid = 0;
    this.leader = null;
    this.pgrp = 0;
  }

  /**
   * The master went away (tty_vhangup): the session leader gets SIGHUP and SIGCONT, the session
   * loses its terminal, and from now on reads see end of file and writes fail.
   */
  hangup(): void {
    if (this.hungUp) return;
    this.hungUp = true;
    const leader = this.leader;
    if (leader?.alive) {
      this.kernel.signalTask(leader, SIG.SIGHUP);
      this.kernel.signalTask(leader, SIG.SIGCONT);
    }
    this.clearSession();
    this.wake(this.readers);
    this.wake(this.writers);
  }
}

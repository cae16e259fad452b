// The kernel's terminal layer: which terminal controls which session, the pseudo-terminals that
// exist, and the kernel services terminals use (signalling process groups, telling who calls).
// One per kernel. The host makes its terminal here with createPty() and gives a new session
// leader its stdin, stdout, stderr and controlling terminal with attachSession().
//
// Kept true: a session has at most one controlling terminal and a terminal at most one
// session; when a session leader exits, its terminal's foreground group hears SIGHUP and the
// session loses the terminal (disassociate_ctty, as for a pty in Linux).

import { SysError } from '../../abi/errno.ts';
import { O_RDWR } from '../../abi/open-flags.ts';
import { SIG } from '../../abi/signals.ts';
import { IUTF8, type Termios, type Winsize, defaultTermios } from '../../abi/termios.ts';
import { makedev } from '../../abi/stat.ts';
import type { Disposable } from '../../base/emitter.ts';
import { DevPtsFs, type DevPtsOptions, PTY_SLAVE_MAJOR } from '../fs/devfs/devpts.ts';
import { type Cred, ROOT_CRED } from '../fs/vfs/types.ts';
import type { Kernel } from '../kernel.ts';
import type { Interrupt } from '../task/interrupt.ts';
import type { Task } from '../task/task.ts';
import { Pty } from './pty.ts';
import type { Tty, TtyKernel } from './tty.ts';

export interface HostPtyOptions {
  /** The host's window, so programs see the right size from the start. */
  cols?: number;
  rows?: number;
  /** Owner of /dev/pts/N (default root). */
  owner?: Cred;
  /**
   * Default: a new pty's settings plus IUTF8, as a login on a UTF-8 terminal has them (agetty
   * and sshd set it), so erasing a multi-byte character erases all of it.
   */
  termios?: Termios;
}

/** What ps and /proc/PID/stat show of a task's controlling terminal. */
export interface TtyInfo {
  /** tty_nr: the device number (136:N for /dev/pts/N). */
  nr: number;
  /** "pts/0", as ps's TTY column shows it. */
  name: string;
  /** tpgid: the terminal's foreground process group as the task sees it (-1 for none). */
  tpgid: number;
}

const byKernel = new WeakMap<Kernel, Terminals>();

/** The terminal layer installed in a kernel (installDevices makes it), for procfs and the host. */
export function terminalsOf(kernel: Kernel): Terminals | undefined {
  return byKernel.get(kernel);
}

export class Terminals implements TtyKernel {
  /** Controlling terminals by session id (the leader's kernel-wide PID). */
  private readonly sessions = new Map<number, Tty>();
  private readonly live = new Set<Pty>();
  /** The devpts instance host terminals are made in: the one mounted at /dev/pts. */
  hostPts: DevPtsFs | null = null;
  private readonly sub: Disposable;

  constructor(private readonly kernel: Kernel) {
    byKernel.set(kernel, this);
    this.sub = kernel.bus.onEvent((e) => {
      if (e.type === 'proc.exit') this.leaderExited(e.pid);
    });
  }

  dispose(): void {
    this.sub.dispose();
  }

  /** A new devpts instance (each mount of devpts is one, as since Linux 4.7). */
  newDevpts(dev: number, options?: DevPtsOptions, readOnly = false): DevPtsFs {
    return new DevPtsFs(dev, this.kernel.clock, options, readOnly);
  }

  // ---- pseudo-terminals -------------------------------------------------------------------

  /** A terminal for the host: it types with pty.input() and shows what pty.onOutput gives. */
  createPty(opts: HostPtyOptions = {}): Pty {
    const devpts = this.hostPts ?? (this.hostPts = this.newDevpts(this.kernel.vfs.allocDev()));
    const winsize: Winsize | undefined = opts.cols || opts.rows
      ? { row: opts.rows ?? 0, col: opts.cols ?? 0, xpixel: 0, ypixel: 0 }
      : undefined;
    const termios = opts.termios ?? { ...defaultTermios(), iflag: defaultTermios().iflag | IUTF8 };
    return this.makePty({ devpts, owner: opts.owner ?? ROOT_CRED, side: 'host', termios, winsize });
  }

  /** A pair whose master a process opened through ptmx in `devpts`. */
  openPtmx(devpts: DevPtsFs, owner: Cred): Pty {
    return this.makePty({ devpts, owner, side: 'file', locked: true });
  }

  private makePty(opts: ConstructorParameters<typeof Pty>[1]): Pty {
    const pty = new Pty(this, opts, (p) => this.live.delete(p));
    this.live.add(pty);
    return pty;
  }

  /** Every pair that still exists. */
  ptys(): Pty[] {
    return [...this.live];
  }

  /**
   * Give a task that has not run yet (init, or a login shell the host starts) the slave as
   * descriptors 0, 1 and 2, and, unless `controlling` is false, as the controlling terminal of
   * its session (it must lead one). Leave `controlling` off when the task's child will make
   * the session, as init's does: it takes the terminal with setsid() and TIOCSCTTY, as getty.
   */
  attachTask(task: Task, pty: Pty, opts: { controlling?: boolean } = {}): void {
    const controlling = opts.controlling ?? true;
    if (controlling && task.sid !== task.pid) throw new SysError('EPERM', 'not a session leader');
    for (let fd = 0; fd < 3; fd++) if (task.fds.has(fd)) throw new SysError('EBUSY', `fd ${fd} is open`);
    for (let fd = 0; fd < 3; fd++) task.fds.install(pty.openSlave(O_RDWR));
    if (controlling) this.attachSession(pty.tty, task);
  }

  // ---- sessions ---------------------------------------------------------------------------

  /** The task's controlling terminal as /proc/PID/stat and ps show it; null when it has none. */
  ttyOf(task: Task): TtyInfo | null {
    const tty = this.controllingTty(task);
    const pty = tty ? this.ptyOf(tty) : undefined;
    if (!tty || !pty) return null;
    const tpgid = tty.pgrp ? this.nrOf(task, tty.pgrp) || -1 : -1;
    return { nr: makedev(PTY_SLAVE_MAJOR, pty.index), name: tty.name, tpgid };
  }

  /** The pair a terminal belongs to. */
  ptyOf(tty: Tty): Pty | undefined {
    for (const p of this.live) if (p.tty === tty) return p;
    return undefined;
  }

  controllingTty(task: Task): Tty | null {
    const tty = this.sessions.get(task.sid);
    return tty && tty.sid === task.sid ? tty : null;
  }

  attachSession(tty: Tty, leader: Task): void {
    if (tty.sid) this.releaseSession(tty);
    tty.setSession(leader);
    this.sessions.set(leader.sid, tty);
  }

  releaseSession(tty: Tty): void {
    if (tty.sid && this.sessions.get(tty.sid) === tty) this.sessions.delete(tty.sid);
  }

  private leaderExited(pid: number): void {
    const tty = this.sessions.get(pid);
    if (!tty || tty.leader?.pid !== pid) return;
    if (tty.pgrp) this.signalGroup(tty.pgrp, SIG.SIGHUP);
    tty.clearSession();
  }

  // ---- what terminals ask of the kernel ---------------------------------------------------

  signalGroup(pgrp: number, sig: number): void {
    for (const t of this.kernel.tasks.values()) if (t.pgid === pgrp && t.alive) this.kernel.signal(t, sig, null);
  }

  signalTask(task: Task, sig: number): void {
    this.kernel.signal(task, sig, null);
  }

  callerOf(intr: Interrupt): Task | null {
    for (const t of this.kernel.tasks.values()) if (t.interrupt === intr) return t;
    return null;
  }

  /**
   * will_become_orphaned_pgrp: no member has a parent in a different group of the same session
   * (parents that are the machine's init do not count).
   */
  isOrphanedGroup(pgrp: number): boolean {
    for (const t of this.kernel.tasks.values()) {
      if (t.pgid !== pgrp || !t.alive) continue;
      const p = t.parent;
      if (!p || p.pid === 1) continue;
      if (p.pgid !== pgrp && p.sid === t.sid) return false;
    }
    return true;
  }

  pidOf(task: Task, nr: number): number {
    return nr > 0 ? task.pidNs.find(nr)?.pid ?? 0 : 0;
  }

  nrOf(task: Task, pid: number): number {
    return this.kernel.tasks.get(pid)?.nrIn(task.pidNs) ?? 0;
  }

  groupInSession(pgrp: number, sid: number): boolean {
    for (const t of this.kernel.tasks.values()) if (t.pgid === pgrp && t.sid === sid && t.alive) return true;
    return false;
  }

  setTimer(ms: number, fn: () => void): () => void {
    return this.kernel.host.setTimer(ms, fn);
  }
}

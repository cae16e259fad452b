// The tty ioctls (Linux's tty_ioctl, tty_mode_ioctl and pty_unix98_ioctl): termios get and set,
// window size, controlling terminal and foreground process group, flushing and flow, and the
// master-only pty calls. Requests a terminal does not know answer ENOTTY, which is also what
// every non-terminal answers: that is how isatty(3) tells.
//
// On a master, the calls that concern the terminal act on its slave, as real_tty does in Linux.

import { SysError } from '../../abi/errno.ts';
import { O_ACCMODE, O_WRONLY } from '../../abi/open-flags.ts';
import { SIG } from '../../abi/signals.ts';
import {
  FIONREAD, NCCS, TCFLSH, TCGETS, TCIFLUSH, TCIOFLUSH, TCOFLUSH, TCOOFF, TCOON, TCSBRK, TCSETS, TCSETSF,
  TCSETSW, TCXONC, TIOCGPGRP, TIOCGPTLCK, TIOCGPTN, TIOCGSID, TIOCGWINSZ, TIOCNOTTY, TIOCOUTQ,
  TIOCSCTTY, TIOCSIG, TIOCSPGRP, TIOCSPTLCK, TIOCSTI, TIOCSWINSZ, type Termios, type Winsize,
} from '../../abi/termios.ts';
import type { Task } from '../task/task.ts';
import type { Pty } from './pty.ts';
import type { Tty } from './tty.ts';

export interface IoctlTarget {
  /** The terminal the call is about (a master's slave). */
  tty: Tty;
  pty: Pty | null;
  side: 'slave' | 'master';
  /** The open flags of the description the call came through. */
  flags: number;
}

function int(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new SysError('EFAULT');
  return v;
}

function termiosArg(v: unknown): Termios {
  const t = v as Partial<Termios> | null;
  if (!t || typeof t !== 'object') throw new SysError('EFAULT');
  const fields = [t.iflag, t.oflag, t.cflag, t.lflag];
  if (!fields.every((f) => typeof f === 'number' && Number.isInteger(f)) || !Array.isArray(t.cc)) throw new SysError('EFAULT');
  const cc = t.cc.slice(0, NCCS).map((c) => (typeof c === 'number' ? c & 0xff : 0));
  while (cc.length < NCCS) cc.push(0);
  return { iflag: t.iflag!, oflag: t.oflag!, cflag: t.cflag!, lflag: t.lflag!, line: typeof t.line === 'number' ? t.line : 0, cc };
}

function winsizeArg(v: unknown): Winsize {
  const w = v as Partial<Winsize> | null;
  if (!w || typeof w !== 'object') throw new SysError('EFAULT');
  const n = (x: unknown): number => (typeof x === 'number' ? x & 0xffff : 0);
  return { row: n(w.row), col: n(w.col), xpixel: n(w.xpixel), ypixel: n(w.ypixel) };
}

/** The caller's controlling terminal is this one (slave-side calls that require it). */
function owns(tty: Tty, task: Task): boolean {
  return tty.kernel.controllingTty(task) === tty;
}

export async function ttyIoctl(target: IoctlTarget, task: Task, request: number, arg: unknown): Promise<unknown> {
  const { tty, pty, side } = target;
  const k = tty.kernel;
  switch (request) {
    case TCGETS:
      return tty.termios;
    case TCSETS:
    case TCSETSW:
    case TCSETSF: {
      const t = termiosArg(arg);
      if (side === 'slave') tty.checkBackground(task, SIG.SIGTTOU);
      if (request === TCSETSF) tty.flushInput();
      tty.setTermios(t);
      return 0;
    }
    case TIOCGWINSZ:
      return tty.winsize;
    case TIOCSWINSZ:
      tty.setWinsize(winsizeArg(arg));
      return 0;
    case TIOCSCTTY:
      return setControllingTty(target, task, arg === 1);
    case TIOCNOTTY:
      if (!owns(tty, task)) throw new SysError('ENOTTY');
      if (task.sid === task.pid) {
        // disassociate_ctty(0): the foreground job hears SIGHUP and SIGCONT.
        if (tty.pgrp) {
          k.signalGroup(tty.pgrp, SIG.SIGHUP);
          k.signalGroup(tty.pgrp, SIG.SIGCONT);
        }
        tty.clearSession();
      }
      return 0;
    case TIOCGPGRP:
      if (side === 'slave' && !owns(tty, task)) throw new SysError('ENOTTY');
      return tty.pgrp ? k.nrOf(task, tty.pgrp) : 0;
    case TIOCSPGRP:
      return setForeground(tty, side, task, arg);
    case TIOCGSID:
      if (side === 'slave' && !owns(tty, task)) throw new SysError('ENOTTY');
      if (!tty.sid) throw new SysError('ENOTTY');
      return k.nrOf(task, tty.sid);
    case FIONREAD:
      return side === 'master' ? pty!.masterReadable : tty.readable;
    case TIOCOUTQ:
      return side === 'master' ? 0 : tty.outputPending();
    case TCFLSH: {
      const q = int(arg);
      if (q !== TCIFLUSH && q !== TCOFLUSH && q !== TCIOFLUSH) throw new SysError('EINVAL');
      // A master's input queue is its slave's output, and the other way round.
      const flushIn = side === 'slave' ? q !== TCOFLUSH : q !== TCIFLUSH;
      const flushOut = side === 'slave' ? q !== TCIFLUSH : q !== TCOFLUSH;
      if (flushIn) tty.flushInput();
      if (flushOut) pty?.flush();
      return 0;
    }
    case TCXONC: {
      const a = int(arg);
      if (a === TCOOFF) tty.flow(false);
      else if (a === TCOON) tty.flow(true);
      else if (a !== 2 && a !== 3) throw new SysError('EINVAL');
      return 0;
    }
    case TCSBRK:
      // tcdrain: output reaches the master as it is written, so nothing is ever left to drain.
      return 0;
    case TIOCSTI: {
      if (task.cred.euid !== 0 && !owns(tty, task)) throw new SysError('EPERM');
      if ((target.flags & O_ACCMODE) === O_WRONLY && task.cred.euid !== 0) throw new SysError('EPERM');
      tty.input(Uint8Array.of(int(arg) & 0xff));
      return 0;
    }
    case TIOCGPTN:
      if (side !== 'master') throw new SysError('ENOTTY');
      return pty!.index;
    case TIOCSPTLCK:
      if (side !== 'master') throw new SysError('ENOTTY');
      pty!.locked = int(arg) !== 0;
      return 0;
    case TIOCGPTLCK:
      if (side !== 'master') throw new SysError('ENOTTY');
      return pty!.locked ? 1 : 0;
    case TIOCSIG: {
      if (side !== 'master') throw new SysError('ENOTTY');
      const sig = int(arg);
      if (sig !== SIG.SIGINT && sig !== SIG.SIGQUIT && sig !== SIG.SIGTSTP) throw new SysError('EINVAL');
      if (tty.pgrp) k.signalGroup(tty.pgrp, sig);
      return 0;
    }
    default:
      throw new SysError('ENOTTY');
  }
}

/** tiocsctty: a session leader without a terminal takes this one (arg 1: root may steal it). */
function setControllingTty(target: IoctlTarget, task: Task, steal: boolean): number {
  const { tty } = target;
  const k = tty.kernel;
  const leader = task.sid === task.pid;
  if (leader && tty.sid === task.sid) return 0;
  if (!leader || k.controllingTty(task)) throw new SysError('EPERM');
  if (tty.sid) {
    if (!(steal && task.cred.euid === 0)) throw new SysError('EPERM');
    tty.clearSession();
  }
  if ((target.flags & O_ACCMODE) === O_WRONLY && task.cred.euid !== 0) throw new SysError('EPERM');
  if (tty.hungUp) throw new SysError('EIO');
  k.attachSession(tty, task);
  return 0;
}

/** tiocspgrp: only the session's own processes, to a group of that session. */
function setForeground(tty: Tty, side: 'slave' | 'master', task: Task, arg: unknown): number {
  const k = tty.kernel;
  if (side === 'slave') {
    try {
      tty.checkBackground(task, SIG.SIGTTOU);
    } catch (e) {
      // An orphaned background group is told ENOTTY here, not EIO.
      if (e instanceof SysError && e.code === 'EIO') throw new SysError('ENOTTY');
      throw e;
    }
  }
  const nr = int(arg);
  if (nr < 0) throw new SysError('EINVAL');
  if (!owns(tty, task) || tty.sid !== task.sid) throw new SysError('ENOTTY');
  const pgrp = k.pidOf(task, nr);
  if (!pgrp) throw new SysError('ESRCH');
  if (!k.groupInSession(pgrp, task.sid)) throw new SysError('EPERM');
  tty.pgrp = pgrp;
  return 0;
}

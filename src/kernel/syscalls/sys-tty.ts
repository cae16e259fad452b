// ioctl(2): requests go to the device behind the descriptor (terminals answer the tty
// requests of abi/termios.ts); any other file, and any device without ioctls, answers ENOTTY,
// which is how isatty(3) and tcgetattr(3) tell a terminal from anything else.

import { SysError } from '../../abi/errno.ts';
import { deviceOf } from '../dev/device-handle.ts';
import type { Kernel } from '../kernel.ts';
import type { Task } from '../task/task.ts';
import type { SyscallSpec } from './table.ts';

export const TTY_SYSCALLS: Record<string, SyscallSpec> = {
  ioctl: {
    handler: async (_k: Kernel, t: Task, fd: number, request: number, arg?: unknown) => {
      if (typeof fd !== 'number' || typeof request !== 'number') throw new SysError('EINVAL');
      const dev = deviceOf(t.fds.get(fd));
      if (!dev?.ioctl) throw new SysError('ENOTTY');
      return dev.ioctl(t, request >>> 0, arg);
    },
    support: 'partial',
    note: 'terminal requests (TCGETS/TCSETS*, TIOC[GS]PGRP, TIOC[GS]WINSZ, TIOCSCTTY, TIOCNOTTY, FIONREAD, TCFLSH, TCXONC, TIOCGPTN, TIOCSPTLCK, TIOCSIG); structures pass as objects',
  },
};

// The function the kernel installs as the VFS's openSpecial: opening a character device node
// asks the device table, opening a fifo joins its pipe. Block devices and sockets cannot be
// opened (ENXIO), as on a Linux without those drivers.

import { SysError } from '../../abi/errno.ts';
import { S_IFCHR, S_IFIFO, S_IFMT, type Stat } from '../../abi/stat.ts';
import type { PathRef } from '../fs/vfs/mount.ts';
import type { Caller, FileHandle } from '../fs/vfs/types.ts';
import { NEVER } from '../task/interrupt.ts';
import { Task } from '../task/task.ts';
import type { DeviceFile, DeviceRegistry } from './char-device.ts';
import { deviceHandle } from './device-handle.ts';
import type { FifoTable } from './fifo.ts';

/**
 * Vfs.openSpecial's shape, plus the opening task when the VFS passes it: /dev/tty needs it to
 * find the controlling terminal, a blocking fifo open to be interruptible.
 */
export type DeviceOpener = (ref: PathRef, st: Stat, flags: number, caller?: Caller) => Promise<FileHandle>;

export function createSpecialOpener(devices: DeviceRegistry, fifos: (caller: Task | null) => Promise<FifoTable>): DeviceOpener {
  return async (ref, st, flags, caller) => {
    const task = caller instanceof Task ? caller : null;
    let dev: DeviceFile;
    switch (st.mode & S_IFMT) {
      case S_IFCHR:
        dev = await devices.open({ ref, st, flags, caller: task });
        break;
      case S_IFIFO:
        dev = await (await fifos(task)).open(st, flags, task?.interrupt ?? NEVER);
        break;
      default:
        throw new SysError('ENXIO');
    }
    return deviceHandle(ref, dev);
  };
}

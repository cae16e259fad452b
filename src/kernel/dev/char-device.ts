// Character devices: the table from device number (major, minor) to driver, with Linux's
// numbers, and what a driver gives back when a device node is opened. A driver may claim a
// whole major (the pty slaves, 136:N) or one minor of it.

import { SysError } from '../../abi/errno.ts';
import type { Stat } from '../../abi/stat.ts';
import { major, minor } from '../../abi/stat.ts';
import type { PathRef } from '../fs/vfs/mount.ts';
import type { Interrupt } from '../task/interrupt.ts';
import type { Task } from '../task/task.ts';

/** An open device: reads and writes that may block (and give up on a signal), ioctls, close. */
export interface DeviceFile {
  read(length: number, intr?: Interrupt): Promise<Uint8Array>;
  write(data: Uint8Array, intr?: Interrupt): Promise<number>;
  /** ioctl(2); devices without it answer ENOTTY. */
  ioctl?(caller: Task, request: number, arg: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface OpenRequest {
  /** The node opened, and where (a ptmx finds its devpts instance from here). */
  ref: PathRef;
  st: Stat;
  flags: number;
  /** The opening task; null when the kernel opens on nobody's behalf. */
  caller: Task | null;
}

export interface CharDevice {
  /** The name of the driver, as /proc/devices lists it. */
  readonly name: string;
  open(req: OpenRequest): Promise<DeviceFile>;
}

export class DeviceRegistry {
  private readonly byMinor = new Map<string, CharDevice>();
  private readonly byMajor = new Map<number, CharDevice>();

  /** Register a driver for one device number, or (minor undefined) for every minor of a major. */
  register(maj: number, min: number | undefined, dev: CharDevice): void {
    if (min === undefined) this.byMajor.set(maj, dev);
    else this.byMinor.set(`${maj}:${min}`, dev);
  }

  lookup(rdev: number): CharDevice | undefined {
    return this.byMinor.get(`${major(rdev)}:${minor(rdev)}`) ?? this.byMajor.get(major(rdev));
  }

  /** chrdev_open: ENXIO for a number no driver has. */
  open(req: OpenRequest): Promise<DeviceFile> {
    const dev = this.lookup(req.st.rdev);
    if (!dev) throw new SysError('ENXIO');
    return dev.open(req);
  }
}

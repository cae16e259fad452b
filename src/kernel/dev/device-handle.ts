// The bridge from an open device to the VFS: the VFS keeps a FileHandle in each open file, so
// a device opened by path is wrapped in a DeviceHandle. deviceOf() finds the device again behind
// any descriptor, for ioctl. Positions mean nothing to a device and are ignored.

import { SysError } from '../../abi/errno.ts';
import type { PathRef } from '../fs/vfs/mount.ts';
import type { FileHandle } from '../fs/vfs/types.ts';
import { OpenFile } from '../fs/vfs/open-file.ts';
import type { FileDescription } from '../task/file.ts';
import type { Interrupt } from '../task/interrupt.ts';
import type { DeviceFile } from './char-device.ts';

/** Devices opened by path, by the path reference their open file keeps. */
const byRef = new WeakMap<PathRef, DeviceHandle>();

export class DeviceHandle implements FileHandle {
  constructor(readonly device: DeviceFile) {}

  /** The VFS passes the caller's interrupt when it has one, so a blocked read can end with EINTR. */
  read(_pos: number, length: number, intr?: Interrupt): Promise<Uint8Array> {
    return this.device.read(length, intr);
  }

  write(_pos: number, data: Uint8Array, intr?: Interrupt): Promise<number> {
    return this.device.write(data, intr);
  }

  async size(): Promise<number> {
    return 0;
  }

  /** ftruncate(2) on a character device is EINVAL (O_TRUNC never reaches here). */
  async truncate(): Promise<void> {
    throw new SysError('EINVAL');
  }

  async flush(): Promise<void> {}

  close(): Promise<void> {
    return this.device.close();
  }
}

/** Wrap an opened device for the VFS, remembering it for deviceOf(). */
export function deviceHandle(ref: PathRef, device: DeviceFile): DeviceHandle {
  const h = new DeviceHandle(device);
  byRef.set(ref, h);
  return h;
}

/** The device behind a descriptor: one installed directly (a session's tty) or opened by path. */
export function deviceOf(file: FileDescription): DeviceFile | null {
  if (file instanceof OpenFile) return byRef.get(file.ref)?.device ?? null;
  const direct = file as Partial<DeviceFile>;
  return typeof direct.ioctl === 'function' ? (file as DeviceFile) : null;
}

// The memory devices of Linux's drivers/char/mem.c that a sandbox has: /dev/null (reads end of
// file, swallows writes), /dev/zero (reads zeros, swallows writes) and /dev/full (reads zeros,
// every write fails with ENOSPC). None of them ever blocks.

import { SysError } from '../../abi/errno.ts';
import type { CharDevice, DeviceFile, DeviceRegistry } from './char-device.ts';

export const MEM_MAJOR = 1;

/** The most one read of /dev/zero hands out; a read may always return less than asked. */
export const MAX_DEVICE_READ = 1 << 26;

function zeros(length: number): Uint8Array {
  return new Uint8Array(Math.max(0, Math.min(length, MAX_DEVICE_READ)));
}

const nullFile: DeviceFile = {
  async read() {
    return new Uint8Array(0);
  },
  async write(data) {
    return data.length;
  },
  async close() {},
};

const zeroFile: DeviceFile = {
  async read(length) {
    return zeros(length);
  },
  async write(data) {
    return data.length;
  },
  async close() {},
};

const fullFile: DeviceFile = {
  async read(length) {
    return zeros(length);
  },
  async write(data) {
    if (data.length === 0) return 0;
    throw new SysError('ENOSPC');
  },
  async close() {},
};

function stateless(name: string, file: DeviceFile): CharDevice {
  return { name, open: async () => file };
}

export function registerMemDevices(reg: DeviceRegistry): void {
  reg.register(MEM_MAJOR, 3, stateless('null', nullFile));
  reg.register(MEM_MAJOR, 5, stateless('zero', zeroFile));
  reg.register(MEM_MAJOR, 7, stateless('full', fullFile));
}

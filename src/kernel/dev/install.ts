// Wiring devices into a kernel: the device table with every driver, the fifo table, the
// terminal layer, the VFS's openSpecial hook, and the filesystem types devtmpfs and devpts.
// mountDevices() then gives a root the /dev a booted Linux has: devtmpfs on /dev and a devpts
// on /dev/pts (gid=5,mode=620,ptmxmode=000, as systemd mounts it), where host terminals live.

import { SysError } from '../../abi/errno.ts';
import { DevFs } from '../fs/devfs/devfs.ts';
import { DevPtsFs, parseDevPtsOptions } from '../fs/devfs/devpts.ts';
import type { FsContext } from '../fs/vfs/vfs.ts';
import type { Kernel } from '../kernel.ts';
import { Terminals } from '../tty/terminals.ts';
import { DeviceRegistry } from './char-device.ts';
import type { FifoTable } from './fifo.ts';
import { registerMemDevices } from './mem.ts';
import { CryptoRandom, type RandomSource, registerRandomDevices } from './random.ts';
import { createSpecialOpener } from './special-opener.ts';
import { registerTtyDevices } from './tty.ts';

export interface Devices {
  terminals: Terminals;
  registry: DeviceRegistry;
  /** The fifo table, made (and its module loaded, off `caller`'s CPU time) at the first open of a fifo. */
  fifos(caller?: unknown): Promise<FifoTable>;
  /** The one devtmpfs instance (made at its first mount). */
  devtmpfs(): Promise<DevFs>;
}

export interface DeviceOptions {
  /** Where /dev/random and /dev/urandom get their bytes (default: crypto.getRandomValues). */
  random?: RandomSource;
}

/** The devpts options mountDevices uses for /dev/pts. */
export const HOST_DEVPTS_OPTIONS = 'gid=5,mode=620,ptmxmode=000';

export function installDevices(kernel: Kernel, opts: DeviceOptions = {}): Devices {
  const terminals = new Terminals(kernel);
  const registry = new DeviceRegistry();
  // Named pipes load on the first fifo open: a machine boots without one. A failed load (the
  // page went offline) is tried again at the next open.
  let fifoTable: FifoTable | undefined;
  let loading: Promise<FifoTable> | undefined;
  const fifos = async (caller?: unknown): Promise<FifoTable> => {
    if (fifoTable) return fifoTable;
    loading ??= import('./fifo.ts').then(
      (m) => new m.FifoTable(() => kernel.clock.nowNs()),
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    );
    return (fifoTable = await kernel.hostWait(caller, loading));
  };
  registerMemDevices(registry);
  registerRandomDevices(registry, opts.random ?? new CryptoRandom());
  registerTtyDevices(registry, terminals);
  kernel.vfs.openSpecial = createSpecialOpener(registry, fifos);
  let devfs: Promise<DevFs> | null = null;
  const devtmpfs = (): Promise<DevFs> => (devfs ??= DevFs.create(kernel.vfs.allocDev(), kernel.clock));
  kernel.vfs.registerFsType('devtmpfs', () => devtmpfs());
  kernel.vfs.registerFsType('devpts', async (req) => terminals.newDevpts(req.dev, parseDevPtsOptions(req.options), req.readOnly));
  return { terminals, registry, fifos, devtmpfs };
}

/** Mount devtmpfs on /dev (made if missing) and a devpts on /dev/pts for the host's terminals. */
export async function mountDevices(kernel: Kernel, ctx: FsContext, devices: Devices): Promise<void> {
  const vfs = kernel.vfs;
  try {
    await vfs.mkdir(ctx, '/dev', 0o755);
  } catch (e) {
    if (!(e instanceof SysError && e.code === 'EEXIST')) throw e;
  }
  await vfs.mount(ctx, 'devtmpfs', '/dev', 'devtmpfs');
  await vfs.mount(ctx, 'devpts', '/dev/pts', 'devpts', HOST_DEVPTS_OPTIONS);
  const pts = (await vfs.lookup(ctx, '/dev/pts')).mount.fs;
  if (pts instanceof DevPtsFs) devices.terminals.hostPts = pts;
}

// Assembles a machine: the VFS with its filesystem types, the root disk (persistent over a Store,
// or a tmpfs), the kernel with its syscall table and program registry, and the host's first
// mounts. The worker and the Node CLI both boot through here; they hand in what differs
// (where the disk lives, the thread's timers).

import type { Store } from '../kernel/fs/storage/store.ts';
import { BlobStore } from '../kernel/fs/storage/blob-store.ts';
import { DiskFs } from '../kernel/fs/diskfs/diskfs.ts';
import { TmpFs } from '../kernel/fs/tmpfs/tmpfs.ts';
import { registerFilesystems } from '../kernel/fs/filesystems.ts';
import type { FileSystem, Clock } from '../kernel/fs/vfs/types.ts';
import { type FsContext, Vfs } from '../kernel/fs/vfs/vfs.ts';
import { SystemClock } from '../kernel/clock.ts';
import { EventBus } from '../kernel/events.ts';
import { Kernel, type KernelHost } from '../kernel/kernel.ts';
import { buildSyscallTable } from '../kernel/syscalls/table.ts';
import { loadProgram, programNames } from '../programs/registry.ts';
import { type Devices, installDevices, mountDevices } from '../kernel/dev/install.ts';
import { prepareRoot } from './root-image.ts';

export interface MachineOptions {
  host: KernelHost;
  /** Where the root disk lives; without one the root is a tmpfs and nothing survives. */
  store?: Store;
  clock?: Clock;
  hostname?: string;
  /**
   * When to start writing the root's layout (or update) to the store: the worker waits for the
   * first prompt, so the shell does not share the thread with that write. At once without it.
   */
  writeRootAfter?: Promise<unknown>;
}

export interface Machine {
  kernel: Kernel;
  devices: Devices;
  vfs: Vfs;
  bus: EventBus;
  root: FileSystem;
  /** The boot context: the initial mount namespace as root sees it (for the host's own file work). */
  ctx: FsContext;
  /** Write back everything buffered on the root disk. */
  sync(): Promise<void>;
  /**
   * For the host to call every second or so: once the root disk has taken no write since the last
   * call, it stores its tree as one value, which the next boot reads instead of every inode row.
   * True if it did.
   */
  idle(): Promise<boolean>;
  /** The root's layout (or update) of this boot landed on the disk; it is written behind the boot. */
  rootWritten: Promise<void>;
  /** This boot laid the root out afresh (a new disk, or one whose first boot never finished). */
  fresh: boolean;
}

export async function bootMachine(opts: MachineOptions): Promise<Machine> {
  const clock = opts.clock ?? new SystemClock();
  const hostname = opts.hostname ?? 'cowbox';
  const bus = new EventBus();
  const vfs = new Vfs({ clock, emit: bus.emit });
  registerFilesystems(vfs);
  const root: FileSystem = opts.store
    ? await DiskFs.open({ store: opts.store, blobs: new BlobStore(opts.store), clock, dev: vfs.allocDev() })
    : new TmpFs({ clock, dev: vfs.allocDev(), mode: 0o755 });
  // What the first login shell reads from the disk, one file after another: its program file, the
  // profile and its history. Read ahead together, they wait on one round trip, not three in a row.
  if (root instanceof DiskFs) root.warm(['/usr/bin/sh', '/etc/profile', '/root/.sh_history']);
  const ctx = await vfs.newRootContext(root, '/dev/vda');
  // The first boot writes hundreds of files: on a disk, as one write-back rather than one each.
  const layOut = (): Promise<boolean> => prepareRoot(vfs, ctx, hostname, programNames());
  // ...and it goes on behind: the shell reads the root from memory meanwhile, and every later write
  // lands after it. A machine stopped before it lands finds its disk as it was (empty: a first boot).
  let rootWritten = Promise.resolve();
  let fresh: boolean;
  if (root instanceof DiskFs) {
    const laidOut = await root.batchBehind(layOut, opts.writeRootAfter);
    fresh = laidOut.result;
    rootWritten = laidOut.written;
    // A failed write-back stays pending for the next one; the Store's owner hears of the failure.
    rootWritten.catch(() => undefined);
  } else {
    fresh = await layOut();
  }
  await vfs.mount(ctx, 'tmpfs', '/run', 'tmpfs', 'mode=755');
  const kernel = new Kernel({ clock, host: opts.host, vfs, rootCtx: ctx, syscalls: buildSyscallTable(), loadProgram, bus, hostname });
  const devices = installDevices(kernel);
  // What a booted Linux has mounted before init: /proc, /dev (+ /dev/pts), /sys/fs/cgroup, /run.
  await vfs.mount(ctx, 'proc', '/proc', 'proc');
  await mountDevices(kernel, ctx, devices);
  await vfs.mount(ctx, 'sysfs', '/sys', 'sysfs', 'nosuid,nodev,noexec');
  await vfs.mount(ctx, 'cgroup2', '/sys/fs/cgroup', 'cgroup2');
  let lastGeneration = -1;
  const idle = async (): Promise<boolean> => {
    if (!(root instanceof DiskFs)) return false;
    const quiet = root.generation === lastGeneration;
    lastGeneration = root.generation;
    return quiet && root.treeImageStale ? root.saveTreeImage() : false;
  };
  return { kernel, devices, vfs, bus, root, ctx, sync: () => root.sync(), idle, rootWritten, fresh };
}

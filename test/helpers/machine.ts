// A bare machine for filesystem tests: a VFS over a root tmpfs with the filesystem types
// registered, a manual clock, and every kernel event collected in order.

import { ManualClock } from '../../src/kernel/clock.ts';
import type { KernelEvent } from '../../src/kernel/events.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { TmpFs } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import { type FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';

export interface TestMachine {
  vfs: Vfs;
  ctx: FsContext;
  clock: ManualClock;
  events: KernelEvent[];
}

export async function bootMachine(): Promise<TestMachine> {
  const clock = new ManualClock();
  const events: KernelEvent[] = [];
  const vfs = new Vfs({ clock, emit: (e) => events.push(e) });
  registerFilesystems(vfs);
  const root = new TmpFs({ dev: vfs.allocDev(), clock, mode: 0o755 });
  const ctx = await vfs.newRootContext(root, 'rootfs');
  return { vfs, ctx, clock, events };
}

export const text = (b: Uint8Array): string => new TextDecoder().decode(b);
